#include "generator/assets.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace generator {

std::map<std::string, std::string> overlay_assets(const std::filesystem::path& root,
                                                  const std::string& dir, Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::map<std::string, std::string> files;
  const std::string prefix = dir + "/";
  for (const auto& [path, bytes] : embedded_assets())
    if (path.rfind(prefix, 0) == 0) files[path] = std::string(bytes);

  std::error_code ec;
  fs::path base = root / dir;
  if (!fs::is_directory(base, ec)) return files;
  fs::path real_base = fs::canonical(base, ec);
  for (fs::recursive_directory_iterator it(base, fs::directory_options::none, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string rel = fs::relative(it->path(), root, ec).generic_string();
    // A link that leads outside the folder would publish files the site does not own.
    fs::path real = fs::canonical(it->path(), ec);
    auto [a, b] = std::mismatch(real_base.begin(), real_base.end(), real.begin(), real.end());
    if (ec || a != real_base.end()) {
      diags.error(rel, 0, 0, "links outside " + dir + "/; not used");
      continue;
    }
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    if (!in && !in.eof()) {
      diags.error(rel, 0, 0, "cannot read file");
      continue;
    }
    files[rel] = buf.str();
  }
  if (ec) diags.error(base.generic_string(), 0, 0, "cannot list folder: " + ec.message());
  return files;
}

}  // namespace generator
