#include "generator/markdown.h"

#include <catch2/catch.hpp>

#include "generator/scrubbed_doc.h"

using generator::render_markdown;

TEST_CASE("Markdown renders GFM extensions", "[markdown]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"~~weg~~", "<p><del>weg</del></p>\n"},
      {"zie https://www.example.nl",
       "<p>zie <a href=\"https://www.example.nl\">https://www.example.nl</a></p>\n"},
      {"- [x] klaar\n- [ ] open",
       "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> klaar</li>\n"
       "<li><input type=\"checkbox\" disabled=\"\" /> open</li>\n</ul>\n"},
      {"| a | b |\n|---|---|\n| 1 | 2 |",
       "<div class=\"ombu-table-scroll\" role=\"region\" tabindex=\"0\" "
       "aria-label=\"Tabel\">\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</"
       "thead>\n<tbody>\n<tr>\n<td>1</td>\n"
       "<td>2</td>\n</tr>\n</tbody>\n</table>\n</div>\n"},
  }));
  CAPTURE(input);
  CHECK(render_markdown(input).html == expected);
}

TEST_CASE("Markdown is safe by default", "[markdown]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"<script>alert(1)</script>", "<!-- raw HTML omitted -->\n"},
      {"a <b onclick=\"x\">b</b>",
       "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n"},
      {"[klik](javascript:alert(1))", "<p><a href=\"\">klik</a></p>\n"},
      {"![x](data:text/html;base64,AAAA)", "<p><img src=\"\" alt=\"x\" /></p>\n"},
      {"[a](java%0ascript:alert(1)) [b](ftp://x) [c](https://x.nl/a:b) [d](#kop) [e](../zaken/)",
       "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"https://x.nl/a:b\">c</a> <a "
       "href=\"#kop\">d</a> "
       "<a href=\"../zaken/\">e</a></p>\n"},
  }));
  CAPTURE(input);
  CHECK(render_markdown(input).html == expected);
}

TEST_CASE("Headings get stable ids and a table of contents", "[markdown]") {
  auto r = render_markdown(
      "## Wat deed de ombudsman?\n\ntekst\n\n### Één stap\n\n## Wat deed de ombudsman?\n");
  CHECK(r.html ==
        "<h2 id=\"wat-deed-de-ombudsman\">Wat deed de ombudsman?</h2>\n<p>tekst</p>\n"
        "<h3 id=\"een-stap\">Één stap</h3>\n<h2 id=\"wat-deed-de-ombudsman-2\">Wat deed de "
        "ombudsman?</h2>\n");
  REQUIRE(r.toc.size() == 3);
  CHECK(r.toc[1].id == "een-stap");
  CHECK(r.toc[1].level == 3);
}

TEST_CASE("A level-1 heading in a body is demoted so the page keeps one h1", "[markdown]") {
  CHECK(render_markdown("# Inleiding\n\n## Deel").html ==
        "<h2 id=\"inleiding\">Inleiding</h2>\n<h3 id=\"deel\">Deel</h3>\n");
}

TEST_CASE("A 'Tabel' paragraph before a table becomes its caption", "[markdown]") {
  auto html =
      render_markdown(
          "Tabel 1. Klachten per gemeente\n\n| gemeente | aantal |\n|---|---|\n| Diemen | 4 |")
          .html;
  CHECK(html.rfind("<div class=\"ombu-table-scroll\" role=\"region\" tabindex=\"0\" "
                   "aria-label=\"Tabel 1. Klachten per gemeente\">\n<table>\n"
                   "<caption>Tabel 1. Klachten per gemeente</caption>\n<thead>",
                   0) == 0);
}

TEST_CASE("Redaction markers become accessible spans, and vanish inside attributes", "[markdown]") {
  std::string marked = std::string("Mevrouw ") + std::string(generator::kMarkOpen) +
                       std::string(generator::ground_mark("5.1.2e")) + "\\[verzoeker\\]" +
                       std::string(generator::kMarkClose) + " belde.";
  auto r = render_markdown(marked);
  CHECK(r.html ==
        "<p>Mevrouw <span class=\"redactie\" title=\"Weggelakt: art. 5.1 lid 2 onder e Woo\">"
        "<span class=\"visually-hidden\">weggelakt: </span>[verzoeker]</span> belde.</p>\n");
  CHECK(r.plain_text == "Mevrouw [verzoeker] belde.\n");

  std::string link = std::string("[mail](mailto:") + std::string(generator::kMarkOpen) +
                     std::string(generator::ground_mark("5.1.2e")) + "x" +
                     std::string(generator::kMarkClose) + ")";
  CHECK(render_markdown(link).html == "<p><a href=\"mailto:x\">mail</a></p>\n");
}

TEST_CASE("Footnotes render", "[markdown]") {
  auto html = render_markdown("Tekst[^1].\n\n[^1]: Bron.").html;
  CHECK(html.find("<section class=\"footnotes\"") != std::string::npos);
  CHECK(html.find("Bron.") != std::string::npos);
}
