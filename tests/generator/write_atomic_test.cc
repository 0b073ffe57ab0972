#include "generator/write_atomic.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
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
  // Nothing is left beside the output but the lock file.
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{".site.lock", "site"});
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
