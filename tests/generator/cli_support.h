#pragma once
// Runs the built ombudsite binary for CLI tests and captures what it printed.

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace cli_test {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::filesystem::path temp_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("ombudsite-cli-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Runs `ombudsite ARGS` in `cwd` (stdin from `input` when given); args are passed to sh.
inline Run run(const std::string& args, const std::filesystem::path& cwd = ".",
               const std::string& input = "") {
  static int counter = 0;
  auto base = std::filesystem::temp_directory_path() /
              ("ombudsite-run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::string in_file = base.string() + ".in", out_file = base.string() + ".out",
              err_file = base.string() + ".err";
  std::ofstream(in_file, std::ios::binary) << input;
  std::string cmd = "cd '" + cwd.string() + "' && '" + OMBUDSITE_BINARY + "' " + args + " <'" +
                    in_file + "' >'" + out_file + "' 2>'" + err_file + "'";
  int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = slurp(out_file);
  r.err = slurp(err_file);
  std::filesystem::remove(in_file);
  std::filesystem::remove(out_file);
  std::filesystem::remove(err_file);
  return r;
}

inline std::filesystem::path source_dir() {
  return OMBUDSITE_SOURCE_DIR;
}

/// A fresh temp_dir(name) holding copies of `items` (files or folders) of the source tree.
inline std::filesystem::path copy_of(const std::string& name,
                                     std::initializer_list<const char*> items) {
  std::filesystem::path root = temp_dir(name);
  for (const char* item : items) {
    std::filesystem::copy(source_dir() / item, root / item,
                          std::filesystem::copy_options::recursive);
  }
  return root;
}

/// A copy of tests/sites/minimal as a site root.
inline std::filesystem::path minimal_site(const std::string& name) {
  std::filesystem::path root = temp_dir(name);
  std::filesystem::copy(source_dir() / "tests/sites/minimal", root,
                        std::filesystem::copy_options::recursive);
  return root;
}

}  // namespace cli_test
