#pragma once
// The special-category terms (rules/special-categories.json) as a trie over folded bytes: finds
// the longest term at a position of folded text, as a regex alternation of the terms with
// longest-match semantics would, where a space in a term stands for any run of white space and a
// prefix term ("ziek*") runs on over [a-z0-9]. One walk per word instead of a regex scan.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anonymizer {

class FlagTrie {
 public:
  FlagTrie();

  /// Adds a folded term. Returns an error when the term has a form the walk does not handle:
  /// empty, a space at either end, two spaces in a row, or white space other than a space.
  std::optional<std::string> add(std::string_view folded, bool prefix);

  /// The length of the longest term that matches `text` at `pos`, or 0.
  std::size_t longest_at(std::string_view text, std::size_t pos) const;

  /// Whether a term can start at `pos`, judged by its first three bytes: most words are ruled out
  /// without a walk.
  bool may_start(std::string_view text, std::size_t pos) const {
    if (short_terms_) return root_[static_cast<unsigned char>(text[pos])] != 0;
    if (text.size() - pos < 3) return false;  // every term has three bytes or more
    std::uint32_t bit = trigram_bit(text[pos], text[pos + 1], text[pos + 2]);
    if (!test(starts_, bit)) return false;
    // Common word starts ("ver", "aan", "sch") begin terms too: five bytes tell most apart.
    if (test(short_starts_, bit)) return true;
    return text.size() - pos >= 5 && test(five_starts_, five_bit(text.data() + pos));
  }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, std::uint32_t>> children;  // ' ' stands for \s+
    bool exact = false;                                             // a term ends here
    bool prefix = false;                                            // a prefix term ends here
  };
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;

  // A hashed set of the first three bytes of the terms, a space standing for each white space
  // byte; a term of fewer than three bytes turns the filter off.
  static std::uint32_t trigram_bit(char a, char b, char c) {
    std::uint32_t x = static_cast<unsigned char>(a) | static_cast<unsigned char>(b) << 8 |
                      static_cast<unsigned char>(c) << 16;
    return (x * 0x9E3779B1u) >> 16;  // 16 bits
  }

  // A hashed set of the first five bytes of the terms that have five and no white space among
  // them; the others are in short_starts_.
  static std::uint32_t five_bit(const char* p) {
    std::uint64_t x = 0;
    for (int i = 0; i < 5; ++i) x |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    return static_cast<std::uint32_t>((x * 0x9E3779B97F4A7C15ull) >> 48);  // 16 bits
  }
  using Bits = std::array<std::uint64_t, 1024>;  // 65,536 bits
  static bool test(const Bits& bits, std::uint32_t bit) {
    return (bits[bit / 64] >> (bit % 64)) & 1;
  }
  static void set(Bits& bits, std::uint32_t bit) {
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }

  std::vector<Node> nodes_;                // nodes_[0] is the root
  std::array<std::uint32_t, 256> root_{};  // the root's children by byte, 0 for none
  Bits starts_{};                          // trigram_bit of every term
  Bits short_starts_{};                    // trigram_bit of the terms five_starts_ cannot hold
  Bits five_starts_{};                     // five_bit of the others
  bool short_terms_ = false;
};

}  // namespace anonymizer
