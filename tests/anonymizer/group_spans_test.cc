// The groups found without RE2's second pass are the groups RE2 finds, on random text made of the
// words and characters the built-in patterns care about.

#include "anonymizer/group_spans.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "anonymizer/rules.h"

namespace {

using anonymizer::GroupSplit;

std::string pattern_of(const std::string& id) {
  for (const auto& spec : anonymizer::RuleSet::builtin().specs()) {
    if (spec.id == id) return spec.pattern;
  }
  return "";
}

// Random text from the pieces the patterns are built of: keywords, small words the heads and
// groups share, capitals, digits, blanks and separators, and characters RE2 folds under (?i).
std::string random_text(std::mt19937& rng, std::size_t pieces,
                        const std::vector<std::string>& fragments) {
  static const char* const kPieces[] = {"bsn",
                                        "BSN",
                                        "burgerservicenummer",
                                        "sofi-nummer",
                                        "nummer",
                                        "nr",
                                        "nr.",
                                        "is",
                                        "IS",
                                        "was",
                                        "van",
                                        "de",
                                        "De",
                                        "het",
                                        "'t",
                                        "bij",
                                        "Bij",
                                        "op",
                                        "Op",
                                        "in",
                                        "naar",
                                        "woont",
                                        "Woont",
                                        "adres",
                                        "woonde",
                                        "kenmerk",
                                        "klantnummer",
                                        "zaak-",
                                        "kenteken",
                                        "KENTEKEN",
                                        "luidt",
                                        ":",
                                        "(",
                                        ")",
                                        " ",
                                        " ",
                                        " ",
                                        "\t",
                                        ",",
                                        "-",
                                        "/",
                                        ".",
                                        "AB",
                                        "X",
                                        "ab",
                                        "Kerkstraat",
                                        "Den",
                                        "hs",
                                        "bis",
                                        "1234 AB",
                                        "\n",
                                        "\xC3\x96",
                                        "\xC3\xA9",
                                        "\xE2\x80\x99",
                                        "\xC5\xBF" /* long s */,
                                        "\xE2\x84\xAA" /* Kelvin sign */};
  std::string out;
  for (std::size_t i = 0; i < pieces; ++i) {
    if (rng() % 2 == 0) {
      out += fragments[rng() % fragments.size()];
    } else if (rng() % 4 == 0) {
      std::size_t digits = 1 + rng() % 10;
      for (std::size_t d = 0; d < digits; ++d) out += static_cast<char>('0' + rng() % 10);
    } else {
      out += kPieces[rng() % std::size(kPieces)];
    }
  }
  return out;
}

// Every match RE2 finds in `text`, with its group, against the group `ours` computes from the
// whole match.
template <typename Ours>
void compare_groups(const RE2& re, const std::string& text, Ours ours, int* matches) {
  re2::StringPiece all(text), groups[2];
  for (std::size_t pos = 0; pos < text.size();) {
    if (!re.Match(all, pos, text.size(), RE2::UNANCHORED, groups, 2)) break;
    auto start = static_cast<std::size_t>(groups[0].data() - text.data());
    auto end = start + groups[0].size();
    auto group = ours(start, end);
    CAPTURE(text, start, end);
    if (groups[1].data() == nullptr) {
      CHECK_FALSE(group.has_value());
    } else {
      REQUIRE(group.has_value());
      CHECK(group->first == static_cast<std::size_t>(groups[1].data() - text.data()));
      CHECK(group->second - group->first == groups[1].size());
    }
    ++*matches;
    pos = start + 1;
  }
}

}  // namespace

TEST_CASE("split_final_group cuts a pattern around its final group", "[rules][groups]") {
  struct Case {
    const char* pattern;
    bool splits;
    const char* head;
    const char* group;
  };
  const Case cases[] = {
      {"a(b)", true, "a", "b"},
      {"(?i:x|y)(z+)", true, "(?i:x|y)", "z+"},
      {R"x([(]\((b(?:c|d)))x", true, R"([(]\()", "b(?:c|d)"},
      {"[]()](b)", true, "[]()]", "b"},
      {"a(b)c", false, "", ""},      // the group does not end the pattern
      {"a|b(c)", false, "", ""},     // a top-level alternative
      {"a(?:b)", false, "", ""},     // no capturing group
      {"a(b)(c)", false, "", ""},    // the first group does not end it
      {R"(a\(b\))", false, "", ""},  // escaped parentheses
  };
  for (const Case& c : cases) {
    CAPTURE(c.pattern);
    auto split = anonymizer::split_final_group(c.pattern);
    REQUIRE(split.has_value() == c.splits);
    if (split) {
      CHECK(split->head == c.head);
      CHECK(split->group == c.group);
    }
  }
}

TEST_CASE("the built-in group rules get their group finders", "[rules][groups]") {
  for (const char* id : {"bsn-in-context", "adres-voor-postcode", "kenteken"}) {
    CAPTURE(id);
    CHECK(anonymizer::group_span_for(pattern_of(id)) != nullptr);
  }
  CHECK(anonymizer::group_split_for(pattern_of("adres-context")) == GroupSplit::kAfterBlank);
  CHECK(anonymizer::group_split_for(pattern_of("kenmerk")) == GroupSplit::kBeforeFirstDigit);
  // Any other pattern, even one character off, gets none.
  CHECK(anonymizer::group_span_for(pattern_of("kenteken") + " ") == nullptr);
  CHECK(anonymizer::group_split_for(pattern_of("kenmerk") + " ") == GroupSplit::kNone);
  CHECK(anonymizer::group_span_for("(a)b") == nullptr);
}

namespace {

// Pieces of the texts each rule is written for, so that random text often matches.
std::vector<std::string> fragments_for(const std::string& id) {
  if (id == "bsn-in-context")
    return {"bsn ", "BSN: ", "sofinummer is ", "123456789", "123.456.789"};
  if (id == "kenteken") return {"kenteken ", "KENTEKEN: ", "AB12CD", "12-AB-3C", "XYZ123"};
  if (id == "kenmerk")
    return {"kenmerk ", "klantnummer: ", "kenmerk bij de ", "is ", "nr. ", "AB-12"};
  return {"Kerkstraat 12",
          "woont op ",
          "Woont aan De ",
          "adres is ",
          ", 1234 AB",
          " 1234AB",
          "12a",
          "12-3",
          " hs",
          "Van",
          "De Kerkstraat 5",
          "Op 5",
          "Kerkstraat 12, 1234 AB ",
          "Dorpsweg 3-hs 1234AB.",
          "Kerkstraat 12 bis, 1234 AB "};
}

}  // namespace

TEST_CASE("group spans are the groups RE2 finds", "[rules][groups]") {
  for (const char* id : {"bsn-in-context", "adres-voor-postcode", "kenteken"}) {
    CAPTURE(id);
    std::string pattern = pattern_of(id);
    RE2 re(pattern);
    REQUIRE(re.ok());
    anonymizer::GroupSpan span = anonymizer::group_span_for(pattern);
    REQUIRE(span != nullptr);
    std::mt19937 rng(11);
    int matches = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string text = random_text(rng, 24, fragments_for(id));
      compare_groups(
          re, text, [&](std::size_t s, std::size_t e) { return span(text, s, e); }, &matches);
    }
    CHECK(matches > 1000);  // the text does exercise the pattern
  }
}

TEST_CASE("group splits are the groups RE2 finds", "[rules][groups]") {
  for (const char* id : {"adres-context", "kenmerk"}) {
    CAPTURE(id);
    std::string pattern = pattern_of(id);
    RE2 re(pattern);
    auto split = anonymizer::split_final_group(pattern);
    REQUIRE(split.has_value());
    RE2 head(split->head), group(split->group);
    REQUIRE((re.ok() && head.ok() && group.ok()));
    GroupSplit kind = anonymizer::group_split_for(pattern);
    std::mt19937 rng(13);
    int matches = 0;
    for (int i = 0; i < 3000; ++i) {
      std::string text = random_text(rng, 24, fragments_for(id));
      compare_groups(
          re, text,
          [&](std::size_t s, std::size_t e) {
            std::size_t g = anonymizer::split_group_start(kind, head, group, text, s, e);
            return g ? std::optional(std::make_pair(g, e)) : std::nullopt;
          },
          &matches);
    }
    CHECK(matches > 1000);
  }
}

TEST_CASE("group finders on examples and near misses", "[rules][groups]") {
  struct Case {
    const char* id;
    const char* text;
    const char* group;  // nullptr: the group takes no part
  };
  const Case cases[] = {
      {"bsn-in-context", "BSN: 123456789.", "123456789"},
      {"bsn-in-context", "bsn 123 456 789", "123 456 789"},
      {"bsn-in-context", "sofinummer is 1234.56.789", "1234.56.789"},
      {"adres-voor-postcode", "Kerkstraat 12, 1234 AB Amsterdam", "Kerkstraat 12"},
      {"adres-voor-postcode", "Dorpsweg 3-hs\t1234AB", "Dorpsweg 3-hs"},
      {"adres-voor-postcode", "Lange Kerkstraat 12 bis,  1234 AB", "Lange Kerkstraat 12 bis"},
      {"kenteken", "kenteken: AB12CD", "AB12CD"},
      {"kenteken", "auto 12-ABC-3", nullptr},
      {"adres-context", "Zij woont op De Kerkstraat 5.", "Kerkstraat 5"},
      {"adres-context", "Zij woont op De 5 hoog", "De 5"},  // "De" is the street after all
      {"adres-context", "Adres IS Kerkstraat 5", "Kerkstraat 5"},
      {"kenmerk", "kenmerk is AB12", "AB12"},
      {"kenmerk", "klantnummer: 1234567", "1234567"},
      {"kenmerk", "kenmerk bij de AB 12", "12"},
      {"kenmerk", "referentie nr 5", "5"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id, c.text);
    std::string pattern = pattern_of(c.id);
    RE2 re(pattern);
    std::string text = c.text;
    re2::StringPiece all(text), groups[2];
    REQUIRE(re.Match(all, 0, text.size(), RE2::UNANCHORED, groups, 2));
    auto start = static_cast<std::size_t>(groups[0].data() - text.data());
    auto end = start + groups[0].size();
    std::optional<std::pair<std::size_t, std::size_t>> group;
    if (auto span = anonymizer::group_span_for(pattern)) {
      group = span(text, start, end);
    } else {
      auto split = anonymizer::split_final_group(pattern);
      REQUIRE(split.has_value());
      RE2 head(split->head), body(split->group);
      std::size_t g = anonymizer::split_group_start(anonymizer::group_split_for(pattern), head,
                                                    body, text, start, end);
      REQUIRE(g != 0);
      group = std::make_pair(g, end);
    }
    if (c.group == nullptr) {
      CHECK_FALSE(group.has_value());
      CHECK(groups[1].data() == nullptr);
    } else {
      REQUIRE(group.has_value());
      CHECK(text.substr(group->first, group->second - group->first) == c.group);
      CHECK(groups[1] == re2::StringPiece(c.group));  // and RE2 agrees
    }
  }
}
