#include "generator/write_atomic.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace generator;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("ombudsite-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("write_atomic publishes a whole tree and replaces the old one", "[write]") {
  fs::path dir = fresh_dir("swap");
  Diagnostics diags;
  REQUIRE(write_atomic(dir / "site", {{"index.html", "een"}, {"zaken/a/index.html", "a"}}, diags));
  REQUIRE(write_atomic(dir / "site", {{"index.html", "twee"}}, diags));
  CHECK(slurp(dir / "site" / "index.html") == "twee");
  CHECK_FALSE(fs::exists(dir / "site" / "zaken"));
  // Beside the output: the lock file and the previous site, trimmed to the files the new site
  // has (a withdrawn page does not linger there).
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{".site.lock", ".site.previous", "site"});
  CHECK(slurp(dir / ".site.previous" / "index.html") == "een");
  CHECK_FALSE(fs::exists(dir / ".site.previous" / "zaken"));
  fs::remove_all(dir);
}

namespace {

ino_t inode_of(const fs::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Every regular file under `root` with its bytes; fails the test on anything else.
std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    auto type = it->symlink_status().type();
    CHECK((type == fs::file_type::regular || type == fs::file_type::directory));
    if (type == fs::file_type::regular)
      out[it->path().lexically_relative(root).generic_string()] = slurp(it->path());
  }
  return out;
}

}  // namespace

TEST_CASE("write_atomic stages in the previous site's tree", "[write]") {
  fs::path dir = fresh_dir("reuse");
  Diagnostics diags;
  WriteStats stats;
  OutputFiles v1 = {{"index.html", "1"}, {"zaken/a/index.html", "a"}, {"zaken/b/index.html", "b"}};
  REQUIRE(write_atomic(dir / "site", v1, diags));
  ino_t a = inode_of(dir / "site" / "zaken/a/index.html");
  OutputFiles v2 = {{"index.html", "2"}, {"zaken/a/index.html", "a"}, {"zaken/b/index.html", "b"}};
  REQUIRE(write_atomic(dir / "site", v2, diags));
  REQUIRE(fs::exists(dir / ".site.previous"));

  SECTION(
      "a file unchanged over three builds keeps its inode; a changed one never writes "
      "through a hard link of the live site") {
    StagedSite staged(dir / "site", diags);
    REQUIRE(staged.ok());
    REQUIRE(staged.put({"index.html", "2"}));
    REQUIRE(staged.put({"zaken/a/index.html", "a"}));
    // The reused tree holds b as a link of the live b: the new bytes must not reach the live one.
    REQUIRE(staged.put({"zaken/b/index.html", "B"}));
    CHECK(slurp(dir / "site" / "zaken/b/index.html") == "b");
    REQUIRE(staged.commit());
    CHECK(staged.stats().written == 1);
    CHECK(staged.stats().kept == 2);
    CHECK(inode_of(dir / "site" / "zaken/a/index.html") == a);
    CHECK(tree(dir / "site") == std::map<std::string, std::string>{{"index.html", "2"},
                                                                   {"zaken/a/index.html", "a"},
                                                                   {"zaken/b/index.html", "B"}});
  }

  SECTION("whatever the previous tree holds, the new site is exactly what was put") {
    fs::path prev = dir / ".site.previous";
    fs::path outside = dir / "outside";
    fs::create_directories(outside);
    fs::create_symlink(outside, prev / "link");  // a folder symlink
    fs::remove(prev / "index.html");
    fs::create_directories(prev / "index.html" / "deep");  // a folder where a file goes
    fs::remove_all(prev / "zaken" / "a");
    std::ofstream(prev / "zaken" / "a") << "in the way";  // a file where a folder goes
    std::ofstream(prev / "stale.html") << "weg";
    OutputFiles v3 = {{"index.html", "3"},
                      {"zaken/a/index.html", "a"},
                      {"link/x.html", "x"},
                      {"nieuw/c.html", "c"}};
    REQUIRE(write_atomic(dir / "site", v3, diags, &stats));
    CHECK_FALSE(diags.has_errors());
    CHECK(tree(dir / "site") == std::map<std::string, std::string>{{"index.html", "3"},
                                                                   {"zaken/a/index.html", "a"},
                                                                   {"link/x.html", "x"},
                                                                   {"nieuw/c.html", "c"}});
    CHECK(fs::is_empty(outside));
    CHECK(inode_of(dir / "site" / "zaken/a/index.html") == a);
  }

  SECTION("without a live site the previous tree is not used") {
    fs::remove_all(dir / "site");
    REQUIRE(write_atomic(dir / "site", {{"index.html", "4"}}, diags, &stats));
    CHECK(stats.written == 1);
    CHECK(tree(dir / "site") == std::map<std::string, std::string>{{"index.html", "4"}});
    CHECK_FALSE(fs::exists(dir / ".site.previous"));
  }
  fs::remove_all(dir);
}

TEST_CASE("write_atomic keeps unchanged files untouched", "[write]") {
  fs::path dir = fresh_dir("keep");
  Diagnostics diags;
  WriteStats stats;
  REQUIRE(write_atomic(dir / "site", {{"a.html", "x"}, {"b.html", "y"}}, diags, &stats));
  CHECK(stats.written == 2);
  struct stat before {};
  ::stat((dir / "site" / "a.html").c_str(), &before);
  REQUIRE(write_atomic(dir / "site", {{"a.html", "x"}, {"b.html", "z"}}, diags, &stats));
  CHECK(stats.written == 1);
  CHECK(stats.kept == 1);
  struct stat after {};
  ::stat((dir / "site" / "a.html").c_str(), &after);
  CHECK(before.st_ino == after.st_ino);
  CHECK(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);
  fs::remove_all(dir);
}

TEST_CASE("write_atomic refuses unsafe paths and leaves the previous site intact", "[write]") {
  fs::path dir = fresh_dir("unsafe");
  Diagnostics ok;
  REQUIRE(write_atomic(dir / "site", {{"index.html", "oud"}}, ok));
  auto bad = GENERATE(as<std::string>{}, "../evil.html", "/etc/x", "a//b", "a/./b",
                      std::string("a\0b", 3), "");
  Diagnostics diags;
  CHECK_FALSE(write_atomic(dir / "site", {{"index.html", "nieuw"}, {bad, "x"}}, diags));
  CHECK(diags.has_errors());
  CHECK(slurp(dir / "site" / "index.html") == "oud");
  CHECK_FALSE(fs::exists(dir / "evil.html"));
  fs::remove_all(dir);
}

TEST_CASE("is_safe_output_path", "[write]") {
  auto [path, safe] = GENERATE(table<std::string, bool>({
      {"zaken/2025-00142/index.html", true},
      {"..", false},
      {"a/../b", false},
      {"a\\b", false},
      {"a\nb", false},
  }));
  CAPTURE(path);
  CHECK(is_safe_output_path(path) == safe);
}
