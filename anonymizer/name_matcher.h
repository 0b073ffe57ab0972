#pragma once
// Finds the written forms of known names (declared persons, allowlisted officials, kept terms)
// in a tokenised text through hash lookups: no regex is compiled per document.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "anonymizer/name_tokens.h"
#include "anonymizer/scrub.h"
#include "anonymizer/word_table.h"

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
  /// add() for a pattern that belongs to `owner`, whatever its own owner (no copy is made).
  void add(const NamePattern& pattern, int owner);
  bool empty() const { return terminals_ == 0; }
  /// Forgets every pattern but keeps the memory: scrub() fills a matcher per document.
  void clear();

  /// Non-overlapping matches, the longest at each position, in text order.
  std::vector<NameMatch> find(const NameTokens& tokens, MatchMode mode) const;

 private:
  // What a pattern asks of the tokens it spans beyond their keys; patterns that ask the same of
  // the same keys are one entry, and the first person added keeps it.
  struct Terminal {
    int owner = 0;
    std::uint32_t length = 0;
    std::uint32_t initials = 0;
    bool needs_capital = false;
    bool whole_name = false;
  };
  // A trie over folded words: a lookup costs one hash probe per word, however many names share
  // a first word (verify holds every person of every document).
  struct Node {
    std::vector<Terminal> ends;
  };
  std::uint32_t child(std::uint32_t node, std::string_view key, std::uint32_t hash) const;
  // Whether some first word of a name has this first byte and length: most words of a text are
  // ruled out before a hash lookup.
  bool may_start(std::string_view key) const {
    return !key.empty() &&
           (first_words_[static_cast<unsigned char>(key[0])] & length_bit(key.size())) != 0;
  }
  static std::uint64_t length_bit(std::size_t n) { return std::uint64_t{1} << (n < 63 ? n : 63); }
  std::array<std::uint64_t, 256> first_words_{};
  bool accepts(const NameTokens& tokens, std::size_t at, const Terminal& t, MatchMode mode) const;
  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
  std::size_t used_nodes_ = 1;                      // nodes_ beyond this are spare, left by clear()
  // Edges: (word, parent node) -> child node.
  WordTable<std::uint32_t> edges_;
  std::size_t terminals_ = 0;
};

/// Where the allowlisted officials are named in the text: full name, surname (with or without
/// honorific), initials + surname, in any capitalisation. Tables are cached per thread.
std::vector<NameMatch> find_officials(const NameTokens& tokens, const Allowlist& allow);

}  // namespace anonymizer
