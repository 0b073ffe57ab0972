#include "generator/key_set.h"

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>

using generator::content_hash128;
using generator::KeySet;

TEST_CASE("KeySet holds what was inserted and nothing else", "[verify]") {
  KeySet set;
  std::mt19937_64 rng(7);
  std::set<KeySet::Key> reference;
  for (int i = 0; i < 20000; ++i) {
    KeySet::Key k{rng() % 5000, rng() % 3};  // many repeats, and low bits that collide
    CHECK(set.insert(k) == reference.insert(k).second);
  }
  CHECK(set.size() == reference.size());
  for (const auto& k : reference) CHECK(set.contains(k));
  CHECK_FALSE(set.contains({6000, 0}));
  std::size_t seen = 0;
  set.for_each([&](const KeySet::Key& k) { seen += reference.count(k); });
  CHECK(seen == reference.size());
}

TEST_CASE("KeySet stores the all-zero key like any other", "[verify]") {
  KeySet set;
  CHECK_FALSE(set.contains({0, 0}));
  CHECK(set.insert({0, 0}));
  CHECK(set.contains({0, 0}));
  CHECK_FALSE(set.insert({0, 0}));
}

TEST_CASE("content_hash128 tells near-identical segments apart", "[verify]") {
  std::string base = "<p>De ombudsman vindt de klacht over de gemeente gegrond.</p>\n";
  std::set<KeySet::Key> keys{content_hash128(base)};
  CHECK(content_hash128(base) == content_hash128(std::string(base)));
  for (std::size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] = static_cast<char>(changed[i] ^ 1);
    CHECK(keys.insert(content_hash128(changed)).second);
  }
  for (std::size_t n = 0; n <= 17; ++n) {  // every tail length, and zero bytes at the end
    CHECK(keys.insert(content_hash128(std::string(n, '\0'))).second);
  }
}
