#include "anonymizer/flag_trie.h"

#include <catch2/catch.hpp>
#include <string>

using anonymizer::FlagTrie;

namespace {

FlagTrie trie() {
  FlagTrie t;
  for (const char* term :
       {"ziekte", "multiple sclerose", "burn-out", "me/cvs", "jehova's getuigen"}) {
    REQUIRE(!t.add(term, false));
  }
  for (const char* prefix : {"ziek", "schuld", "schuldhulp"}) REQUIRE(!t.add(prefix, true));
  return t;
}

}  // namespace

TEST_CASE("FlagTrie finds the longest term at a position", "[rules][flags]") {
  auto [text, pos, length] = GENERATE(table<std::string, std::size_t, std::size_t>({
      {"ziekte", 0, 6},                       // exact, and the prefix "ziek" as far as [a-z0-9]
      {"ziektes", 0, 7},                      // the prefix runs on over the letters
      {"ziek2x", 0, 6},                       // and digits
      {"zieké", 0, 4},                        // but not over other bytes
      {"zie", 0, 0},                          // too short for any term
      {"schuldhulpverlening", 0, 19},         // the longer prefix runs on too
      {"een multiple \t\n sclerose", 4, 20},  // a space stands for any run of white space
      {"multiple-sclerose", 0, 0},            // but not for a hyphen
      {"burn-out", 0, 8},
      {"burn out", 0, 0},
      {"me/cvs.", 0, 6},
      {"jehova's  getuigen", 0, 18},
      {"xziekte", 1, 6},  // the caller decides where words start
  }));
  CAPTURE(text, pos);
  FlagTrie t = trie();
  CHECK(t.longest_at(text, pos) == length);
  if (length > 0) CHECK(t.may_start(text, pos));
}

TEST_CASE("FlagTrie refuses terms its walk would get wrong", "[rules][flags]") {
  FlagTrie t;
  for (const char* bad : {"", " ziek", "ziek ", "chronisch  ziek", "chronisch\tziek"}) {
    CAPTURE(bad);
    CHECK(t.add(bad, false).has_value());
  }
  CHECK(!t.add("ok term", false).has_value());
}

TEST_CASE("FlagTrie::may_start rules out words that share only three bytes with a term",
          "[rules][flags]") {
  FlagTrie t;
  for (const char* term : {"verslaafd", "lid van de partij", "ggz", "me/cvs"}) {
    REQUIRE(!t.add(term, false));
  }
  REQUIRE(!t.add("ziek", true));
  auto [text, may] = GENERATE(table<std::string, bool>({
      {"verslaafd", true},
      {"verzoeker", false},  // "ver" alone is not enough: five bytes decide
      {"versl", true},
      {"vers", false},      // too short for the five bytes of "verslaafd"
      {"lid\n van", true},  // a space among the first five bytes: three decide
      {"lidmaat", true},
      {"ggz-zorg", true},
      {"ziekenhuis", true},
      {"zie", true},  // "ziek" has four bytes: three decide, the walk finds nothing
      {"me/cvs", true},
      {"mee", false},
  }));
  CAPTURE(text);
  CHECK(t.may_start(text, 0) == may);
  if (t.longest_at(text, 0) > 0) CHECK(t.may_start(text, 0));
}
