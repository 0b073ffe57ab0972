#include "anonymizer/validators.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>

namespace anonymizer {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
char upper_ascii(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}
char lower_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct IbanCountry {
  std::string_view code;
  int length;
};

// SWIFT IBAN registry lengths of the countries a Dutch case file plausibly mentions.
constexpr std::array<IbanCountry, 48> kIbanLengths = {{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"CH", 21}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18},
    {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21},
    {"MA", 28}, {"MC", 27}, {"ME", 22}, {"MK", 19}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28},
    {"PT", 25}, {"RO", 24}, {"RS", 22}, {"SA", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"TR", 26},
}};

int iban_length(std::string_view country) {
  for (const auto& c : kIbanLengths) {
    if (c.code == country) return c.length;
  }
  return 0;
}

int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
  std::string w;
  for (char c : word) w.push_back(lower_ascii(c));
  if (!w.empty() && w.back() == '.') w.pop_back();
  for (int i = 0; i < 12; ++i) {
    if (w == kFull[i] || w == kShort[i]) return i + 1;
  }
  if (w == "sept" || w == "maa") return w == "sept" ? 9 : 3;
  return 0;
}

bool is_weekday(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kDays = {
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
      "ma",      "di",      "wo",       "do",        "vr",      "za",       "zo"};
  std::string w;
  for (char c : word) w.push_back(lower_ascii(c));
  if (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  for (auto d : kDays) {
    if (w == d) return true;
  }
  return false;
}

// Parses 1..max_digits digits at s[pos]; returns -1 when there are none or too many.
int read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  std::size_t start = pos;
  int value = 0;
  while (pos < s.size() && is_digit(s[pos])) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  std::size_t n = pos - start;
  return n == 0 || n > max_digits ? -1 : value;
}

// A year written as YYYY, 'YY (straight or typographic apostrophe) or YY.
int read_year(std::string_view s, std::size_t& pos) {
  bool apostrophe = false;
  if (s.substr(pos, 1) == "'") {
    pos += 1;
    apostrophe = true;
  } else if (s.substr(pos, 3) == "\xE2\x80\x99") {
    pos += 3;
    apostrophe = true;
  }
  std::size_t start = pos;
  int value = read_number(s, pos, 4);
  std::size_t n = pos - start;
  if (value < 0) return -1;
  if (n == 2) return value <= 29 ? 2000 + value : 1900 + value;
  if (n == 4 && !apostrophe) return value;
  return -1;
}

std::optional<Date> checked(int y, int m, int d) {
  if (!is_calendar_date(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

}  // namespace

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (is_digit(c)) out.push_back(c);
  }
  return out;
}

bool is_valid_bsn(std::string_view text) {
  for (char c : text) {
    if (!is_digit(c) && c != '.' && c != ' ') return false;
  }
  std::string d = digits_of(text);
  if (d.size() != 9 || d == "000000000") return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += (9 - i) * (d[i] - '0');
  sum -= d[8] - '0';
  return sum % 11 == 0;
}

bool is_valid_iban(std::string_view text) {
  std::string s;
  for (char c : text) {
    if (c == ' ') continue;
    if (!is_digit(c) && !is_alpha(c)) return false;
    s.push_back(upper_ascii(c));
  }
  if (s.size() < 15 || !is_alpha(s[0]) || !is_alpha(s[1]) || !is_digit(s[2]) || !is_digit(s[3])) {
    return false;
  }
  if (static_cast<int>(s.size()) != iban_length(s.substr(0, 2))) return false;
  // Move the country and check digits to the end and read letters as 10..35, modulo 97.
  std::string moved = s.substr(4) + s.substr(0, 4);
  int remainder = 0;
  for (char c : moved) {
    int v = is_digit(c) ? c - '0' : c - 'A' + 10;
    remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
  }
  return remainder == 1;
}

PhoneKind classify_phone(std::string_view text) {
  text = trim(text);
  for (char c : text) {
    if (!is_digit(c) && c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.' &&
        c != '/') {
      return PhoneKind::kNone;
    }
  }
  std::string d = digits_of(text);
  bool separated = d.size() != text.size();
  bool international = !text.empty() && text.front() == '+';
  if (!international && starts_with(d, "00")) {
    international = true;
    d = d.substr(2);
  }
  if (international) {
    if (!starts_with(d, "31"))
      return d.size() >= 9 && d.size() <= 15 ? PhoneKind::kPersonal : PhoneKind::kNone;
    // "+31 (0)20 ..." writes the trunk zero in brackets; drop it.
    std::string rest = d.substr(2);
    if (text.find("(0)") != std::string_view::npos && starts_with(rest, "0")) rest.erase(0, 1);
    if (starts_with(rest, "0")) return PhoneKind::kNone;
    d = "0" + rest;
    separated = false;  // the country code fixes the length: exactly ten national digits
  }
  if (starts_with(d, "14") && (d.size() == 5 || d.size() == 6) && d[2] == '0') {
    return PhoneKind::kOrganisational;  // 14 + area code: a municipality's central number
  }
  if (d.size() < 2 || d[0] != '0' || d[1] == '0') return PhoneKind::kNone;
  if (starts_with(d, "0800") || starts_with(d, "0900") || starts_with(d, "0906") ||
      starts_with(d, "0909")) {
    return d.size() == 8 || d.size() == 11 ? PhoneKind::kOrganisational : PhoneKind::kNone;
  }
  if (d.size() == 10) return PhoneKind::kPersonal;
  if (separated && (d.size() == 9 || d.size() == 11)) return PhoneKind::kPersonal;
  return PhoneKind::kNone;
}

bool is_valid_postcode(std::string_view text) {
  if (text.size() != 6 && text.size() != 7) return false;
  if (text[0] < '1' || text[0] > '9') return false;
  for (int i = 1; i < 4; ++i) {
    if (!is_digit(text[i])) return false;
  }
  std::string_view letters = text.substr(text.size() - 2);
  if (text.size() == 7 && text[4] != ' ') return false;
  if (letters[0] < 'A' || letters[0] > 'Z' || letters[1] < 'A' || letters[1] > 'Z') return false;
  return letters != "SA" && letters != "SD" && letters != "SS";
}

bool is_valid_kenteken(std::string_view text) {
  struct Sidecode {
    std::string_view shape;  // L = letter, D = digit
    std::string_view letters;
  };
  // Sidecodes 1-3 date from before 1978 and still used most letters; since sidecode 4 only
  // consonants without C, Q and W are issued, so "AB-12-CD" style words are not plates.
  static constexpr std::string_view kOld = "ABDEFGHJKLMNOPRSTUVXYZ";
  static constexpr std::string_view kNew = "BDFGHJKLMNPRSTVXZ";
  static constexpr std::array<Sidecode, 14> kSidecodes = {{
      {"LL-DD-DD", kOld},
      {"DD-DD-LL", kOld},
      {"DD-LL-DD", kOld},
      {"LL-DD-LL", kNew},
      {"LL-LL-DD", kNew},
      {"DD-LL-LL", kNew},
      {"DD-LLL-D", kNew},
      {"D-LLL-DD", kNew},
      {"LL-DDD-L", kNew},
      {"L-DDD-LL", kNew},
      {"LLL-DD-L", kNew},
      {"L-DD-LLL", kNew},
      {"D-LL-DDD", kNew},
      {"DDD-LL-D", kNew},
  }};
  bool hyphens = text.find('-') != std::string_view::npos;
  for (const auto& sc : kSidecodes) {
    std::size_t i = 0;
    bool ok = true;
    for (char want : sc.shape) {
      if (want == '-' && !hyphens) continue;
      if (i >= text.size()) {
        ok = false;
        break;
      }
      char c = text[i++];
      if (want == '-') {
        ok = c == '-';
      } else if (want == 'D') {
        ok = is_digit(c);
      } else {
        ok = c >= 'A' && c <= 'Z' && sc.letters.find(c) != std::string_view::npos;
      }
      if (!ok) break;
    }
    if (ok && i == text.size()) return true;
  }
  return false;
}

bool is_calendar_date(int year, int month, int day) {
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

std::optional<Date> parse_dutch_date(std::string_view text) {
  std::string_view s = trim(text);
  // "3  mei" and a date wrapped over two lines ("3\nmei 1987") read as "3 mei 1987".
  std::string collapsed;
  if (s.find_first_of("\t\n\r") != std::string_view::npos ||
      s.find("  ") != std::string_view::npos) {
    for (char c : s) {
      bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (!blank)
        collapsed += c;
      else if (collapsed.empty() || collapsed.back() != ' ')
        collapsed += ' ';
    }
    s = collapsed;
  }
  // An optional weekday: "zaterdag 3 mei 1987", "za. 3-5-1987".
  std::size_t space = s.find(' ');
  if (space != std::string_view::npos && is_weekday(s.substr(0, space))) {
    s = trim(s.substr(space + 1));
  }
  std::size_t pos = 0;
  if (s.size() >= 10 && is_digit(s[0]) && is_digit(s[3]) && s[4] == '-') {
    int y = read_number(s, pos, 4);
    if (pos != 4 || s[pos++] != '-') return std::nullopt;
    int m = read_number(s, pos, 2);
    if (pos >= s.size() || s[pos++] != '-') return std::nullopt;
    int d = read_number(s, pos, 2);
    if (pos != s.size() || y < 0 || m < 0 || d < 0) return std::nullopt;
    return checked(y, m, d);
  }
  int d = read_number(s, pos, 2);
  if (d < 0 || pos >= s.size()) return std::nullopt;
  char sep = s[pos];
  if (sep == '-' || sep == '/' || sep == '.') {
    ++pos;
    int m = read_number(s, pos, 2);
    if (m < 0 || pos >= s.size() || s[pos] != sep) return std::nullopt;
    ++pos;
    int y = read_year(s, pos);
    if (y < 0 || pos != s.size()) return std::nullopt;
    return checked(y, m, d);
  }
  if (sep != ' ') return std::nullopt;
  ++pos;
  std::size_t word_end = s.find(' ', pos);
  if (word_end == std::string_view::npos) return std::nullopt;
  int m = month_from_name(s.substr(pos, word_end - pos));
  if (m == 0) return std::nullopt;
  pos = word_end + 1;
  int y = read_year(s, pos);
  if (y < 0 || pos != s.size()) return std::nullopt;
  return checked(y, m, d);
}

bool is_valid_email(std::string_view text) {
  std::size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  std::string_view local = text.substr(0, at);
  std::string_view domain = text.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos) {
    return false;
  }
  for (char c : local) {
    if (!is_digit(c) && !is_alpha(c) &&
        std::string_view("._%+-'").find(c) == std::string_view::npos &&
        static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  std::size_t last_dot = domain.rfind('.');
  if (domain.size() > 253 || last_dot == std::string_view::npos || last_dot == 0) return false;
  std::string_view tld = domain.substr(last_dot + 1);
  if (tld.size() < 2) return false;
  for (char c : tld) {
    if (!is_alpha(c)) return false;
  }
  std::size_t label_start = 0;
  for (std::size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      std::string_view label = domain.substr(label_start, i - label_start);
      if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
        return false;
      }
      label_start = i + 1;
    } else if (!is_digit(domain[i]) && !is_alpha(domain[i]) && domain[i] != '-' &&
               static_cast<unsigned char>(domain[i]) < 0x80) {
      return false;
    }
  }
  return true;
}

}  // namespace anonymizer
