#pragma once
// A hash table from short words (folded keys) to values, for the lookups the detectors make for
// every word of a text: open addressing with a power-of-two table, and a hash that callers may
// compute once per word and reuse (NameToken::hash) for several tables. A key may carry a tag
// (a trie node, say), so that one table holds the words of many small maps.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace anonymizer {

/// The hash WordTable uses: eight bytes at a time, so that a short word costs one multiply.
inline std::uint32_t word_hash(std::string_view word) {
  const char* p = word.data();
  std::size_t n = word.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull * (n + 1);
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  std::uint64_t tail = 0;
  for (std::size_t i = 0; i < n; ++i) {
    tail |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  h = (h ^ tail) * 0x94D049BB133111EBull;
  return static_cast<std::uint32_t>(h ^ (h >> 32));
}

template <typename V>
class WordTable {
 public:
  /// The value of (`word`, `tag`), inserted as V{} when new.
  V& insert(std::string_view word, std::uint32_t tag = 0) {
    std::uint32_t hash = word_hash(word);
    if (V* v = lookup(word, hash, tag)) return *v;
    if ((entries_.size() + 1) * 2 > slots_.size()) grow();
    entries_.push_back(Entry{std::string(word), mix(hash, tag), tag, V{}});
    place(static_cast<std::uint32_t>(entries_.size()));
    return entries_.back().value;
  }
  V& operator[](std::string_view word) { return insert(word); }

  /// The value of (`word`, `tag`), or nullptr; `hash` must be word_hash(word).
  const V* find(std::string_view word, std::uint32_t hash, std::uint32_t tag = 0) const {
    return const_cast<WordTable*>(this)->lookup(word, hash, tag);
  }
  const V* find(std::string_view word) const { return find(word, word_hash(word)); }

  /// Removes every entry; the memory stays for the next ones.
  void clear() {
    entries_.clear();
    std::fill(slots_.begin(), slots_.end(), Slot{});
  }

  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }

  /// Calls f(word, value) for every entry, in insertion order.
  template <typename F>
  void for_each(F&& f) {
    for (Entry& e : entries_) f(std::string_view(e.key), e.value);
  }

 private:
  struct Entry {
    std::string key;
    std::uint32_t hash = 0;  // mix(word_hash(key), tag)
    std::uint32_t tag = 0;
    V value;
  };

  static std::uint32_t mix(std::uint32_t hash, std::uint32_t tag) {
    return tag == 0 ? hash : hash ^ (tag * 0x9E3779B9u);
  }

  // A slot holds the hash as well, so that a probe reads one array until the hashes agree.
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t entry = 0;  // index + 1; 0 is empty
  };

  V* lookup(std::string_view word, std::uint32_t hash, std::uint32_t tag) {
    if (slots_.empty()) return nullptr;
    hash = mix(hash, tag);
    std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.entry == 0) return nullptr;
      if (slot.hash != hash) continue;
      Entry& e = entries_[slot.entry - 1];
      if (e.tag == tag && same(e.key, word)) return &e.value;
    }
  }

  // Words are short: a loop beats a call to memcmp.
  static bool same(const std::string& a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < b.size(); ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  void place(std::uint32_t entry) {
    std::size_t mask = slots_.size() - 1;
    std::uint32_t hash = entries_[entry - 1].hash;
    std::size_t i = hash & mask;
    while (slots_[i].entry != 0) i = (i + 1) & mask;
    slots_[i] = Slot{hash, entry};
  }

  void grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, Slot{});
    for (std::uint32_t s = 1; s <= entries_.size(); ++s) place(s);
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
};

}  // namespace anonymizer
