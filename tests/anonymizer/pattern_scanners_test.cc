// The hand-written scanners find exactly what RE2 finds for their patterns, on random text made
// of the characters the patterns care about.

#include "anonymizer/pattern_scanners.h"

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <random>
#include <string>

namespace {

const char* const kPatterns[] = {
    R"(\d{7,})",
    R"(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3})",
    R"([1-9]\d{3} ?[A-Z]{2})",
    R"([A-Z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?)",
    R"([A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)",
    R"(\+\d{1,3}[ \t.-]?(?:\(0\)[ \t.-]?)?\d(?:(?:[ \t]?[-./][ \t]?|[ \t])?\d){6,12})"
    R"(|\(0\d{1,3}\)[ \t-]*\d(?:(?:[ \t]?[-./][ \t]?|[ \t])?\d){4,9})"
    R"(|0\d(?:(?:[ \t]?[-./][ \t]?|[ \t])?\d){6,11})",
};

// Random text made of pieces the patterns are built from: digit runs, letters, separators.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const char* const kPieces[] = {"0",
                                        "06",
                                        "+31",
                                        "(0)",
                                        "(020)",
                                        "NL91",
                                        "ABNA",
                                        "INGB",
                                        "ab",
                                        "Z",
                                        "info",
                                        "@",
                                        "@ex",
                                        ".nl",
                                        " ",
                                        " ",
                                        "\t",
                                        ".",
                                        "-",
                                        "/",
                                        "_",
                                        "%",
                                        "+",
                                        "'",
                                        "(",
                                        ")",
                                        ":",
                                        ",",
                                        "\n",
                                        "\xC3\xA9",
                                        "\xE2\x80\x99",
                                        "\xFF"};
  std::string out;
  for (std::size_t i = 0; i < pieces; ++i) {
    if (rng() % 3 == 0) {
      std::size_t digits = 1 + rng() % 12;
      for (std::size_t d = 0; d < digits; ++d) out += static_cast<char>('0' + rng() % 10);
    } else {
      out += kPieces[rng() % std::size(kPieces)];
    }
  }
  return out;
}

}  // namespace

TEST_CASE("pattern scanners find what RE2 finds", "[rules][scanners]") {
  for (const char* pattern : kPatterns) {
    CAPTURE(pattern);
    anonymizer::PatternScanner scan = anonymizer::scanner_for(pattern);
    REQUIRE(scan != nullptr);
    RE2 re(pattern);
    REQUIRE(re.ok());
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
      std::string text = random_text(rng, rng() % 16);
      // Mostly the whole text; sometimes a window of it, as the rules scan a chunk from a match.
      std::size_t pos = rng() % 2 ? 0 : rng() % (text.size() + 1);
      std::size_t end = rng() % 2 ? text.size() : pos + rng() % (text.size() - pos + 1);
      re2::StringPiece m;
      bool found = re.Match(text, pos, end, RE2::UNANCHORED, &m, 1);
      anonymizer::ScanMatch got = scan(text, pos, end);
      CAPTURE(text, pos, end);
      REQUIRE(got.has_value() == found);
      if (found) {
        CHECK(got->first == static_cast<std::size_t>(m.data() - text.data()));
        CHECK(got->second == got->first + m.size());
      }
    }
  }
}

TEST_CASE("only the exact patterns get a scanner", "[rules][scanners]") {
  CHECK(anonymizer::scanner_for(R"(\d{7,})") != nullptr);
  CHECK(anonymizer::scanner_for(R"(\d{8,})") == nullptr);
  CHECK(anonymizer::scanner_for(R"((\d{7,}))") == nullptr);
  CHECK(anonymizer::scanner_for("") == nullptr);
}
