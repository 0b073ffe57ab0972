#pragma once
// SHA-256 digests for the build cache: what an input was, so that a changed byte anywhere
// (content, template, config, rules, the binary itself) is never mistaken for "unchanged".

#include <filesystem>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace generator {

/// Feeds any number of byte strings; `hex()` gives the digest of all of them. Each update is
/// length-prefixed, so ("ab", "c") and ("a", "bc") differ.
class Digest {
 public:
  Digest();
  ~Digest();
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;

  Digest& add(std::string_view bytes);
  Digest& add(std::uint64_t number);
  /// Adds the file's bytes; false (and nothing added but a marker) when it cannot be read.
  bool add_file(const std::filesystem::path& path);
  /// The 32-byte digest as raw bytes; the object cannot be fed afterwards.
  std::string raw();
  std::string hex();

 private:
  evp_md_ctx_st* ctx_;
};

/// SHA-256 of the running executable, computed once per process: a new binary may scrub or
/// render differently, so it invalidates every cache entry.
const std::string& binary_digest();

}  // namespace generator
