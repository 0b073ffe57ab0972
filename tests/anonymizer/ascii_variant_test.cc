// A rule's group is taken with the ASCII variant of its pattern when the match is ASCII: the
// variant must find the same groups there.

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "anonymizer/rule_internal.h"
#include "anonymizer/rules.h"

using anonymizer::rule_detail::ascii_variant;

TEST_CASE("ascii_variant narrows Unicode letter classes", "[rules]") {
  auto [pattern, expected] = GENERATE(table<std::string, std::string>({
      {R"(\p{Lu}[\p{L}'’]*)", R"([A-Z][A-Za-z'’]*)"},
      {R"(\pL+ \p{Ll})", R"([A-Za-z]+ [a-z])"},
      {R"([^\p{L}\]]x\p{L})", R"([^A-Za-z\]]x[A-Za-z])"},
      {R"([]\p{Lu}])", R"([]A-Z])"},
      {R"(\d{9})", ""},             // nothing to narrow
      {R"(\p{Greek})", ""},         // a class it does not know
      {R"(\PL)", ""},               // a negated property
      {R"([[:alpha:]\p{L}])", ""},  // POSIX classes are left alone
      {R"(\Q\p{L}\E)", ""},         // literal text
      {R"([\p{L})", ""},            // unterminated class
  }));
  CAPTURE(pattern);
  auto got = ascii_variant(pattern);
  CHECK(got.value_or("") == expected);
}

TEST_CASE("the ASCII variant of a rule finds the same groups on ASCII text", "[rules]") {
  // Address-like phrases, slot by slot, then a random edit so that near misses occur too.
  const std::vector<std::vector<std::string>> kSlots = {
      {"", "Hij ", "Zij woont al ", "x"},
      {"woont", "Woont", "woonde", "adres:", "Adres is", "verhuisd naar", "ingeschreven op", "BSN"},
      {" ", "  ", "\t", " : ", ""},
      {"", "op ", "aan ", "in ", "De ", "OP "},
      {"", "de ", "het ", "'t ", "De "},
      {"Javastraat", "Kerk", "Oude Gracht", "van der Helst", "Plein-West", "De Ruyterkade", "Oude"},
      {" ", "  ", "", " van "},
      {"12", "12a", "3-5", "4 hs", "101-3", "7B", "2020", "1", "12 - A", "x"},
      {"", ",", ", 1094 HJ", " 1011AB", " hs", " bis", " 1094HJ"},
      {"", " Amsterdam", ".", " en", " 12", "b"}};
  const std::string kEdits = " -,.aZ1'";
  std::mt19937 rng(3);
  int checked = 0, matched = 0;
  for (const auto& spec : anonymizer::RuleSet::builtin().specs()) {
    auto ascii = ascii_variant(spec.pattern);
    if (!ascii) continue;
    RE2 original(spec.pattern), variant(*ascii);
    REQUIRE(variant.ok());
    if (original.NumberOfCapturingGroups() == 0) continue;
    ++checked;
    CAPTURE(spec.id);
    for (int i = 0; i < 5000; ++i) {
      std::string text;
      for (const auto& slot : kSlots) text += slot[rng() % slot.size()];
      if (rng() % 2 && !text.empty()) text[rng() % text.size()] = kEdits[rng() % kEdits.size()];
      re2::StringPiece a[2], b[2];
      bool found = original.Match(text, 0, text.size(), RE2::UNANCHORED, a, 2);
      CAPTURE(text);
      REQUIRE(variant.Match(text, 0, text.size(), RE2::UNANCHORED, b, 2) == found);
      if (!found) continue;
      ++matched;
      for (int g = 0; g < 2; ++g) {
        CHECK(a[g].data() == b[g].data());
        CHECK(a[g].size() == b[g].size());
      }
    }
  }
  CHECK(checked >= 2);  // adres-context and adres-voor-postcode at least
  CHECK(matched > 1000);
}
