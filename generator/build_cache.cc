#include "generator/build_cache.h"

#include <sys/stat.h>

#include <algorithm>
#include <vector>

#include "generator/cache_io.h"
#include "generator/digest.h"

namespace generator {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMagic = "ombudsite build state 1";

struct FileStat {
  std::uint64_t size = 0;
  std::uint64_t mtime_ns = 0;
  std::uint64_t inode = 0;
};

bool stat_file(const fs::path& path, FileStat& out) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  out.size = static_cast<std::uint64_t>(st.st_size);
  out.mtime_ns = static_cast<std::uint64_t>(st.st_mtim.tv_sec) * 1000000000ull +
                 static_cast<std::uint64_t>(st.st_mtim.tv_nsec);
  out.inode = static_cast<std::uint64_t>(st.st_ino);
  return true;
}

// Every file below `dir` as (path relative to the root, absolute path), sorted.
void list_tree(const fs::path& root, const fs::path& dir,
               std::vector<std::pair<std::string, fs::path>>& out) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) continue;
    out.emplace_back(fs::relative(it->path(), root, ec).generic_string(), it->path());
  }
}

std::size_t count_files(const fs::path& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (!it->is_directory(ec)) ++n;
  return ec ? static_cast<std::size_t>(-1) : n;
}

std::string absolute_out(const fs::path& out) {
  std::error_code ec;
  return fs::absolute(out, ec).lexically_normal().generic_string();
}

}  // namespace

std::string BuildCache::input_stamp(const BuildOptions& options) {
  if (binary_digest().empty()) return std::string();
  Digest d;
  d.add(binary_digest()).add(options.strict ? 1 : 0);
  std::vector<std::pair<std::string, fs::path>> inputs;
  inputs.emplace_back("ombudsite.json", options.root / "ombudsite.json");
  for (const char* dir : {"content", "templates", "themes"})
    list_tree(options.root, options.root / dir, inputs);
  std::sort(inputs.begin(), inputs.end());
  d.add(inputs.size());
  for (const auto& [name, path] : inputs) {
    d.add(name);
    d.add_file(path);  // a missing or unreadable file is part of the stamp too
  }
  return d.hex();
}

bool BuildCache::up_to_date(const std::string& stamp, const fs::path& out, BuildSummary& summary,
                            Diagnostics& diags) const {
  if (stamp.empty()) return false;
  auto bytes = read_cache_file(dir_ / "state.bin");
  if (!bytes) return false;
  CacheReader r(*bytes);
  if (r.str() != kMagic || r.str() != stamp || r.str() != absolute_out(out)) return false;
  std::uint64_t files = r.count(32);
  for (std::uint64_t i = 0; i < files && r.ok(); ++i) {
    std::string path = r.str();
    FileStat want{r.u64(), r.u64(), r.u64()}, have;
    if (!r.ok() || !stat_file(out / path, have) || have.size != want.size ||
        have.mtime_ns != want.mtime_ns || have.inode != want.inode)
      return false;
  }
  BuildSummary s;
  for (auto n = r.count(16); n > 0 && r.ok(); --n) {
    std::string kind = r.str();
    s.pages_by_kind[kind] = r.u64();
  }
  for (auto n = r.count(16); n > 0 && r.ok(); --n) {
    std::string category = r.str();
    s.redactions_by_category[category] = r.u64();
  }
  std::vector<Diagnostic> warnings;
  for (auto n = r.count(40); n > 0 && r.ok(); --n) {
    Diagnostic d;
    d.path = r.str();
    d.line = static_cast<int>(r.u64());
    d.col = static_cast<int>(r.u64());
    d.severity = r.u64() == 1 ? Severity::kWarning : Severity::kNote;
    d.message = r.str();
    warnings.push_back(std::move(d));
  }
  if (!r.ok() || !r.at_end() || count_files(out) != files) return false;
  s.files = files;
  s.kept = files;
  s.up_to_date = true;
  s.timings = std::move(summary.timings);
  summary = std::move(s);
  for (auto& d : warnings) diags.add(std::move(d));
  return true;
}

void BuildCache::record(const std::string& stamp, const fs::path& out,
                        const std::vector<std::string>& paths, const BuildSummary& summary,
                        const Diagnostics& diags) const {
  if (stamp.empty()) return;
  CacheWriter w;
  w.str(kMagic);
  w.str(stamp);
  w.str(absolute_out(out));
  w.u64(paths.size());
  for (const auto& path : paths) {
    FileStat st;
    if (!stat_file(out / path, st)) return;  // the site is not as built: record nothing
    w.str(path);
    w.u64(st.size);
    w.u64(st.mtime_ns);
    w.u64(st.inode);
  }
  w.u64(summary.pages_by_kind.size());
  for (const auto& [kind, n] : summary.pages_by_kind) {
    w.str(kind);
    w.u64(n);
  }
  w.u64(summary.redactions_by_category.size());
  for (const auto& [category, n] : summary.redactions_by_category) {
    w.str(category);
    w.u64(n);
  }
  std::vector<Diagnostic> kept;
  for (const auto& d : diags.sorted())
    if (d.severity != Severity::kError) kept.push_back(d);
  w.u64(kept.size());
  for (const auto& d : kept) {
    w.str(d.path);
    w.u64(static_cast<std::uint64_t>(d.line));
    w.u64(static_cast<std::uint64_t>(d.col));
    w.u64(d.severity == Severity::kWarning ? 1 : 2);
    w.str(d.message);
  }
  write_cache_file(dir_ / "state.bin", w.bytes());
}

}  // namespace generator
