// Placeholders that scrub() writes are left alone on a second pass, but square brackets alone
// never hide personal data: a Markdown link text or a bracketed aside is scrubbed like any text.

#include "anonymizer/placeholder.h"

#include <catch2/catch.hpp>
#include <string>

#include "anonymizer/scrub.h"

using anonymizer::Persons;

TEST_CASE("placeholder_end recognises only what scrub() could have written", "[placeholder]") {
  auto [text, end] = GENERATE(table<std::string, std::size_t>({
      {"[verzoeker]", 11},
      {"[kind 2] kwam", 8},
      {"[BSN]", 5},
      {"[e-mailadres]", 13},
      {"[ouder van kind 1]", 18},
      {"[]", 0},
      {"[Maria de Vries]", 0},
      {"[ Mari Maria de Vries belde op]", 0},
      {"[Élodie]", 0},
      {"[piet@example.org]", 0},
      {"[verzoeker", 0},
      {"[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]", 0},
  }));
  CAPTURE(text);
  CHECK(anonymizer::placeholder_end(text, 0) == end);
}

TEST_CASE("names and identifiers inside square brackets are scrubbed", "[placeholder][scrub]") {
  const Persons persons = {{"Maria de Vries", "verzoeker"}};
  auto [in, out] = GENERATE(table<std::string, std::string>({
      // Found by fuzz_scrub: the whole bracketed aside was taken for a placeholder.
      {"rouw[ Mari Maria de Vries belde op]", "rouw[ Mari [verzoeker] belde op]"},
      {"Zie [Maria de Vries](https://example.org/a).", "Zie [[verzoeker]](https://example.org/a)."},
      {"[Maria] belde", "[[verzoeker]] belde"},
      {"mail [piet.hagenaar@example.org]", "mail [[e-mailadres]]"},
      {"[verzoeker] belde over [kind 1] en [BSN]", "[verzoeker] belde over [kind 1] en [BSN]"},
  }));
  CAPTURE(in);
  CHECK(anonymizer::scrub(in, persons, {}, {}).text == out);
}
