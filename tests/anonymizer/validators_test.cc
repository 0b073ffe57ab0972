#include "anonymizer/validators.h"

#include <catch2/catch.hpp>
#include <string>

using namespace anonymizer;

TEST_CASE("BSN passes the elfproef", "[validators]") {
  auto [input, valid] = GENERATE(table<std::string, bool>({
      {"111222333", true},
      {"123456782", true},
      {"1234.56.782", true},   // grouped with dots
      {"123 456 782", true},   // grouped with spaces
      {"123456789", false},    // check digit off
      {"111222334", false},    // check digit off by one
      {"111111111", false},    // sum 43
      {"000000000", false},    // all zeros passes the sum but is no number
      {"12345678", false},     // eight digits
      {"1234567820", false},   // ten digits
      {"1234-56-782", false},  // hyphens are not a BSN grouping
      {"12345678a", false},
  }));
  CAPTURE(input);
  CHECK(is_valid_bsn(input) == valid);
}

TEST_CASE("IBAN has its country's length and mod-97 check digits", "[validators]") {
  auto [input, valid] = GENERATE(table<std::string, bool>({
      {"NL91ABNA0417164300", true},
      {"NL91 ABNA 0417 1643 00", true},
      {"nl91 abna 0417 1643 00", true},
      {"NL02ABNA0123456789", true},
      {"DE89370400440532013000", true},
      {"DE89 3704 0044 0532 0130 00", true},
      {"BE68539007547034", true},
      {"BE68 5390 0754 7034", true},
      {"GB29NWBK60161331926819", true},
      {"FR1420041010050500013M02606", true},
      {"NL91ABNA0417164301", false},      // check digits do not fit
      {"NL91ABNA041716430", false},       // one character short for NL
      {"DE89370400440532013001", false},  // mod-97 fails
      {"XX89370400440532013000", false},  // no such country
      {"NL91-ABNA-0417-1643-00", false},  // hyphens are not IBAN grouping
      {"GB29NWBK6016133192681", false},   // GB needs 22
  }));
  CAPTURE(input);
  CHECK(is_valid_iban(input) == valid);
}

TEST_CASE("telephone numbers: personal ones are found, service numbers kept", "[validators]") {
  auto [input, kind] = GENERATE(table<std::string, PhoneKind>({
      {"06-12345678", PhoneKind::kPersonal},
      {"0612345678", PhoneKind::kPersonal},
      {"06 12 34 56 78", PhoneKind::kPersonal},
      {"+31 6 1234 5678", PhoneKind::kPersonal},
      {"+31612345678", PhoneKind::kPersonal},
      {"0031 6 12345678", PhoneKind::kPersonal},
      {"+31 (0)20 123 4567", PhoneKind::kPersonal},
      {"(020) 123 45 67", PhoneKind::kPersonal},
      {"020-1234567", PhoneKind::kPersonal},
      {"0517-555555", PhoneKind::kPersonal},
      {"088 755 5555", PhoneKind::kPersonal},   // company direct lines reach a person
      {"046-555555", PhoneKind::kPersonal},     // a digit short, but written as a number
      {"088-75 555555", PhoneKind::kPersonal},  // a digit too many, written as a number
      {"+32 2 123 45 67", PhoneKind::kPersonal},
      {"0800-1234", PhoneKind::kOrganisational},
      {"0800 5555", PhoneKind::kOrganisational},
      {"0900-1234567", PhoneKind::kOrganisational},
      {"0900 8844", PhoneKind::kOrganisational},
      {"14 020", PhoneKind::kOrganisational},
      {"14020", PhoneKind::kOrganisational},
      {"14 0591", PhoneKind::kOrganisational},
      {"046555555", PhoneKind::kNone},   // nine bare digits: rather a BSN or a file number
      {"1234567890", PhoneKind::kNone},  // no trunk zero
      {"0012345", PhoneKind::kNone},
      {"+31 06 12345678", PhoneKind::kNone},  // trunk zero after the country code
      {"+31 6 1234 567", PhoneKind::kNone},   // too short after +31
      {"06-1234567a", PhoneKind::kNone},
  }));
  CAPTURE(input);
  CHECK(classify_phone(input) == kind);
}

TEST_CASE("postcodes: first digit 1-9, no SA/SD/SS", "[validators]") {
  auto [input, valid] = GENERATE(table<std::string, bool>({
      {"1011 AB", true},
      {"1011AB", true},
      {"9999 ZZ", true},
      {"0123 AB", false},
      {"1011 SA", false},
      {"1011 SD", false},
      {"1011SS", false},
      {"1011 ab", false},
      {"1011  AB", false},
      {"101 AB", false},
  }));
  CAPTURE(input);
  CHECK(is_valid_postcode(input) == valid);
}

TEST_CASE("licence plates follow a sidecode", "[validators]") {
  auto [input, valid] = GENERATE(table<std::string, bool>({
      {"AB-12-34", true},   // 1
      {"12-34-AB", true},   // 2
      {"12-AB-34", true},   // 3
      {"BD-12-FG", true},   // 4
      {"BD-FG-12", true},   // 5
      {"12-BD-FG", true},   // 6
      {"12-BDF-3", true},   // 7
      {"1-KBB-23", true},   // 8
      {"GB-123-K", true},   // 9
      {"K-123-BB", true},   // 10
      {"KBB-12-D", true},   // 11
      {"K-12-BBB", true},   // 12
      {"1-KB-234", true},   // 13
      {"123-KB-4", true},   // 14
      {"12KBD3", true},     // sidecode 7 without hyphens
      {"12-ABC-3", false},  // vowels and C are not issued since sidecode 4
      {"AB-123-C", false},  {"12-KBQ-3", false}, {"12-kbd-3", false},  // plates are upper case
      {"1234-56", false},   {"12-34-56", false},                       // digits only
      {"12-BDF-34", false},                                            // no sidecode has 2-3-2
  }));
  CAPTURE(input);
  CHECK(is_valid_kenteken(input) == valid);
}

TEST_CASE("Dutch dates parse to real calendar days", "[validators]") {
  using Opt = std::optional<Date>;
  auto [input, expected] = GENERATE(table<std::string, Opt>({
      {"3 mei 1987", Date{1987, 5, 3}},
      {"03-05-1987", Date{1987, 5, 3}},
      {"3-5-1987", Date{1987, 5, 3}},
      {"3-5-'87", Date{1987, 5, 3}},
      {"3-5-’87", Date{1987, 5, 3}},
      {"3 mei '87", Date{1987, 5, 3}},
      {"03/05/87", Date{1987, 5, 3}},
      {"3.5.2024", Date{2024, 5, 3}},
      {"1987-05-03", Date{1987, 5, 3}},
      {"zaterdag 2 mei 1987", Date{1987, 5, 2}},
      {"3\nmei 1987", Date{1987, 5, 3}},  // wrapped over two lines
      {"3  mei\t1987", Date{1987, 5, 3}},
      {"zaterdag\n2 mei 1987", Date{1987, 5, 2}},
      {"12 Januari 2020", Date{2020, 1, 12}},
      {"1 okt. 2019", Date{2019, 10, 1}},
      {"29 februari 2024", Date{2024, 2, 29}},
      {"29 februari 2023", std::nullopt},  // not a leap year
      {"30 februari 1987", std::nullopt},
      {"31-04-1987", std::nullopt},
      {"13-13-1987", std::nullopt},
      {"3-5/1987", std::nullopt},    // mixed separators
      {"3 mai 1987", std::nullopt},  // not a Dutch month
      {"3 mei", std::nullopt},       // no year
      {"3-5-19870", std::nullopt},
  }));
  CAPTURE(input);
  CHECK(parse_dutch_date(input) == expected);
}

TEST_CASE("e-mail addresses", "[validators]") {
  auto [input, valid] = GENERATE(table<std::string, bool>({
      {"persoon@gmail.com", true},
      {"a.b.c.naam-12@umcutrecht.nl", true},
      {"achternaam_voornaam@gmail.com", true},
      {"info@ombudsman.nl", true},
      {"x@sub.domein.amsterdam", true},
      {"geen-at.nl", false},
      {"a@@b.nl", false},
      {"a@b", false},
      {"a@b.n", false},
      {".a@b.nl", false},
      {"a..b@b.nl", false},
      {"a@-b.nl", false},
      {"a@b.123", false},
  }));
  CAPTURE(input);
  CHECK(is_valid_email(input) == valid);
}
