// Incremental builds through the CLI on a copy of the example site: an unchanged rebuild writes
// nothing, one edited case rewrites only what shows it, and anything that can change the output
// (a template, the config, the binary, a damaged site or cache) is never served from the cache.

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>

#include "cli_support.h"

namespace fs = std::filesystem;
using cli_test::run;

namespace {

struct Stamp {
  std::uint64_t inode = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const Stamp&) const = default;
};

// inode and mtime of every published file: a rewritten file changes at least one of them.
std::map<std::string, Stamp> stamps(const fs::path& site) {
  std::map<std::string, Stamp> out;
  for (const auto& e : fs::recursive_directory_iterator(site)) {
    if (!e.is_regular_file()) continue;
    struct stat st {};
    ::stat(e.path().c_str(), &st);
    out[fs::relative(e.path(), site).generic_string()] = {
        st.st_ino, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec};
  }
  return out;
}

std::vector<std::string> changed(const std::map<std::string, Stamp>& before,
                                 const std::map<std::string, Stamp>& after) {
  std::vector<std::string> out;
  for (const auto& [path, stamp] : after) {
    auto it = before.find(path);
    if (it == before.end() || !(it->second == stamp)) out.push_back(path);
  }
  for (const auto& [path, stamp] : before)
    if (!after.count(path)) out.push_back("-" + path);
  return out;
}

fs::path example_copy(const std::string& name) {
  return cli_test::copy_of("incr-" + name, {"ombudsite.json", "content", "templates", "themes"});
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = cli_test::slurp(file);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("an unchanged rebuild writes nothing and says so", "[incremental]") {
  fs::path root = example_copy("same");
  REQUIRE(run("build --quiet", root).status == 0);
  auto before = stamps(root / "site");
  auto r = run("build", root);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("up to date (0 written") != std::string::npos);
  CHECK(changed(before, stamps(root / "site")).empty());
  CHECK(fs::exists(root / ".ombudsite-cache" / "state.bin"));
  fs::remove_all(root);
}

TEST_CASE("one edited case rewrites only the files that show it", "[incremental]") {
  fs::path root = example_copy("edit");
  REQUIRE(run("build --quiet", root).status == 0);
  auto before = stamps(root / "site");
  // Body text only: its page and its JSON change; lists show titles and summaries.
  replace_in(root / "content/zaken/2025-00142.md", "## Wat was er aan de hand?",
             "## Wat was er precies aan de hand?");
  auto r = run("build", root);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("(2 written") != std::string::npos);
  auto diff = changed(before, stamps(root / "site"));
  CHECK(diff == std::vector<std::string>{"zaken/2025-00142.json", "zaken/2025-00142/index.html"});
  CHECK(cli_test::slurp(root / "site/zaken/2025-00142/index.html").find("precies") !=
        std::string::npos);

  // A new title reaches the lists, feeds and search index as well, and nothing else.
  before = stamps(root / "site");
  replace_in(root / "content/zaken/2025-00142.md", "title: \"", "title: \"Opnieuw: ");
  REQUIRE(run("build --quiet", root).status == 0);
  diff = changed(before, stamps(root / "site"));
  CHECK(std::count(diff.begin(), diff.end(), "zaken/2025-00142/index.html") == 1);
  CHECK(std::count(diff.begin(), diff.end(), "zaken/index.html") == 1);
  CHECK(std::count(diff.begin(), diff.end(), "atom.xml") == 1);
  CHECK(std::count(diff.begin(), diff.end(), "zaken/2025-00157/index.html") == 0);
  CHECK(std::count(diff.begin(), diff.end(), "over/index.html") == 0);
  fs::remove_all(root);
}

TEST_CASE("templates, config, the binary and a touched site invalidate the cache",
          "[incremental]") {
  fs::path root = example_copy("invalidate");
  REQUIRE(run("build --quiet", root).status == 0);

  SECTION("a template") {
    fs::path footer = root / "templates/site/partials/footer.mustache";
    REQUIRE(fs::exists(footer));
    std::ofstream(footer, std::ios::app) << "<!-- nieuw -->\n";
    auto r = run("build", root);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("up to date") == std::string::npos);
    CHECK(cli_test::slurp(root / "site/over/index.html").find("<!-- nieuw -->") !=
          std::string::npos);
  }
  SECTION("the config") {
    replace_in(root / "ombudsite.json", "\"title\": \"", "\"title\": \"De ");
    auto r = run("build", root);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("up to date") == std::string::npos);
  }
  SECTION("the binary") {
    // Another binary may scrub differently: a copy with one byte more is another binary.
    fs::path other = root / "ombudsite-other";
    fs::copy_file(OMBUDSITE_BINARY, other);
    std::ofstream(other, std::ios::app | std::ios::binary) << '\0';
    fs::permissions(other, fs::perms::owner_exec, fs::perm_options::add);
    std::string cmd = "cd '" + root.string() + "' && ./ombudsite-other build > out.txt 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(cli_test::slurp(root / "out.txt").find("up to date") == std::string::npos);
  }
  SECTION("a published file changed or removed by hand") {
    std::ofstream(root / "site/over/index.html", std::ios::app) << "gewijzigd";
    fs::remove(root / "site/woo/index.html");
    auto r = run("build", root);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("up to date") == std::string::npos);
    CHECK(cli_test::slurp(root / "site/over/index.html").find("gewijzigd") == std::string::npos);
    CHECK(fs::exists(root / "site/woo/index.html"));
  }
  SECTION("a file added to the site by hand") {
    std::ofstream(root / "site/extra.html") << "x";
    auto r = run("build", root);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("up to date") == std::string::npos);
    CHECK_FALSE(fs::exists(root / "site/extra.html"));
  }
  fs::remove_all(root);
}

TEST_CASE("a deleted or corrupt cache is rebuilt, --no-cache uses none", "[incremental]") {
  fs::path root = example_copy("corrupt");
  REQUIRE(run("build --quiet", root).status == 0);
  auto before = stamps(root / "site");
  SECTION("corrupt") {
    for (const auto& e : fs::directory_iterator(root / ".ombudsite-cache"))
      std::ofstream(e.path(), std::ios::binary | std::ios::trunc) << "\x01garbage";
  }
  SECTION("truncated") {
    for (const auto& e : fs::directory_iterator(root / ".ombudsite-cache")) {
      std::string bytes = cli_test::slurp(e.path());
      std::ofstream(e.path(), std::ios::binary | std::ios::trunc)
          << bytes.substr(0, bytes.size() / 2);
    }
  }
  SECTION("deleted") {
    fs::remove_all(root / ".ombudsite-cache");
  }
  auto r = run("build", root);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("up to date") == std::string::npos);
  // The same bytes: nothing is rewritten, and the cache is whole again.
  CHECK(changed(before, stamps(root / "site")).empty());
  CHECK(run("build", root).out.find("up to date") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("a cold build (no cache) leaves no cache; the cache must not be in the output",
          "[incremental]") {
  fs::path root = example_copy("nocache");
  auto r = run("build --no-cache", root);
  REQUIRE(r.status == 0);
  CHECK_FALSE(fs::exists(root / ".ombudsite-cache"));
  r = run("build --no-cache", root);
  CHECK(r.out.find("up to date") == std::string::npos);
  CHECK(r.out.find("(0 written") != std::string::npos);

  r = run("build --cache elders", root);
  REQUIRE(r.status == 0);
  CHECK(fs::exists(root / "elders" / "state.bin"));
  CHECK(run("build --cache elders", root).out.find("up to date") != std::string::npos);

  r = run("build --cache site/cache", root);
  CHECK(r.status == 1);
  CHECK(r.err.find("must not be inside the output folder") != std::string::npos);
  CHECK_FALSE(fs::exists(root / "site/cache"));
  fs::remove_all(root);
}
