#pragma once
// The capturing group of a built-in rule's match, found from the whole match without RE2's
// group search: RE2 finds a group with a second, backtracking pass over the match that costs ten
// times its DFA search. For a few patterns the group's place follows from the match alone (its
// last nine or eleven bytes; up to the trailing postcode); for two more, the pattern's head and
// group, compiled alone, are tried in full at the few places where the group can start. A rule
// uses these only when its pattern is, byte for byte, the pattern they were written for (by
// fingerprint); tests/anonymizer/group_spans_test.cc holds each to RE2 on random text.

#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace anonymizer {

/// The group's byte span inside the whole match text[start, end), or nothing when the group took
/// no part in the match.
using GroupSpan = std::optional<std::pair<std::size_t, std::size_t>> (*)(std::string_view text,
                                                                         std::size_t start,
                                                                         std::size_t end);

/// FNV-1a of the pattern text: names the exact pattern a function was written for.
std::uint64_t pattern_fingerprint(std::string_view pattern);

/// The function written for exactly `pattern` (RE2 syntax, one capturing group), or nullptr.
GroupSpan group_span_for(std::string_view pattern);

/// A pattern "HEAD(GROUP)" whose one capturing group ends it, cut in two.
struct SplitPattern {
  std::string head;
  std::string group;
};

/// `pattern` cut around its capturing group, when that group ends it and no top-level '|' does.
std::optional<SplitPattern> split_final_group(std::string_view pattern);

/// How the group of a pattern "HEAD(GROUP)" is found in a match, when the pattern is one whose
/// head and group are known: both are tried in full at the few places the group can start, the
/// last first. In these patterns every choice the head makes prefers the longer text (greedy
/// quantifiers; alternatives that exclude each other or come longest first), and a word left to
/// the group cannot be taken by a later part of the head, so RE2's parse has the longest head.
enum class GroupSplit {
  kNone,
  // adres-context: a head of case-insensitive words ending in blanks, then a group that starts
  // with a capital: the group starts after a blank, at a capital or a byte above 0x7F.
  kAfterBlank,
  // kenmerk: a head without digits, then [A-Za-z]{0,4}[-/ ]?\d...: the group starts at most
  // five bytes before the match's first digit.
  kBeforeFirstDigit,
};

GroupSplit group_split_for(std::string_view pattern);

/// The start of the group in the match text[s, e) of a pattern "HEAD(GROUP)" of kind `split`
/// (not kNone), from `head` and `group` compiled alone; 0 when no place fits (not expected).
std::size_t split_group_start(GroupSplit split, const re2::RE2& head, const re2::RE2& group,
                              std::string_view text, std::size_t s, std::size_t e);

}  // namespace anonymizer
