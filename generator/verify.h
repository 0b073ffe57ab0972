#pragma once
// verify: the last gate. Scans every output file (content and name) for declared persons and
// structured identifiers; a hit is an error that stops the publish.

#include <array>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "anonymizer/leak_scan.h"
#include "generator/diagnostics.h"
#include "generator/key_set.h"
#include "generator/output_file.h"

namespace generator {

/// Segments of output already scanned and found clean, by a 128-bit hash of their bytes: pages
/// share their head, menus and footer, list pages repeat every summary, and a rebuild repeats
/// most of the last one. Valid only for one scanner: the same persons, allowlist, rules and
/// binary (the fingerprint).
class VerifiedSegments {
 public:
  using Key = std::pair<std::uint64_t, std::uint64_t>;
  static Key key_of(std::string_view bytes);

  bool contains(const Key& key);  // a segment found clean this run or by the loaded run
  void insert(const Key& key);

  /// Loads the segments a build with the same fingerprint found clean; anything else
  /// (missing, corrupt, another fingerprint) loads nothing.
  void load(const std::filesystem::path& file, const std::string& fingerprint);
  /// Saves the segments seen clean in this run.
  bool save(const std::filesystem::path& file, const std::string& fingerprint) const;

 private:
  struct Shard {
    mutable std::mutex mutex;
    KeySet seen;  // clean in this run
  };
  static constexpr std::size_t kShards = 64;
  std::array<Shard, kShards> shards_;
  KeySet loaded_;  // read-only while scanning
};

/// Checks output files one by one, from any number of threads: `check` reports each leak as
/// verify_files does. Used by the build to verify every file as it is rendered.
class OutputVerifier {
 public:
  OutputVerifier(const anonymizer::LeakScanner& scanner, const std::string& label,
                 Diagnostics& diags, VerifiedSegments* known);
  std::size_t check(const OutputFile& file);  ///< the number of leaks in this file
  std::size_t leaks() const { return leaks_; }

 private:
  std::string name_leak(std::string_view segment);  // category, or "" when clean

  const anonymizer::LeakScanner& scanner_;
  std::string prefix_;
  Diagnostics& diags_;
  VerifiedSegments local_;
  VerifiedSegments* clean_;
  std::mutex names_mutex_;
  struct NameHash {
    using is_transparent = void;  // look up by string_view without a copy
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::string, NameHash, std::equal_to<>> names_;
  std::atomic<std::size_t> leaks_ = 0;
};

/// Reports each leak as "OUT/path:line:col: error: leak of <category> (byte offset N)" — never
/// the value. `label` is the output folder as the user named it. Returns the number of leaks.
/// Segments in `known` are not scanned again; clean ones are added to it.
std::size_t verify_files(const OutputFiles& files, const anonymizer::LeakScanner& scanner,
                         const std::string& label, Diagnostics& diags, int jobs,
                         VerifiedSegments* known = nullptr);

/// Reads every file below `dir` (for `ombudsite verify`).
OutputFiles read_tree(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace generator
