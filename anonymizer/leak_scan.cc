#include "anonymizer/leak_scan.h"

#include <algorithm>
#include <cctype>

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

// Text as a reader sees it: HTML entities, JSON \u escapes and URL %-escapes decoded, with the
// source offset of every byte so hits point into the original file.
struct Decoded {
  std::string text;
  std::vector<std::size_t> source;
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
    if (name.size() == m.size() + 1 && name.ends_with(m) && std::isalpha(name[0])) {
      return std::string(1, name[0]);
    }
  }
  return std::string();
}

Decoded decode_escapes(std::string_view in) {
  Decoded d;
  d.text.reserve(in.size());
  d.source.reserve(in.size() + 1);
  auto put = [&](std::string_view s, std::size_t from) {
    d.text += s;
    d.source.insert(d.source.end(), s.size(), from);
  };
  auto put_cp = [&](char32_t cp, std::size_t from) {
    std::string s;
    utf8::append(s, cp);
    put(s, from);
  };
  for (std::size_t i = 0; i < in.size();) {
    char c = in[i];
    if (c == '&') {
      std::size_t semi = in.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view body = in.substr(i + 1, semi - i - 1);
        if (body.size() > 1 && body[0] == '#') {
          bool hex = body[1] == 'x' || body[1] == 'X';
          char32_t cp = 0;
          bool ok = body.size() > (hex ? 2u : 1u);
          for (std::size_t k = hex ? 2 : 1; k < body.size() && ok; ++k) {
            int v = hex ? hex_value(body[k]) : (std::isdigit(body[k]) ? body[k] - '0' : -1);
            ok = v >= 0 && cp < 0x110000;
            cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
          }
          if (ok) {
            put_cp(cp == 0x2019 || cp == 0x2018 ? U'\'' : cp, i);
            i = semi + 1;
            continue;
          }
        } else if (std::string named = named_entity(body); !named.empty()) {
          put(named, i);
          i = semi + 1;
          continue;
        }
      }
    } else if (c == '\\' && i + 5 < in.size() && in[i + 1] == 'u') {
      char32_t cp = 0;
      bool ok = true;
      for (std::size_t k = 2; k < 6 && ok; ++k) {
        int v = hex_value(in[i + k]);
        ok = v >= 0;
        cp = cp * 16 + static_cast<char32_t>(v);
      }
      if (ok) {
        put_cp(cp, i);
        i += 6;
        continue;
      }
    } else if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
               hex_value(in[i + 2]) >= 0) {
      put(std::string(1, static_cast<char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]))), i);
      i += 3;
      continue;
    }
    put(std::string_view(&in[i], 1), i);
    ++i;
  }
  d.source.push_back(in.size());
  return d;
}

bool needs_decoding(std::string_view text) {
  return text.find_first_of("&\\%") != std::string_view::npos;
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
    auto to_source = [&](std::size_t pos) { return decode ? decoded.source[pos] : pos; };
    NameTokens tokens(plain);
    auto officials = impl_->officials.find(tokens, MatchMode::kOutput);
    auto kept = find_term_spans(tokens, impl_->allow);
    for (const NameMatch& m : impl_->names.find(tokens, MatchMode::kOutput)) {
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
