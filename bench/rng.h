#pragma once
// A small deterministic random number generator (xoshiro256**, seeded by splitmix64): the same
// seed gives the same corpus on every platform, unlike the std:: distributions.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      word = z ^ (z >> 31);
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n); the modulo bias is below 2^-40 for the small n used here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>((next() >> 11) % n); }
  int between(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

  // `count` decimal digits, the first one from `first_min`..9.
  std::string digits(int count, int first_min = 0) {
    std::string out;
    for (int i = 0; i < count; ++i)
      out.push_back(static_cast<char>('0' + (i == 0 ? between(first_min, 9) : between(0, 9))));
    return out;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

}  // namespace bench
