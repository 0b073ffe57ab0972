#pragma once
// A temp copy of tests/sites/minimal with a draft, and polling, for the serve and watch tests.

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>

namespace serve_test {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

/// The draft added to the minimal site: a declared person and a telephone number.
inline constexpr const char* kDraft =
    "---\nid: 2025-00002\ntitle: Een concept over afval\ndate: 2025-04-01\nstatus: draft\n"
    "municipality: Voorbeeldstad\nthemes: [afval]\noutcome: gegrond\nsummary: Een concept.\n"
    "persons:\n  - name: Petra de Boer\n    role: verzoeker\n---\n"
    "Mevrouw Petra de Boer belde op 06-12345678.\n";

/// A fresh copy of tests/sites/minimal plus the draft content/zaken/2025-00002.md.
inline fs::path site_copy(const std::string& name) {
  fs::path root =
      fs::temp_directory_path() / ("ombudsite-serve-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(root);
  // The sources only: a build cache left in the test site must not come along.
  fs::path minimal = fs::path(OMBUDSITE_SOURCE_DIR) / "tests" / "sites" / "minimal";
  fs::create_directories(root);
  fs::copy(minimal / "content", root / "content", fs::copy_options::recursive);
  fs::copy(minimal / "ombudsite.json", root / "ombudsite.json");
  write(root / "content" / "zaken" / "2025-00002.md", kDraft);
  return root;
}

/// Every file under `dir`, by relative path.
inline std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
  return files;
}

/// Polls `done` every 20 ms for up to `limit`; true once it holds.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(30)) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

}  // namespace serve_test
