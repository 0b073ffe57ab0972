#include "anonymizer/lexicon.h"

#include <catch2/catch.hpp>
#include <string>

using anonymizer::Lexicon;

TEST_CASE("Lexicon tells ordinary Dutch words from names and non-words", "[lexicon]") {
  auto [word, dutch] = GENERATE(table<std::string, bool>({
      {"gemeente", true},
      {"aanvraag", true},
      {"roos", true},  // a word and a first name: both lists have it
      {"de", true},
      {"bezwaarschrift", true},
      {"xqzvj", false},
      {"", false},
      {"gemeent", false},  // a prefix of a word is no word
      {"gemeentee", false},
      {"ozturk", false},
  }));
  CAPTURE(word);
  CHECK(Lexicon::get().is_dutch_word(word) == dutch);
}

TEST_CASE("Lexicon classes a folded word", "[lexicon]") {
  const Lexicon& lex = Lexicon::get();
  CHECK((lex.classes("mevrouw") & anonymizer::kHonorific) != 0);
  CHECK((lex.classes("van") & anonymizer::kTussenvoegsel) != 0);
  CHECK((lex.classes("mei") & anonymizer::kMonth) != 0);
  CHECK(lex.classes("xqzvj") == 0);
}
