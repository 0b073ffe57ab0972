#include "anonymizer/name_matcher.h"

#include <algorithm>
#include <set>
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
  std::set<std::vector<std::string>> seen;
  auto add = [&](std::vector<std::string> k, std::size_t initials, bool whole) {
    if (k.empty() || seen.count(k)) return;
    if (k.size() == 1 && (is_particle(k[0]) || k[0].size() < 2)) return;
    seen.insert(k);
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
  add(all, 0, n > 1);

  if (s > 0) {
    std::vector<std::string> initials;
    for (std::size_t i = 0; i < s; ++i) initials.push_back(keys[i].substr(0, 1));
    std::vector<std::string> first_surname{keys[0]};
    first_surname.insert(first_surname.end(), surname.begin(), surname.end());
    add(first_surname, 0, true);
    if (s > 1) add(std::vector<std::string>(keys.begin(), keys.begin() + s), 0, false);
    for (std::size_t i = 0; i < s; ++i) add({keys[i]}, 0, false);

    std::vector<std::string> dotted = initials;
    dotted.insert(dotted.end(), surname.begin(), surname.end());
    add(dotted, initials.size(), true);
    if (initials.size() > 1) {
      std::string joined;
      for (const auto& i : initials) joined += i;
      std::vector<std::string> packed{joined};
      packed.insert(packed.end(), surname.begin(), surname.end());
      add(packed, 1, true);
      std::vector<std::string> one{initials[0]};
      one.insert(one.end(), surname.begin(), surname.end());
      add(one, 1, true);
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
  for (auto& f : forms) add(f, 0, false);
  std::sort(out.begin(), out.end(), [](const NamePattern& a, const NamePattern& b) {
    return a.keys.size() > b.keys.size();
  });
  return out;
}

void NameMatcher::add(NamePattern pattern) {
  std::size_t index = patterns_.size();
  auto& bucket = by_first_[pattern.keys.front()];
  patterns_.push_back(std::move(pattern));
  bucket.push_back(index);
  std::stable_sort(bucket.begin(), bucket.end(), [&](std::size_t a, std::size_t b) {
    return patterns_[a].keys.size() > patterns_[b].keys.size();
  });
}

bool NameMatcher::matches_at(const NameTokens& tokens, std::size_t at, const NamePattern& p,
                             MatchMode mode, std::size_t* end_token) const {
  std::size_t n = p.keys.size();
  if (at + n > tokens.size()) return false;
  for (std::size_t j = 0; j < n; ++j) {
    const NameToken& t = tokens[at + j];
    if (t.scrubbed) return false;
    std::string_view key = tokens.key(at + j);
    bool last = j + 1 == n;
    bool possessive = last && key.size() == p.keys[j].size() + 1 && key.back() == 's' &&
                      p.keys[j].size() >= 3 && key.starts_with(p.keys[j]);
    if (key != p.keys[j] && !possessive) return false;
    if (j < p.initials && !(key.size() <= 2 ? t.all_upper : t.upper_initial)) return false;
    if (j == 0) continue;
    std::string_view prev = tokens.key(at + j - 1);
    switch (tokens.gap_before(at + j)) {
    case Gap::kSpace:
    case Gap::kHyphen:
      break;
    case Gap::kDot:
      if (prev.size() > 3) return false;
      break;
    case Gap::kApostrophe:
      if (key != "t" && key != "s" && prev != "d" && prev != "l") return false;
      break;
    case Gap::kSlash:
      if (prev != "v" && mode != MatchMode::kOutput) return false;
      break;
    case Gap::kUnderscore:
      if (mode != MatchMode::kOutput) return false;
      break;
    default:
      return false;
    }
  }
  const NameToken& last = tokens[at + n - 1];
  if (p.needs_capital && !last.upper_initial) return false;
  if (!p.whole_name && n == 1 && (last.classes & kMonth)) {
    bool number_before = at > 0 && tokens[at - 1].has_digit;
    bool number_after = at + 1 < tokens.size() && tokens[at + 1].has_digit;
    if (number_before || number_after) return false;
  }
  if (mode == MatchMode::kText &&
      email_nearby(tokens.text(), tokens[at].start, tokens[at + n - 1].end)) {
    return false;
  }
  *end_token = at + n;
  return true;
}

std::vector<NameMatch> NameMatcher::find(const NameTokens& tokens, MatchMode mode) const {
  std::vector<NameMatch> out;
  if (patterns_.empty()) return out;
  for (std::size_t i = 0; i < tokens.size();) {
    std::string_view key = tokens.key(i);
    std::size_t best_end = 0;
    int owner = 0;
    auto try_bucket = [&](std::string_view k, bool single_only) {
      auto it = by_first_.find(k);
      if (it == by_first_.end()) return;
      for (std::size_t index : it->second) {
        const NamePattern& p = patterns_[index];
        if (single_only && p.keys.size() != 1) continue;
        if (i + p.keys.size() <= best_end) break;  // longest first: nothing longer follows
        std::size_t end = 0;
        if (matches_at(tokens, i, p, mode, &end) && end > best_end) {
          best_end = end;
          owner = p.owner;
        }
      }
    };
    try_bucket(key, false);
    if (best_end == 0 && key.size() >= 4 && key.back() == 's') {
      try_bucket(key.substr(0, key.size() - 1), true);  // possessive: "Ahmeds", "Jansens"
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
