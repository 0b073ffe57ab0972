#include "bench/planted_ids.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>

#include "anonymizer/scrub.h"
#include "anonymizer/validators.h"

using bench::Identifier;
using bench::Rng;

namespace {

bool listed(const Identifier& id, const std::string& form) {
  for (const auto& f : id.forms)
    if (f == form) return true;
  return false;
}

}  // namespace

TEST_CASE("planted identifiers are valid ones", "[bench]") {
  using Check = std::function<bool(const std::string&)>;
  using Make = std::function<Identifier(Rng&)>;
  auto [name, make, valid] = GENERATE(table<std::string, Make, Check>({
      {"bsn", bench::make_bsn, [](const std::string& t) { return anonymizer::is_valid_bsn(t); }},
      {"iban", bench::make_iban, [](const std::string& t) { return anonymizer::is_valid_iban(t); }},
      {"mobile", bench::make_mobile_phone,
       [](const std::string& t) {
         return anonymizer::classify_phone(t) == anonymizer::PhoneKind::kPersonal;
       }},
      {"fixed", bench::make_fixed_phone,
       [](const std::string& t) {
         return anonymizer::classify_phone(t) == anonymizer::PhoneKind::kPersonal;
       }},
      {"postcode", bench::make_postcode,
       [](const std::string& t) { return anonymizer::is_valid_postcode(t); }},
      {"email", [](Rng& rng) { return bench::make_email(rng, "Ayşe", "van der Meulen"); },
       [](const std::string& t) { return anonymizer::is_valid_email(t); }},
  }));
  CAPTURE(name);
  Rng rng(7);
  for (int i = 0; i < 500; ++i) {
    Identifier id = make(rng);
    CAPTURE(id.text);
    CHECK(valid(id.text));
    CHECK(listed(id, id.text));
  }
}

TEST_CASE("numbers are also listed by their digits, IBANs without spaces", "[bench]") {
  Rng rng(11);
  for (int i = 0; i < 200; ++i) {
    Identifier bsn = bench::make_bsn(rng);
    CHECK(listed(bsn, anonymizer::digits_of(bsn.text)));
    Identifier iban = bench::make_iban(rng);
    std::string compact;
    for (char c : iban.text)
      if (c != ' ') compact.push_back(c);
    CHECK(listed(iban, compact));
    Identifier mobile = bench::make_mobile_phone(rng);
    CAPTURE(mobile.text);
    CHECK(mobile.forms.back().substr(0, 2) == "06");
    CHECK(mobile.forms.back().size() == 10);
  }
}

TEST_CASE("planted home addresses are redacted by the anonymizer", "[bench]") {
  Rng rng(3);
  for (int i = 0; i < 200; ++i) {
    std::string street = bench::make_street_address(rng).text;
    std::string postcode = bench::make_postcode(rng).text;
    std::string text = "Zij woont op " + street + ", " + postcode + " Amsterdam.";
    CAPTURE(text);
    auto result = anonymizer::scrub(text, {}, {}, {});
    CHECK(result.text.find(street) == std::string::npos);
    CHECK(result.text.find(postcode) == std::string::npos);
  }
}

TEST_CASE("names fold to lower-case ASCII for e-mail addresses", "[bench]") {
  auto [name, folded] = GENERATE(table<std::string, std::string>({
      {"Öztürk", "ozturk"},
      {"van der Meulen", "vandermeulen"},
      {"Ayşe", "ayse"},
      {"Yılmaz", "yilmaz"},
      {"Çelik", "celik"},
      {"Jansen-Hoekstra", "jansenhoekstra"},
  }));
  CHECK(bench::ascii_fold(name) == folded);
}

TEST_CASE("the same seed gives the same numbers", "[bench]") {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    std::uint64_t x = a.next();
    CHECK(x == b.next());
    differs = differs || x != c.next();
  }
  CHECK(differs);
}
