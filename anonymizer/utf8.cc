#include "anonymizer/utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace anonymizer::utf8 {
namespace {

// Base letters of U+00C0..U+00FF; '*' marks a non-letter, '#' a ligature spelled out by fold.
constexpr std::string_view kLatin1Base =
    "AAAAAA#CEEEEIIIIDNOOOOO*OUUUUY##aaaaaa#ceeeeiiiidnooooo*ouuuuy#y";
// Base letters of U+0100..U+017F (Latin Extended-A); '#' marks Ĳ ĳ Œ œ.
constexpr std::string_view kExtABase =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi##JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo##"
    "RrRrRrSsSsSs"
    "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
// Base letters of U+01CD..U+01DC (pinyin vowels with caron and Ü with marks).
constexpr std::string_view kCaronBase = "AaIiOoUuUuUuUuUu";

bool is_cont(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

char32_t ascii_lower(char32_t cp) {
  return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
}

// Writes the UTF-8 encoding of `cp` (U+FFFD for surrogates and values past U+10FFFF).
std::size_t encode(char32_t cp, char* out) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace

Decoded decode(std::string_view text, std::size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  std::size_t left = text.size() - pos;
  unsigned char c = s[0];
  if (c < 0x80) return {c, 1};
  if (c >= 0xC2 && c <= 0xDF) {
    if (left >= 2 && is_cont(s[1])) return {char32_t((c & 0x1F) << 6 | (s[1] & 0x3F)), 2};
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (left >= 3 && is_cont(s[1]) && is_cont(s[2])) {
      char32_t cp = (c & 0x0F) << 12 | (s[1] & 0x3F) << 6 | (s[2] & 0x3F);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3};
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (left >= 4 && is_cont(s[1]) && is_cont(s[2]) && is_cont(s[3])) {
      char32_t cp = (c & 0x07) << 18 | (s[1] & 0x3F) << 12 | (s[2] & 0x3F) << 6 | (s[3] & 0x3F);
      if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
    }
  }
  return {kReplacement, 1};
}

Decoded decode_before(std::string_view text, std::size_t pos) {
  // A code point is at most 4 bytes: try each start that would end exactly at pos.
  for (std::size_t len = 2; len <= 4 && len <= pos; ++len) {
    if (is_cont(static_cast<unsigned char>(text[pos - len + 1]))) {
      Decoded d = decode(text, pos - len);
      if (d.length == len && d.cp != kReplacement) return d;
    } else {
      break;
    }
  }
  Decoded d = decode(text, pos - 1);
  return d.length == 1 ? d : Decoded{kReplacement, 1};
}

bool is_valid(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    if (d.cp == kReplacement && d.length == 1) return false;
    i += d.length;
  }
  return true;
}

void append(std::string& out, char32_t cp) {
  char buf[4];
  out.append(buf, encode(cp, buf));
}

std::string sanitize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    if (d.cp == kReplacement && d.length == 1) {
      append(out, kReplacement);
    } else {
      out.append(text.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp <= 0x2AF) return true;                                                   // IPA extensions
  if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387;              // Greek
  if (cp >= 0x400 && cp <= 0x52F) return cp < 0x482 || cp > 0x489;                // Cyrillic
  if (cp >= 0x531 && cp <= 0x587) return true;                                    // Armenian
  if (cp >= 0x5D0 && cp <= 0x5EA) return true;                                    // Hebrew
  if ((cp >= 0x620 && cp <= 0x64A) || (cp >= 0x671 && cp <= 0x6D3)) return true;  // Arabic
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true;  // Latin Extended Additional
  if (cp >= 0x3040 && cp <= 0x9FFF) return true;  // kana and CJK ideographs
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;  // Hangul
  return false;
}

bool is_word_char(char32_t cp) {
  return (cp >= '0' && cp <= '9') || is_letter(cp);
}

char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return ascii_lower(cp);
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    bool even_upper = (cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (even_upper && cp % 2 == 0 && cp != 0x138) return cp + 1;
    if (odd_upper && cp % 2 == 1) return cp + 1;
    return cp;
  }
  if (cp >= 0x1CD && cp <= 0x1DC) return cp % 2 == 1 ? cp + 1 : cp;
  if (cp >= 0x218 && cp <= 0x21B) return cp % 2 == 0 ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if ((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF)) {
    return cp % 2 == 0 ? cp + 1 : cp;
  }
  return cp;
}

char32_t to_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z' ? cp - 32 : cp;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 0x20;
  if (cp == 0xFF) return 0x178;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x131) return 'I';
    if (cp == 0x17F) return 'S';
    bool even_upper = (cp <= 0x137) || (cp >= 0x14A && cp <= 0x177);
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (even_upper && cp % 2 == 1 && cp != 0x131) return cp - 1;
    if (odd_upper && cp % 2 == 0) return cp - 1;
    return cp;
  }
  if (cp >= 0x1CD && cp <= 0x1DC) return cp % 2 == 0 ? cp - 1 : cp;
  if (cp >= 0x218 && cp <= 0x21B) return cp % 2 == 1 ? cp - 1 : cp;
  if (cp >= 0x3B1 && cp <= 0x3C9 && cp != 0x3C2) return cp - 0x20;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 0x20;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 0x50;
  if ((cp >= 0x1E00 && cp <= 0x1E95) || (cp >= 0x1EA0 && cp <= 0x1EFF)) {
    return cp % 2 == 1 ? cp - 1 : cp;
  }
  return cp;
}

bool is_upper(char32_t cp) {
  return is_letter(cp) && to_lower(cp) != cp;
}
bool is_lower(char32_t cp) {
  return is_letter(cp) && to_upper(cp) != cp;
}

char32_t strip_diacritic(char32_t cp) {
  char base = 0;
  if (cp >= 0xC0 && cp <= 0xFF)
    base = kLatin1Base[cp - 0xC0];
  else if (cp >= 0x100 && cp <= 0x17F)
    base = kExtABase[cp - 0x100];
  else if (cp >= 0x1CD && cp <= 0x1DC)
    base = kCaronBase[cp - 0x1CD];
  else if (cp >= 0x218 && cp <= 0x21B)
    base = cp < 0x21A ? (cp == 0x218 ? 'S' : 's') : (cp == 0x21A ? 'T' : 't');
  return base == 0 || base == '#' || base == '*' ? cp : static_cast<char32_t>(base);
}

std::size_t fold_code_point(char32_t cp, char* out) {
  auto two = [&](const char* s) {
    out[0] = s[0];
    out[1] = s[1];
    return std::size_t{2};
  };
  char32_t lower_cp = to_lower(cp);
  switch (lower_cp) {
  case 0xE6:
    return two("ae");  // æ
  case 0xDF:
    return two("ss");  // ß
  case 0xFE:
    return two("th");  // þ
  case 0x133:
    return two("ij");  // ĳ
  case 0x153:
    return two("oe");  // œ
  case 0x2018:
  case 0x2019:
  case 0x2032:
    out[0] = '\'';  // typographic apostrophes and prime
    return 1;
  default:
    break;
  }
  return encode(strip_diacritic(lower_cp), out);
}

namespace {

// Maps each character of `text` with `map_ascii` (ASCII) or `write` (others, at most 4 bytes) into
// `out`, which is overwritten: ASCII text is copied a byte at a time without decoding.
template <typename Ascii, typename Write>
void map_chars(std::string_view text, std::string& out, Ascii map_ascii, Write write) {
  out.resize(text.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out[k++] = static_cast<char>(map_ascii(c));
      ++i;
      continue;
    }
    Decoded d = decode(text, i);
    // Room for this character (at most 4 bytes) and for the rest of the text one byte each.
    std::size_t need = k + 4 + (text.size() - i - d.length);
    if (need > out.size()) out.resize(need + text.size() / 8);
    k += write(d.cp, out.data() + k);
    i += d.length;
  }
  out.resize(k);
}

}  // namespace

std::string lower(std::string_view text) {
  std::string out;
  map_chars(text, out, ascii_lower, [](char32_t cp, char* to) { return encode(to_lower(cp), to); });
  return out;
}

std::string upper(std::string_view text) {
  std::string out;
  map_chars(
      text, out, [](char32_t c) { return c >= 'a' && c <= 'z' ? c - 32 : c; },
      [](char32_t cp, char* to) { return encode(to_upper(cp), to); });
  return out;
}

void fold_into(std::string_view text, std::string& out) {
  map_chars(text, out, ascii_lower, fold_code_point);
}

std::string fold(std::string_view text) {
  std::string out;
  fold_into(text, out);
  return out;
}

namespace {

// Lower-cases the run of ASCII bytes at `s` into `out`; returns where the run ends. Kept apart so
// that the loop has registers.
[[gnu::noinline]] const char* lower_ascii_run(const char* s, const char* end, char*& out) {
  char* o = out;
  // Eight bytes at a time while they are all ASCII: 0x20 is added to each byte in 'A'..'Z'.
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  for (; end - s >= 8; s += 8, o += 8) {
    std::uint64_t v;
    std::memcpy(&v, s, 8);
    if (v & kHigh) break;
    std::uint64_t at_least_a = v + (0x80 - 'A') * kOnes;  // high bit where byte >= 'A'
    std::uint64_t past_z = v + (0x80 - 'Z' - 1) * kOnes;  // high bit where byte > 'Z'
    v |= ((at_least_a & ~past_z) & kHigh) >> 2;
    std::memcpy(o, &v, 8);
  }
  for (; s < end; ++s) {
    auto c = static_cast<unsigned char>(*s);
    if (c >= 0x80) break;
    *o++ = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
  }
  out = o;
  return s;
}

}  // namespace

FoldedText::FoldedText(std::string_view source) {
  text_.resize(source.size());
  char* out = text_.data();
  std::size_t k = 0;  // bytes of text_ in use
  for (std::size_t i = 0; i < source.size();) {
    char* o = out + k;
    i = static_cast<std::size_t>(
        lower_ascii_run(source.data() + i, source.data() + source.size(), o) - source.data());
    k = static_cast<std::size_t>(o - out);
    if (i >= source.size()) break;
    Decoded d = decode(source, i);
    // Room for this character (at most 4 bytes) and for the rest of the source one byte each.
    std::size_t need = k + 4 + (source.size() - i - d.length);
    if (need > text_.size()) {
      text_.resize(need + source.size() / 8);
      out = text_.data();
    }
    std::size_t n = fold_code_point(d.cp, out + k);
    changes_.push_back(Change{k, n, i, d.length});
    k += n;
    i += d.length;
  }
  text_.resize(k);
}

std::size_t FoldedText::source_offset(std::size_t pos) const {
  auto after = std::upper_bound(changes_.begin(), changes_.end(), pos,
                                [](std::size_t p, const Change& c) { return p < c.folded; });
  if (after == changes_.begin()) return pos;  // only ASCII before: one byte each
  const Change& c = *std::prev(after);
  if (pos < c.folded + c.folded_length) return c.source;
  return c.source + c.source_length + (pos - c.folded - c.folded_length);
}

std::size_t FoldedText::folded_offset(std::size_t pos) const {
  auto after = std::upper_bound(changes_.begin(), changes_.end(), pos,
                                [](std::size_t p, const Change& c) { return p < c.source; });
  std::size_t cursor = static_cast<std::size_t>(after - changes_.begin());
  return folded_offset_from(pos, cursor);
}

std::size_t FoldedText::folded_offset_from(std::size_t pos, std::size_t& cursor) const {
  // cursor: the first change whose source offset is past pos.
  while (cursor < changes_.size() && changes_[cursor].source <= pos) ++cursor;
  std::size_t f = pos;  // only ASCII before: one byte each
  if (cursor > 0) {
    const Change& c = changes_[cursor - 1];
    if (pos == c.source) return c.folded;
    std::size_t past = c.source + c.source_length;  // inside the character: the next one
    f = c.folded + c.folded_length + (pos > past ? pos - past : 0);
  }
  return std::min(f, text_.size());
}

Folded fold_with_offsets(std::string_view text) {
  FoldedText folded(text);
  Folded f;
  f.text = folded.text();
  f.source.reserve(f.text.size() + 1);
  for (std::size_t i = 0; i <= f.text.size(); ++i) f.source.push_back(folded.source_offset(i));
  return f;
}

bool word_char_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return false;
  return is_word_char(decode_before(text, pos).cp);
}

bool word_char_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  return is_word_char(decode(text, pos).cp);
}

bool is_whole_word(std::string_view text, std::size_t start, std::size_t end) {
  return !word_char_before(text, start) && !word_char_at(text, end);
}

}  // namespace anonymizer::utf8
