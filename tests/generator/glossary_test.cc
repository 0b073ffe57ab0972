// Glossary marking on child pages: first use only, never inside tags, links or headings.

#include "generator/glossary.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace generator;

namespace {

std::vector<GlossaryTerm> terms() {
  return glossary_terms(nlohmann::json::parse(R"([
    {"term": "klacht", "uitleg": "Je zegt dat je ergens niet blij mee bent."},
    {"term": "gegrond", "uitleg": "De klacht klopt."},
    {"term": "deels gegrond", "uitleg": "Een deel klopt."},
    {"term": "gemeente", "uitleg": "Regelt veel in je stad."},
    {"term": "oordeel", "uitleg": "Wat de ombudsman vindt."},
    {"term": "wet", "uitleg": "Een regel voor iedereen."},
    {"term": "Woo", "uitleg": "Een wet <over> openheid & privacy."},
    {"term": "", "uitleg": "no term: skipped"},
    {"term": "leeg"},
    {"term": "Klacht", "uitleg": "same id as klacht: skipped"}
  ])"));
}

const std::string kUrl = "../../woordenlijst/";

std::string term_link(const std::string& id, const std::string& text) {
  return "<a class=\"kind-term\" href=\"../../woordenlijst/#" + id +
         "\" aria-describedby=\"kind-uitleg-" + id + "\">" + text + "</a>";
}

// The marked body without the explanation list.
std::string body(const GlossaryMarking& m) {
  return m.html.substr(0, m.html.find("\n<section class=\"kind-words\""));
}

}  // namespace

TEST_CASE("glossary entries without a term or explanation, or with a repeated id, are skipped",
          "[glossary]") {
  auto t = terms();
  REQUIRE(t.size() == 7);
  CHECK(t[2].term == "deels gegrond");
  CHECK(t[2].id == "deels-gegrond");
  CHECK(glossary_terms(nlohmann::json::object()).empty());
}

TEST_CASE("word forms of a term", "[glossary]") {
  auto [term, form] = GENERATE(table<std::string, std::string>({
      {"klacht", "klachten"},
      {"gemeente", "gemeenten"},
      {"gemeente", "gemeentes"},
      {"oordeel", "oordelen"},
      {"bezwaar", "bezwaren"},
      {"wet", "wetten"},
      {"rapport", "rapporten"},
      {"wethouder", "wethouders"},
      {"auto", "auto's"},
      {"gegrond", "gegronde"},
      {"Woo", "woo"},
  }));
  CAPTURE(term, form);
  auto forms = term_forms(term);
  CHECK(std::find(forms.begin(), forms.end(), form) != forms.end());
  CHECK(forms.front().size() >= forms.back().size());
}

TEST_CASE("the first use of a term is marked, later ones are not", "[glossary]") {
  auto m = mark_glossary_terms("<p>Een Klacht is een klacht. Klachten ook.</p>", terms(), kUrl);
  CHECK(body(m) == "<p>Een " + term_link("klacht", "Klacht") + " is een klacht. Klachten ook.</p>");
  CHECK(m.used == std::vector<std::string>{"klacht"});
  CHECK(m.html.substr(body(m).size()) ==
        "\n<section class=\"kind-words\" aria-labelledby=\"kind-woorden-titel\">\n"
        "<h2 id=\"kind-woorden-titel\">Moeilijke woorden</h2>\n<dl>\n"
        "<dt><dfn>klacht</dfn></dt>\n<dd id=\"kind-uitleg-klacht\">Je zegt dat je ergens niet "
        "blij mee bent.</dd>\n</dl>\n</section>\n");
}

TEST_CASE("inflected forms and word boundaries", "[glossary]") {
  auto m = mark_glossary_terms(
      "<p>De gemeenten gaven oordelen over wetten, niet over wetboeken of klachtenbus.</p>",
      terms(), kUrl);
  CHECK(body(m) == "<p>De " + term_link("gemeente", "gemeenten") + " gaven " +
                       term_link("oordeel", "oordelen") + " over " + term_link("wet", "wetten") +
                       ", niet over wetboeken of klachtenbus.</p>");
  CHECK(m.used == std::vector<std::string>{"gemeente", "oordeel", "wet"});
}

TEST_CASE("the longest term wins, also across a line break", "[glossary]") {
  auto m = mark_glossary_terms("<p>Het was deels\ngegrond. Later gegrond.</p>", terms(), kUrl);
  CHECK(body(m) == "<p>Het was " + term_link("deels-gegrond", "deels\ngegrond") + ". Later " +
                       term_link("gegrond", "gegrond") + ".</p>");
}

TEST_CASE("no marking inside tags, links, headings or code", "[glossary]") {
  const std::string html =
      "<h2 id=\"klacht\">Je klacht</h2>\n"
      "<p><a href=\"https://example.nl/klacht\" title=\"klacht\">een klacht</a> "
      "<code>klacht</code> <img src=\"gemeente.png\" alt=\"\"/></p>\n"
      "<p><strong>De klacht</strong> ging naar de gemeente.</p>";
  auto m = mark_glossary_terms(html, terms(), kUrl);
  CHECK(body(m) ==
        "<h2 id=\"klacht\">Je klacht</h2>\n"
        "<p><a href=\"https://example.nl/klacht\" title=\"klacht\">een klacht</a> "
        "<code>klacht</code> <img src=\"gemeente.png\" alt=\"\"/></p>\n"
        "<p><strong>De " +
            term_link("klacht", "klacht") + "</strong> ging naar de " +
            term_link("gemeente", "gemeente") + ".</p>");
}

TEST_CASE("explanations are escaped and listed in order of first use", "[glossary]") {
  auto m = mark_glossary_terms("<p>De wet en de Woo.</p>", terms(), kUrl);
  CHECK(m.used == std::vector<std::string>{"wet", "woo"});
  CHECK(m.html.find("<dt><dfn>wet</dfn></dt>") < m.html.find("<dt><dfn>Woo</dfn></dt>"));
  CHECK(m.html.find("Een wet &lt;over&gt; openheid &amp; privacy.") != std::string::npos);
}

TEST_CASE("a body without glossary terms is unchanged", "[glossary]") {
  const std::string html = "<p>Niets &amp; niemand.</p>\n";
  auto m = mark_glossary_terms(html, terms(), kUrl);
  CHECK(m.html == html);
  CHECK(m.used.empty());
}
