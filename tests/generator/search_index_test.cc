// The search index: keywords from scrubbed text, short summaries, and zoeken/ in a built site.

#include "generator/search_index.h"

#include <catch2/catch.hpp>

#include "cli_support.h"

namespace fs = std::filesystem;
using Words = std::vector<std::string>;

TEST_CASE("search keywords: frequent content words of the scrubbed text", "[search]") {
  auto [text, skip, limit, expected] = GENERATE(table<std::string, Words, std::size_t, Words>({
      {"Kwijtschelding van de heffing. De heffing was hoog; de heffing bleef.",
       {},
       12,
       {"heffing", "kwijtschelding", "hoog", "bleef"}},
      // Redaction tokens and stop words never become keywords.
      {"[verzoeker] belde [telefoonnummer] over parkeren, maar [naam 2] niet.",
       {},
       12,
       {"belde", "parkeren"}},
      // Words of the title and the terms are already searchable.
      {"Parkeren in Almere: de vergunning voor parkeren.",
       {"Parkeren", "Almere"},
       12,
       {"vergunning"}},
      {"In 2025 kwamen 12345 klachten binnen.", {}, 12, {"kwamen", "klachten"}},
      {"alpha bravo charlie delta", {}, 2, {"alpha", "bravo"}},
      // UTF-8 letters belong to words; dashes and quotes separate them.
      {"De coöperatie\xE2\x80\x94\xE2\x80\x98"
       "coöperatie\xE2\x80\x99 één keer.",
       {},
       12,
       {"coöperatie", "keer"}},
      {"", {}, 12, {}},
  }));
  CAPTURE(text);
  CHECK(generator::search_keywords(text, skip, limit) == expected);
}

TEST_CASE("summaries are shortened at a word, UTF-8 safe", "[search]") {
  auto [text, max, expected] = GENERATE(table<std::string, std::size_t, std::string>({
      {"kort", 10, "kort"},
      {"een  twee\ndrie vier", 12, "een twee\xE2\x80\xA6"},
      {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 5, "\xC3\xA9\xC3\xA9\xE2\x80\xA6"},
      {"een, twee drie", 6, "een\xE2\x80\xA6"},
  }));
  CAPTURE(text, max);
  CHECK(generator::shorten(text, max) == expected);
}

TEST_CASE("a build writes zoeken/index.json and the search page", "[search][cli]") {
  fs::path dir = cli_test::minimal_site("search");
  auto r = cli_test::run("build", dir);
  CAPTURE(r.err);
  REQUIRE(r.status == 0);

  auto index = nlohmann::json::parse(cli_test::slurp(dir / "site/zoeken/index.json"));
  CHECK(index["version"] == 1);
  REQUIRE(index["documents"].size() == 2);  // the zaak and the report; not the home page
  const auto& zaak = index["documents"][1];
  CHECK(zaak["title"] == "Parkeervergunning te laat verlengd");
  CHECK(zaak["url"] == "zaken/2025-00001/");
  CHECK(zaak["kind"] == "zaakverslag");
  CHECK(zaak["date"] == "2025-03-14");
  CHECK(zaak["summary"] == "De gemeente verlengde een vergunning pas na drie maanden.");
  CHECK(zaak["terms"] == nlohmann::json({"2025-00001", "Voorbeeldstad", "deels gegrond", "parkeren",
                                         "dienstverlening"}));
  // "parkeervergunning" is in the title already, and "Karel Jansen" is [verzoeker].
  CHECK(zaak["keywords"] ==
        nlohmann::json({"verzoeker", "vroeg", "januari", "nieuwe", "reageerde", "april"}));
  std::string bytes = cli_test::slurp(dir / "site/zoeken/index.json");
  CHECK(bytes.find("Karel") == std::string::npos);
  CHECK(bytes.find("Jansen") == std::string::npos);
  CHECK(index["documents"][0]["url"] == "rapporten/x/");

  std::string html = cli_test::slurp(dir / "site/zoeken/index.html");
  CHECK(html.find("script-src 'self';") != std::string::npos);
  CHECK(html.find("<script src=\"../assets/ombudsman/search.js\" defer></script>") !=
        std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);  // no inline script
  CHECK(html.find("href=\"../thema/parkeren/\"") != std::string::npos);
  CHECK(html.find("href=\"../zaken/\"") != std::string::npos);
  CHECK(fs::exists(dir / "site/assets/ombudsman/search.js"));
  // Every other page keeps the strict policy and links to the search page from the menu.
  std::string other = cli_test::slurp(dir / "site/zaken/2025-00001/index.html");
  CHECK(other.find("script-src 'none';") != std::string::npos);
  CHECK(other.find("href=\"../../zoeken/\"") != std::string::npos);
  fs::remove_all(dir);
}
