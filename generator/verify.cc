#include "generator/verify.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "generator/site_model.h"

namespace generator {

namespace {

// File names are slugs: "zaken/maria-de-vries.css" is scanned as "Zaken Maria De Vries Css" too,
// so a lower-cased surname in a name is still found.
std::string words_of_path(std::string_view path) {
  std::string out;
  bool start = true;
  for (char c : path) {
    if (c == '/' || c == '-' || c == '_' || c == '.') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  return out;
}

}  // namespace

std::size_t verify_files(const OutputFiles& files, const anonymizer::LeakScanner& scanner,
                         const std::string& label, Diagnostics& diags, int jobs) {
  // File and folder names are scanned one segment at a time: a leak never spans a '/', and
  // "thema/wonen/pagina/4" must not read as "wonen ... 4", an address. Each distinct segment
  // is scanned once.
  std::map<std::string_view, std::string> segment_leak;  // segment -> category, "" when clean
  for (const OutputFile& file : files) {
    for (std::size_t start = 0; start <= file.path.size();) {
      std::size_t end = std::min(file.path.find('/', start), file.path.size());
      segment_leak.emplace(std::string_view(file.path).substr(start, end - start), std::string());
      start = end + 1;
    }
  }
  std::vector<std::pair<const std::string_view, std::string>*> segments;
  for (auto& entry : segment_leak) segments.push_back(&entry);
  parallel_for(segments.size(), jobs, [&](std::size_t i) {
    std::string_view segment = segments[i]->first;
    auto leaks = scanner.scan(segment);
    if (leaks.empty()) leaks = scanner.scan(words_of_path(segment));
    if (!leaks.empty()) segments[i]->second = leaks.front().category;
  });

  std::vector<std::size_t> counts(files.size(), 0);
  std::string prefix = label.empty() || label.back() == '/' ? label : label + "/";
  parallel_for(files.size(), jobs, [&](std::size_t i) {
    const OutputFile& file = files[i];
    std::string where = prefix + file.path;
    for (std::size_t start = 0; start <= file.path.size();) {
      std::size_t end = std::min(file.path.find('/', start), file.path.size());
      const std::string& category =
          segment_leak.at(std::string_view(file.path).substr(start, end - start));
      if (!category.empty()) {
        diags.error(where, 0, 0, "leak of " + category + " in the file name");
        ++counts[i];
      }
      start = end + 1;
    }
    for (const auto& leak : scanner.scan(file.bytes)) {
      LineCol lc = line_col_at(file.bytes, leak.offset);
      diags.error(
          where, lc.line, lc.col,
          "leak of " + leak.category + " (byte offset " + std::to_string(leak.offset) + ")");
      ++counts[i];
    }
  });
  std::size_t total = 0;
  for (auto c : counts) total += c;
  return total;
}

OutputFiles read_tree(const std::filesystem::path& dir, Diagnostics& diags) {
  namespace fs = std::filesystem;
  OutputFiles files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error(dir.generic_string(), 0, 0, "no such folder");
    return files;
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    files.push_back({fs::relative(it->path(), dir, ec).generic_string(), buf.str()});
  }
  if (ec) diags.error(dir.generic_string(), 0, 0, "cannot read folder: " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace generator
