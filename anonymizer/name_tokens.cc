#include "anonymizer/name_tokens.h"

#include <functional>
#include <optional>

#include "anonymizer/lexicon.h"
#include "anonymizer/placeholder.h"
#include "anonymizer/utf8.h"

namespace anonymizer {
namespace {

bool ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Strips spaces (also the no-break space) from both ends and counts the line breaks.
std::string_view trim_spaces(std::string_view s, int* newlines) {
  *newlines = 0;
  auto strip_front = [&]() {
    if (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) {
      if (s.front() == '\n') ++*newlines;
      s.remove_prefix(1);
      return true;
    }
    if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
      return true;
    }
    return false;
  };
  auto strip_back = [&]() {
    if (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) {
      if (s.back() == '\n') ++*newlines;
      s.remove_suffix(1);
      return true;
    }
    if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
      return true;
    }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

bool is_apostrophe(std::string_view s) {
  return s == "'" || s == "\xE2\x80\x99" || s == "\xE2\x80\x98" || s == "`";
}

}  // namespace

NameTokens::NameTokens(std::string_view text) : text_(text) {
  const Lexicon& lex = Lexicon::get();
  tokens_.reserve(text.size() / 6 + 1);
  keys_.reserve(text.size());
  std::size_t scrubbed_until = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '[' && i >= scrubbed_until) {
      std::size_t end = placeholder_end(text, i);
      if (end) scrubbed_until = end;
    }
    bool word = c < 0x80 ? ascii_word(c) : utf8::is_word_char(utf8::decode(text, i).cp);
    if (!word) {
      i += c < 0x80 ? 1 : utf8::decode(text, i).length;
      continue;
    }
    NameToken t;
    t.start = static_cast<std::uint32_t>(i);
    t.key = static_cast<std::uint32_t>(keys_.size());
    bool first = true, any_lower = false, any_upper = false;
    while (i < text.size()) {
      c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (!ascii_word(c)) break;
        bool upper = c >= 'A' && c <= 'Z';
        if (first) t.upper_initial = upper;
        any_upper |= upper;
        any_lower |= c >= 'a' && c <= 'z';
        t.has_digit |= c >= '0' && c <= '9';
        keys_.push_back(static_cast<char>(upper ? c + 32 : c));
        ++i;
      } else {
        utf8::Decoded d = utf8::decode(text, i);
        if (!utf8::is_word_char(d.cp)) break;
        bool upper = utf8::is_upper(d.cp);
        if (first) t.upper_initial = upper;
        any_upper |= upper;
        any_lower |= utf8::is_lower(d.cp);
        keys_ += utf8::fold(text.substr(i, d.length));
        i += d.length;
      }
      first = false;
    }
    t.end = static_cast<std::uint32_t>(i);
    t.key_len = static_cast<std::uint32_t>(keys_.size() - t.key);
    t.all_upper = any_upper && !any_lower;
    t.scrubbed = t.start < scrubbed_until;
    t.classes = lex.classes(std::string_view(keys_).substr(t.key, t.key_len));
    if (tokens_.empty()) {
      t.sentence_start = true;
    } else {
      const NameToken& prev = tokens_.back();
      int newlines = 0;
      std::string_view gap = trim_spaces(text.substr(prev.end, t.start - prev.end), &newlines);
      while (!gap.empty() && (gap.back() == '"' || gap.back() == '(' || gap.back() == '\'' ||
                              gap.back() == '*' || gap.back() == '#' || gap.back() == '-')) {
        gap.remove_suffix(1);
      }
      while (gap.ends_with("\xE2\x80\x9C") || gap.ends_with("\xE2\x80\x98")) gap.remove_suffix(3);
      gap = trim_spaces(gap, &newlines);
      char last = gap.empty() ? ' ' : gap.back();
      bool after_abbreviation =
          last == '.' && (prev.key_len <= 3 || (prev.classes & (kHonorific | kTitle)));
      t.sentence_start =
          newlines > 0 ||
          ((last == '.' || last == '!' || last == '?' || last == ':' || last == ';') &&
           !after_abbreviation);
    }
    tokens_.push_back(t);
  }
}

Gap NameTokens::gap_before(std::size_t i) const {
  std::string_view s = between(i);
  if (s == "-" || s == "\xE2\x80\x90") return Gap::kHyphen;
  if (s == "/") return Gap::kSlash;
  if (s == "_") return Gap::kUnderscore;
  int newlines = 0;
  std::string_view inner = trim_spaces(s, &newlines);
  if (newlines > 1) return Gap::kOther;
  if (inner.empty()) return Gap::kSpace;
  if (inner == "." && !s.starts_with(' ')) return Gap::kDot;
  if (is_apostrophe(inner)) return Gap::kApostrophe;
  if (inner == "," && s.starts_with(',')) return Gap::kComma;
  return Gap::kOther;
}

const NameTokens& tokens_for(std::string_view text) {
  struct Cache {
    const char* data = nullptr;
    std::size_t size = 0;
    std::size_t hash = 0;
    std::optional<NameTokens> tokens;
  };
  thread_local Cache cache;
  std::size_t hash = std::hash<std::string_view>()(text);
  if (!cache.tokens || cache.data != text.data() || cache.size != text.size() ||
      cache.hash != hash) {
    cache.tokens.emplace(text);
    cache.data = text.data();
    cache.size = text.size();
    cache.hash = hash;
  }
  return *cache.tokens;
}

std::vector<std::string> fold_words(std::string_view text) {
  NameTokens tokens(text);
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size(); ++i) out.emplace_back(tokens.key(i));
  return out;
}

}  // namespace anonymizer
