#pragma once
// Remembers scrub() results between builds: a field whose text, persons and profile are the
// same under the same binary, rules and allowlist scrubs to the same result, so an unchanged
// document is not scrubbed again. Entries live in the build cache folder.

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "anonymizer/scrub.h"

namespace generator {

class ScrubMemo {
 public:
  /// `fingerprint` names everything besides the field that decides the result: the binary,
  /// the rules and the allowlist. Entries saved under another fingerprint are never used.
  explicit ScrubMemo(std::string fingerprint) : fingerprint_(std::move(fingerprint)) {}

  /// Loads a saved memo; a missing, corrupt or foreign file leaves the memo empty.
  void load(const std::filesystem::path& file);
  /// Saves the entries looked up or added since load (so deleted documents drop out).
  bool save(const std::filesystem::path& file) const;

  static std::string key(std::string_view text, const anonymizer::Persons& persons,
                         anonymizer::Profile profile);
  std::optional<anonymizer::ScrubResult> find(const std::string& key);
  void put(const std::string& key, const anonymizer::ScrubResult& result);

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }

 private:
  struct Entry {
    anonymizer::ScrubResult result;
    bool used = false;
  };
  std::string fingerprint_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t hits_ = 0;
  std::size_t misses_ = 0;
};

}  // namespace generator
