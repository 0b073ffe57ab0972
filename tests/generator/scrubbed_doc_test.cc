// strip_marks: the private-use marks around redactions leave no trace in plain text.

#include "generator/scrubbed_doc.h"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("strip_marks removes U+E000..U+E00F and nothing else", "[scrub]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"", ""},
      {"geen tekens", "geen tekens"},
      {"\xEE\x80\x80[verzoeker]\xEE\x80\x81 belde", "[verzoeker] belde"},
      {"a\xEE\x80\x8F"
       "b",
       "ab"},
      {"\xEE\x80\x90 blijft", "\xEE\x80\x90 blijft"},  // U+E010 is no mark
      {"\xEE\x80", "\xEE\x80"},                        // cut off at the end: kept
      {"caf\xC3\xA9 \xEE\x80\x80\xEE\x80\x80x", "caf\xC3\xA9 x"},
  }));
  CAPTURE(input);
  CHECK(generator::strip_marks(input) == expected);
}
