// Runs the official Mustache spec files against generator::mustache.
//   mustache_spec [SPEC_DIR] [--verbose]
// SPEC_DIR defaults to OMBUDSITE_SHARED_DIR/spec/mustache. Prints each failing case with its
// file, name, template, expected and actual output, then "mustache-spec: passed N/M".
// Exits 0 only when every case passed and at least one case ran.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "generator/mustache.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Lambdas need code in the data; the engine deliberately has none, so their file is skipped.
constexpr const char* kLambdaFile = "~lambdas.json";

std::vector<fs::path> spec_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

int run(int argc, char** argv) {
  fs::path dir = fs::path(OMBUDSITE_SHARED_DIR) / "spec" / "mustache";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--verbose") {
      verbose = true;
    } else {
      dir = arg;
    }
  }
  if (!fs::is_directory(dir)) {
    std::cerr << "mustache-spec: no spec folder at " << dir.string() << "\n";
    return 1;
  }
  int passed = 0;
  int total = 0;
  for (const fs::path& file : spec_files(dir)) {
    const std::string file_name = file.filename().string();
    if (file_name == kLambdaFile) {
      std::cout << "skipped " << file_name << ": lambdas are not supported\n";
      continue;
    }
    std::ifstream in(file);
    json spec = json::parse(in, nullptr, false);
    if (spec.is_discarded() || !spec.contains("tests")) {
      std::cout << "FAIL " << file_name << ": not a spec file\n";
      ++total;
      continue;
    }
    for (const json& test : spec["tests"]) {
      ++total;
      const std::string name = test.value("name", "?");
      std::vector<generator::mustache::Error> errors;
      const std::string actual =
          generator::mustache::render_string(test.value("template", ""), test.value("data", json()),
                                             test.value("partials", json::object()), errors);
      const std::string expected = test.value("expected", "");
      if (actual == expected && errors.empty()) {
        ++passed;
        if (verbose) std::cout << "ok   " << file_name << ": " << name << "\n";
        continue;
      }
      std::cout << "FAIL " << file_name << ": " << name << "\n"
                << "  template: " << json(test.value("template", "")).dump() << "\n"
                << "  expected: " << json(expected).dump() << "\n"
                << "  actual:   " << json(actual).dump() << "\n";
      for (const auto& e : errors) std::cout << "  " << e.format() << "\n";
    }
  }
  std::cout << "mustache-spec: passed " << passed << "/" << total << "\n";
  return passed == total && total > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // A malformed spec file (wrong field types) is a failed run, not a crash.
    std::cerr << "mustache-spec: " << e.what() << "\n";
    return 1;
  }
}
