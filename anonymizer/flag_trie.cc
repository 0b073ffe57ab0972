#include "anonymizer/flag_trie.h"

#include <algorithm>

namespace anonymizer {
namespace {

// RE2's \s.
bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool is_prefix_tail(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

FlagTrie::FlagTrie() : nodes_(1) {}

std::optional<std::string> FlagTrie::add(std::string_view folded, bool prefix) {
  // A space matches a whole run of white space: two in a row, one at an end, or a tab would need
  // more than the walk does.
  bool other_space = std::any_of(folded.begin(), folded.end(), [](char c) {
    return c != ' ' && is_space(static_cast<unsigned char>(c));
  });
  if (folded.empty() || folded.front() == ' ' || folded.back() == ' ' ||
      folded.find("  ") != std::string_view::npos || other_space) {
    return "unsupported flag term '" + std::string(folded) + "'";
  }
  std::uint32_t node = 0;
  for (char ch : folded) {
    auto byte = static_cast<unsigned char>(ch);
    std::uint32_t next = child(node, byte);
    if (next == 0) {
      next = static_cast<std::uint32_t>(nodes_.size());
      nodes_[node].children.emplace_back(byte, next);
      if (node == 0) root_[byte] = next;
      nodes_.emplace_back();
    }
    node = next;
  }
  (prefix ? nodes_[node].prefix : nodes_[node].exact) = true;
  if (folded.size() < 3) {
    short_terms_ = true;
    return std::nullopt;
  }
  // A space among the first three bytes stands for each white space byte.
  auto variants = [](const char& c) {
    return c == ' ' ? std::string_view(" \t\n\f\r") : std::string_view(&c, 1);
  };
  bool five = folded.size() >= 5 && folded.substr(0, 5).find(' ') == std::string_view::npos;
  for (char second : variants(folded[1])) {
    for (char third : variants(folded[2])) {
      std::uint32_t bit = trigram_bit(folded[0], second, third);
      set(starts_, bit);
      if (!five) set(short_starts_, bit);
    }
  }
  if (five) set(five_starts_, five_bit(folded.data()));
  return std::nullopt;
}

std::uint32_t FlagTrie::child(std::uint32_t node, unsigned char byte) const {
  if (node == 0) return root_[byte];
  for (const auto& [b, next] : nodes_[node].children) {
    if (b == byte) return next;
  }
  return 0;
}

std::size_t FlagTrie::longest_at(std::string_view text, std::size_t pos) const {
  std::size_t longest = 0;
  std::uint32_t node = 0;
  for (std::size_t at = pos;;) {
    const Node& n = nodes_[node];
    if (n.exact) longest = std::max(longest, at - pos);
    if (n.prefix) {
      std::size_t end = at;
      while (end < text.size() && is_prefix_tail(static_cast<unsigned char>(text[end]))) ++end;
      longest = std::max(longest, end - pos);
    }
    if (at >= text.size()) break;
    auto byte = static_cast<unsigned char>(text[at]);
    if (is_space(byte)) {
      // Terms never hold white space other than a single space between words.
      node = node == 0 ? 0 : child(node, ' ');
      while (at < text.size() && is_space(static_cast<unsigned char>(text[at]))) ++at;
    } else {
      node = child(node, byte);
      ++at;
    }
    if (node == 0) break;
  }
  return longest;
}

}  // namespace anonymizer
