#include "anonymizer/pattern_scanners.h"

#include <array>

namespace anonymizer {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_alnum(char c) {
  return is_digit(c) || is_upper(c) || (c >= 'a' && c <= 'z');
}
bool is_email_local(char c) {  // [A-Za-z0-9._%+'-]
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '\'' || c == '-';
}
bool is_email_label(char c) {  // [A-Za-z0-9-]
  return is_alnum(c) || c == '-';
}

// Whether text[at, at + shape.size()) lies before `end` and fits `shape`: 'd' a digit, 'a' a
// letter or digit, any other byte itself.
bool fits(std::string_view text, std::size_t at, std::size_t end, std::string_view shape) {
  if (at > end || end - at < shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    char c = text[at + i];
    bool ok = shape[i] == 'd' ? is_digit(c) : shape[i] == 'a' ? is_alnum(c) : c == shape[i];
    if (!ok) return false;
  }
  return true;
}

// \d{7,}
ScanMatch long_number(std::string_view text, std::size_t pos, std::size_t end) {
  for (std::size_t i = pos; i < end;) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < end && is_digit(text[j])) ++j;
    if (j - i >= 7) return std::make_pair(i, j);
    i = j;
  }
  return std::nullopt;
}

// \d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3}: at each start the first
// alternative that fits wins.
ScanMatch bsn_number(std::string_view text, std::size_t pos, std::size_t end) {
  static constexpr std::array<std::string_view, 4> kShapes = {"ddddddddd", "dddd.dd.ddd",
                                                              "ddd.ddd.ddd", "ddd ddd ddd"};
  for (std::size_t i = pos; i < end; ++i) {
    if (!is_digit(text[i])) continue;
    for (std::string_view shape : kShapes) {
      if (fits(text, i, end, shape)) return std::make_pair(i, i + shape.size());
    }
  }
  return std::nullopt;
}

// [1-9]\d{3} ?[A-Z]{2}: the space is taken when what follows it fits.
ScanMatch postcode(std::string_view text, std::size_t pos, std::size_t end) {
  auto letters = [&](std::size_t at) {
    return at < end && end - at >= 2 && is_upper(text[at]) && is_upper(text[at + 1]);
  };
  for (std::size_t i = pos; i < end; ++i) {
    if (text[i] < '1' || text[i] > '9' || !fits(text, i + 1, end, "ddd")) continue;
    std::size_t k = i + 4;
    if (k < end && text[k] == ' ' && letters(k + 1)) return std::make_pair(i, k + 3);
    if (letters(k)) return std::make_pair(i, k + 2);
  }
  return std::nullopt;
}

// [A-Z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?: groups of four are taken while
// they fit (a space before one when it fits with the space), then up to three more characters.
ScanMatch iban(std::string_view text, std::size_t pos, std::size_t end) {
  for (std::size_t i = pos; i < end; ++i) {
    if (end - i < 12 || !is_upper(text[i]) || !is_upper(text[i + 1]) || !is_digit(text[i + 2]) ||
        !is_digit(text[i + 3])) {
      continue;
    }
    std::size_t k = i + 4;
    int groups = 0;
    for (; groups < 7; ++groups) {
      if (fits(text, k, end, " aaaa")) {
        k += 5;
      } else if (fits(text, k, end, "aaaa")) {
        k += 4;
      } else {
        break;
      }
    }
    if (groups < 2) continue;
    std::size_t tail =
        k < end && text[k] == ' ' && k + 1 < end && is_alnum(text[k + 1]) ? k + 1 : k;
    std::size_t stop = tail;
    while (stop < end && stop - tail < 3 && is_alnum(text[stop])) ++stop;
    return std::make_pair(i, stop > tail ? stop : k);
  }
  return std::nullopt;
}

// [A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+: the local part cannot hold an '@', so a
// match is found from each '@' in turn, its local part being the run of local characters before
// it. Every repetition is greedy and its classes exclude what follows, so each run is maximal.
ScanMatch email(std::string_view text, std::size_t pos, std::size_t end) {
  for (std::size_t at = text.substr(0, end).find('@', pos); at != std::string_view::npos;
       at = text.substr(0, end).find('@', at + 1)) {
    std::size_t start = at;
    while (start > pos && is_email_local(text[start - 1])) --start;
    if (start == at) continue;
    std::size_t k = at + 1;
    while (k < end && is_email_label(text[k])) ++k;
    if (k == at + 1) continue;
    std::size_t stop = k;
    while (stop + 1 < end && text[stop] == '.' && is_email_label(text[stop + 1])) {
      stop += 2;
      while (stop < end && is_email_label(text[stop])) ++stop;
    }
    if (stop == k) continue;
    return std::make_pair(start, stop);
  }
  return std::nullopt;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_mark(char c) {  // [-./]
  return c == '-' || c == '.' || c == '/';
}

// One digit of a phone number with what may stand before it: (?:(?:[ \t]?[-./][ \t]?|[ \t])?\d),
// its alternatives tried in order. Returns the offset past it, or 0.
std::size_t phone_digit(std::string_view text, std::size_t k, std::size_t end) {
  auto digit = [&](std::size_t p) { return p < end && is_digit(text[p]); };
  auto blank = [&](std::size_t p) { return p < end && is_blank(text[p]); };
  if (digit(k)) {
    return k + 1;  // no separator: the alternatives with one need a blank or mark here
  }
  for (std::size_t b : {std::size_t{blank(k)}, std::size_t{0}}) {
    std::size_t p = k + b;
    if (!(p < end && is_mark(text[p]))) continue;
    ++p;
    if (blank(p) && digit(p + 1)) return p + 2;
    if (digit(p)) return p + 1;
  }
  return blank(k) && digit(k + 1) ? k + 2 : 0;
}

// The greedy repetition of phone_digit from k, at least `min` and at most `max` times.
std::size_t phone_digits(std::string_view text, std::size_t k, std::size_t end, int min, int max) {
  int count = 0;
  for (; count < max; ++count) {
    std::size_t next = phone_digit(text, k, end);
    if (next == 0) break;
    k = next;
  }
  return count >= min ? k : 0;
}

// The telefoon pattern, by its three alternatives (which start with different characters):
//   \+\d{1,3}[ \t.-]?(?:\(0\)[ \t.-]?)?\d(?:...\d){6,12}   +31 6 1234 5678, +31(0)20 ...
//   \(0\d{1,3}\)[ \t-]*\d(?:...\d){4,9}                   (020) 123 45 67
//   0\d(?:...\d){6,11}                                    06-12345678
// Only \d{1,3} after the '+' can give back digits; every other part takes what it can, since
// what follows it could not start where it stopped.
std::size_t phone_at(std::string_view text, std::size_t i, std::size_t end) {
  auto digit = [&](std::size_t p) { return p < end && is_digit(text[p]); };
  auto in = [&](std::size_t p, std::string_view set) {
    return p < end && set.find(text[p]) != std::string_view::npos;
  };
  if (text[i] == '+') {
    std::size_t run = 0;
    while (run < 3 && digit(i + 1 + run)) ++run;
    for (; run > 0; --run) {
      std::size_t p = i + 1 + run;
      if (in(p, " \t.-")) ++p;
      if (end - p >= 3 && p < end && text.substr(p, 3) == "(0)") {
        p += 3;
        if (in(p, " \t.-")) ++p;
      }
      if (!digit(p)) continue;
      if (std::size_t stop = phone_digits(text, p + 1, end, 6, 12)) return stop;
    }
    return 0;
  }
  if (text[i] == '(') {
    if (!(i + 1 < end && text[i + 1] == '0')) return 0;
    std::size_t p = i + 2;
    while (digit(p) && p - (i + 2) < 4) ++p;
    std::size_t run = p - (i + 2);
    if (run < 1 || run > 3 || !in(p, ")")) return 0;
    ++p;
    while (in(p, " \t-")) ++p;
    return digit(p) ? phone_digits(text, p + 1, end, 4, 9) : 0;
  }
  if (text[i] == '0' && digit(i + 1)) return phone_digits(text, i + 2, end, 6, 11);
  return 0;
}

ScanMatch phone(std::string_view text, std::size_t pos, std::size_t end) {
  for (std::size_t i = pos; i < end; ++i) {
    char c = text[i];
    if (c != '+' && c != '(' && c != '0') continue;
    if (std::size_t stop = phone_at(text, i, end)) return std::make_pair(i, stop);
  }
  return std::nullopt;
}

}  // namespace

PatternScanner scanner_for(std::string_view pattern) {
  struct Known {
    std::string_view pattern;
    PatternScanner scanner;
  };
  static constexpr Known kKnown[] = {
      {R"(\d{7,})", long_number},
      {R"(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3})", bsn_number},
      {R"([1-9]\d{3} ?[A-Z]{2})", postcode},
      {R"([A-Z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?)", iban},
      {R"([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)", email},
      {R"(\+\d{1,3}[ \t.-]?(?:\(0\)[ \t.-]?)?\d(?:(?:[ \t]?[-./][ \t]?|[ \t])?\d){6,12})"
       R"(|\(0\d{1,3}\)[ \t-]*\d(?:(?:[ \t]?[-./][ \t]?|[ \t])?\d){4,9})"
       R"(|0\d(?:(?:[ \t]?[-./][ \t]?|[ \t])?\d){6,11})",
       phone},
  };
  for (const Known& k : kKnown) {
    if (k.pattern == pattern) return k.scanner;
  }
  return nullptr;
}

}  // namespace anonymizer
