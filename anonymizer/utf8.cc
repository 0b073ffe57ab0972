#include "anonymizer/utf8.h"

#include <array>

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
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
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

namespace {

// Appends the folded form of one code point; returns the number of bytes appended.
std::size_t append_folded(std::string& out, char32_t cp) {
  std::size_t before = out.size();
  char32_t lower_cp = to_lower(cp);
  switch (lower_cp) {
  case 0xE6:
    out += "ae";
    break;  // æ
  case 0xDF:
    out += "ss";
    break;  // ß
  case 0xFE:
    out += "th";
    break;  // þ
  case 0x133:
    out += "ij";
    break;  // ĳ
  case 0x153:
    out += "oe";
    break;  // œ
  case 0x2018:
  case 0x2019:
  case 0x2032:
    out += '\'';
    break;  // typographic apostrophes and prime
  default:
    append(out, strip_diacritic(lower_cp));
    break;
  }
  return out.size() - before;
}

}  // namespace

std::string lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    append(out, to_lower(d.cp));
    i += d.length;
  }
  return out;
}

std::string upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    append(out, to_upper(d.cp));
    i += d.length;
  }
  return out;
}

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    if (d.cp < 0x80) {
      out.push_back(static_cast<char>(ascii_lower(d.cp)));
    } else {
      append_folded(out, d.cp);
    }
    i += d.length;
  }
  return out;
}

Folded fold_with_offsets(std::string_view text) {
  Folded f;
  f.text.reserve(text.size());
  f.source.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode(text, i);
    std::size_t n = 1;
    if (d.cp < 0x80) {
      f.text.push_back(static_cast<char>(ascii_lower(d.cp)));
    } else {
      n = append_folded(f.text, d.cp);
    }
    for (std::size_t k = 0; k < n; ++k) f.source.push_back(i);
    i += d.length;
  }
  f.source.push_back(text.size());
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
