// RuleSet::detect: one RE2::Set pass per chunk picks the rules that can match there, then each of
// those rules scans only that chunk. Boundaries, context and check digits are checked here,
// because RE2 has no look-around.

#include <algorithm>
#include <bitset>
#include <optional>

#include "anonymizer/placeholder.h"
#include "anonymizer/rule_internal.h"
#include "anonymizer/utf8.h"
#include "anonymizer/validators.h"

namespace anonymizer {

using rule_detail::narrow_enough;
using rule_detail::Rule;
using rule_detail::Validator;

namespace {

constexpr std::size_t kParagraphChunk = 128;
constexpr std::size_t kChunk = 4 * 1024;
constexpr std::size_t kMaxChunk = 64 * 1024;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The end of the first paragraph break in [from, limit): a blank line, or a line break between a
// '>' and a '<' (HTML and XML: no identifier crosses a tag boundary, verify relies on it too).
std::size_t paragraph_break(std::string_view text, std::size_t from, std::size_t limit) {
  limit = std::min(limit, text.size());
  text = text.substr(0, limit);  // a search past the limit would make long texts quadratic
  for (std::size_t nl = text.find('\n', from); nl != std::string_view::npos && nl + 1 < limit;
       nl = text.find('\n', nl + 1)) {
    if (text[nl + 1] == '\n') return nl + 2;
    if (nl == 0 || text[nl - 1] != '>') continue;
    std::size_t next = nl + 1;
    while (next < limit && (text[next] == ' ' || text[next] == '\t')) ++next;
    if (next < limit && text[next] == '<') return nl + 1;
  }
  return std::string_view::npos;
}

// Splits the text at paragraph breaks into pieces of at least kParagraphChunk, so that a rule
// runs only over the paragraphs where the RE2::Set saw it match; a text without paragraph breaks
// is split at line breaks or spaces into pieces of about kChunk once it exceeds kMaxChunk.
std::vector<std::pair<std::size_t, std::size_t>> chunks(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.size();
    // Nothing beyond this can be a cut: searching further would make long texts quadratic.
    std::string_view window = text.substr(0, std::min(text.size(), start + kMaxChunk * 4));
    std::size_t paragraph = text.size() - start > kParagraphChunk
                                ? paragraph_break(text, start + kParagraphChunk, start + kMaxChunk)
                                : std::string_view::npos;
    if (paragraph != std::string_view::npos) {
      end = paragraph;
    } else if (text.size() - start > kMaxChunk) {
      std::size_t from = start + kChunk;
      std::size_t cut = window.find("\n\n", from);
      if (cut == std::string_view::npos || cut > start + kMaxChunk) cut = window.find('\n', from);
      if (cut == std::string_view::npos || cut > start + kMaxChunk) cut = window.find(' ', from);
      if (cut != std::string_view::npos && cut < start + kMaxChunk * 4) end = cut + 1;
    }
    out.emplace_back(start, end);
    start = end;
  }
  return out;
}

// Whether a byte of `text` is in `bytes`.
bool holds_any(std::string_view text, const std::bitset<256>& bytes) {
  for (char c : text) {
    if (bytes[static_cast<unsigned char>(c)]) return true;
  }
  return false;
}

// Spans of already-scrubbed tokens such as "[BSN]" or "[kind 1]": nothing may match inside them.
std::vector<std::pair<std::size_t, std::size_t>> bracket_tokens(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t open = text.find('['); open != std::string_view::npos;
       open = text.find('[', open + 1)) {
    if (std::size_t end = placeholder_end(text, open)) out.emplace_back(open, end);
  }
  return out;
}

bool overlaps_any(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t s,
                  std::size_t e) {
  auto it = std::lower_bound(spans.begin(), spans.end(), std::make_pair(s, std::size_t{0}));
  if (it != spans.begin() && std::prev(it)->second > s) return true;
  return it != spans.end() && it->first < e;
}

// The text before `pos` that the rule's context words may come from: at most `window` bytes, and
// not past the start of the sentence or paragraph.
std::string_view context_window(std::string_view text, std::size_t pos, std::size_t window) {
  std::size_t start = pos > window ? pos - window : 0;
  while (start < pos && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  for (std::size_t i = pos; i > start + 1; --i) {
    char c = text[i - 1];
    if (c == '\n' && text[i - 2] == '\n') return text.substr(i, pos - i);
    if ((c == ' ' || c == '\n') &&
        (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?') && i < pos &&
        utf8::is_upper(utf8::decode(text, i).cp)) {
      return text.substr(i, pos - i);
    }
  }
  return text.substr(start, pos - start);
}

// Whether one of `words` (folded) occurs in `folded` (valid UTF-8) where no word character
// precedes it.
bool has_word_start(std::string_view folded, const std::vector<std::string>& words) {
  std::bitset<256> first;  // the bytes a word starts with: most positions start none
  for (const auto& w : words) {
    if (w.empty()) return true;  // occurs at the start
    first.set(static_cast<unsigned char>(w[0]));
  }
  bool word_before = false;
  for (std::size_t at = 0; at < folded.size();) {
    auto c = static_cast<unsigned char>(folded[at]);
    if (!word_before && first[c]) {
      std::string_view rest = folded.substr(at);
      for (const auto& w : words) {
        if (rest.starts_with(w)) return true;
      }
    }
    utf8::Decoded d = c < 0x80 ? utf8::Decoded{c, 1} : utf8::decode(folded, at);
    word_before = utf8::is_word_char(d.cp);
    at += d.length;
  }
  return false;
}

// The run of non-space characters before `pos`, skipping spaces: "artikel" in "artikel 1019 BW",
// "€" in "€1234567".
std::string_view preceding_token(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::size_t start = end;
  while (start > 0 && !is_space(text[start - 1])) --start;
  return text.substr(start, end - start);
}

bool inside_url(std::string_view text, std::size_t pos) {
  std::size_t start = pos;
  while (start > 0 && !is_space(text[start - 1]) && text[start - 1] != '<' &&
         text[start - 1] != '"' && text[start - 1] != '(') {
    --start;
  }
  std::string_view token = text.substr(start, pos - start);
  return token.find("://") != std::string_view::npos || token.substr(0, 4) == "www." ||
         token.find(".nl/") != std::string_view::npos ||
         token.find(".com/") != std::string_view::npos;
}

bool is_mobile(std::string_view span) {
  std::string d = digits_of(span);
  return d.rfind("06", 0) == 0 || d.rfind("316", 0) == 0 || d.rfind("00316", 0) == 0;
}

bool email_allowed(std::string_view email, const Allowlist& allow) {
  if (allow.emails.empty()) return false;
  std::string folded = utf8::lower(email);
  std::string_view domain = std::string_view(folded).substr(folded.find('@') + 1);
  for (const auto& entry : allow.emails) {
    std::string e = utf8::lower(entry);
    if (e == folded) return true;
    // "@gemeente.nl" allows a whole domain and its subdomains.
    if (!e.empty() && e[0] == '@') {
      std::string_view d = std::string_view(e).substr(1);
      if (domain == d || (domain.size() > d.size() && domain.ends_with(d) &&
                          domain[domain.size() - d.size() - 1] == '.')) {
        return true;
      }
    }
  }
  return false;
}

bool term_allowed(std::string_view span, const Rule& rule, const Allowlist& allow) {
  if (allow.terms.empty()) return false;
  std::string folded = utf8::fold(span);
  std::string digits = rule.validator == Validator::kPhone ? digits_of(span) : std::string();
  for (const auto& term : allow.terms) {
    if (utf8::fold(term) == folded) return true;
    if (!digits.empty() && digits_of(term) == digits) return true;
  }
  return false;
}

bool passes_validator(const Rule& rule, std::string_view span, const Allowlist& allow) {
  switch (rule.validator) {
  case Validator::kNone:
    return true;
  case Validator::kBsn:
    return is_valid_bsn(span);
  case Validator::kIban:
    return is_valid_iban(span);
  case Validator::kPhone:
    return classify_phone(span) == PhoneKind::kPersonal;
  case Validator::kPostcode:
    return is_valid_postcode(span);
  case Validator::kKenteken:
    return is_valid_kenteken(span);
  case Validator::kDate:
    return parse_dutch_date(span).has_value();
  case Validator::kDayMonth:
    return parse_dutch_date(span).has_value() ||
           parse_dutch_date(std::string(span) + " 2000").has_value();
  case Validator::kEmail:
    return is_valid_email(span) && !email_allowed(span, allow);
  }
  return false;
}

// Rules that need a context word before a match ("geboren op ..."): a chunk is scanned only when
// one of the words occurs within reach. A match at s is accepted only when a word starts in the
// folded `window` bytes before s, and those are a piece of the folded text.
bool context_possible(const Rule& rule, const utf8::FoldedText& folded, std::size_t cb,
                      std::size_t ce) {
  const auto& words = rule.spec.context;
  if (words.empty()) return true;
  for (const auto& w : words) {
    if (w.empty()) return true;  // occurs everywhere
  }
  std::string_view f = folded.text();
  std::size_t from = folded.folded_offset(cb > rule.window ? cb - rule.window : 0);
  std::size_t to = folded.folded_offset(ce);
  for (std::size_t p = from; p < to; ++p) {
    if (!rule.context_first[static_cast<unsigned char>(f[p])]) continue;
    if (!rule.context_heads.empty()) {
      if (f.size() - p < 3) continue;
      std::uint32_t head = rule_detail::head3(f.data() + p);
      const auto& heads = rule.context_heads;
      if (std::find(heads.begin(), heads.end(), head) == heads.end()) continue;
    }
    std::string_view rest = f.substr(p);
    for (const auto& w : words) {
      if (rest.starts_with(w)) return true;
    }
  }
  return false;
}

// An accepted span and the rule (its index) that found it.
struct Found {
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t rule = 0;
};

struct Scan {
  std::string_view text;
  const Allowlist& allow;
  const std::vector<std::pair<std::size_t, std::size_t>>& brackets;

  // The next match of the rule in [pos, end) into groups[0, n), with `re` (the rule's pattern or
  // its narrow variant).
  bool find(const Rule& rule, const RE2& re, std::size_t pos, std::size_t end,
            re2::StringPiece* groups, int n) const {
    if (n == 2 && (rule.group_span || rule.group_split != GroupSplit::kNone)) {
      return find_with_group(rule, re, pos, end, groups);
    }
    re2::StringPiece all(text.data(), text.size());
    if (!rule.scanner) return re.Match(all, pos, end, RE2::UNANCHORED, groups, n);
    ScanMatch m = rule.scanner(text, pos, end);
    if (m) groups[0] = re2::StringPiece(text.data() + m->first, m->second - m->first);
    return m.has_value();
  }

  // find() for a rule whose group follows from its whole match, which RE2's DFA finds alone:
  // RE2's second, backtracking pass for the group costs ten times as much.
  bool find_with_group(const Rule& rule, const RE2& re, std::size_t pos, std::size_t end,
                       re2::StringPiece* groups) const {
    re2::StringPiece all(text.data(), text.size());
    if (!re.Match(all, pos, end, RE2::UNANCHORED, groups, 1)) return false;
    auto start = static_cast<std::size_t>(groups[0].data() - text.data());
    std::size_t stop = start + groups[0].size();
    auto piece = [&](std::size_t s, std::size_t e) {
      return re2::StringPiece(text.data() + s, e - s);
    };
    if (rule.group_span) {
      auto group = rule.group_span(text, start, stop);
      groups[1] = group ? piece(group->first, group->second) : re2::StringPiece();
      return true;
    }
    if (std::size_t g =
            split_group_start(rule.group_split, *rule.head_re, *rule.group_re, text, start, stop)) {
      groups[1] = piece(g, stop);
      return true;
    }
    // No place fits (not expected): RE2's own pass, anchored where the match starts.
    return re.Match(all, start, end, RE2::ANCHOR_START, groups, 2);
  }

  // The first offset in [pos, end) where a match of the rule could start, or `end`.
  std::size_t first_start(const Rule& rule, std::size_t pos, std::size_t end) const {
    if (rule.first_lo == 0 && rule.first_hi == 0xFF) return pos;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    while (pos < end && (p[pos] < rule.first_lo || p[pos] > rule.first_hi)) ++pos;
    return pos;
  }

  // Drops leading words such as "In de" from "In de Javastraat 12", as long as the rest still
  // matches the rule on its own.
  std::size_t trim_leading(const Rule& rule, const RE2& re, std::size_t s, std::size_t e) const {
    std::size_t best = s;
    for (std::size_t at = s;;) {
      std::size_t sp = text.substr(at, e - at).find(' ');
      if (sp == std::string_view::npos) return best;
      std::string word = utf8::fold(text.substr(at, sp));
      if (std::find(rule.trim_leading.begin(), rule.trim_leading.end(), word) ==
          rule.trim_leading.end()) {
        return best;
      }
      at += sp;
      while (at < e && text[at] == ' ') ++at;
      if (RE2::FullMatch(re2::StringPiece(text.data() + at, e - at), re)) best = at;
    }
  }

  // Whether the text around [s, e) overrules the rule's keep_pattern.
  bool overrules_keep(const Rule& rule, std::size_t s, std::size_t e) const {
    constexpr std::size_t kReach = 48;
    std::size_t from = s > kReach ? s - kReach : 0;
    std::size_t to = std::min(text.size(), e + kReach);
    return (rule.keep_re_unless_after &&
            RE2::PartialMatch(re2::StringPiece(text.data() + from, s - from),
                              *rule.keep_re_unless_after)) ||
           (rule.keep_re_unless_before &&
            RE2::PartialMatch(re2::StringPiece(text.data() + e, to - e),
                              *rule.keep_re_unless_before));
  }

  // Whether [s, e) is a redaction for `rule`: boundaries, context, keep lists, validator.
  bool accepts(const Rule& rule, std::size_t s, std::size_t e) const {
    if (overlaps_any(brackets, s, e)) return false;
    if (utf8::word_char_at(text, s) && utf8::word_char_before(text, s)) return false;
    if (utf8::word_char_before(text, e) && utf8::word_char_at(text, e)) return false;
    // Part of a larger number: "1.234.567.890", "2016:4833", "+31..." seen from inside.
    if (is_digit(text[s]) && s >= 1) {
      char p = text[s - 1];
      if (p == '+' || (s >= 2 && std::string_view(".,/:-").find(p) != std::string_view::npos &&
                       is_digit(text[s - 2]))) {
        return false;
      }
    }
    if (is_digit(text[e - 1]) && e + 1 < text.size() &&
        std::string_view(".,/:-").find(text[e]) != std::string_view::npos &&
        is_digit(text[e + 1])) {
      return false;
    }
    std::string_view span = text.substr(s, e - s);
    if (rule.skip_in_urls && inside_url(text, s)) return false;
    if (rule.keep_re && RE2::FullMatch(re2::StringPiece(span.data(), span.size()), *rule.keep_re) &&
        !overrules_keep(rule, s, e)) {
      return false;
    }
    if (!passes_validator(rule, span, allow)) return false;
    if (rule.keep_preceded_re) {
      std::size_t from = s > 48 ? s - 48 : 0;
      if (RE2::PartialMatch(re2::StringPiece(text.data() + from, s - from),
                            *rule.keep_preceded_re)) {
        return false;
      }
    }
    if (!rule.keep_preceded.empty()) {
      std::string before = utf8::fold(preceding_token(text, s));
      for (const auto& w : rule.keep_preceded) {
        if (before == w || (before.size() > w.size() && before.compare(0, w.size(), w) == 0 &&
                            before.substr(w.size()).find_first_not_of(":.") == std::string::npos)) {
          return false;
        }
      }
    }
    if (!rule.spec.context.empty() || !rule.keep_context.empty()) {
      thread_local std::string window;
      utf8::fold_into(context_window(text, s, rule.window), window);
      if (!rule.spec.context.empty() && !has_word_start(window, rule.spec.context)) return false;
      bool mobile = rule.validator == Validator::kPhone && is_mobile(span);
      if (!rule.keep_context.empty() && !mobile) {
        // Any personal word in the window ("mijn", "ik", "vanaf") outweighs organisational ones.
        if (has_word_start(window, rule.keep_context) &&
            !has_word_start(window, rule.personal_context)) {
          return false;
        }
      }
    }
    return !term_allowed(span, rule, allow);
  }

  // The accepted span for a raw match, shortened at a space or hyphen when only a prefix is
  // valid ("BE68 5390 0754 7034 voor" -> the IBAN), or nothing.
  std::optional<std::pair<std::size_t, std::size_t>> accept(const Rule& rule, const RE2& re,
                                                            std::size_t s, std::size_t e) const {
    for (int attempt = 0; attempt < 8 && e > s; ++attempt) {
      if (accepts(rule, s, e)) return std::make_pair(s, e);
      if (rule.has_group) return std::nullopt;
      std::size_t cut = text.substr(s, e - s).find_last_of(" -");
      if (cut == std::string_view::npos || cut == 0) return std::nullopt;
      e = s + cut;
      while (e > s && (text[e - 1] == ' ' || text[e - 1] == '-')) --e;
      if (!RE2::FullMatch(re2::StringPiece(text.data() + s, e - s), re)) return std::nullopt;
    }
    return std::nullopt;
  }

  // `narrow`: the chunk is narrow_enough() for the rule's narrow variant.
  void run(const Rule& rule, std::size_t index, std::size_t cb, std::size_t ce, bool narrow,
           std::vector<Found>& out) const {
    const RE2& re = narrow && rule.narrow_re ? *rule.narrow_re : *rule.re;
    re2::StringPiece groups[2];
    int n = rule.has_group ? 2 : 1;
    std::size_t pos = cb;
    while ((pos = first_start(rule, pos, ce)) < ce && find(rule, re, pos, ce, groups, n)) {
      const re2::StringPiece& whole = groups[0];
      // A pattern whose group sits in one alternative only falls back to the whole match.
      const re2::StringPiece& span = groups[n - 1].data() ? groups[n - 1] : groups[0];
      std::size_t ws = static_cast<std::size_t>(whole.data() - text.data());
      std::size_t next = ws + std::max<std::size_t>(1, utf8::decode(text, ws).length);
      if (span.data() == nullptr || span.empty()) {
        pos = std::max(next, ws + whole.size());
        continue;
      }
      std::size_t s = static_cast<std::size_t>(span.data() - text.data());
      std::size_t e = s + span.size();
      if (!rule.trim_leading.empty()) s = trim_leading(rule, re, s, e);
      if (auto accepted = accept(rule, re, s, e)) {
        out.push_back(Found{accepted->first, accepted->second, index});
        pos = accepted->second;
      } else if (!rule.has_group && utf8::word_char_at(text, s) &&
                 utf8::word_char_before(text, s)) {
        // The match began inside a word or number: skip the rest of that run.
        std::size_t skip = s;
        while (skip < ce && utf8::word_char_at(text, skip)) skip += utf8::decode(text, skip).length;
        pos = skip;
      } else {
        pos = next;
      }
    }
  }
};

}  // namespace

std::vector<Candidate> RuleSet::detect(std::string_view text, const Allowlist& allow,
                                       Profile profile) const {
  return detect(text, utf8::FoldedText(text), allow, profile);
}

std::vector<Candidate> RuleSet::detect(std::string_view text, const utf8::FoldedText& folded,
                                       const Allowlist& allow, Profile profile) const {
  const Impl& impl = *impl_;
  auto brackets = bracket_tokens(text);
  Scan scan{text, allow, brackets};
  std::vector<Found> found;
  // All Set passes first, then the rules: the Set's DFA states stay in the cache between chunks.
  auto pieces = chunks(text);
  std::vector<std::vector<int>> hits_of(pieces.size());
  for (std::size_t c = 0; c < pieces.size(); ++c) {
    auto [cb, ce] = pieces[c];
    std::vector<int>& hits = hits_of[c];
    if (impl.triggers && !holds_any(text.substr(cb, ce - cb), *impl.triggers)) continue;
    RE2::Set::ErrorInfo info{};
    if (!impl.set->Match(re2::StringPiece(text.data() + cb, ce - cb), &hits, &info) &&
        info.kind != RE2::Set::kNoError) {
      // The DFA ran out of memory on this chunk: fall back to trying every rule.
      hits.clear();
      for (std::size_t i = 0; i < impl.rules.size(); ++i) hits.push_back(static_cast<int>(i));
    }
    std::sort(hits.begin(), hits.end());
  }
  for (std::size_t c = 0; c < pieces.size(); ++c) {
    auto [cb, ce] = pieces[c];
    std::optional<bool> narrow;  // whether the chunk is narrow_enough(), once a rule asks
    for (int i : hits_of[c]) {
      const Rule& rule = impl.rules[static_cast<std::size_t>(i)];
      if (rule.kinderen_only && profile != Profile::kKinderen) continue;
      if (!context_possible(rule, folded, cb, ce)) continue;
      if (rule.narrow_re && !narrow) narrow = narrow_enough(text.substr(cb, ce - cb));
      scan.run(rule, static_cast<std::size_t>(i), cb, ce, narrow.value_or(false), found);
    }
  }
  // Two rules on the very same span: the one listed first in the rule file wins.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    return a.rule < b.rule;
  });
  std::vector<Candidate> out;
  out.reserve(found.size());
  for (const Found& f : found) {
    if (!out.empty() && out.back().start == f.start && out.back().end == f.end) continue;
    const RuleSpec& spec = impl.rules[f.rule].spec;
    out.push_back(Candidate{f.start, f.end, spec.category, spec.id, spec.ground, spec.replacement,
                            kPriorityStructured});
  }
  return out;
}

}  // namespace anonymizer
