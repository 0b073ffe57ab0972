#pragma once
// Length-prefixed binary records for the build cache. The reader never trusts the file: every
// read is bounds-checked and a short or corrupt file reads as "no cache".

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace generator {

class CacheWriter {
 public:
  void u64(std::uint64_t v);
  void str(std::string_view s);
  const std::string& bytes() const { return out_; }

 private:
  std::string out_;
};

class CacheReader {
 public:
  explicit CacheReader(std::string_view bytes) : in_(bytes) {}
  /// False once any read ran past the end; every later read fails too.
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::uint64_t u64();
  std::string str();
  /// A count that cannot exceed what is left of the file (each item takes `min_item` bytes).
  std::uint64_t count(std::size_t min_item);

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

/// Reads a whole file; nullopt when it is missing or unreadable.
std::optional<std::string> read_cache_file(const std::filesystem::path& path);

/// Writes through a temporary file and a rename, so a reader sees the old or the new file.
bool write_cache_file(const std::filesystem::path& path, std::string_view bytes);

}  // namespace generator
