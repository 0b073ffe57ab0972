// A rule scans text whose letters are all Latin (below U+0250) with a narrow variant of its
// pattern: the variant must find the same matches and groups there.

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "anonymizer/rule_internal.h"
#include "anonymizer/rules.h"
#include "anonymizer/utf8.h"

using anonymizer::rule_detail::kNarrowLimit;
using anonymizer::rule_detail::narrow_enough;
using anonymizer::rule_detail::narrow_variant;

TEST_CASE("narrow_variant keeps the Latin letters of a class", "[rules]") {
  auto variant = narrow_variant(R"(\p{Lu}[\p{L}'’]*x\pL\p{Ll})");
  REQUIRE(variant);
  RE2 re("(?:" + *variant + ")");
  REQUIRE(re.ok());
  CHECK(RE2::FullMatch("Öztürk'sxäa", re));
  CHECK(RE2::FullMatch("Łódźxɏſ", re));          // U+024F is below the limit; ſ is lower case
  CHECK_FALSE(RE2::FullMatch("öztürkxaa", re));  // not upper case
  CHECK_FALSE(RE2::FullMatch("Мxaa", re));       // Cyrillic is beyond the limit
  CHECK_FALSE(RE2::FullMatch("A1xaa", re));      // a digit is no letter
}

TEST_CASE("narrow_variant leaves what it does not know", "[rules]") {
  for (const char* pattern :
       {R"(\d{9})", R"(\p{Greek})", R"(\PL)", R"([[:alpha:]\p{L}])", R"(\Q\p{L}\E)", R"([\p{L})"}) {
    CAPTURE(pattern);
    CHECK_FALSE(narrow_variant(pattern));
  }
  CHECK(narrow_variant(R"([]\p{Lu}])"));  // a ']' first in a class is a literal
}

TEST_CASE("narrow_enough admits Latin text, punctuation and invalid bytes", "[rules]") {
  auto [text, narrow] = GENERATE(table<std::string, bool>({
      {"Mevrouw Öztürk, Łukasz en Yılmaz – € 12,00 “zo”", true},
      {"bad \xFF\xC3 bytes", true},
      {"Ελλάδα", false},
      {"Москва", false},
      {"\xE2\x84\xAA (Kelvin sign)", false},
      {"ẞ", false},
  }));
  CAPTURE(text);
  CHECK(narrow_enough(text) == narrow);
}

TEST_CASE("the characters narrow_enough passes beyond the limit are no letters", "[rules]") {
  RE2 letter(R"(\p{L})");
  for (char32_t cp = kNarrowLimit; cp < 0x30000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string one;
    anonymizer::utf8::append(one, cp);
    if (narrow_enough(one)) {
      CAPTURE(static_cast<std::uint32_t>(cp));
      REQUIRE_FALSE(RE2::FullMatch(one, letter));
    }
  }
}

TEST_CASE("the narrow variant of a rule finds the same matches on narrow text", "[rules]") {
  // Address-like phrases, slot by slot, then a random edit so that near misses occur too.
  const std::vector<std::vector<std::string>> kSlots = {
      {"", "Hij ", "Zij woont al ", "x"},
      {"woont", "Woont", "woonde", "adres:", "Adres is", "verhuisd naar", "ingeschreven op", "BSN"},
      {" ", "  ", "\t", " : ", ""},
      {"", "op ", "aan ", "in ", "De ", "OP "},
      {"", "de ", "het ", "'t ", "De "},
      {"Javastraat", "Kerk", "Oude Gracht", "van der Helst", "Plein-West", "Ölstraat", "Łąka"},
      {" ", "  ", "", " van ", "’"},
      {"12", "12a", "3-5", "4 hs", "101-3", "7B", "2020", "1", "12 - A", "x"},
      {"", ",", ", 1094 HJ", " 1011AB", " hs", " bis", " 1094HJ"},
      {"", " Amsterdam", ".", " en", " 12", "b", " – €"}};
  const std::string kEdits = " -,.aZ1'\xC3";
  std::mt19937 rng(3);
  int checked = 0, matched = 0;
  for (const auto& spec : anonymizer::RuleSet::builtin().specs()) {
    auto narrow = narrow_variant(spec.pattern);
    if (!narrow) continue;
    RE2 original(spec.pattern), variant(*narrow);
    REQUIRE(variant.ok());
    ++checked;
    CAPTURE(spec.id);
    int groups = original.NumberOfCapturingGroups() + 1;
    for (int i = 0; i < 6000; ++i) {
      std::string text;
      for (const auto& slot : kSlots) text += slot[rng() % slot.size()];
      if (rng() % 2 && !text.empty()) text[rng() % text.size()] = kEdits[rng() % kEdits.size()];
      if (!narrow_enough(text)) continue;
      re2::StringPiece a[2], b[2];
      bool found = original.Match(text, 0, text.size(), RE2::UNANCHORED, a, groups);
      CAPTURE(text);
      REQUIRE(variant.Match(text, 0, text.size(), RE2::UNANCHORED, b, groups) == found);
      if (!found) continue;
      ++matched;
      for (int g = 0; g < groups; ++g) {
        CHECK(a[g].data() == b[g].data());
        CHECK(a[g].size() == b[g].size());
      }
    }
  }
  CHECK(checked >= 3);  // adres-straatwoord, adres-context, adres-voor-postcode
  CHECK(matched > 1000);
}
