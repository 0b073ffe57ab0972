#include "generator/text_util.h"

#include <catch2/catch.hpp>

using namespace generator;

TEST_CASE("slugify folds to ASCII URL segments", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"Ouder-Amstel", "ouder-amstel"},
      {"Wmo 2015", "wmo-2015"},
      {"Één stap, en nóg één", "een-stap-en-nog-een"},
      {"  ", "n-a"},
      {"../../etc/passwd", "etc-passwd"},
      {"Öztürk", "ozturk"},
  }));
  CAPTURE(input);
  CHECK(slugify(input) == expected);
}

TEST_CASE("html_escape escapes for text and attributes", "[text]") {
  CHECK(html_escape("</title><a href='x'>&\"") ==
        "&lt;/title&gt;&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
}

TEST_CASE("dutch_date writes Dutch dates", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"2025-06-10", "10 juni 2025"},
      {"2024-03-01", "1 maart 2024"},
      {"gisteren", "gisteren"},
  }));
  CHECK(dutch_date(input) == expected);
}

TEST_CASE("invalid_utf8_offset finds the first bad byte", "[text]") {
  CHECK(invalid_utf8_offset("goed ö") == std::string_view::npos);
  CHECK(invalid_utf8_offset("ab\xff") == 2);
  CHECK(invalid_utf8_offset("\xc3") == 0);          // truncated sequence
  CHECK(invalid_utf8_offset("\xed\xa0\x80") == 0);  // UTF-16 surrogate
  CHECK(invalid_utf8_offset("\xc0\xaf") == 0);      // overlong
}

TEST_CASE("json_html_safe keeps JSON valid and inert", "[text]") {
  CHECK(json_html_safe(R"({"t":"</title><script>&"})") ==
        R"({"t":"\u003c/title\u003e\u003cscript\u003e\u0026"})");
}
