#pragma once
// A set of 128-bit hash keys in one flat array (open addressing): the verifier holds millions
// of segment keys, and a node per key cost a malloc and a cache miss each.

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace generator {

/// A 128-bit hash of `bytes` (two independent 64-bit lanes, 8 bytes a step): keys for KeySet.
/// Not cryptographic; two different segments share a key with odds of about 2^-128.
std::pair<std::uint64_t, std::uint64_t> content_hash128(std::string_view bytes);

class KeySet {
 public:
  using Key = std::pair<std::uint64_t, std::uint64_t>;

  bool contains(const Key& key) const;
  bool insert(const Key& key);  ///< false when it was there already
  std::size_t size() const { return size_ + (has_zero_ ? 1 : 0); }
  /// Calls fn(key) for every key, in no particular order.
  void for_each(const std::function<void(const Key&)>& fn) const;

 private:
  static constexpr Key kEmpty{0, 0};          // marks an empty slot; the key {0, 0} is has_zero_
  std::size_t slot_of(const Key& key) const;  // where key is, or the empty slot it would take
  void grow();

  std::vector<Key> slots_;
  std::size_t size_ = 0;  // keys in slots_
  bool has_zero_ = false;
};

}  // namespace generator
