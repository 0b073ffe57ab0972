#pragma once
// write: publish the output files as a whole or not at all.

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>

#include "generator/diagnostics.h"
#include "generator/output_file.h"

namespace generator {

struct WriteStats {
  std::size_t written = 0;  // files whose bytes changed (or are new)
  std::size_t kept = 0;     // unchanged files, hard-linked from the live site (mtime kept)
};

class LockFile;

/// A new site being written beside the live one: `put` each file (from any thread), then
/// `commit` swaps it in with one atomic rename. Without a commit (an error, an exception, a
/// kill) the staging folder goes and the live site stays as it was. Holds the output's lock.
/// After a swap the previous site stays beside the output as `.NAME.previous`, trimmed to the
/// files the new site has too, and the next build stages in it: a one-file change then costs a
/// few file system calls instead of a folder and a link for every page. Deleting it is safe.
class StagedSite {
 public:
  StagedSite(const std::filesystem::path& out, Diagnostics& diags);
  ~StagedSite();
  StagedSite(const StagedSite&) = delete;
  StagedSite& operator=(const StagedSite&) = delete;

  bool ok() const { return ok_; }
  /// Thread-safe. An unchanged file is hard-linked from the live site (inode and mtime kept).
  bool put(const OutputFile& file);
  bool commit();
  WriteStats stats() const;

 private:
  bool fail(const std::string& message);

  Diagnostics& diags_;
  std::string label_;
  std::filesystem::path out_;
  std::filesystem::path staging_;
  std::filesystem::path previous_;  // .NAME.previous: the last build's old site, to reuse
  std::unique_ptr<LockFile> lock_;
  bool reusing_ = false;                     // staging_ is the previous site's tree
  std::mutex paths_mutex_;                   // guards the two sets below
  std::unordered_set<std::string> reused_;   // its files that no put has claimed yet
  std::unordered_set<std::string> outputs_;  // every path put
  std::atomic<bool> ok_ = false;
  bool live_ = false;  // a live site exists to compare with
  std::atomic<std::size_t> written_ = 0;
  std::atomic<std::size_t> kept_ = 0;
};

/// Builds the new site in a staging folder beside `out` and swaps it in with one atomic rename;
/// a failure at any point leaves the previous site as it was. A lock file beside `out` stops
/// two builds from writing the same output. Returns false (with diagnostics) on failure.
bool write_atomic(const std::filesystem::path& out, const OutputFiles& files, Diagnostics& diags,
                  WriteStats* stats = nullptr);

/// Removes staging folders that killed builds left beside `out`, unless another build holds
/// the lock (an up-to-date build writes nothing, but cleans up).
void remove_stale_staging(const std::filesystem::path& out);

/// True when `path` is a safe relative output path: no "..", no absolute path, no empty or
/// control-character segments.
bool is_safe_output_path(std::string_view path);

}  // namespace generator
