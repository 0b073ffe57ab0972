#pragma once
// Finds the written forms of known names (declared persons, allowlisted officials, kept terms)
// in a tokenised text through hash lookups: no regex is compiled per document.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "anonymizer/name_tokens.h"
#include "anonymizer/scrub.h"

namespace anonymizer {

/// A name split into words, with the surname located: "Maria Jansen-de Wit" has the surname
/// "Jansen-de Wit" starting at word 1. Leading honorifics ("mevrouw", "dhr.") are dropped.
struct PersonName {
  std::vector<std::string> words;  // as written
  std::vector<std::string> keys;   // folded
  std::vector<std::string> seps;   // seps[i]: the text before word i as written ("" for i == 0)
  std::size_t surname = 0;         // first word of the surname, its tussenvoegsels included
};

/// Parses a declared or allowlisted name.
PersonName parse_person_name(std::string_view name);

/// One written form as folded words.
struct NamePattern {
  std::vector<std::string> keys;
  int owner = 0;               // index of the person (or term) it belongs to
  std::size_t initials = 0;    // leading keys that are initials: upper case in the text
  bool needs_capital = false;  // the last word is also an ordinary word: must be capitalised
  bool whole_name = false;     // a full name or initials + surname: never ambiguous
};

/// The folded forms that identify a person: full name, given names, surname (whole, each part
/// of a double name, without an Arabic particle), first name + surname, initials + surname.
std::vector<NamePattern> name_patterns(const PersonName& name, int owner);

/// How strictly the words of a name must be joined.
enum class MatchMode {
  kText,    // running text: spaces, hyphens, dots after initials, "van 't", "d'"
  kOutput,  // published files too: slugs and file names ("maria-de-vries", "m_de_vries")
};

struct NameMatch {
  std::size_t first = 0;  // token range [first, last)
  std::size_t last = 0;
  std::size_t start = 0;  // byte span
  std::size_t end = 0;
  int owner = 0;
};

class NameMatcher {
 public:
  void add(NamePattern pattern);
  bool empty() const { return patterns_.empty(); }

  /// Non-overlapping matches, the longest at each position, in text order.
  std::vector<NameMatch> find(const NameTokens& tokens, MatchMode mode) const;

 private:
  bool matches_at(const NameTokens& tokens, std::size_t at, const NamePattern& p, MatchMode mode,
                  std::size_t* end_token) const;
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::vector<NamePattern> patterns_;
  // Pattern indices by first word, longest pattern first.
  std::unordered_map<std::string, std::vector<std::size_t>, KeyHash, std::equal_to<>> by_first_;
};

/// Where the allowlisted officials are named in the text: full name, surname (with or without
/// honorific), initials + surname, in any capitalisation. Tables are cached per thread.
std::vector<NameMatch> find_officials(const NameTokens& tokens, const Allowlist& allow);

}  // namespace anonymizer
