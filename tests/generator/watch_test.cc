#include "generator/watch.h"

#include <catch2/catch.hpp>
#include <mutex>

#include "serve_support.h"

using namespace generator;
using namespace serve_test;

namespace {

// Records every callback of a watcher on `root`.
struct Recorder {
  std::mutex mutex;
  std::vector<std::vector<std::string>> calls;
  Watcher watcher;

  explicit Recorder(const fs::path& root, std::chrono::milliseconds debounce)
      : watcher({root, {"content", "templates", "themes"}, {"ombudsite.json"}, debounce},
                [this](const std::vector<std::string>& changed) {
                  std::lock_guard lock(mutex);
                  calls.push_back(changed);
                }) {}

  std::size_t count() {
    std::lock_guard lock(mutex);
    return calls.size();
  }
  std::vector<std::string> last() {
    std::lock_guard lock(mutex);
    return calls.empty() ? std::vector<std::string>{} : calls.back();
  }
};

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("Watcher reports a burst of changes once, after it settles", "[watch]") {
  fs::path root = site_copy("watch-burst");
  // A long debounce: five writes in a row always fall inside it, even under a sanitizer.
  Recorder r(root, std::chrono::milliseconds(400));
  std::string error;
  REQUIRE(r.watcher.start(&error));
  for (int i = 0; i < 5; ++i)
    write(root / "content" / "zaken" / ("2025-0001" + std::to_string(i) + ".md"), "x");
  REQUIRE(eventually([&] { return r.count() >= 1; }));
  auto changed = r.last();
  for (int i = 0; i < 5; ++i)
    CHECK(contains(changed, "content/zaken/2025-0001" + std::to_string(i) + ".md"));
  r.watcher.stop();
  CHECK(r.count() == 1);
  fs::remove_all(root);
}

TEST_CASE("Watcher follows new folders and ignores what is not a source", "[watch]") {
  fs::path root = site_copy("watch-tree");
  Recorder r(root, std::chrono::milliseconds(50));
  std::string error;
  REQUIRE(r.watcher.start(&error));

  // Not sources: the build's own output, an editor's swap file, another file in the root.
  write(root / ".ombudsite-cache" / "serve" / "index.html", "x");
  write(root / "site" / "index.html", "x");
  write(root / "content" / ".index.md.swp", "x");
  write(root / "notes.txt", "x");
  // A source after them: the only change reported.
  write(root / "ombudsite.json", slurp(root / "ombudsite.json"));
  REQUIRE(eventually([&] { return r.count() >= 1; }));
  CHECK(r.last() == std::vector<std::string>{"ombudsite.json"});

  // templates/ did not exist at start; a file in a folder created inside it still counts.
  fs::create_directories(root / "templates" / "site");
  REQUIRE(eventually([&] { return contains(r.last(), "templates"); }));
  write(root / "templates" / "site" / "base.mustache", "x");
  REQUIRE(eventually([&] { return contains(r.last(), "templates/site/base.mustache"); }));

  // A rename into place, as editors save.
  write(root / "content" / "tmp-save", "x");
  REQUIRE(eventually([&] { return r.count() >= 1 && contains(r.last(), "content/tmp-save"); }));
  std::size_t before = r.count();
  fs::rename(root / "content" / "tmp-save", root / "content" / "index.md");
  REQUIRE(eventually([&] { return r.count() > before && contains(r.last(), "content/index.md"); }));
  r.watcher.stop();
  fs::remove_all(root);
}

TEST_CASE("Watcher fails cleanly on a missing root", "[watch]") {
  Watcher w({fs::path("/nonexistent-ombudsite-root"), {}, {}, std::chrono::milliseconds(10)},
            [](const std::vector<std::string>&) {});
  std::string error;
  CHECK_FALSE(w.start(&error));
  CHECK(error.find("cannot watch") != std::string::npos);
  w.stop();
}
