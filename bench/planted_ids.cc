#include "bench/planted_ids.h"

#include <utility>

namespace bench {
namespace {

std::string digits_only(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c >= '0' && c <= '9') out.push_back(c);
  return out;
}

Identifier with_digits(std::string text) {
  std::string digits = digits_only(text);
  Identifier id{std::move(text), {}};
  id.forms.push_back(id.text);
  if (digits != id.text) id.forms.push_back(std::move(digits));
  return id;
}

std::string bsn_digits(Rng& rng) {
  for (;;) {
    std::string d = rng.digits(8, 1);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (9 - i) * (d[i] - '0');
    int last = sum % 11;  // the elfproef: sum - last must be divisible by 11
    if (last <= 9) return d + static_cast<char>('0' + last);
  }
}

// The two check digits that make "NL" + check + bban pass mod 97.
std::string iban_check(const std::string& bban) {
  int rem = 0;
  for (char c : bban + "NL00") {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' + 10 : c - '0';
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  int check = 98 - rem;
  return {static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)};
}

// SA, SD and SS are never issued. Pairs that read as abbreviations ("1712 OF", "1891 HR") are
// planted too: after a street and number the anonymizer must take them for postcodes.
bool usable_postcode_letters(std::string_view letters) {
  static const std::string_view kSkipped[] = {"SA", "SD", "SS"};
  for (auto skipped : kSkipped)
    if (letters == skipped) return false;
  return true;
}

}  // namespace

std::string ascii_fold(std::string_view text) {
  // The non-ASCII letters of the benchmark's name lists and their base letters.
  static const std::pair<std::string_view, char> kFolds[] = {
      {"\xC3\xB6", 'o'}, {"\xC3\x96", 'o'}, {"\xC3\xBC", 'u'}, {"\xC3\xA7", 'c'}, {"\xC3\x87", 'c'},
      {"\xC3\xA9", 'e'}, {"\xC3\xAB", 'e'}, {"\xC5\x9F", 's'}, {"\xC4\xB1", 'i'}, {"\xC4\x9F", 'g'},
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    std::size_t length = 1;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      for (const auto& [from, to] : kFolds)
        if (text.substr(i, from.size()) == from) {
          out.push_back(to);
          length = from.size();
          break;
        }
    }
    i += length;
  }
  return out;
}

Identifier make_bsn(Rng& rng) {
  std::string d = bsn_digits(rng);
  switch (rng.below(4)) {
  case 0:
    return with_digits(d.substr(0, 4) + "." + d.substr(4, 2) + "." + d.substr(6));
  case 1:
    return with_digits(d.substr(0, 3) + " " + d.substr(3, 3) + " " + d.substr(6));
  default:
    return with_digits(d);
  }
}

Identifier make_iban(Rng& rng) {
  static const char* const kBanks[] = {"INGB", "ABNA", "RABO", "SNSB", "ASNB", "TRIO", "KNAB"};
  std::string bank = rng.pick(kBanks);
  std::string bban = bank + (bank == "INGB" ? "000" + rng.digits(7, 1) : rng.digits(10, 1));
  std::string compact = "NL" + iban_check(bban) + bban;
  Identifier id;
  if (rng.chance(50)) {
    id.text = compact;
  } else {
    for (std::size_t i = 0; i < compact.size(); i += 4)
      id.text += (i ? " " : "") + compact.substr(i, 4);
  }
  id.forms.push_back(id.text);
  if (id.text != compact) id.forms.push_back(compact);
  return id;
}

Identifier make_mobile_phone(Rng& rng) {
  std::string d = rng.digits(8, 1);
  switch (rng.below(5)) {
  case 0:
    return with_digits("06-" + d);
  case 1:
    return with_digits("06 " + d.substr(0, 4) + " " + d.substr(4));
  case 2: {
    Identifier id = with_digits("+31 6 " + d.substr(0, 4) + " " + d.substr(4));
    id.forms.back() = "06" + d;  // the national form, not "316..."
    return id;
  }
  case 3:
    return with_digits("06-" + d.substr(0, 2) + " " + d.substr(2, 2) + " " + d.substr(4, 2) + " " +
                       d.substr(6));
  default:
    return with_digits("06" + d);
  }
}

Identifier make_fixed_phone(Rng& rng) {
  // Area codes of the region: Amsterdam, Zaanstad, Almere, Waterland/Purmerend, Haarlem.
  static const char* const kAreas[] = {"020", "075", "036", "0299", "023"};
  std::string area = rng.pick(kAreas);
  std::string sub = rng.digits(static_cast<int>(10 - area.size()), 2);
  switch (rng.below(4)) {
  case 0:
    return with_digits(area + "-" + sub);
  case 1:
    return with_digits("(" + area + ") " + sub.substr(0, sub.size() - 4) + " " +
                       sub.substr(sub.size() - 4, 2) + " " + sub.substr(sub.size() - 2));
  case 2: {
    Identifier id = with_digits("+31 " + area.substr(1) + " " + sub.substr(0, sub.size() - 4) +
                                " " + sub.substr(sub.size() - 4));
    id.forms.back() = area + sub;
    return id;
  }
  default:
    return with_digits(area + " " + sub);
  }
}

Identifier make_email(Rng& rng, std::string_view first_name, std::string_view surname) {
  static const char* const kDomains[] = {"example.com", "example.net", "example.org",
                                         "mail.example.com"};
  std::string first = ascii_fold(first_name);
  std::string last = ascii_fold(surname);
  std::string local;
  switch (rng.below(4)) {
  case 0:
    local = first + "." + last;
    break;
  case 1:
    local = first.substr(0, 1) + "." + last + std::to_string(rng.between(50, 99));
    break;
  case 2:
    local = first + last + std::to_string(rng.between(1950, 2005));
    break;
  default:
    local = "fam." + last;
    break;
  }
  Identifier id{local + "@" + rng.pick(kDomains), {}};
  id.forms.push_back(id.text);
  return id;
}

Identifier make_street_address(Rng& rng) {
  // Single-word streets of the region that are not also a person's name.
  static const char* const kStreets[] = {
      "Javastraat",          "Bijlmerdreef", "Kerkstraat",   "Dorpsweg",       "Molenweg",
      "Zeeburgerdijk",       "Schoolstraat", "Lindenlaan",   "Hoofdweg",       "Havenstraat",
      "Parallelweg",         "Dorpsstraat",  "Burgwal",      "Westzijde",      "Oostzijde",
      "Stationsweg",         "Wagenweg",     "Plantagelaan", "Poortstraat",    "Vaartweg",
      "Dapperstraat",        "Kinkerstraat", "Gooiseweg",    "Meeuwenlaan",    "Osdorpplein",
      "Buikslotermeerplein", "Zuiderzeeweg", "Noorderweg",   "Slotermeerlaan", "Waddenweg"};
  std::string number = std::to_string(rng.between(1, 240));
  switch (rng.below(5)) {
  case 0:
    number += "-" + std::to_string(rng.between(1, 4));
    break;
  case 1:
    number += " hs";
    break;
  case 2:
    number += static_cast<char>('A' + rng.below(4));
    break;
  default:
    break;
  }
  Identifier id{std::string(rng.pick(kStreets)) + " " + number, {}};
  id.forms.push_back(id.text);
  return id;
}

Identifier make_postcode(Rng& rng) {
  std::string digits;
  std::string letters;
  do {
    digits = "1" + rng.digits(3);  // the region: Amsterdam 10xx-11xx, Almere 13xx, Zaanstad 15xx
    letters = {static_cast<char>('A' + rng.below(26)), static_cast<char>('A' + rng.below(26))};
    // No 19xx: the case-blind leak check would take a year in the prose ("sinds 1996 op de")
    // for the postcode "1996 OP".
  } while (!usable_postcode_letters(letters) || digits == "1000" || digits >= "1900");
  std::string spaced = digits + " " + letters;
  std::string compact = digits + letters;
  Identifier id{rng.chance(70) ? spaced : compact, {spaced, compact}};
  return id;
}

}  // namespace bench
