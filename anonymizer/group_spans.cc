#include "anonymizer/group_spans.h"

#include <array>

namespace anonymizer {
namespace {

using Span = std::optional<std::pair<std::size_t, std::size_t>>;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// bsn-in-context: (?i:\b(?:bsn|...)...\(?\s*)(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[. ]\d{3}[. ]\d{3})
// The group ends the match and is nine digits or eleven bytes with separators; when the last nine
// bytes are digits the eleven-byte forms cannot fit, as they need a separator among them.
Span bsn_number_at_end(std::string_view text, std::size_t start, std::size_t end) {
  constexpr std::size_t kDigits = 9, kSeparated = 11;
  bool nine = end - start >= kDigits;
  for (std::size_t i = end - kDigits; nine && i < end; ++i) nine = is_digit(text[i]);
  std::size_t length = nine ? kDigits : kSeparated;
  if (end - start < length) return std::nullopt;
  return std::make_pair(end - length, end);
}

// adres-voor-postcode: (STREET NUMBER),?[ \t]+[1-9]\d{3}[ \t]?[A-Z]{2}\b
// The group starts the match and ends in a letter or digit, so it ends where the blanks (and the
// comma) before the postcode's four digits begin.
Span address_before_postcode(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t i = end - 2;                         // [A-Z]{2}
  if (i > start && is_blank(text[i - 1])) --i;     // [ \t]?
  i -= 4;                                          // [1-9]\d{3}
  while (i > start && is_blank(text[i - 1])) --i;  // [ \t]+
  if (i > start && text[i - 1] == ',') --i;        // ,?
  return std::make_pair(start, i);
}

// kenteken: [A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,3}|(?i:kenteken(?:nummer)?\s*:?\s*)([A-Z0-9]{6})
// The first alternative is at most eleven bytes and has no group; the second is at least fourteen
// ("kenteken" and six characters) and its group is its last six bytes.
Span plate_after_word(std::string_view, std::size_t start, std::size_t end) {
  constexpr std::size_t kLongestPlate = 11, kGroup = 6;
  if (end - start <= kLongestPlate) return std::nullopt;
  return std::make_pair(end - kGroup, end);
}

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether `piece` fits [A-Za-z]{0,4}[-/ ]?.
bool letters_then_separator(std::string_view piece) {
  if (!piece.empty() && (piece.back() == '-' || piece.back() == '/' || piece.back() == ' ')) {
    piece.remove_suffix(1);
  }
  if (piece.size() > 4) return false;
  for (char c : piece) {
    if (!is_ascii_letter(c)) return false;
  }
  return true;
}

// Whether `head` matches text[s, g) and `group` (unless null) text[g, e), each in full; the text
// around counts for \b as it does in the whole match.
bool splits_at(const re2::RE2& head, const re2::RE2* group, std::string_view text, std::size_t s,
               std::size_t g, std::size_t e) {
  re2::StringPiece all(text.data(), text.size());
  return (!group || group->Match(all, g, e, re2::RE2::ANCHOR_BOTH, nullptr, 0)) &&
         head.Match(all, s, g, re2::RE2::ANCHOR_BOTH, nullptr, 0);
}

}  // namespace

std::size_t split_group_start(GroupSplit split, const re2::RE2& head, const re2::RE2& group,
                              std::string_view text, std::size_t s, std::size_t e) {
  if (split == GroupSplit::kAfterBlank) {
    for (std::size_t g = e - 1; g > s; --g) {
      auto c = static_cast<unsigned char>(text[g]);
      if (is_blank(text[g - 1]) && ((c >= 'A' && c <= 'Z') || c >= 0x80) &&
          splits_at(head, &group, text, s, g, e)) {
        return g;
      }
    }
    return 0;
  }
  // kBeforeFirstDigit: the head has no digit, so the group's \d is the match's first digit, and
  // the rest of the group after it is the same wherever the group starts.
  std::size_t digit = s;
  while (digit < e && !is_digit(text[digit])) ++digit;
  if (digit == e) return 0;
  for (std::size_t g = digit; g > s && digit - g <= 5; --g) {
    if (letters_then_separator(text.substr(g, digit - g)) &&
        splits_at(head, nullptr, text, s, g, e)) {
      return g;
    }
  }
  return 0;
}

std::uint64_t pattern_fingerprint(std::string_view pattern) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : pattern) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::optional<SplitPattern> split_final_group(std::string_view p) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t open = kNone, close = kNone;
  int depth = 0;
  bool in_class = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;  // the escaped character
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;  // a literal ']'
    } else if (c == '(') {
      bool capturing = i + 1 >= p.size() || p[i + 1] != '?';
      if (capturing && depth == 0 && open == kNone) open = i;
      ++depth;
    } else if (c == ')') {
      if (--depth == 0 && open != kNone && close == kNone) close = i;
    } else if (c == '|' && depth == 0) {
      return std::nullopt;
    }
  }
  if (open == kNone || close != p.size() - 1 || depth != 0 || in_class) return std::nullopt;
  return SplitPattern{std::string(p.substr(0, open)),
                      std::string(p.substr(open + 1, close - open - 1))};
}

GroupSplit group_split_for(std::string_view pattern) {
  switch (pattern_fingerprint(pattern)) {
  case 0x49a11a3520b5f9d8ULL:  // adres-context
    return GroupSplit::kAfterBlank;
  case 0x2e98fc5f88cc3d98ULL:  // kenmerk
    return GroupSplit::kBeforeFirstDigit;
  default:
    return GroupSplit::kNone;
  }
}

GroupSpan group_span_for(std::string_view pattern) {
  struct Known {
    std::uint64_t fingerprint;  // of the pattern in rules/nl-default.json
    GroupSpan span;
  };
  static constexpr std::array<Known, 3> kKnown = {{
      {0x73a19b4e95b9b83dULL, bsn_number_at_end},        // bsn-in-context
      {0x749ba04c6624ac59ULL, address_before_postcode},  // adres-voor-postcode
      {0xb0d4d8512a3b3a61ULL, plate_after_word},         // kenteken
  }};
  std::uint64_t fp = pattern_fingerprint(pattern);
  for (const Known& k : kKnown) {
    if (k.fingerprint == fp) return k.span;
  }
  return nullptr;
}

}  // namespace anonymizer
