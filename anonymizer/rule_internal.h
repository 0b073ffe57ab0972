#pragma once
// Internals shared by rules.cc (loading, flags) and rule_detect.cc (matching): not installed API.

#include <re2/re2.h>
#include <re2/set.h>

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anonymizer/flag_trie.h"
#include "anonymizer/group_spans.h"
#include "anonymizer/pattern_scanners.h"
#include "anonymizer/rules.h"

namespace anonymizer {
namespace rule_detail {

enum class Validator { kNone, kBsn, kIban, kPhone, kPostcode, kKenteken, kDate, kDayMonth, kEmail };

// One compiled rule: the spec plus everything detect() needs beyond it.
struct Rule {
  RuleSpec spec;
  std::unique_ptr<RE2> re;
  std::unique_ptr<RE2> narrow_re;  // narrow_variant(pattern), for text that is narrow_enough()
  std::unique_ptr<RE2> keep_re;    // a span that fully matches this is kept...
  std::unique_ptr<RE2> keep_re_unless_after;   // ...unless the text before ends in a match
  std::unique_ptr<RE2> keep_re_unless_before;  // ...or the text after starts with one
  Validator validator = Validator::kNone;
  std::size_t window = 48;
  std::vector<std::string> keep_context;      // kept when one of these is in the window...
  std::vector<std::string> personal_context;  // ...and none of these
  std::vector<std::string> keep_preceded;     // kept when the word just before is one of these
  std::unique_ptr<RE2> keep_preceded_re;      // kept when the text before ends in a match
  std::vector<std::string> trim_leading;      // words dropped from the start of a match
  bool skip_in_urls = false;
  bool kinderen_only = false;
  bool has_group = false;
  // Every match starts with a byte in [first_lo, first_hi] (RE2::PossibleMatchRange), so a
  // search may skip ahead to the first such byte.
  unsigned char first_lo = 0;
  unsigned char first_hi = 0xFF;
  std::bitset<256> context_first;  // first bytes of spec.context (folded)
  // The first three bytes of each context word (all have three or more, else this is empty):
  // "geb" rules out "gemeente" before any word is compared.
  std::vector<std::uint32_t> context_heads;
  PatternScanner scanner = nullptr;  // does what `re` does, faster, for a few known patterns
  GroupSpan group_span = nullptr;    // where the group lies in a match, for a few known patterns
  GroupSplit group_split = GroupSplit::kNone;
  std::unique_ptr<RE2> head_re;   // with group_split: the pattern before its group...
  std::unique_ptr<RE2> group_re;  // ...and the group's own
};

/// Letters below this (Latin up to Extended-B) are all a narrowed pattern knows of.
inline constexpr char32_t kNarrowLimit = 0x250;

/// Three bytes as one number, for comparing word heads.
inline std::uint32_t head3(const char* p) {
  return static_cast<unsigned char>(p[0]) | static_cast<unsigned char>(p[1]) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

/// The pattern with its Unicode letter classes (\p{L}, \p{Lu}, \p{Ll}) narrowed to their letters
/// below kNarrowLimit, or nothing when it has none or holds a construct this does not know. On
/// text that is narrow_enough() it matches, groups included, as the pattern does, from a program
/// a fraction of the size: Unicode's letter classes cost RE2 thousands of instructions.
std::optional<std::string> narrow_variant(std::string_view pattern);

/// Whether `text` holds only characters below kNarrowLimit and characters that are no letter
/// (punctuation, currency signs, invalid bytes), which a narrowed pattern tells apart as the
/// pattern does.
bool narrow_enough(std::string_view text);

struct FlagTerm {
  std::string term;  // as listed, without the prefix marker
  std::string category;
  bool prefix = false;
  std::string folded;  // utf8::fold(term)
};

}  // namespace rule_detail

/// The compiled rules and flag terms behind a RuleSet.
struct RuleSet::Impl {
  using Rule = rule_detail::Rule;
  using FlagTerm = rule_detail::FlagTerm;

  std::vector<RuleSpec> specs;
  std::vector<Rule> rules;
  std::unique_ptr<RE2::Set> set;
  // When every rule declares needs_one_of: their union. A piece of text with none of these
  // bytes cannot hold a match, and the RE2::Set skips it (most paragraphs have no digit).
  std::optional<std::bitset<256>> triggers;
  std::vector<FlagTerm> terms;
  FlagTrie flag_trie;
  std::unordered_map<std::string, std::size_t> flag_exact;  // folded term -> index
  std::vector<std::size_t> flag_prefixes;                   // longest first
  bool flags_word_initial = true;  // every term starts with a word character

  std::optional<std::string> add_rules(const nlohmann::json& array);
  std::optional<std::string> finish();
  std::optional<std::string> load_flags(std::string_view json_text);
};

}  // namespace anonymizer
