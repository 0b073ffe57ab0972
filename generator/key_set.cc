#include "generator/key_set.h"

#include <cstring>
#include <utility>

namespace generator {

namespace {

__extension__ typedef unsigned __int128 U128;  // GCC and Clang; __extension__ for -Wpedantic

// The high and low halves of a 64x64-bit product, folded: every input bit moves every output bit.
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  U128 product = static_cast<U128>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

constexpr std::uint64_t kLane1 = 0x9e3779b97f4a7c15ull, kLane2 = 0xc2b2ae3d27d4eb4full;
constexpr std::uint64_t kStep1 = 0xd6e8feb86659fd93ull, kStep2 = 0xa0761d6478bd642full;

}  // namespace

std::pair<std::uint64_t, std::uint64_t> content_hash128(std::string_view bytes) {
  std::uint64_t a = kLane1 ^ bytes.size(), b = kLane2 + bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    a = mix(a ^ w, kStep1);
    b = mix(b + w, kStep2) ^ (b >> 29);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  tail ^= static_cast<std::uint64_t>(bytes.size() - i) << 59;  // "a" and "a\0" differ
  a = mix(a ^ tail, kStep1);
  b = mix(b + tail, kStep2) ^ (b >> 29);
  return {mix(a, kStep2 ^ b), mix(b, kStep1 ^ a)};
}

std::size_t KeySet::slot_of(const Key& key) const {
  std::size_t mask = slots_.size() - 1;
  // The keys are hashes already: their low bits spread well.
  for (std::size_t i = static_cast<std::size_t>(key.first ^ key.second) & mask;;
       i = (i + 1) & mask) {
    if (slots_[i] == key || slots_[i] == kEmpty) return i;
  }
}

bool KeySet::contains(const Key& key) const {
  if (key == kEmpty) return has_zero_;
  return !slots_.empty() && slots_[slot_of(key)] == key;
}

bool KeySet::insert(const Key& key) {
  if (key == kEmpty) return !std::exchange(has_zero_, true);
  if ((size_ + 1) * 2 > slots_.size()) grow();  // at most half full: short probe runs
  std::size_t i = slot_of(key);
  if (slots_[i] == key) return false;
  slots_[i] = key;
  ++size_;
  return true;
}

void KeySet::grow() {
  std::vector<Key> old = std::move(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, kEmpty);
  for (const Key& k : old) {
    if (k != kEmpty) slots_[slot_of(k)] = k;
  }
}

void KeySet::for_each(const std::function<void(const Key&)>& fn) const {
  if (has_zero_) fn(kEmpty);
  for (const Key& k : slots_) {
    if (k != kEmpty) fn(k);
  }
}

}  // namespace generator
