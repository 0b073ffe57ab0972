#pragma once
// Check digits and formats of the structured identifiers the rules find. Each validator takes the
// matched text as written (with its spaces, dots or hyphens) and says whether it is a real value.

#include <optional>
#include <string>
#include <string_view>

namespace anonymizer {

/// The ASCII digits of `text`, in order ("1234.56.782" -> "123456782").
std::string digits_of(std::string_view text);

/// True for 9 digits, plain or grouped by dots or spaces, that pass the elfproef
/// (weights 9..2 and -1, sum divisible by 11, not all zeros).
bool is_valid_bsn(std::string_view text);

/// True for an IBAN of its country's length with valid mod-97 check digits; spaces allowed,
/// letters in either case.
bool is_valid_iban(std::string_view text);

enum class PhoneKind {
  kNone,            // not a telephone number
  kPersonal,        // a number that reaches a person: 06, geographic, 085/088/091, foreign
  kOrganisational,  // a service number that is kept: 0800, 090x, 14 + area code
};

/// Classifies a written telephone number ("06-12345678", "+31 (0)20 123 4567", "14 020",
/// "(030) 555 5555"). National numbers have 10 digits; written with a separator after the area
/// code, 9 or 11 digits still count as a (mistyped) personal number.
PhoneKind classify_phone(std::string_view text);

/// True for a Dutch postcode "1011 AB" or "1011AB": first digit 1-9, letters upper case, and not
/// the pairs SA, SD or SS that are never issued.
bool is_valid_postcode(std::string_view text);

/// True for a Dutch licence plate in one of the sidecodes 1-14 ("12-ABC-3", "AB-123-C",
/// "1-KBB-23"), with or without hyphens, letters limited to those issued for that sidecode.
bool is_valid_kenteken(std::string_view text);

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool operator==(const Date&) const = default;
};

/// True when year/month/day is a day of the Gregorian calendar (years 1000-2999).
bool is_calendar_date(int year, int month, int day);

/// Parses a Dutch written date: "3 mei 1987", "3 mei '87", "zaterdag 3 mei 1987", "03-05-1987",
/// "3-5-'87", "3/5/87", "03.05.1987", "1987-05-03". Two-digit years up to 29 are 20xx, others
/// 19xx. Returns nothing for anything else, including 30 februari.
std::optional<Date> parse_dutch_date(std::string_view text);

/// True for a plausible e-mail address: a local part, one '@', and a domain of dot-separated
/// labels ending in a top-level domain of two or more letters.
bool is_valid_email(std::string_view text);

}  // namespace anonymizer
