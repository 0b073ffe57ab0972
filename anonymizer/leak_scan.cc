#include "anonymizer/leak_scan.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>

#include "anonymizer/kept_terms.h"
#include "anonymizer/lexicon.h"
#include "anonymizer/name_matcher.h"
#include "anonymizer/name_tokens.h"
#include "anonymizer/rules.h"
#include "anonymizer/utf8.h"

namespace anonymizer {
namespace {

// Honorifics that make an ambiguous surname unambiguous: "mevrouw Bakker" is a leak even where
// "Bakker" alone may be the profession.
constexpr std::string_view kHonorificKeys[] = {"mevrouw",  "mw", "mevr", "dhr", "meneer",
                                               "mijnheer", "mr", "dr",   "mej", "heer"};

// Text as a reader sees it: HTML entities, JSON \u escapes and URL %-escapes decoded. `runs`
// maps it back: each run starts at a decoded offset and a source offset; a plain run advances
// both together, the bytes of a decoded escape all point at the escape.
struct Decoded {
  struct Run {
    std::size_t decoded;
    std::size_t source;
    bool escape;
  };
  std::string text;
  std::vector<Run> runs;

  std::size_t to_source(std::size_t pos) const {
    auto it = std::upper_bound(runs.begin(), runs.end(), pos,
                               [](std::size_t p, const Run& r) { return p < r.decoded; });
    const Run& run = *std::prev(it);  // runs[0] starts at 0
    return run.escape ? run.source : run.source + (pos - run.decoded);
  }
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "&ouml;" -> "o", "&Eacute;" -> "E": names are compared without diacritics anyway.
std::string named_entity(std::string_view name) {
  if (name == "amp") return "&";
  if (name == "apos" || name == "rsquo" || name == "lsquo") return "'";
  if (name == "quot") return "\"";
  if (name == "lt") return "<";
  if (name == "gt") return ">";
  if (name == "nbsp") return " ";
  if (name == "szlig") return "ss";
  static constexpr std::string_view kMarks[] = {"uml",   "acute", "grave", "circ", "tilde",
                                                "cedil", "ring",  "slash", "caron"};
  for (std::string_view m : kMarks) {
    if (name.size() == m.size() + 1 && name.ends_with(m) &&
        std::isalpha(static_cast<unsigned char>(name[0]))) {
      return std::string(1, name[0]);
    }
  }
  return std::string();
}

// The decoded text of the escape at in[i] and the bytes it takes, or nothing when in[i] starts
// no escape.
std::optional<std::pair<std::string, std::size_t>> escape_at(std::string_view in, std::size_t i) {
  auto cp_text = [](char32_t cp) {
    std::string s;
    utf8::append(s, cp);
    return s;
  };
  char c = in[i];
  if (c == '&') {
    std::size_t semi = in.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return std::nullopt;
    std::string_view body = in.substr(i + 1, semi - i - 1);
    if (body.size() > 1 && body[0] == '#') {
      bool hex = body[1] == 'x' || body[1] == 'X';
      char32_t cp = 0;
      bool ok = body.size() > (hex ? 2u : 1u);
      for (std::size_t k = hex ? 2 : 1; k < body.size() && ok; ++k) {
        int v = hex ? hex_value(body[k])
                    : (std::isdigit(static_cast<unsigned char>(body[k])) ? body[k] - '0' : -1);
        ok = v >= 0 && cp < 0x110000;
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (!ok) return std::nullopt;
      return std::pair(cp_text(cp == 0x2019 || cp == 0x2018 ? U'\'' : cp), semi + 1 - i);
    }
    std::string named = named_entity(body);
    if (named.empty()) return std::nullopt;
    return std::pair(named, semi + 1 - i);
  }
  if (c == '\\' && i + 5 < in.size() && in[i + 1] == 'u') {
    char32_t cp = 0;
    for (std::size_t k = 2; k < 6; ++k) {
      int v = hex_value(in[i + k]);
      if (v < 0) return std::nullopt;
      cp = cp * 16 + static_cast<char32_t>(v);
    }
    return std::pair(cp_text(cp), std::size_t{6});
  }
  if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
    char byte = static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
    return std::pair(std::string(1, byte), std::size_t{3});
  }
  return std::nullopt;
}

// The next '&', '\\' or '%' at or after a position that only grows, or the text's size: one
// memchr scan per character, each resumed where it stopped (the library's find_first_of looks
// every byte up in the set one at a time).
class EscapeFinder {
 public:
  explicit EscapeFinder(std::string_view in) : in_(in) {}
  std::size_t next(std::size_t from) {
    std::size_t best = in_.size();
    for (std::size_t k = 0; k < kChars.size(); ++k) {
      if (!found_ || at_[k] < from) at_[k] = std::min(in_.find(kChars[k], from), in_.size());
      best = std::min(best, at_[k]);
    }
    found_ = true;
    return best;
  }

 private:
  static constexpr std::array<char, 3> kChars = {'&', '\\', '%'};
  std::string_view in_;
  std::array<std::size_t, 3> at_{};
  bool found_ = false;
};

Decoded decode_escapes(std::string_view in) {
  Decoded d;
  d.text.reserve(in.size());
  std::size_t i = 0;
  EscapeFinder escapes(in);
  auto plain_until = [&](std::size_t to) {  // copies in[i, to) as it is
    if (to <= i) return;
    d.runs.push_back({d.text.size(), i, false});
    d.text.append(in.substr(i, to - i));
    i = to;
  };
  while (i < in.size()) {
    plain_until(escapes.next(i));
    if (i >= in.size()) break;
    if (auto escape = escape_at(in, i)) {
      d.runs.push_back({d.text.size(), i, true});
      d.text += escape->first;
      i += escape->second;
    } else {
      plain_until(i + 1);
    }
  }
  d.runs.push_back({d.text.size(), in.size(), false});  // the end maps to the end
  return d;
}

bool needs_decoding(std::string_view text) {
  return EscapeFinder(text).next(0) < text.size();
}

}  // namespace

struct LeakScanner::Impl {
  NameMatcher names;
  NameMatcher officials;
  const Allowlist allow;
  const RuleSet& rules;
};

LeakScanner::LeakScanner(const Persons& all_persons, const Allowlist& allow, const RuleSet& rules)
    : impl_(std::make_unique<Impl>(Impl{NameMatcher(), NameMatcher(), allow, rules})) {
  const Lexicon& lex = Lexicon::get();
  for (std::size_t i = 0; i < all_persons.size(); ++i) {
    for (auto& p : name_patterns(parse_person_name(all_persons[i].name), static_cast<int>(i))) {
      const std::string& key = p.keys.front();
      bool lone = p.keys.size() == 1 && !p.whole_name;
      // A lone ordinary word or a very short name would stop every build that mentions it;
      // the honorific forms of a surname and every multi-word form are still checked.
      bool ambiguous =
          lone && (key.size() < 3 || lex.is_dutch_word(key) || (lex.classes(key) & kMonth));
      if (!ambiguous) {
        impl_->names.add(std::move(p));
        continue;
      }
      for (std::string_view h : kHonorificKeys) {
        NamePattern hp;
        hp.keys = h == "heer" ? std::vector<std::string>{"de", "heer", key}
                              : std::vector<std::string>{std::string(h), key};
        hp.owner = p.owner;
        hp.needs_capital = true;
        hp.whole_name = true;
        impl_->names.add(std::move(hp));
      }
    }
  }
  for (std::size_t i = 0; i < allow.persons.size(); ++i) {
    for (auto& p : name_patterns(parse_person_name(allow.persons[i]), static_cast<int>(i))) {
      p.needs_capital = false;
      impl_->officials.add(std::move(p));
    }
  }
}

LeakScanner::~LeakScanner() = default;

std::vector<Leak> LeakScanner::scan(std::string_view text) const {
  std::vector<Leak> leaks;
  if (!impl_->names.empty()) {
    Decoded decoded;
    bool decode = needs_decoding(text);
    if (decode) decoded = decode_escapes(text);
    std::string_view plain = decode ? std::string_view(decoded.text) : text;
    auto to_source = [&](std::size_t pos) { return decode ? decoded.to_source(pos) : pos; };
    NameTokens tokens(plain, /*classify=*/false);
    auto matches = impl_->names.find(tokens, MatchMode::kOutput);
    // Officials and allowlisted terms only matter where a name was found: rarely.
    std::vector<NameMatch> officials;
    std::vector<TextSpan> kept;
    if (!matches.empty()) {
      officials = impl_->officials.find(tokens, MatchMode::kOutput);
      kept = find_term_spans(tokens, impl_->allow);
    }
    for (const NameMatch& m : matches) {
      bool official = std::any_of(officials.begin(), officials.end(), [&](const NameMatch& o) {
        return o.start <= m.start && m.end <= o.end;
      });
      if (official || covered_by(kept, m.start, m.end)) continue;
      std::size_t start = to_source(m.start), end = to_source(m.end);
      leaks.push_back(Leak{start, end - start, "naam"});
    }
  }
  auto structured = impl_->rules.detect(text, impl_->allow, Profile::kPublic);
  if (!structured.empty() && !impl_->allow.terms.empty()) {
    // Allowlisted terms are published on purpose: "Plantage Middenlaan 52" is not a leak.
    NameTokens tokens(text);
    auto kept = find_term_spans(tokens, impl_->allow);
    std::erase_if(structured, [&](const Candidate& c) { return covered_by(kept, c.start, c.end); });
  }
  for (const Candidate& c : structured) leaks.push_back(Leak{c.start, c.end - c.start, c.category});
  std::sort(leaks.begin(), leaks.end(), [](const Leak& a, const Leak& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  return leaks;
}

}  // namespace anonymizer
