#include "generator/readability.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>

#include "generator/scrubbed_doc.h"

namespace generator {

namespace {

// A letter of a word for syllable counting: its base vowel or consonant and whether it carries
// a diaeresis (a trema starts a new syllable: "ideeën", "ruïne").
struct Letter {
  char base = 0;  // lower-case ASCII; '-' for anything that is not a letter
  bool trema = false;
};

// Decodes one UTF-8 sequence at `i` (advancing it) to a Letter. Accented vowels fold to their
// base; other non-ASCII letters count as consonants.
Letter decode(std::string_view w, std::size_t& i) {
  auto c = static_cast<unsigned char>(w[i]);
  if (c < 0x80) {
    ++i;
    if (c >= 'A' && c <= 'Z') return {static_cast<char>(c - 'A' + 'a'), false};
    if (c >= 'a' && c <= 'z') return {static_cast<char>(c), false};
    return {'-', false};
  }
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (c == 0xC3 && i + 1 < w.size()) {
    auto d = static_cast<unsigned char>(w[i + 1]) | 0x20;  // U+00C0..U+00DF -> U+00E0..U+00FF
    i += 2;
    switch (d) {
    case 0xA0:
    case 0xA1:
    case 0xA2:
    case 0xA3:
    case 0xA5:
      return {'a', false};
    case 0xA4:
      return {'a', true};
    case 0xA8:
    case 0xA9:
    case 0xAA:
      return {'e', false};
    case 0xAB:
      return {'e', true};
    case 0xAC:
    case 0xAD:
    case 0xAE:
      return {'i', false};
    case 0xAF:
      return {'i', true};
    case 0xB2:
    case 0xB3:
    case 0xB4:
    case 0xB5:
      return {'o', false};
    case 0xB6:
      return {'o', true};
    case 0xB9:
    case 0xBA:
    case 0xBB:
      return {'u', false};
    case 0xBC:
      return {'u', true};
    case 0xBD:
    case 0xBF:
      return {'y', false};
    default:
      return {'x', false};
    }
  }
  i += len;
  return {'x', false};
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Longest first, so "eeuw" wins over "ee" and "aai" over "aa".
constexpr std::array<const char*, 19> kUnits = {"eeuw", "ieuw", "aai", "ooi", "oei", "ieu", "eau",
                                                "aa",   "ee",   "oo",  "uu",  "ie",  "oe",  "eu",
                                                "ui",   "ei",   "ij",  "ou",  "au"};

// Length of the vowel unit that starts at `at`: a following letter with a trema never joins.
std::size_t unit_length(const std::vector<Letter>& letters, std::size_t at) {
  for (const char* unit : kUnits) {
    std::size_t n = std::strlen(unit);
    if (at + n > letters.size()) continue;
    bool match = letters[at].base == unit[0];
    for (std::size_t k = 1; match && k < n; ++k)
      match = letters[at + k].base == unit[k] && !letters[at + k].trema;
    if (match) return n;
  }
  return 1;
}

bool is_letter_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool has_letter(std::string_view token) {
  for (char c : token)
    if (is_letter_byte(static_cast<unsigned char>(c))) return true;
  return false;
}

// E-mail and web addresses are read out differently from words; they are left out.
bool is_address(std::string_view token) {
  return token.find('@') != std::string_view::npos || token.find("://") != std::string_view::npos ||
         token.rfind("www.", 0) == 0;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Quotes and dashes around a word in UTF-8: “ ” ‘ ’ « » – —.
std::size_t punct_len_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_letter_byte(c) || (c >= '0' && c <= '9') ? 0 : 1;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    auto d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x93 || d == 0x94 || (d >= 0x98 && d <= 0x9F)) return 3;
  }
  if (c == 0xC2 && i + 1 < s.size() &&
      (static_cast<unsigned char>(s[i + 1]) == 0xAB ||
       static_cast<unsigned char>(s[i + 1]) == 0xBB))
    return 2;
  return 0;
}

// The token without its surrounding punctuation.
std::string_view core_of(std::string_view token) {
  std::size_t b = 0, e = token.size();
  while (b < e) {
    std::size_t n = punct_len_at(token, b);
    if (n == 0) break;
    b += n;
  }
  while (e > b) {
    std::size_t n = 0;
    for (std::size_t k = 1; k <= 3 && k <= e - b; ++k)
      if (punct_len_at(token, e - k) == k) {
        n = k;
        break;
      }
    if (n == 0) break;
    e -= n;
  }
  return token.substr(b, e - b);
}

bool starts_sentence(std::string_view token) {
  std::string_view core = core_of(token);
  if (core.empty()) return true;
  auto c = static_cast<unsigned char>(core[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Whether `token` ends a sentence, given the token after it (empty at the end of the text).
bool ends_sentence(std::string_view token, std::string_view next) {
  std::size_t e = token.size();
  while (e > 0 && (token[e - 1] == ')' || token[e - 1] == '"' || token[e - 1] == '\'' ||
                   (static_cast<unsigned char>(token[e - 1]) >= 0x80 && e >= 3 &&
                    punct_len_at(token, e - 3) == 3)))
    e -= static_cast<unsigned char>(token[e - 1]) >= 0x80 ? 3 : 1;
  if (e == 0) return false;
  char last = token[e - 1];
  if (last == '!' || last == '?') return true;
  if (last != '.') return false;
  return next.empty() || starts_sentence(next);
}

struct Token {
  std::string_view text;
  int line;
};

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// The inline text of a block; soft and hard breaks become newlines, so lines stay countable.
std::string block_text(cmark_node* block) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(block);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(n)) text += lit;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text += '\n';
    }
  }
  cmark_iter_free(iter);
  return text;
}

struct Split {
  Sentence sentence;
  std::vector<Token> tokens;
};

std::vector<Split> split(std::string_view text, int first_line) {
  std::vector<Token> tokens;
  int line = first_line;
  for (std::size_t i = 0; i < text.size();) {
    if (is_space(text[i])) {
      if (text[i] == '\n') ++line;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    tokens.push_back({text.substr(i, j - i), line});
    i = j;
  }

  std::vector<Split> out;
  Split current;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    Sentence& s = current.sentence;
    if (s.text.empty()) s.line = t.line;
    if (!s.text.empty()) s.text += ' ';
    s.text += t.text;
    current.tokens.push_back(t);
    std::string_view core = core_of(t.text);
    if (has_letter(core) && !is_address(core)) ++s.words;
    std::string_view next = k + 1 < tokens.size() ? tokens[k + 1].text : std::string_view();
    if (ends_sentence(t.text, next)) {
      out.push_back(std::move(current));
      current = Split{};
    }
  }
  if (!current.tokens.empty()) out.push_back(std::move(current));
  return out;
}

void add_sentences(Readability& r, std::set<std::string>& seen_long, std::string_view text,
                   int first_line) {
  for (const Split& sp : split(text, first_line)) {
    const Sentence& s = sp.sentence;
    if (s.words == 0) continue;
    ++r.sentences;
    r.words += s.words;
    if (s.words > kLongSentence) r.long_sentences.push_back(s);
    for (const Token& t : sp.tokens) {
      std::string_view core = core_of(t.text);
      if (!has_letter(core) || is_address(core)) continue;
      int n = dutch_syllables(core);
      r.syllables += n;
      if (n <= kLongWord) continue;
      std::string key;
      for (char c : core) key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      if (seen_long.insert(key).second) r.long_words.push_back({t.line, n, std::string(core)});
    }
  }
}

void finish(Readability& r) {
  r.score = flesch_douma(r.sentences, r.words, r.syllables);
  r.words_per_sentence = r.sentences > 0 ? static_cast<double>(r.words) / r.sentences : 0;
}

}  // namespace

int dutch_syllables(std::string_view word) {
  // A possessive or plural "'s" is not a syllable: "auto's", "foto’s".
  for (std::string_view tail : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")})
    if (word.size() > tail.size() && word.substr(word.size() - tail.size()) == tail)
      word.remove_suffix(tail.size());
  std::vector<Letter> letters;
  for (std::size_t i = 0; i < word.size();) letters.push_back(decode(word, i));

  int count = 0;
  for (std::size_t i = 0; i < letters.size();) {
    char c = letters[i].base;
    bool vowel = is_vowel(c);
    // A "y" before a vowel at the start of a part is a consonant ("yoga").
    if (c == 'y' && (i == 0 || letters[i - 1].base == '-') && i + 1 < letters.size() &&
        is_vowel(letters[i + 1].base))
      vowel = false;
    if (!vowel) {
      ++i;
      continue;
    }
    ++count;
    i += unit_length(letters, i);
    // An English "y" after a vowel belongs to it ("hockey", "play").
    if (i < letters.size() && letters[i].base == 'y' && !letters[i].trema &&
        (i + 1 >= letters.size() || !is_vowel(letters[i + 1].base)))
      ++i;
  }
  return count > 0 ? count : 1;
}

double flesch_douma(int sentences, int words, int syllables) {
  if (words == 0 || sentences == 0) return 0;
  return 206.835 - 0.93 * (static_cast<double>(words) / sentences) -
         77.0 * (static_cast<double>(syllables) / words);
}

std::vector<Sentence> split_sentences(std::string_view text, int first_line) {
  std::vector<Sentence> out;
  for (Split& sp : split(text, first_line)) out.push_back(std::move(sp.sentence));
  return out;
}

Readability analyse_text(std::string_view text) {
  Readability r;
  std::set<std::string> seen_long;
  add_sentences(r, seen_long, text, 1);
  finish(r);
  return r;
}

Readability analyse_markdown(std::string_view markdown) {
  register_extensions();
  std::string plain = strip_marks(markdown);
  using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;
  using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
  ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES), cmark_parser_free);
  cmark_syntax_extension* table = cmark_find_syntax_extension("table");
  if (!table) throw std::logic_error("cmark-gfm extension missing: table");
  cmark_parser_attach_syntax_extension(parser.get(), table);
  cmark_parser_feed(parser.get(), plain.data(), plain.size());
  NodePtr doc(cmark_parser_finish(parser.get()), cmark_node_free);

  Readability r;
  std::set<std::string> seen_long;
  cmark_iter* iter = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    bool cell = std::strcmp(cmark_node_get_type_string(n), "table_cell") == 0;
    if (cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH && !cell) continue;
    std::string text = block_text(n);
    int line = cmark_node_get_start_line(n);
    add_sentences(r, seen_long, text, line);
  }
  cmark_iter_free(iter);
  finish(r);
  return r;
}

}  // namespace generator
