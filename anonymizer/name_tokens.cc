#include "anonymizer/name_tokens.h"

#include <array>
#include <functional>
#include <optional>

#include "anonymizer/lexicon.h"
#include "anonymizer/placeholder.h"
#include "anonymizer/utf8.h"
#include "anonymizer/word_table.h"

namespace anonymizer {
namespace {

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

namespace {

// ASCII character classes for the tokenizer's fast path.
enum : std::uint8_t { kWordByte = 1, kUpperByte = 2, kLowerByte = 4, kDigitByte = 8 };

constexpr std::array<std::uint8_t, 128> kAsciiClass = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kWordByte | kDigitByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kWordByte | kLowerByte;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kWordByte | kUpperByte;
  return t;
}();

// Folds the run of ASCII letters and digits at `s` into `out`; returns where the run ends and
// adds the classes of its characters to `seen`. Kept apart so that the loop has registers.
[[gnu::noinline]] const char* fold_ascii_run(const char* s, const char* end, char*& out,
                                             std::uint8_t& seen) {
  char* o = out;
  std::uint8_t acc = 0;
  for (; s < end; ++s) {
    auto c = static_cast<unsigned char>(*s);
    if (c >= 0x80 || !(kAsciiClass[c] & kWordByte)) break;
    std::uint8_t cls = kAsciiClass[c];
    acc |= cls;
    *o++ = static_cast<char>(c + ((cls & kUpperByte) << 4));  // 'A' + 32 == 'a'
  }
  out = o;
  seen |= acc;
  return s;
}

// Whether the word after `gap` starts a sentence; `prev` is the word before it.
bool starts_sentence(std::string_view gap, const NameToken& prev) {
  if (gap == " ") return false;  // the common case, decided as below
  int newlines = 0;
  gap = trim_spaces(gap, &newlines);
  while (!gap.empty() && (gap.back() == '"' || gap.back() == '(' || gap.back() == '\'' ||
                          gap.back() == '*' || gap.back() == '#' || gap.back() == '-')) {
    gap.remove_suffix(1);
  }
  while (gap.ends_with("\xE2\x80\x9C") || gap.ends_with("\xE2\x80\x98")) gap.remove_suffix(3);
  gap = trim_spaces(gap, &newlines);
  char last = gap.empty() ? ' ' : gap.back();
  bool after_abbreviation =
      last == '.' && (prev.key_len <= 3 || (prev.classes & (kHonorific | kTitle)));
  return newlines > 0 ||
         ((last == '.' || last == '!' || last == '?' || last == ':' || last == ';') &&
          !after_abbreviation);
}

}  // namespace

NameTokens::NameTokens(std::string_view text, bool classify) : text_(text), classified_(classify) {
  const Lexicon& lex = Lexicon::get();
  tokens_.reserve(text.size() / 6 + 1);
  // Folded keys are written straight into keys_: one byte per ASCII byte of the text.
  keys_.resize(text.size());
  char* out = keys_.data();
  std::size_t k = 0;  // bytes of keys_ in use
  std::size_t scrubbed_until = 0;
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x80) {
      if (!(kAsciiClass[c] & kWordByte)) {
        if (c == '[' && i >= scrubbed_until) {
          if (std::size_t end = placeholder_end(text, i)) scrubbed_until = end;
        }
        ++i;
        continue;
      }
    } else if (utf8::Decoded d = utf8::decode(text, i); !utf8::is_word_char(d.cp)) {
      i += d.length;
      continue;
    }
    // The word's bytes, folded into keys_.
    const std::size_t start = i, key_start = k;
    std::uint8_t seen = 0;  // kUpperByte | kLowerByte | kDigitByte of the characters
    while (i < n) {
      char* o = out + k;
      std::size_t ascii_end = static_cast<std::size_t>(fold_ascii_run(p + i, p + n, o, seen) - p);
      k = static_cast<std::size_t>(o - out);
      i = ascii_end;
      if (i >= n || static_cast<unsigned char>(p[i]) < 0x80) break;
      utf8::Decoded d = utf8::decode(text, i);
      if (!utf8::is_word_char(d.cp)) break;
      seen |= (utf8::is_upper(d.cp) ? kUpperByte : 0) | (utf8::is_lower(d.cp) ? kLowerByte : 0);
      // Room for this character (at most 4 bytes) and for the rest of the text one byte each.
      std::size_t need = k + 4 + (n - i - d.length);
      if (need > keys_.size()) {
        keys_.resize(need + 64);
        out = keys_.data();
      }
      k += utf8::fold_code_point(d.cp, out + k);
      i += d.length;
    }
    NameToken t;
    t.start = static_cast<std::uint32_t>(start);
    t.end = static_cast<std::uint32_t>(i);
    t.key = static_cast<std::uint32_t>(key_start);
    t.key_len = static_cast<std::uint32_t>(k - key_start);
    auto c0 = static_cast<unsigned char>(p[start]);
    t.upper_initial = c0 < 0x80 ? (kAsciiClass[c0] & kUpperByte) != 0
                                : utf8::is_upper(utf8::decode(text, start).cp);
    t.has_digit = seen & kDigitByte;
    t.all_upper = (seen & kUpperByte) && !(seen & kLowerByte);
    t.scrubbed = t.start < scrubbed_until;
    std::string_view key(out + t.key, t.key_len);
    t.hash = word_hash(key);
    if (!classify) {
      tokens_.push_back(t);
      continue;
    }
    t.classes = lex.classes(key, t.hash);
    if (tokens_.empty()) {
      t.sentence_start = true;
    } else {
      const NameToken& prev = tokens_.back();
      t.sentence_start = starts_sentence(text.substr(prev.end, t.start - prev.end), prev);
    }
    tokens_.push_back(t);
  }
  keys_.resize(k);
}

std::uint32_t NameTokens::classes_of(std::size_t i) const {
  if (classified_) return tokens_[i].classes;
  return Lexicon::get().classes(key(i), tokens_[i].hash);
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
