#include "anonymizer/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>

#include "anonymizer/embedded.h"
#include "anonymizer/name_tokens.h"
#include "anonymizer/rule_internal.h"
#include "anonymizer/utf8.h"
#include "anonymizer/validators.h"

namespace anonymizer {

namespace rule_detail {

namespace {

// The letters below kNarrowLimit of a Unicode property, as RE2 knows them, as the inside of a
// character class: "\x{41}-\x{5a}\x{61}-\x{7a}...".
std::string narrow_class(const char* property) {
  RE2 letter(std::string("\\p{") + property + "}");
  std::string out;
  for (char32_t cp = 0; cp < kNarrowLimit;) {
    std::string one;
    utf8::append(one, cp);
    if (!RE2::FullMatch(one, letter)) {
      ++cp;
      continue;
    }
    char32_t last = cp;
    for (std::string next;; next.clear()) {
      if (last + 1 >= kNarrowLimit) break;
      utf8::append(next, last + 1);
      if (!RE2::FullMatch(next, letter)) break;
      ++last;
    }
    auto hex = [](char32_t c) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\x{%x}", static_cast<unsigned>(c));
      return std::string(buf);
    };
    out += hex(cp);
    if (last > cp) out += "-" + hex(last);
    cp = last + 1;
  }
  return out;
}

}  // namespace

std::optional<std::string> narrow_variant(std::string_view p) {
  static const std::string kL = narrow_class("L"), kLu = narrow_class("Lu"),
                           kLl = narrow_class("Ll");
  std::string out;
  bool in_class = false, changed = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      char e = p[i + 1];
      if (e == 'Q' || e == 'C' || e == 'P') return std::nullopt;  // literal text, any byte, \P
      if (e != 'p') {
        out += p.substr(i, 2);
        ++i;
        continue;
      }
      std::size_t end = i + 3;  // \pL
      std::string_view name = p.substr(i + 2, 1);
      if (name == "{") {
        std::size_t close = p.find('}', i + 3);
        if (close == std::string_view::npos) return std::nullopt;
        name = p.substr(i + 3, close - i - 3);
        end = close + 1;
      }
      const std::string* letters = name == "L"    ? &kL
                                   : name == "Lu" ? &kLu
                                   : name == "Ll" ? &kLl
                                                  : nullptr;
      if (!letters) return std::nullopt;
      out += in_class ? *letters : "[" + *letters + "]";
      changed = true;
      i = end - 1;
      continue;
    }
    out += c;
    if (in_class) {
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') return std::nullopt;  // [:alpha:]
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      // A ']' right after '[' or "[^" is a literal, not the end of the class.
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
    }
  }
  if (in_class || !changed) return std::nullopt;
  return out;
}

bool narrow_enough(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    utf8::Decoded d = utf8::decode(text, i);
    i += d.length;
    char32_t cp = d.cp;
    // Punctuation, currency signs and U+FFFD (also for an invalid byte) are no letters.
    bool no_letter = (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
                     cp == utf8::kReplacement;
    if (cp >= kNarrowLimit && !no_letter) return false;
  }
  return true;
}

}  // namespace rule_detail

using rule_detail::FlagTerm;
using rule_detail::Rule;
using rule_detail::Validator;

namespace {

std::optional<Validator> validator_from_name(std::string_view name) {
  if (name.empty()) return Validator::kNone;
  if (name == "bsn") return Validator::kBsn;
  if (name == "iban") return Validator::kIban;
  if (name == "phone") return Validator::kPhone;
  if (name == "postcode") return Validator::kPostcode;
  if (name == "kenteken") return Validator::kKenteken;
  if (name == "date") return Validator::kDate;
  if (name == "day_month") return Validator::kDayMonth;
  if (name == "email") return Validator::kEmail;
  return std::nullopt;
}

RE2::Options re2_options() {
  RE2::Options opts;
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  return opts;
}

std::vector<std::string> folded_list(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  for (const auto& item : j.at(key)) out.push_back(utf8::fold(item.get<std::string>()));
  return out;
}

// Whether a pattern may hold an assertion about the text around it (^, $, \b, \B, \A, \z): RE2
// analyses a pattern as if it matched at the start of the text, which such an assertion can
// tell apart from the middle. Errs on the side of yes (an escaped "\\b" counts).
bool may_assert(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '^' || c == '$') return true;
    if (c == '\\' && i + 1 < pattern.size() &&
        std::string_view("bBAzZG").find(pattern[i + 1]) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// The bytes a match of the rule can start with, from RE2's analysis of the compiled pattern.
void find_first_bytes(Rule& rule) {
  std::string min, max;
  if (may_assert(rule.spec.pattern) || !rule.re->PossibleMatchRange(&min, &max, 8)) return;
  if (min.empty()) return;  // the empty string may match: it starts with no byte
  rule.first_lo = static_cast<unsigned char>(min[0]);
  rule.first_hi = max.empty() ? 0xFF : static_cast<unsigned char>(max[0]);
}

// For the few built-in patterns whose group follows from the whole match (group_spans.h).
void find_group_without_re2(Rule& rule) {
  rule.group_span = group_span_for(rule.spec.pattern);
  rule.group_split = group_split_for(rule.spec.pattern);
  if (rule.group_split == GroupSplit::kNone) return;
  auto split = split_final_group(rule.spec.pattern);
  if (split) {
    rule.head_re = std::make_unique<RE2>(split->head, re2_options());
    rule.group_re = std::make_unique<RE2>(split->group, re2_options());
  }
  if (!split || !rule.head_re->ok() || !rule.group_re->ok()) rule.group_split = GroupSplit::kNone;
}

// Parses one rule object; on failure returns an error message that names the rule.
std::optional<std::string> parse_rule(const nlohmann::json& j, Rule& rule) {
  std::string id = j.is_object() && j.contains("id") && j["id"].is_string()
                       ? j["id"].get<std::string>()
                       : std::string("?");
  auto fail = [&](const std::string& message) {
    return std::optional<std::string>("rule '" + id + "': " + message);
  };
  if (!j.is_object()) return fail("a rule must be a JSON object");
  try {
    for (const char* key : {"id", "category", "pattern", "replacement", "ground"}) {
      if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty()) {
        return fail(std::string("missing string field '") + key + "'");
      }
    }
    RuleSpec& s = rule.spec;
    s.id = id;
    s.category = j["category"].get<std::string>();
    s.pattern = j["pattern"].get<std::string>();
    s.validator = j.value("validator", std::string());
    s.ground = j["ground"].get<std::string>();
    s.replacement = j["replacement"].get<std::string>();
    s.why = j.value("why", std::string());
    s.context = j.value("context", std::vector<std::string>());
    s.needs_one_of = j.value("needs_one_of", std::string());
    if (j.contains("needs_one_of") && s.needs_one_of.empty()) return fail("empty needs_one_of");
    for (char c : s.needs_one_of) {
      if (static_cast<unsigned char>(c) >= 0x80) return fail("needs_one_of must be ASCII");
    }
    auto validator = validator_from_name(s.validator);
    if (!validator) return fail("unknown validator '" + s.validator + "'");
    rule.validator = *validator;
    rule.window = j.value("context_window", std::size_t{48});
    rule.keep_context = folded_list(j, "keep_context");
    rule.personal_context = folded_list(j, "personal_context");
    rule.keep_preceded = folded_list(j, "keep_if_preceded_by");
    rule.trim_leading = folded_list(j, "trim_leading");
    rule.skip_in_urls = j.value("skip_in_urls", false);
    std::string profile = j.value("profile", std::string("all"));
    if (profile != "all" && profile != "kinderen") return fail("unknown profile '" + profile + "'");
    rule.kinderen_only = profile == "kinderen";
    bool short_word = false;
    for (auto& word : s.context) {
      word = utf8::fold(word);
      if (!word.empty()) rule.context_first.set(static_cast<unsigned char>(word[0]));
      if (word.size() < 3) short_word = true;
      if (word.size() >= 3) rule.context_heads.push_back(rule_detail::head3(word.data()));
    }
    if (short_word) rule.context_heads.clear();
    rule.re = std::make_unique<RE2>(s.pattern, re2_options());
    if (!rule.re->ok()) return fail("bad pattern: " + rule.re->error());
    if (rule.re->NumberOfCapturingGroups() > 1) return fail("at most one capturing group");
    rule.has_group = rule.re->NumberOfCapturingGroups() == 1;
    find_first_bytes(rule);
    rule.scanner = scanner_for(s.pattern);
    if (rule.has_group) find_group_without_re2(rule);
    if (auto narrow = rule_detail::narrow_variant(s.pattern)) {
      rule.narrow_re = std::make_unique<RE2>(*narrow, re2_options());
      if (!rule.narrow_re->ok() ||
          rule.narrow_re->NumberOfCapturingGroups() != rule.re->NumberOfCapturingGroups()) {
        rule.narrow_re.reset();
      }
    }
    if (j.contains("keep_if_preceded_by_pattern")) {
      std::string p = "(?:" + j["keep_if_preceded_by_pattern"].get<std::string>() + ")$";
      rule.keep_preceded_re = std::make_unique<RE2>(p, re2_options());
      if (!rule.keep_preceded_re->ok()) {
        return fail("bad keep_if_preceded_by_pattern: " + rule.keep_preceded_re->error());
      }
    }
    if (j.contains("keep_pattern")) {
      rule.keep_re = std::make_unique<RE2>(j["keep_pattern"].get<std::string>(), re2_options());
      if (!rule.keep_re->ok()) return fail("bad keep_pattern: " + rule.keep_re->error());
    }
    // Context that overrules keep_pattern: "Kerkstraat 4, 1712 OF" is a postcode after all.
    for (auto [field, re, anchored] :
         {std::tuple{"keep_pattern_unless_after", &rule.keep_re_unless_after, "(?:%s)$"},
          std::tuple{"keep_pattern_unless_before", &rule.keep_re_unless_before, "^(?:%s)"}}) {
      if (!j.contains(field)) continue;
      if (!rule.keep_re) return fail(std::string(field) + " needs a keep_pattern");
      std::string p = anchored;
      p.replace(p.find("%s"), 2, j[field].get<std::string>());
      *re = std::make_unique<RE2>(p, re2_options());
      if (!(*re)->ok()) return fail("bad " + std::string(field) + ": " + (*re)->error());
    }
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("bad field: ") + e.what());
  }
  return std::nullopt;
}

bool is_ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (ws && !space) out.push_back(' ');
    if (!ws) out.push_back(c);
    space = ws;
  }
  return out;
}

}  // namespace

std::optional<std::string> RuleSet::Impl::add_rules(const nlohmann::json& array) {
  if (!array.is_array()) return std::string("rules must be a JSON array of rule objects");
  for (const auto& j : array) {
    Rule rule;
    if (auto error = parse_rule(j, rule)) return error;
    for (const auto& r : rules) {
      if (r.spec.id == rule.spec.id) return "rule '" + rule.spec.id + "': duplicate id";
    }
    rules.push_back(std::move(rule));
  }
  return std::nullopt;
}

std::optional<std::string> RuleSet::Impl::finish() {
  set = std::make_unique<RE2::Set>(re2_options(), RE2::UNANCHORED);
  for (auto& r : rules) {
    std::string error;
    if (set->Add(r.spec.pattern, &error) < 0) return "rule '" + r.spec.id + "': " + error;
    specs.push_back(r.spec);
  }
  if (!set->Compile()) return std::string("the rule set is too large to compile");
  std::bitset<256> all;
  for (const auto& r : rules) {
    if (r.spec.needs_one_of.empty()) return std::nullopt;  // a rule to look for everywhere
    for (char c : r.spec.needs_one_of) all.set(static_cast<unsigned char>(c));
  }
  triggers = all;
  return std::nullopt;
}
std::optional<std::string> RuleSet::Impl::load_flags(std::string_view json_text) {
  nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_object()) return std::string("special-categories.json: not a JSON object");
  for (const auto& [category, list] : j.items()) {
    if (!list.is_array()) return "special-categories.json: '" + category + "' is not a list";
    for (const auto& item : list) {
      std::string term = item.get<std::string>();
      bool prefix = !term.empty() && term.back() == '*';
      if (prefix) term.pop_back();
      std::string folded = utf8::fold(term);
      if (!folded.empty() && !utf8::word_char_at(folded, 0)) flags_word_initial = false;
      std::size_t index = terms.size();
      if (auto error = flag_trie.add(folded, prefix)) return "special-categories.json: " + *error;
      if (prefix) {
        flag_prefixes.push_back(index);
      } else {
        flag_exact.emplace(folded, index);
      }
      terms.push_back(FlagTerm{term, category, prefix, std::move(folded)});
    }
  }
  std::sort(flag_prefixes.begin(), flag_prefixes.end(), [&](std::size_t a, std::size_t b) {
    return terms[a].term.size() > terms[b].term.size();
  });
  return std::nullopt;
}

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

const std::vector<RuleSpec>& RuleSet::specs() const {
  return impl_->specs;
}

namespace {

std::unique_ptr<RuleSet::Impl> build_impl(const nlohmann::json* extra, std::string* error) {
  auto impl = std::make_unique<RuleSet::Impl>();
  auto fail = [&](std::string message) {
    if (error) *error = std::move(message);
    return std::unique_ptr<RuleSet::Impl>();
  };
  nlohmann::json builtin =
      nlohmann::json::parse(embedded_file("rules/nl-default.json"), nullptr, false);
  if (builtin.is_discarded()) return fail("rules/nl-default.json: not valid JSON");
  if (auto e = impl->add_rules(builtin)) return fail("rules/nl-default.json: " + *e);
  if (extra) {
    if (auto e = impl->add_rules(*extra)) return fail(*e);
  }
  if (auto e = impl->finish()) return fail(*e);
  if (auto e = impl->load_flags(embedded_file("rules/special-categories.json"))) return fail(*e);
  return impl;
}

}  // namespace

const RuleSet& RuleSet::builtin() {
  static const RuleSet* rules = [] {
    std::string error;
    auto impl = build_impl(nullptr, &error);
    if (!impl) {
      // The built-in rules are part of the program: failing to compile them is a bug.
      std::fprintf(stderr, "ombudsite: built-in rules: %s\n", error.c_str());
      std::abort();
    }
    return new RuleSet(std::move(impl));
  }();
  return *rules;
}

std::unique_ptr<RuleSet> RuleSet::with_extra(const nlohmann::json& extra, std::string* error) {
  auto impl = build_impl(&extra, error);
  if (!impl) return nullptr;
  return std::unique_ptr<RuleSet>(new RuleSet(std::move(impl)));
}

std::vector<Flag> RuleSet::flags(std::string_view text) const {
  return flags(utf8::FoldedText(text));
}

namespace {

// The flag for the term of `length` folded bytes at `pos`, if it is one as a whole (a prefix
// term's match runs on past the term).
void add_flag(const RuleSet::Impl& impl, const utf8::FoldedText& folded, std::size_t pos,
              std::size_t length, std::vector<Flag>& out) {
  std::string key = collapse_spaces(std::string_view(folded.text()).substr(pos, length));
  std::optional<std::size_t> index;
  if (auto it = impl.flag_exact.find(key); it != impl.flag_exact.end()) {
    index = it->second;
  } else {
    for (std::size_t i : impl.flag_prefixes) {
      if (key.starts_with(impl.terms[i].folded)) {
        index = i;
        break;
      }
    }
  }
  if (index) {
    out.push_back(Flag{folded.source_offset(pos), folded.source_offset(pos + length),
                       impl.terms[*index].term, impl.terms[*index].category});
  }
}

}  // namespace

std::vector<Flag> RuleSet::flags(const utf8::FoldedText& folded) const {
  std::vector<Flag> out;
  const Impl& impl = *impl_;
  std::string_view f = folded.text();
  // The longest term at each start, taken only as a whole word; the search goes on after it. A
  // term may only start where no word character precedes it.
  bool word_before = false;
  for (std::size_t pos = 0; pos < f.size();) {
    auto byte = static_cast<unsigned char>(f[pos]);
    std::size_t match = 0;
    if (!word_before && impl.flag_trie.may_start(f, pos)) match = impl.flag_trie.longest_at(f, pos);
    if (match == 0 || utf8::word_char_at(f, pos + match)) {
      if (byte >= 0x80) {
        utf8::Decoded d = utf8::decode(f, pos);
        word_before = utf8::is_word_char(d.cp);
        pos += d.length;
      } else if ((word_before = is_ascii_word(byte))) {
        // Nothing starts inside a word: skip the rest of it.
        do {
          ++pos;
        } while (pos < f.size() && is_ascii_word(static_cast<unsigned char>(f[pos])));
      } else {
        ++pos;
      }
      continue;
    }
    add_flag(impl, folded, pos, match, out);
    pos += match;
    word_before = utf8::word_char_before(f, pos);
  }
  return out;
}

std::vector<Flag> RuleSet::flags(const utf8::FoldedText& folded, const NameTokens& tokens) const {
  const Impl& impl = *impl_;
  // Folding never turns a word character into another kind of character or back (utf8_test
  // checks every code point), so the folded text's words start where the tokens do, and a term
  // that starts with a word character can start nowhere else. Other terms need the byte walk.
  if (!impl.flags_word_initial) return flags(folded);
  std::vector<Flag> out;
  std::string_view f = folded.text();
  std::size_t resume = 0;  // folded offset where the search goes on after a term
  std::size_t cursor = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    std::size_t pos = folded.folded_offset_from(tokens[i].start, cursor);
    if (pos < resume || !impl.flag_trie.may_start(f, pos)) continue;
    std::size_t match = impl.flag_trie.longest_at(f, pos);
    if (match == 0 || utf8::word_char_at(f, pos + match)) continue;
    add_flag(impl, folded, pos, match, out);
    resume = pos + match;
  }
  return out;
}

}  // namespace anonymizer
