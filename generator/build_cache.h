#pragma once
// The incremental build cache (default ROOT/.ombudsite-cache, never inside the output):
// - a stamp of every input byte (content, templates, themes, config), the binary and the
//   options; when it and the published files are as the last build left them, the build is up
//   to date and writes nothing;
// - the scrub memo (scrub_memo.h) and the segments verify found clean (verify.h).
// Everything in it may be deleted or corrupt: it is then ignored and rebuilt.

#include <filesystem>
#include <string>
#include <vector>

#include "generator/build.h"
#include "generator/diagnostics.h"
#include "generator/output_file.h"

namespace generator {

class BuildCache {
 public:
  explicit BuildCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  /// A digest of everything a build reads under `options.root`, the binary and the options
  /// that change output; empty when it cannot be computed (no cache then).
  static std::string input_stamp(const BuildOptions& options);

  /// True when the last build recorded `stamp` for `out` and every file it published is still
  /// there unchanged (size, mtime, inode) with nothing added. Fills `summary` from that build
  /// and repeats its warnings into `diags`.
  bool up_to_date(const std::string& stamp, const std::filesystem::path& out, BuildSummary& summary,
                  Diagnostics& diags) const;

  /// Records a successful build that published `paths` into `out`.
  void record(const std::string& stamp, const std::filesystem::path& out,
              const std::vector<std::string>& paths, const BuildSummary& summary,
              const Diagnostics& diags) const;

  std::filesystem::path scrub_memo_file() const { return dir_ / "scrub-memo.bin"; }
  std::filesystem::path verified_file() const { return dir_ / "verified-segments.bin"; }

 private:
  std::filesystem::path dir_;
};

}  // namespace generator
