// Flesch-Douma readability: Dutch syllables, sentences, the score, lines of long sentences.

#include "generator/readability.h"

#include <catch2/catch.hpp>

using namespace generator;

TEST_CASE("Dutch syllables by vowel groups", "[readability]") {
  auto [word, syllables] = GENERATE(table<std::string, int>({
      {"kat", 1},
      {"De", 1},
      {"st", 1},               // no vowel: still one syllable
      {"huis", 1},             // ui
      {"jij", 1},              // ij
      {"school", 1},           // oo
      {"leeuw", 1},            // eeuw
      {"nieuws", 1},           // ieuw
      {"mooie", 2},            // ooi + e
      {"kraaien", 2},          // aai + e
      {"groeien", 2},          // oei + e
      {"gemeente", 3},         // ge-meen-te
      {"gemeenteraad", 4},     // ge-meen-te-raad
      {"kinderombudsman", 5},  // kin-der-om-buds-man
      {"ombudsman", 3},
      {"politie", 3},      // po-li-tie
      {"industrieel", 4},  // in-dus-trie-el: ie + e
      {"theater", 3},      // e-a is no diphthong
      {"ideeën", 3},       // i-dee-ën: the trema starts a syllable
      {"zeeën", 2},
      {"ruïne", 3},
      {"België", 3},
      {"beëindigen", 4},  // be-ëin-di-gen: ë starts "ei"
      {"geïnteresseerd", 5},
      {"eieren", 3},
      {"auto's", 2},             // the trailing 's is no syllable
      {"foto\xE2\x80\x99s", 2},  // also with a typographic apostrophe
      {"cadeau", 2},             // ca-deau
      {"café", 2},               // an accent is no new syllable
      {"yoga", 2},               // y before a vowel is a consonant
      {"baby", 2},               // y as a vowel
      {"hockey", 2},             // ey is one vowel
      {"Hakkert-Benali", 5},     // a hyphen separates groups
      {"jeugdzorg", 2},
      {"onderzoek", 3},
      {"uitkering", 3},
      {"BSN", 1},
  }));
  CAPTURE(word);
  CHECK(dutch_syllables(word) == syllables);
}

TEST_CASE("sentences end at . ! ? before a capital, a digit or the end", "[readability]") {
  auto sentences = split_sentences(
      "Je belt om 9.00 uur. Dat kan, bijv. op maandag! Waarom?\n\"Ik weet het.\" 0800 020 5437.",
      3);
  REQUIRE(sentences.size() == 5);
  CHECK(sentences[0].text == "Je belt om 9.00 uur.");
  CHECK(sentences[0].words == 4);  // "9.00" is a number, not a word
  CHECK(sentences[1].text == "Dat kan, bijv. op maandag!");
  CHECK(sentences[1].words == 5);
  CHECK(sentences[2].text == "Waarom?");
  CHECK(sentences[3].text == "\"Ik weet het.\"");
  CHECK(sentences[3].line == 4);
  CHECK(sentences[3].words == 3);
  CHECK(sentences[4].words == 0);  // a phone number only
}

TEST_CASE("e-mail and web addresses are no words", "[readability]") {
  auto sentences =
      split_sentences("Mail naar kinderombudsman@ombudsman.example.nl of kijk op www.example.nl.");
  REQUIRE(sentences.size() == 1);
  CHECK(sentences[0].words == 5);
}

TEST_CASE("a text's Flesch-Douma score", "[readability]") {
  // 2 sentences, 8 words, 8 syllables: 206.835 - 0.93 * 4 - 77 * 1.
  Readability easy = analyse_text("De kat zit op de mat. Hij slaapt.");
  CHECK(easy.sentences == 2);
  CHECK(easy.words == 8);
  CHECK(easy.syllables == 8);
  CHECK(easy.words_per_sentence == Approx(4.0));
  CHECK(easy.score == Approx(126.115));

  // 1 sentence of 4 words with 1 + 4 + 3 + 5 = 13 syllables: 206.835 - 0.93 * 4 - 77 * 3.25.
  Readability hard = analyse_text("De gemeenteraad besliste onherroepelijk.");
  CHECK(hard.syllables == 13);
  CHECK(hard.score == Approx(-47.135));
  CHECK(hard.score < 70);
  REQUIRE(hard.long_words.size() == 1);
  CHECK(hard.long_words[0].word == "onherroepelijk");
  CHECK(hard.long_words[0].syllables == 5);

  CHECK(analyse_text("").score == 0);
  CHECK(flesch_douma(0, 0, 0) == 0);
}

TEST_CASE("Markdown: blocks end sentences, headings and code are left out", "[readability]") {
  const std::string md =
      "## Een kop die niet telt\n"
      "\n"
      "Je krijgt hulp. Het is\n"
      "gratis.\n"
      "\n"
      "- Je wacht lang\n"
      "- Je huis is niet veilig\n"
      "\n"
      "```\n"
      "code telt niet mee\n"
      "```\n";
  Readability r = analyse_markdown(md);
  CHECK(r.sentences == 4);
  CHECK(r.words == 3 + 3 + 3 + 5);
}

TEST_CASE("long sentences and long words carry their Markdown line", "[readability]") {
  const std::string md =
      "Kort.\n"
      "\n"
      "Dit is een heel lange zin met veel te veel woorden erin, zodat een kind\n"
      "hem niet meer in een keer goed kan lezen of begrijpen.\n"
      "\n"
      "De kinderombudsman helpt. De kinderombudsman luistert.\n";
  Readability r = analyse_markdown(md);
  REQUIRE(r.long_sentences.size() == 1);
  CHECK(r.long_sentences[0].line == 3);
  CHECK(r.long_sentences[0].words == 26);
  CHECK(r.long_sentences[0].text.rfind("Dit is een heel lange zin", 0) == 0);
  REQUIRE(r.long_words.size() == 1);  // first use only
  CHECK(r.long_words[0].word == "kinderombudsman");
  CHECK(r.long_words[0].line == 6);
}

TEST_CASE("redaction markers are not read", "[readability]") {
  // U+E000, ground U+E001, "[kind 1]" escaped as the scrub stage writes it, U+E00F.
  Readability r =
      analyse_markdown("Dat vond \xEE\x80\x80\xEE\x80\x81\\[kind 1\\]\xEE\x80\x8F fijn.");
  CHECK(r.sentences == 1);
  CHECK(r.words == 4);  // Dat vond kind fijn; "1]" is no word
  CHECK(r.syllables == 4);
}
