#include "anonymizer/names.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "anonymizer/candidate.h"

using anonymizer::Allowlist;
using anonymizer::Candidate;
using anonymizer::Persons;
using anonymizer::Profile;

namespace {

// What scrub() does with the name detectors alone: resolve overlaps, then replace.
std::string apply(std::string_view text, const Persons& persons, const Allowlist& allow,
                  Profile profile) {
  std::vector<Candidate> all = anonymizer::detect_declared(text, persons);
  for (auto& c : anonymizer::detect_undeclared(text, allow, profile)) all.push_back(c);
  std::string out;
  std::size_t pos = 0;
  for (const auto& c : anonymizer::resolve_overlaps(all)) {
    out.append(text.substr(pos, c.start - pos));
    out.append(c.replacement);
    pos = c.end;
  }
  out.append(text.substr(pos));
  return out;
}

const Persons& family() {
  static const Persons persons = {
      {"Maria de Vries", "verzoeker"},   {"Tommy de Vries", "kind"},
      {"Roos de Vries", "kind"},         {"Ahmed El Idrissi", "buurman"},
      {"Ayşe Öztürk", "medewerker"},     {"Henk van 't Hek", "huisbaas"},
      {"Piet Jansen-de Wit", "getuige"},
  };
  return persons;
}

const Allowlist& officials() {
  static const Allowlist allow = {
      {"Reinier van Zutphen", "mevrouw Halsema"}, {}, {"Jacob Bontiusplaats", "Kees Boeke"}};
  return allow;
}

}  // namespace

TEST_CASE("declared persons are replaced by their numbered role", "[names][declared]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"Mevrouw Maria de Vries belde.", "Mevrouw [verzoeker] belde."},
      {"Mw. de Vries schreef een brief.", "Mw. [verzoeker] schreef een brief."},
      {"mevrouw De Vries en M. de Vries", "mevrouw [verzoeker] en [verzoeker]"},
      {"MARIA DE VRIES", "[verzoeker]"},
      {"Maria's dossier", "[verzoeker]'s dossier"},
      {"Maria’s dossier", "[verzoeker]’s dossier"},
      {"Tommy speelde met Roos.", "[kind 1] speelde met [kind 2]."},
      {"Roos belde. Een roos bloeit.", "[kind 2] belde. Een roos bloeit."},
      {"Ahmeds auto stond bij El Idrissi.", "[buurman] auto stond bij [buurman]."},
      {"de heer el-Idrissi en Idrissi", "de heer [buurman] en [buurman]"},
      {"mevrouw Ozturk, ÖZTÜRK, Öztürk", "mevrouw [medewerker], [medewerker], [medewerker]"},
      {"Ayse werkt daar.", "[medewerker] werkt daar."},
      {"de heer Van 't Hek en van ’t Hek", "de heer [huisbaas] en [huisbaas]"},
      {"Jansen-de Wit, Jansen en De Wit", "[getuige], [getuige] en [getuige]"},
      {"Piet Jansen-de Wit zag het.", "[getuige] zag het."},
      {"In de Jansenstraat en de Vriesstraat.", "In de Jansenstraat en de Vriesstraat."},
      {"[verzoeker] en [kind 1] zijn klaar.", "[verzoeker] en [kind 1] zijn klaar."},
      {"In mei was er een Mei-viering.", "In mei was er een Mei-viering."},
  }));
  CAPTURE(text);
  CHECK(apply(text, family(), {}, Profile::kPublic) == expected);
}

TEST_CASE("each document's persons replace the last document's", "[names][declared]") {
  // scrub() keeps one matcher per thread and refills it: nothing of a document's persons may
  // carry over to the next, and the next's must all be found.
  const Persons first = {{"Maria de Vries", "verzoeker"}, {"Tommy de Vries", "kind"}};
  const Persons second = {{"Ahmed El Idrissi", "buurman"}};
  const std::string text = "Maria de Vries, Tommy en Ahmed El Idrissi.";
  auto declared = [&](const Persons& persons) {
    std::vector<std::string> out;
    for (const auto& c : detect_declared(text, persons))
      out.push_back(text.substr(c.start, c.end - c.start) + "=" + c.replacement);
    return out;
  };
  for (int round = 0; round < 2; ++round) {
    CHECK(declared(first) ==
          std::vector<std::string>{"Maria de Vries=[verzoeker]", "Tommy=[kind]"});
    CHECK(declared(second) == std::vector<std::string>{"Ahmed El Idrissi=[buurman]"});
  }
}

TEST_CASE("declared mentions carry the category, rule, ground and placeholder",
          "[names][declared]") {
  auto found = anonymizer::detect_declared("Gesprek met Tommy de Vries.", family());
  REQUIRE(found.size() == 1);
  CHECK(found[0].start == 12);
  CHECK(found[0].end == 26);
  CHECK(found[0].category == "naam");
  CHECK(found[0].rule == "declared-person");
  CHECK(found[0].ground == "5.1.2e");
  CHECK(found[0].replacement == "[kind 1]");
  CHECK(found[0].priority == anonymizer::kPriorityDeclared);
  CHECK(anonymizer::detect_declared("maria.devries@example.nl", family()).empty());
  CHECK(anonymizer::detect_declared("Tommy", {}).empty());
}

TEST_CASE("undeclared names are found by their context", "[names][undeclared]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"Zij sprak met mevrouw Bakker.", "Zij sprak met mevrouw [naam]."},
      {"Toen belde de heer El Idrissi.", "Toen belde de heer [naam]."},
      {"Volgens dhr. P. Visser klopte het.", "Volgens dhr. [naam] klopte het."},
      {"Namens mw. A. Yilmaz-de Boer.", "Namens mw. [naam]."},
      {"Ook haar zoon Daan was erbij.", "Ook haar zoon [naam] was erbij."},
      {"Buurvrouw Ans klaagde.", "Buurvrouw [naam] klaagde."},
      {"Zijn moeder Fatma Yilmaz tekende.", "Zijn moeder [naam] tekende."},
      {"Hij sprak medewerker Kees.", "Hij sprak medewerker [naam]."},
      {"Ik belde mijn collega Joost.", "Ik belde mijn collega [naam]."},
      {"Toen belde Kees de Vries.", "Toen belde [naam]."},
      {"Fatima El Amrani diende een klacht in.", "[naam] diende een klacht in."},
      {"Een brief van A.B. van der Sluis.", "Een brief van [naam]."},
      {"Een brief van J. Th. Bakker.", "Een brief van [naam]."},
      {"Dit schreef Dr.A van der Sluis.", "Dit schreef [naam]."},
      {"Het advies van dr. Visser.", "Het advies van dr. [naam]."},
      {"Met Jan-Willem overlegde zij.", "Met [naam] overlegde zij."},
      {"Het dossier van Visser-de Jong.", "Het dossier van [naam]."},
      {"Een gesprek met Karim Ben Ali.", "Een gesprek met [naam]."},
      {"Haar buurvrouw Van Houten hielp.", "Haar buurvrouw [naam] hielp."},
      {"Zijn collega van der Steen belde.", "Zijn collega [naam] belde."},
  }));
  CAPTURE(text);
  CHECK(apply(text, {}, {}, Profile::kPublic) == expected);
}

TEST_CASE("streets, institutions, months, words and officials are kept", "[names][keep]") {
  auto text = GENERATE(
      as<std::string>{}, "Zij woont aan de Anne Frankstraat.",
      "Het kantoor staat aan het Jacob Bontiusplaats.",
      "Zij fietste over het Jeltje de Bosch Kemperpad.",
      "We liepen langs de Molen van Sloten naar het Van Goghmuseum.",
      "Het Van Gogh Museum en het Anne Frank Huis.",
      "De gemeente Amsterdam en de Belastingdienst wezen naar Dienst Toeslagen.",
      "De Nationale ombudsman vroeg de GGD om uitleg.",
      "Mei 2024 begon het onderzoek. In mei kwam het besluit.",
      "Hij kocht een roos en speelde de bas.", "Een medewerker van de gemeente belde terug.",
      "De consulent Werk en Inkomen gaf geen antwoord.",
      "De ombudsman, de heer Van Zutphen, schreef aan Reinier van Zutphen.",
      "Mevrouw Halsema en mevrouw Halsema reageerden.", "Op de Kees Boeke school.",
      "Zij las artikel 9:1 Awb en de Wmo 2015.", "[naam] en mevrouw [naam] belden met [verzoeker].",
      "Bijlage A. Daarna volgt het advies.", "De teamleider Wmo belde terug.",
      "Een bewoonster van Monnickendam en een medewerker van Werk en Inkomen.",
      "Zij verhuisde naar 1891 HR Almere en daarna naar 1011 MW Amsterdam.");
  CAPTURE(text);
  CHECK(apply(text, {}, officials(), Profile::kPublic) == text);
}

TEST_CASE("an allowlisted official does not shield a private namesake", "[names][keep]") {
  CHECK(apply("Kees van Zutphen belde met mevrouw Bakker.", {}, officials(), Profile::kPublic) ==
        "[naam] belde met mevrouw [naam].");
}

TEST_CASE("undeclared names carry their rule", "[names][undeclared]") {
  auto [text, span, rule] = GENERATE(table<std::string, std::string, std::string>({
      {"met mevrouw Bakker", "Bakker", "honorific-name"},
      {"haar zoon Daan", "Daan", "relation-name"},
      {"met Kees de Vries", "Kees de Vries", "firstname-surname"},
      {"met A. de Vries", "A. de Vries", "initials-surname"},
      {"met van der Sluis", "van der Sluis", "prefix-surname"},
      {"met El Ahmadi", "El Ahmadi", "particle-surname"},
      {"met Visser-de Jong", "Visser-de Jong", "double-surname"},
      {"met Jan-Willem", "Jan-Willem", "compound-firstname"},
  }));
  CAPTURE(text);
  auto found =
      anonymizer::resolve_overlaps(anonymizer::detect_undeclared(text, {}, Profile::kPublic));
  REQUIRE(found.size() == 1);
  CHECK(text.substr(found[0].start, found[0].end - found[0].start) == span);
  CHECK(found[0].rule == rule);
  CHECK(found[0].category == "naam");
  CHECK(found[0].replacement == "[naam]");
  CHECK(found[0].priority == anonymizer::kPriorityDetected);
}

TEST_CASE("the kinderen profile also drops first names and children's ages", "[names][kinderen]") {
  auto [text, pub, kids] = GENERATE(table<std::string, std::string, std::string>({
      {"Daan speelde buiten.", "Daan speelde buiten.", "[naam] speelde buiten."},
      {"Ik zag Roos gisteren.", "Ik zag Roos gisteren.", "Ik zag [naam] gisteren."},
      {"Tommy (9) ging naar school.", "[kind 1] (9) ging naar school.",
       "[kind 1] ging naar school."},
      {"Sanne, 9 jaar, woont bij oma.", "Sanne, 9 jaar, woont bij oma.",
       "[naam], [leeftijd], woont bij oma."},
      {"Het gaat om een jongen van 9 jaar.", "Het gaat om een jongen van 9 jaar.",
       "Het gaat om een jongen van [leeftijd]."},
      {"Het meisje is 12 jaar oud.", "Het meisje is 12 jaar oud.", "Het meisje is [leeftijd]."},
      {"De 9-jarige zoon.", "De 9-jarige zoon.", "De [leeftijd] zoon."},
      {"De procedure duurde 2 jaar.", "De procedure duurde 2 jaar.", "De procedure duurde 2 jaar."},
      {"Zij is 45 jaar oud.", "Zij is 45 jaar oud.", "Zij is 45 jaar oud."},
      {"Een roos en de bas. Mei 2024.", "Een roos en de bas. Mei 2024.",
       "Een roos en de bas. Mei 2024."},
      {"Zij woont aan de Anne Frankstraat.", "Zij woont aan de Anne Frankstraat.",
       "Zij woont aan de Anne Frankstraat."},
  }));
  CAPTURE(text);
  Persons tommy = {{"Tommy de Vries", "kind"}, {"Lisa de Vries", "kind"}};
  CHECK(apply(text, tommy, {}, Profile::kPublic) == pub);
  CHECK(apply(text, tommy, {}, Profile::kKinderen) == kids);
}

TEST_CASE("scrubbing twice changes nothing", "[names]") {
  auto text = GENERATE(as<std::string>{},
                       "Mevrouw Maria de Vries sprak met haar zoon Daan en dhr. P. Visser.",
                       "Tommy (9) en Sanne, 9 jaar, speelden met Roos bij Kees de Vries.",
                       "Buurvrouw Ans en de heer El Idrissi, Ahmeds buurman.");
  for (auto profile : {Profile::kPublic, Profile::kKinderen}) {
    std::string once = apply(text, family(), {}, profile);
    CAPTURE(text, once);
    CHECK(apply(once, family(), {}, profile) == once);
  }
}

TEST_CASE("arbitrary bytes neither crash nor produce spans out of range", "[names]") {
  std::string junk = "\xff\xfe Mevrouw \xc3 Bakker [naam \xe2\x80 haar zoon Daan (9";
  for (auto profile : {Profile::kPublic, Profile::kKinderen}) {
    for (const auto& c : anonymizer::detect_undeclared(junk, {}, profile)) {
      CHECK(c.start <= c.end);
      CHECK(c.end <= junk.size());
    }
  }
  for (const auto& c : anonymizer::detect_declared(junk, family())) CHECK(c.end <= junk.size());
}
