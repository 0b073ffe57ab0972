// NameTokens without the lexicon (the leak scanner's mode) splits and folds exactly as with it,
// and classes_of() gives the classes the classified tokens carry.

#include "anonymizer/name_tokens.h"

#include <catch2/catch.hpp>
#include <string>

using anonymizer::NameTokens;

TEST_CASE("unclassified tokens match classified ones but for the lexicon", "[names]") {
  auto text = GENERATE(as<std::string>{},
                       "Mevrouw Öztürk belde op 3 mei met dhr. Jansen-de Wit en haar zoon Daan.",
                       "[verzoeker] woont aan de Javastraat 12; M.J. van 't Hek schreef.", "",
                       "ÉÉN TWEE drie\xFF vier");
  CAPTURE(text);
  NameTokens full(text), bare(text, false);
  CHECK(full.classified());
  CHECK_FALSE(bare.classified());
  REQUIRE(full.size() == bare.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    CAPTURE(i);
    CHECK(full.key(i) == bare.key(i));
    CHECK(full[i].start == bare[i].start);
    CHECK(full[i].end == bare[i].end);
    CHECK(full[i].upper_initial == bare[i].upper_initial);
    CHECK(full[i].scrubbed == bare[i].scrubbed);
    CHECK(bare[i].classes == 0);
    CHECK(bare.classes_of(i) == full[i].classes);
    CHECK(full.classes_of(i) == full[i].classes);
    if (i > 0) CHECK(full.gap_before(i) == bare.gap_before(i));
  }
}
