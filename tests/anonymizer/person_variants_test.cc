#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "anonymizer/names.h"

using anonymizer::Person;
using anonymizer::person_placeholders;
using anonymizer::person_variants;

namespace {

bool has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

TEST_CASE("a mononym gets honorifics, a possessive and capitals", "[names][variants]") {
  CHECK(person_variants({"Ahmed", "verzoeker"}) ==
        std::vector<std::string>{
            "De heer Ahmed", "Mevrouw Ahmed", "de heer Ahmed", "mevrouw Ahmed", "Meneer Ahmed",
            "meneer Ahmed",  "Mevr. Ahmed",   "mevr. Ahmed",   "Dhr. Ahmed",    "Mej. Ahmed",
            "dhr. Ahmed",    "mej. Ahmed",    "Dr. Ahmed",     "Mr. Ahmed",     "Mw. Ahmed",
            "dr. Ahmed",     "mr. Ahmed",     "mw. Ahmed",     "Ahmeds",        "AHMED",
            "Ahmed",
        });
}

TEST_CASE("the forms the policy lists are among the variants", "[names][variants]") {
  auto [name, variant] = GENERATE(table<std::string, std::string>({
      {"Maria de Vries", "Maria de Vries"},
      {"Maria de Vries", "Maria"},
      {"Maria de Vries", "de Vries"},
      {"Maria de Vries", "De Vries"},
      {"Maria de Vries", "M. de Vries"},
      {"Maria de Vries", "M.de Vries"},
      {"Maria de Vries", "mevrouw De Vries"},
      {"Maria de Vries", "mw. de Vries"},
      {"Maria de Vries", "de heer de Vries"},
      {"Maria de Vries", "dhr. De Vries"},
      {"Maria de Vries", "Maria's"},
      {"Maria de Vries", "MARIA DE VRIES"},
      {"Maria de Vries", "DE VRIES"},
      {"Maria Johanna de Vries", "M.J. de Vries"},
      {"Maria Johanna de Vries", "MJ de Vries"},
      {"Maria Johanna de Vries", "M.J.de Vries"},
      {"Maria Johanna de Vries", "M. J. de Vries"},
      {"Maria Johanna de Vries", "Maria de Vries"},
      {"Maria Johanna de Vries", "Johanna"},
      {"Henk van 't Hek", "van 't Hek"},
      {"Henk van 't Hek", "Van 't Hek"},
      {"Henk van 't Hek", "H. van 't Hek"},
      {"Piet van der Berg", "van der Berg"},
      {"Piet van der Berg", "Van der Berg"},
      {"Maria Jansen-de Wit", "Jansen-de Wit"},
      {"Maria Jansen-de Wit", "Jansen"},
      {"Maria Jansen-de Wit", "de Wit"},
      {"Maria Jansen-de Wit", "De Wit"},
      {"Maria Jansen-de Wit", "Jansens"},
      {"Ahmed El Idrissi", "El Idrissi"},
      {"Ahmed El Idrissi", "el Idrissi"},
      {"Ahmed El Idrissi", "Idrissi"},
      {"Ahmed El Idrissi", "Ahmeds"},
      {"Ahmed El Idrissi", "A. El Idrissi"},
      {"Ayşe Öztürk", "Öztürk"},
      {"Ayşe Öztürk", "Ozturk"},
      {"Ayşe Öztürk", "Ayse Ozturk"},
      {"Ayşe Öztürk", "ÖZTÜRK"},
      {"Emre Çelik", "Celik"},
      {"Karim Ben Ali", "Ben Ali"},
      {"Karim Ben Ali", "Ali"},
      {"Nguyen Van An", "Nguyen"},
      {"Nguyen Van An", "Van An"},
      {"Jan-Willem Bakker", "Jan-Willem"},
      {"Jan-Willem Bakker", "J.W. Bakker"},
      {"mevrouw Fatma Yilmaz", "Fatma Yilmaz"},
  }));
  CAPTURE(name, variant);
  CHECK(has(person_variants({name, "verzoeker"}), variant));
}

TEST_CASE("variants hold no honorific of the record and no bare tussenvoegsel",
          "[names][variants]") {
  auto [name, absent] = GENERATE(table<std::string, std::string>({
      {"mevrouw Fatma Yilmaz", "mevrouw"},
      {"mevrouw Fatma Yilmaz", "mevrouw Fatma Yilmaz"},
      {"Maria de Vries", "de"},
      {"Maria de Vries", "Vries"},  // "de Vries" is the surname; "Vries" alone is a village
      {"Henk van 't Hek", "van"},
      {"Nguyen Van An", "An"},
  }));
  CAPTURE(name, absent);
  CHECK_FALSE(has(person_variants({name, "verzoeker"}), absent));
}

TEST_CASE("variants are deduplicated and longest first", "[names][variants]") {
  auto v = person_variants({"Maria Johanna de Vries", "verzoeker"});
  auto sorted = v;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  CHECK(std::is_sorted(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
    return a.size() > b.size();
  }));
  CHECK(person_variants({"", "verzoeker"}).empty());
}

TEST_CASE("placeholders are numbered per role only when a role repeats", "[names][variants]") {
  using Roles = std::vector<std::string>;
  auto [roles, expected] = GENERATE(table<Roles, Roles>({
      {{"verzoeker"}, {"[verzoeker]"}},
      {{"verzoeker", "kind", "kind"}, {"[verzoeker]", "[kind 1]", "[kind 2]"}},
      {{"kind", "buurman", "kind", "kind"}, {"[kind 1]", "[buurman]", "[kind 2]", "[kind 3]"}},
      {{" moeder ", ""}, {"[moeder]", "[persoon]"}},
      {{}, {}},
  }));
  anonymizer::Persons persons;
  for (const auto& r : roles) persons.push_back(Person{"Naam " + r, r});
  CHECK(person_placeholders(persons) == expected);
}
