// Leaks found on the example site and allowlisted terms: the whole name after a relation word or
// honorific, street names without a street suffix, and Allowlist::terms kept in every category
// (by scrub() and by the leak scanner).

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "anonymizer/leak_scan.h"
#include "anonymizer/rules.h"
#include "anonymizer/scrub.h"

using anonymizer::Allowlist;
using anonymizer::Persons;

namespace {

std::string scrubbed(const std::string& text, const Allowlist& allow = {},
                     const Persons& persons = {}) {
  return anonymizer::scrub(text, persons, allow, {}).text;
}

}  // namespace

TEST_CASE("after a relation word or honorific the whole name goes", "[names][followup]") {
  auto [in, out] = GENERATE(table<std::string, std::string>({
      {"Zij zorgde voor haar moeder Lúcia Ribeiro.", "Zij zorgde voor haar moeder [naam]."},
      {"Zijn buurman Piet Hagenaar belde.", "Zijn buurman [naam] belde."},
      {"Haar broer Tiago Ribeiro kwam mee.", "Haar broer [naam] kwam mee."},
      {"haar vader Joaquim van der Steen-Ribeiro betaalde", "haar vader [naam] betaalde"},
      {"Haar tante Graça Monteiro de Sousa schreef.", "Haar tante [naam] schreef."},
      {"De heer Abebe Tesfamariam legde het uit.", "De heer [naam] legde het uit."},
      {"mevrouw Wendelien Oudshoorn las het niet.", "mevrouw [naam] las het niet."},
      {"de schoonzus, Ingeborg ter Haar, bevestigde", "de schoonzus, [naam], bevestigde"},
  }));
  CAPTURE(in);
  CHECK(scrubbed(in) == out);
}

TEST_CASE("a name after a honorific does not swallow an organisation or a place",
          "[names][followup]") {
  auto [in, out] = GENERATE(table<std::string, std::string>({
      {"De heer Bakker van Rijkswaterstaat belde.", "De heer [naam] van Rijkswaterstaat belde."},
      {"de heer Jansen te Utrecht schreef", "de heer [naam] te Utrecht schreef"},
      {"Mevrouw Bakker van de gemeente Zaanstad", "Mevrouw [naam] van de gemeente Zaanstad"},
  }));
  CAPTURE(in);
  CHECK(scrubbed(in) == out);
}

TEST_CASE("street names without a street suffix are addresses with a house number",
          "[rules][followup]") {
  auto [in, out] = GENERATE(table<std::string, std::string>({
      {"Zij woont op Noordeinde 37 in Den Haag.", "Zij woont op [adres] in Den Haag."},
      {"Hij woont aan de Zuideinde 88.", "Hij woont aan de [adres]."},
      {"een kamer op het Rokin 12 gehuurd", "een kamer op het [adres] gehuurd"},
      {"later op Damrak 5 en", "later op [adres] en"},
      {"Zij woont aan het Spui 3, boven een winkel.",
       "Zij woont aan het [adres], boven een winkel."},
      {"Hij verhuisde naar Singel 10, 1012 VT Amsterdam.",
       "Hij verhuisde naar [adres], [postcode] Amsterdam."},
      {"het oude adres aan de Kalverstraat 1", "het oude adres aan de [adres]"},
      {"Haar adres: Bolwerk 12.", "Haar adres: [adres]."},
      {"Zij woont aan de Vinkenhof 4a sinds mei.", "Zij woont aan de [adres] sinds mei."},
      {"Stuur het naar Achtergrachtje 7, 1017 WL Amsterdam.",
       "Stuur het naar [adres], [postcode] Amsterdam."},
      {"het correspondentieadres Weteringschans 120 klopte niet",
       "het correspondentieadres [adres] klopte niet"},
  }));
  CAPTURE(in);
  CHECK(scrubbed(in) == out);
}

TEST_CASE("numbers that are no address stay", "[rules][followup]") {
  for (const std::string text : {
           "Volgens artikel 12 van de verordening en Artikel 12 lid 3.",
           "Zie hoofdstuk 3 van de Wmo 2015 en Hoofdstuk 3 van de Jeugdwet.",
           "Op pagina 12 van het Jaarverslag 2024 staat het.",
           "Het bedrag van € 1.250 is betaald; 87 euro aan kosten ook.",
           "Het postadres is Postbus 1840, 1000 BV Amsterdam.",
           "Hij woont sinds 2015 in Amsterdam en woont daar al 12 jaar.",
           "De Dam is groot; het Spui ook. Het Rokin is druk.",
           // Pagination of a list page, an ordinary word with a street suffix at sentence start.
           "Bladzijde 12 van 134. Achterzijde 2 van het formulier.",
       }) {
    CAPTURE(text);
    CHECK(scrubbed(text) == text);
  }
}

TEST_CASE("allowlisted terms are kept in every category", "[allowlist][followup]") {
  Allowlist allow;
  allow.terms = {"Plantage Middenlaan 52, 1018 DH Amsterdam", "020 625 9999", "Spui 3",
                 "Maria Jansen", "NL91 ABNA 0417 1643 00"};
  const std::string kept =
      "Bezoekadres: Plantage Middenlaan 52, 1018 DH Amsterdam. Bel 020 625 9999 of kom naar het "
      "Spui 3, waar de Maria Jansen-zaal is. Giften op NL91 ABNA 0417 1643 00.";
  CHECK(scrubbed(kept, allow) == kept);
  // Without the allowlist every one of them is redacted.
  CHECK(scrubbed(kept) ==
        "Bezoekadres: [adres], [postcode] Amsterdam. Bel [telefoonnummer] of kom naar het "
        "[adres], waar de [naam]-zaal is. Giften op [rekeningnummer].");
  // A term covers only itself: the private address next to it and a longer match still go.
  CHECK(scrubbed("Zij woont op Plantage Middenlaan 54, 1018 DH Amsterdam.", allow) ==
        "Zij woont op [adres], [postcode] Amsterdam.");
  Allowlist street;
  street.terms = {"Jacob Bontiusplaats"};
  CHECK(scrubbed("Hij woont op Jacob Bontiusplaats 9 naast de Jacob Bontiusplaats.", street) ==
        "Hij woont op [adres] naast de Jacob Bontiusplaats.");
  // Case and diacritics do not matter, line breaks may stand for spaces, punctuation must match.
  CHECK(scrubbed("op plantage middenlaan 52,\n1018 DH AMSTERDAM", allow) ==
        "op plantage middenlaan 52,\n1018 DH AMSTERDAM");
  CHECK(scrubbed("op Plantage Middenlaan 52 1018 DH Amsterdam", allow) ==
        "op [adres] [postcode] Amsterdam");
}

TEST_CASE("a declared person inside an allowlisted term is kept there only",
          "[allowlist][followup]") {
  Allowlist allow;
  allow.terms = {"Maria Jansenplein"};
  Persons persons = {{"Maria Jansen", "verzoeker"}};
  CHECK(scrubbed("Maria Jansen woont niet aan het Maria Jansenplein.", allow, persons) ==
        "[verzoeker] woont niet aan het Maria Jansenplein.");
  Allowlist whole;
  whole.terms = {"Stichting Maria Jansen"};
  CHECK(scrubbed("Maria Jansen kreeg hulp van de Stichting Maria Jansen.", whole, persons) ==
        "[verzoeker] kreeg hulp van de Stichting Maria Jansen.");
}

TEST_CASE("the leak scanner does not report allowlisted terms", "[leak][allowlist][followup]") {
  Persons persons = {{"Maria Jansen", "verzoeker"}};
  Allowlist allow;
  allow.terms = {"Plantage Middenlaan 52, 1018 DH Amsterdam", "020 625 9999",
                 "Stichting Maria Jansen"};
  anonymizer::LeakScanner with(persons, allow, anonymizer::RuleSet::builtin());
  anonymizer::LeakScanner without(persons, {}, anonymizer::RuleSet::builtin());
  const std::string page =
      "<p>Plantage Middenlaan 52, 1018 DH Amsterdam &middot; 020 625 9999 &middot; "
      "Stichting Maria Jansen</p>";
  CHECK(with.scan(page).empty());
  auto leaks = without.scan(page);
  std::set<std::string> categories;
  for (const auto& l : leaks) categories.insert(l.category);
  CHECK(categories == std::set<std::string>{"adres", "telefoon", "naam"});
  // Outside a term the same data is still a leak.
  auto other = with.scan("<p>Maria Jansen, Plantage Middenlaan 54</p>");
  REQUIRE(other.size() == 2);
  CHECK(other[0].category == "naam");
  CHECK(other[1].category == "adres");
}
