#include "generator/text_util.h"

#include <array>
#include <cctype>
#include <cstdint>

namespace generator {

namespace {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

// Latin-1 Supplement and Latin Extended-A letters folded to ASCII, enough for Dutch place names
// and the names of the region's residents.
std::string_view fold_codepoint(char32_t cp) {
  switch (cp) {
  case U'à':
  case U'á':
  case U'â':
  case U'ã':
  case U'ä':
  case U'å':
  case U'ā':
  case U'ă':
  case U'ą':
    return "a";
  case U'À':
  case U'Á':
  case U'Â':
  case U'Ã':
  case U'Ä':
  case U'Å':
  case U'Ā':
    return "a";
  case U'æ':
  case U'Æ':
    return "ae";
  case U'ç':
  case U'Ç':
  case U'ć':
  case U'č':
    return "c";
  case U'è':
  case U'é':
  case U'ê':
  case U'ë':
  case U'ē':
  case U'ę':
  case U'ě':
  case U'È':
  case U'É':
  case U'Ê':
  case U'Ë':
    return "e";
  case U'ì':
  case U'í':
  case U'î':
  case U'ï':
  case U'ı':
  case U'Ì':
  case U'Í':
  case U'Î':
  case U'Ï':
  case U'İ':
    return "i";
  case U'ñ':
  case U'Ñ':
  case U'ń':
  case U'ň':
    return "n";
  case U'ò':
  case U'ó':
  case U'ô':
  case U'õ':
  case U'ö':
  case U'ø':
  case U'ő':
  case U'Ò':
  case U'Ó':
  case U'Ô':
  case U'Õ':
  case U'Ö':
  case U'Ø':
    return "o";
  case U'ù':
  case U'ú':
  case U'û':
  case U'ü':
  case U'ű':
  case U'Ù':
  case U'Ú':
  case U'Û':
  case U'Ü':
    return "u";
  case U'ý':
  case U'ÿ':
  case U'Ý':
    return "y";
  case U'ß':
    return "ss";
  case U'ş':
  case U'Ş':
  case U'ś':
  case U'š':
  case U'Š':
    return "s";
  case U'ğ':
  case U'Ğ':
    return "g";
  case U'ł':
  case U'Ł':
    return "l";
  case U'ž':
  case U'ź':
  case U'ż':
  case U'Ž':
    return "z";
  case U'ĳ':
    return "ij";
  default:
    return {};
  }
}

// Decodes one UTF-8 sequence at s[i]; returns its length, or 0 when it is malformed.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return 0;
  cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c >> 6) != 2) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr std::array<char32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

std::string html_escape(std::string_view text) {
  return escape_markup(text);
}
std::string xml_escape(std::string_view text) {
  return escape_markup(text);
}

std::string slugify(std::string_view text) {
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = decode(text, i, cp);
    if (len == 0) {
      ++i;
      continue;
    }
    i += len;
    std::string_view piece;
    char ascii[2] = {0, 0};
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
      ascii[0] = static_cast<char>(std::tolower(static_cast<int>(cp)));
      piece = std::string_view(ascii, 1);
    } else {
      piece = fold_codepoint(cp);
    }
    if (piece.empty()) {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += piece;
  }
  return out.empty() ? "n-a" : out;
}

std::string dutch_date(std::string_view iso) {
  static constexpr std::array<const char*, 12> kMonths = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
  int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  int day = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::string(iso);
  return std::to_string(day) + ' ' + kMonths[month - 1] + ' ' + std::string(iso.substr(0, 4));
}

std::size_t invalid_utf8_offset(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = decode(text, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool is_valid_utf8(std::string_view text) {
  return invalid_utf8_offset(text) == std::string_view::npos;
}

std::string json_html_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else
      out += c;
  }
  return out;
}

std::string squash_space(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace generator
