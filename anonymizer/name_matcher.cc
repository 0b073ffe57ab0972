#include "anonymizer/name_matcher.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "anonymizer/lexicon.h"

namespace anonymizer {
namespace {

bool is_particle(std::string_view key) {
  return (Lexicon::get().classes(key) & kTussenvoegsel) != 0;
}

bool is_arabic_particle(std::string_view key) {
  return (Lexicon::get().classes(key) & kArabicParticle) != 0;
}

// An ordinary word, a month or a very short word is a name only when it is written as one.
bool ambiguous_word(std::string_view key) {
  const Lexicon& lex = Lexicon::get();
  return key.size() <= 2 || (lex.classes(key) & kMonth) || lex.is_dutch_word(key);
}

// "van der Berg" is also written "v.d. Berg", "v/d Berg" and "vd Berg".
void add_abbreviated_prefix(std::vector<std::vector<std::string>>& forms,
                            const std::vector<std::string>& keys, std::size_t at) {
  if (keys.size() < at + 3 || keys[at] != "van") return;
  const std::string& second = keys[at + 1];
  if (second != "der" && second != "den" && second != "de") return;
  std::vector<std::string> split(keys.begin(), keys.begin() + at);
  split.insert(split.end(), {"v", "d"});
  split.insert(split.end(), keys.begin() + at + 2, keys.end());
  forms.push_back(split);
  std::vector<std::string> joined(keys.begin(), keys.begin() + at);
  joined.push_back("vd");
  joined.insert(joined.end(), keys.begin() + at + 2, keys.end());
  forms.push_back(joined);
}

bool email_nearby(std::string_view text, std::size_t start, std::size_t end) {
  for (std::size_t i = start; i > 0 && start - i < 80;) {
    char c = text[--i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '<' || c == '"') break;
    if (c == '@') return true;
  }
  for (std::size_t i = end; i < text.size() && i - end < 80; ++i) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == ')' || c == '>' || c == '"') break;
    if (c == '@') return true;
  }
  return false;
}

// Allowlisted persons (with or without honorific and initials).
struct AllowTable {
  std::vector<std::string> source;  // allow.persons as last seen
  bool built = false;
  NameMatcher persons;
};

const AllowTable& allow_table(const Allowlist& allow) {
  thread_local AllowTable table;
  if (table.built && table.source == allow.persons) return table;
  table.source = allow.persons;
  table.built = true;
  table.persons = NameMatcher();
  for (std::size_t i = 0; i < allow.persons.size(); ++i) {
    for (auto& p : name_patterns(parse_person_name(allow.persons[i]), static_cast<int>(i))) {
      p.needs_capital = false;
      table.persons.add(std::move(p));
    }
  }
  return table;
}

}  // namespace

PersonName parse_person_name(std::string_view name) {
  NameTokens tokens(name);
  std::size_t first = 0;
  // Honorifics belong to the text, not to the name: "mevrouw A. Mulder" is "A. Mulder".
  while (first + 1 < tokens.size()) {
    std::uint32_t cls = tokens[first].classes;
    bool de_heer = tokens.key(first) == "de" && tokens.key(first + 1) == "heer";
    if (!(cls & (kHonorific | kTitle)) && !de_heer) break;
    first += de_heer ? 2 : 1;
  }
  PersonName out;
  for (std::size_t i = first; i < tokens.size(); ++i) {
    out.words.emplace_back(tokens.word(i));
    out.keys.emplace_back(tokens.key(i));
    out.seps.emplace_back(i == first ? std::string_view() : tokens.between(i));
  }
  std::size_t n = out.words.size();
  if (n <= 1) return out;
  out.surname = n - 1;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (is_particle(out.keys[i])) {
      out.surname = i;
      break;
    }
  }
  while (out.surname > 1 && out.seps[out.surname] == "-") --out.surname;
  bool given_all_particles = std::all_of(out.keys.begin(), out.keys.begin() + out.surname,
                                         [](const std::string& k) { return is_particle(k); });
  if (given_all_particles) out.surname = 0;
  return out;
}

std::vector<NamePattern> name_patterns(const PersonName& name, int owner) {
  const auto& keys = name.keys;
  std::size_t n = keys.size(), s = name.surname;
  std::vector<NamePattern> out;
  out.reserve(16);
  auto add = [&](std::vector<std::string> k, std::size_t initials, bool whole) {
    if (k.empty()) return;
    if (std::any_of(out.begin(), out.end(), [&](const NamePattern& p) { return p.keys == k; })) {
      return;
    }
    if (k.size() == 1 && (is_particle(k[0]) || k[0].size() < 2)) return;
    NamePattern p;
    // Two name words together are a name in any case ("maria-de-vries"); one may be a word.
    std::size_t name_words = std::count_if(
        k.begin(), k.end(), [&](const std::string& w) { return !is_particle(w) && w.size() > 1; });
    // A lone word is a name only when capitalised: "said" in an English quote is not "Said".
    p.needs_capital = k.size() == 1 || (name_words < 2 && ambiguous_word(k.back()));
    p.keys = std::move(k);
    p.owner = owner;
    p.initials = initials;
    p.whole_name = whole;
    out.push_back(std::move(p));
  };
  if (n == 0) return out;

  std::vector<std::string> surname(keys.begin() + s, keys.end());
  std::vector<std::string> all(keys.begin(), keys.end());
  add(std::move(all), 0, n > 1);

  if (s > 0) {
    std::vector<std::string> initials;
    for (std::size_t i = 0; i < s; ++i) initials.push_back(keys[i].substr(0, 1));
    std::vector<std::string> first_surname{keys[0]};
    first_surname.insert(first_surname.end(), surname.begin(), surname.end());
    add(std::move(first_surname), 0, true);
    if (s > 1) add(std::vector<std::string>(keys.begin(), keys.begin() + s), 0, false);
    for (std::size_t i = 0; i < s; ++i) add({keys[i]}, 0, false);

    std::vector<std::string> dotted = initials;
    dotted.insert(dotted.end(), surname.begin(), surname.end());
    add(std::move(dotted), s, true);
    if (initials.size() > 1) {
      std::string joined;
      for (const auto& i : initials) joined += i;
      std::vector<std::string> packed{joined};
      packed.insert(packed.end(), surname.begin(), surname.end());
      add(std::move(packed), 1, true);
      std::vector<std::string> one{initials[0]};
      one.insert(one.end(), surname.begin(), surname.end());
      add(std::move(one), 1, true);
    }
  }

  // The surname, each part of a double name, and a part without its Arabic particle.
  std::vector<std::vector<std::string>> forms{surname};
  std::size_t part_start = s;
  for (std::size_t i = s; i <= n; ++i) {
    if (i < n && (i == s || name.seps[i] != "-")) continue;
    std::vector<std::string> part(keys.begin() + part_start, keys.begin() + i);
    forms.push_back(part);
    std::size_t core = 0;
    while (core < part.size() && is_arabic_particle(part[core])) ++core;
    if (core > 0 && core < part.size()) forms.emplace_back(part.begin() + core, part.end());
    part_start = i;
  }
  std::size_t plain = forms.size();
  for (std::size_t f = 0; f < plain; ++f) {
    std::vector<std::string> form = forms[f];  // a copy: forms grows below
    add_abbreviated_prefix(forms, form, 0);
  }
  for (auto& f : forms) add(std::move(f), 0, false);
  std::sort(out.begin(), out.end(), [](const NamePattern& a, const NamePattern& b) {
    return a.keys.size() > b.keys.size();
  });
  return out;
}

namespace {

// Whether the separator before token `j` may join two words of one name.
bool joins(const NameTokens& tokens, std::size_t j, MatchMode mode) {
  std::string_view key = tokens.key(j);
  std::string_view prev = tokens.key(j - 1);
  switch (tokens.gap_before(j)) {
  case Gap::kSpace:
  case Gap::kHyphen:
    return true;
  case Gap::kDot:
    return prev.size() <= 3;
  case Gap::kApostrophe:
    return key == "t" || key == "s" || prev == "d" || prev == "l";
  case Gap::kSlash:
    return prev == "v" || mode == MatchMode::kOutput;
  case Gap::kUnderscore:
    return mode == MatchMode::kOutput;
  default:
    return false;
  }
}

// "Jansens", "Ahmeds": a possessive s on the last word of a name of three letters or more.
bool has_possessive_s(std::string_view key) {
  return key.size() >= 4 && key.back() == 's';
}

std::optional<std::string_view> without_possessive(std::string_view key) {
  if (has_possessive_s(key)) return key.substr(0, key.size() - 1);
  return std::nullopt;
}

}  // namespace

void NameMatcher::add(NamePattern pattern) {
  add(pattern, pattern.owner);
}

void NameMatcher::add(const NamePattern& pattern, int owner) {
  if (pattern.keys.empty()) return;
  const std::string& first = pattern.keys.front();
  first_words_[static_cast<unsigned char>(first[0])] |= length_bit(first.size());
  std::uint32_t node = 0;
  for (const std::string& key : pattern.keys) {
    std::uint32_t& next = edges_.insert(key, node);
    if (next == 0) {
      next = static_cast<std::uint32_t>(used_nodes_++);
      if (next == nodes_.size()) nodes_.emplace_back();
    }
    node = next;
  }
  Terminal t{owner, static_cast<std::uint32_t>(pattern.keys.size()),
             static_cast<std::uint32_t>(pattern.initials), pattern.needs_capital,
             pattern.whole_name};
  auto& ends = nodes_[node].ends;
  bool duplicate = std::any_of(ends.begin(), ends.end(), [&](const Terminal& e) {
    return e.initials == t.initials && e.needs_capital == t.needs_capital &&
           e.whole_name == t.whole_name;
  });
  if (duplicate) return;
  ends.push_back(t);
  ++terminals_;
}

void NameMatcher::clear() {
  first_words_.fill(0);
  for (std::size_t i = 0; i < used_nodes_; ++i) nodes_[i].ends.clear();
  used_nodes_ = 1;
  edges_.clear();
  terminals_ = 0;
}

std::uint32_t NameMatcher::child(std::uint32_t node, std::string_view key,
                                 std::uint32_t hash) const {
  if (node == 0 && !may_start(key)) return 0;
  const std::uint32_t* next = edges_.find(key, hash, node);
  return next ? *next : 0;
}

// The checks a pattern makes beyond its words: initials in capitals, a capital where the name is
// also an ordinary word, no month next to a number ("mei 2024"), no part of an e-mail address.
bool NameMatcher::accepts(const NameTokens& tokens, std::size_t at, const Terminal& t,
                          MatchMode mode) const {
  const std::size_t n = t.length;
  for (std::size_t j = 0; j < t.initials && j < n; ++j) {
    const NameToken& tok = tokens[at + j];
    if (!(tokens.key(at + j).size() <= 2 ? tok.all_upper : tok.upper_initial)) return false;
  }
  const NameToken& last = tokens[at + n - 1];
  if (t.needs_capital && !last.upper_initial) return false;
  if (!t.whole_name && n == 1 && (tokens.classes_of(at + n - 1) & kMonth)) {
    bool number_before = at > 0 && tokens[at - 1].has_digit;
    bool number_after = at + 1 < tokens.size() && tokens[at + 1].has_digit;
    if (number_before || number_after) return false;
  }
  return !(mode == MatchMode::kText &&
           email_nearby(tokens.text(), tokens[at].start, tokens[at + n - 1].end));
}

std::vector<NameMatch> NameMatcher::find(const NameTokens& tokens, MatchMode mode) const {
  std::vector<NameMatch> out;
  if (empty()) return out;
  for (std::size_t i = 0; i < tokens.size();) {
    // Most words start no name, not even with a possessive s taken off: one table lookup for
    // both, without a branch on the last letter.
    std::string_view first = tokens.key(i);
    if (first.empty()) {
      ++i;
      continue;
    }
    std::uint64_t lengths = length_bit(first.size());
    lengths |= has_possessive_s(first) ? length_bit(first.size() - 1) : 0;
    if (!(first_words_[static_cast<unsigned char>(first[0])] & lengths)) {
      ++i;
      continue;
    }
    std::size_t best_end = 0;
    int owner = 0;
    auto consider = [&](std::uint32_t node, std::size_t end) {
      if (end <= best_end) return;
      for (const Terminal& t : nodes_[node].ends) {
        if (accepts(tokens, i, t, mode)) {
          best_end = end;
          owner = t.owner;
          return;
        }
      }
    };
    // Walk the trie word by word; the longest accepted name at `i` wins.
    std::uint32_t node = 0;
    for (std::size_t j = i; j < tokens.size() && !tokens[j].scrubbed; ++j) {
      if (j > i && !joins(tokens, j, mode)) break;
      std::string_view key = tokens.key(j);
      std::uint32_t next = child(node, key, tokens[j].hash);
      if (next != 0) consider(next, j + 1);
      if (j > i) {
        if (auto stem = without_possessive(key)) {
          if (std::uint32_t p = child(node, *stem, word_hash(*stem))) consider(p, j + 1);
        }
      }
      if (next == 0) break;
      node = next;
    }
    if (best_end == 0 && !tokens[i].scrubbed) {
      if (auto stem = without_possessive(tokens.key(i))) {
        if (may_start(*stem)) {
          if (std::uint32_t p = child(0, *stem, word_hash(*stem))) consider(p, i + 1);
        }
      }
    }
    if (best_end > i) {
      out.push_back(NameMatch{i, best_end, tokens[i].start, tokens[best_end - 1].end, owner});
      i = best_end;
    } else {
      ++i;
    }
  }
  return out;
}

std::vector<NameMatch> find_officials(const NameTokens& tokens, const Allowlist& allow) {
  if (allow.persons.empty()) return {};
  return allow_table(allow).persons.find(tokens, MatchMode::kText);
}

}  // namespace anonymizer
