#include "generator/mustache.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace {

using generator::mustache::Error;
using generator::mustache::Library;
using nlohmann::json;

std::string joined(const std::vector<Error>& errors) {
  std::string out;
  for (const Error& e : errors) out += (out.empty() ? "" : "\n") + e.format();
  return out;
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("syntax errors name the template and line:col", "[mustache]") {
  auto [source, expected] = GENERATE(table<std::string, std::string>({
      {"<ul>\n  {{#items}}\n<li>{{.}}</li>\n",
       "templates/site/base.mustache:2:3: error: unclosed section 'items'"},
      {"{{^leeg}}niets",
       "templates/site/base.mustache:1:1: error: unclosed inverted section 'leeg'"},
      {"x{{$main}}", "templates/site/base.mustache:1:2: error: unclosed block 'main'"},
      {"{{<base}}{{$main}}{{/main}}",
       "templates/site/base.mustache:1:1: error: unclosed parent 'base'"},
      {"{{#a}}{{#b}}{{/a}}",
       "templates/site/base.mustache:1:13: error: closing tag 'a' does not match 'b' opened at "
       "1:7"},
      {"{{#a}}\n{{/b}}",
       "templates/site/base.mustache:2:1: error: closing tag 'b' does not match 'a' opened at 1:1\n"
       "templates/site/base.mustache:1:1: error: unclosed section 'a'"},
      {"tekst\n{{/a}}",
       "templates/site/base.mustache:2:1: error: closing tag 'a' has no open section"},
      {"<p>{{titel</p>", "templates/site/base.mustache:1:4: error: unclosed tag: expected '}}'"},
      {"\n\n   {{{body}}", "templates/site/base.mustache:3:4: error: unclosed tag: expected '}}}'"},
      {"{{=<% =}}",
       "templates/site/base.mustache:1:1: error: invalid set-delimiter tag: expected two "
       "delimiters without '=' or spaces, as in {{=<% %>=}}"},
      {"{{=<% %>=}}\n<%#a%>", "templates/site/base.mustache:2:1: error: unclosed section 'a'"},
      {"<%a%>{{ }}", "templates/site/base.mustache:1:6: error: tag has no name"},
      {"{{#zaak nummer}}{{/zaak nummer}}",
       "templates/site/base.mustache:1:1: error: invalid name 'zaak nummer': names cannot contain "
       "spaces\n"
       "templates/site/base.mustache:1:17: error: closing tag 'zaak nummer' has no open section"},
      {"{{zaak..id}}",
       "templates/site/base.mustache:1:1: error: invalid name 'zaak..id': empty part in a dotted "
       "name"},
      {"{{>}}", "templates/site/base.mustache:1:1: error: tag has no name"},
  }));
  CAPTURE(source);
  Library lib;
  std::vector<Error> errors;
  CHECK_FALSE(lib.add("templates/site/base.mustache", source, errors));
  CHECK(joined(errors) == expected);
  CHECK_FALSE(lib.has("templates/site/base.mustache"));
}

TEST_CASE("a failed add keeps the previous template of that name", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("t", "oud {{x}}", errors));
  CHECK_FALSE(lib.add("t", "nieuw {{#x}}", errors));
  errors.clear();
  CHECK(lib.render("t", json{{"x", 1}}, errors) == "oud 1");
  CHECK(errors.empty());
}

TEST_CASE("rendering an unknown template is an error", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  CHECK(lib.render("templates/site/weg.mustache", json::object(), errors).empty());
  CHECK(joined(errors) == "templates/site/weg.mustache: error: template not found");
}

TEST_CASE("strict partials report the including template and line", "[mustache]") {
  auto [source, data, expected] = GENERATE(table<std::string, json, std::string>({
      {"<main>\n  {{>partials/kop}}\n</main>", json::object(),
       "page.mustache:2:3: error: partial 'partials/kop' not found"},
      {"{{<layouts/basis}}{{/layouts/basis}}", json::object(),
       "page.mustache:1:1: error: parent 'layouts/basis' not found"},
      {"x {{>*soort}}", json{{"soort", "kaart"}},
       "page.mustache:1:3: error: partial 'kaart' not found"},
      {"x {{>*soort}}", json::object(),
       "page.mustache:1:3: error: dynamic partial name '*soort' does not resolve to a template "
       "name"},
  }));
  CAPTURE(source);
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("page.mustache", source, errors));

  Library::Options strict;
  strict.strict_partials = true;
  lib.render("page.mustache", data, errors, strict);
  CHECK(joined(errors) == expected);

  // Without strict partials the spec applies: a missing partial renders as nothing.
  errors.clear();
  lib.render("page.mustache", data, errors);
  CHECK(errors.empty());
}

TEST_CASE("strict partials report every missing partial and still render", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("p", "a{{>x}}b\n{{>y}}c", errors));
  Library::Options strict;
  strict.strict_partials = true;
  CHECK(lib.render("p", json::object(), errors, strict) == "ab\nc");
  CHECK(joined(errors) ==
        "p:1:2: error: partial 'x' not found\n"
        "p:2:1: error: partial 'y' not found");
}

TEST_CASE("self-inclusion stops at the depth limit", "[mustache]") {
  auto [name, source, max_depth,
        expected] = GENERATE(table<std::string, std::string, int, std::string>({
      {"zelf", "x{{>zelf}}", 64, "zelf:1:2: error: partial 'zelf' nested deeper than 64 levels"},
      {"zelf", "x\n  {{>zelf}}\n", 5,
       "zelf:2:3: error: partial 'zelf' nested deeper than 5 levels"},
      {"ouder", "{{<ouder}}{{$b}}x{{/b}}{{/ouder}}", 64,
       "ouder:1:1: error: parent 'ouder' nested deeper than 64 levels"},
      // Two partials each included twice would take 2^64 steps without the limit.
      {"dubbel", "{{>dubbel}}{{>dubbel}}", 64,
       "dubbel:1:1: error: partial 'dubbel' nested deeper than 64 levels"},
  }));
  CAPTURE(source);
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add(name, source, errors));
  Library::Options options;
  options.max_depth = max_depth;
  CHECK(lib.render(name, json::object(), errors, options).empty());
  CHECK(joined(errors) == expected);
}

TEST_CASE("a parent cycle is an error, not a hang", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("a", "{{<b}}{{/b}}", errors));
  REQUIRE(lib.add("b", "{{<a}}{{$x}}y{{/x}}{{/a}}", errors));
  CHECK(lib.render("a", json::object(), errors).empty());
  CHECK(joined(errors) == "a:1:1: error: parent 'b' nested deeper than 64 levels");
}

TEST_CASE("legitimate recursion renders within the depth limit", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("boom", "{{naam}}{{#kinderen}}({{>boom}}){{/kinderen}}", errors));
  // Leaves need their own empty list: a missing key would find the parent's on the stack.
  const json leaf_c = {{"naam", "c"}, {"kinderen", json::array()}};
  const json leaf_d = {{"naam", "d"}, {"kinderen", json::array()}};
  const json b = {{"naam", "b"}, {"kinderen", {leaf_c}}};
  const json tree = {{"naam", "a"}, {"kinderen", {b, leaf_d}}};
  CHECK(lib.render("boom", tree, errors) == "a(b(c))(d)");
  CHECK(errors.empty());
}

TEST_CASE("10,000 nested sections parse fast and never overflow the stack", "[mustache]") {
  const std::string deep = repeat("{{#a}}", 10000) + "x" + repeat("{{/a}}", 10000);
  const auto start = std::chrono::steady_clock::now();
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("diep", deep, errors));

  // Falsey at the top: nothing below is visited.
  CHECK(lib.render("diep", json{{"a", false}}, errors).empty());
  CHECK(errors.empty());

  // Truthy all the way down: the nesting limit stops the descent with one error.
  CHECK(lib.render("diep", json{{"a", true}}, errors).empty());
  CHECK(joined(errors) == "diep:1:6001: error: templates nested deeper than 1000 levels");

  // Left unclosed, every section is reported.
  errors.clear();
  CHECK_FALSE(lib.add("open", repeat("{{#a}}", 10000), errors));
  REQUIRE(errors.size() == 10000);
  CHECK(errors.back().format() == "open:1:59995: error: unclosed section 'a'");

  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
}

TEST_CASE("nesting below the limit renders normally", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("diep", repeat("{{#a}}", 900) + "{{b}}" + repeat("{{/a}}", 900), errors));
  CHECK(lib.render("diep", json{{"a", true}, {"b", "bodem"}}, errors) == "bodem");
  CHECK(errors.empty());
}

TEST_CASE("output and work limits stop exponential templates", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  // Each level doubles the work; 40 levels stay under the depth limit.
  for (int i = 0; i < 40; ++i) {
    const std::string next = "p" + std::to_string(i + 1);
    REQUIRE(lib.add("p" + std::to_string(i), "{{>" + next + "}}{{>" + next + "}}", errors));
  }
  REQUIRE(lib.add("p40", "{{x}}", errors));

  Library::Options steps;
  steps.max_steps = 100000;
  CHECK(lib.render("p0", json::object(), errors, steps).empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "rendering took more than 100000 steps");

  errors.clear();
  Library::Options output;
  output.max_output = 1000;
  CHECK(lib.render("p0", json{{"x", "0123456789"}}, errors, output).empty());
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "output is larger than 1000 bytes");
}

TEST_CASE("apostrophes are escaped only when asked", "[mustache]") {
  auto [source, apostrophe, expected] = GENERATE(table<std::string, bool, std::string>({
      {"<a title='{{t}}'>", false, "<a title='Jan &amp; &quot;Piet&quot; d'Hondt &lt;&gt;'>"},
      {"<a title='{{t}}'>", true, "<a title='Jan &amp; &quot;Piet&quot; d&#39;Hondt &lt;&gt;'>"},
      {"{{{t}}}", true, "Jan & \"Piet\" d'Hondt <>"},
      {"{{&t}}", true, "Jan & \"Piet\" d'Hondt <>"},
      {"{{#l}}{{.}}{{/l}}", true, "&#39;&amp;&#39;"},
  }));
  CAPTURE(source, apostrophe);
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("t", source, errors));
  Library::Options options;
  options.html_escape_apostrophe = apostrophe;
  json data = {{"t", "Jan & \"Piet\" d'Hondt <>"}, {"l", {"'", "&", "'"}}};
  CHECK(lib.render("t", data, errors, options) == expected);
  CHECK(errors.empty());
}

TEST_CASE("values interpolate as plain text", "[mustache]") {
  auto [data, expected] = GENERATE(table<json, std::string>({
      {json{{"v", 42}}, "[42]"},
      {json{{"v", -7}}, "[-7]"},
      {json{{"v", 18446744073709551615ULL}}, "[18446744073709551615]"},
      {json{{"v", 1.5}}, "[1.5]"},
      {json{{"v", true}}, "[true]"},
      {json{{"v", nullptr}}, "[]"},
      {json{{"v", {1, "<b>"}}}, "[[1,&quot;&lt;b&gt;&quot;]]"},
  }));
  CAPTURE(data);
  std::vector<Error> errors;
  CHECK(generator::mustache::render_string("[{{v}}]", data, json::object(), errors) == expected);
  CHECK(errors.empty());
}

TEST_CASE("site layouts inherit through paths as names", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("templates/site/base.mustache",
                  "<html>\n"
                  "  <head><title>{{$titel}}{{site.titel}}{{/titel}}</title></head>\n"
                  "  <body>\n"
                  "    {{$inhoud}}\n"
                  "    <p>leeg</p>\n"
                  "    {{/inhoud}}\n"
                  "  </body>\n"
                  "</html>\n",
                  errors));
  REQUIRE(lib.add("templates/site/zaak.mustache",
                  "{{<templates/site/base.mustache}}\n"
                  "{{$titel}}Zaak {{id}}{{/titel}}\n"
                  "{{$inhoud}}\n"
                  "<h1>{{titel}}</h1>\n"
                  "{{#themas}}\n"
                  "<span>{{.}}</span>\n"
                  "{{/themas}}\n"
                  "{{/inhoud}}\n"
                  "{{/templates/site/base.mustache}}\n",
                  errors));
  json page = {{"id", "2025-00142"},
               {"titel", "Te laat"},
               {"themas", {"zorg", "wonen"}},
               {"site", {{"titel", "Ombudsman"}}}};
  CHECK(lib.render("templates/site/zaak.mustache", page, errors) ==
        "<html>\n"
        "  <head><title>Zaak 2025-00142</title></head>\n"
        "  <body>\n"
        "    <h1>Te laat</h1>\n"
        "    <span>zorg</span>\n"
        "    <span>wonen</span>\n"
        "  </body>\n"
        "</html>\n");
  CHECK(errors.empty());
}

TEST_CASE("indentation of standalone partials and blocks", "[mustache]") {
  auto [tmpl, partials, expected] = GENERATE(table<std::string, json, std::string>({
      // A block placed after literal indentation: the partial inside is not indented twice.
      {"{{<lijst}}{{$items}}\n{{#zaken}}\n{{>kaart}}\n{{/zaken}}\n{{/items}}{{/lijst}}",
       json{{"lijst", "<ul>\n  {{$items}}{{/items}}</ul>\n"}, {"kaart", "<li>{{.}}</li>\n"}},
       "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n"},
      // Nested standalone partials add up their indentation.
      {"<body>\n  {{>main}}\n</body>\n",
       json{{"main", "<main>\n  {{>p}}\n</main>\n"}, {"p", "<p>{{#zaken}}{{.}}{{/zaken}}</p>\n"}},
       "<body>\n  <main>\n    <p>ab</p>\n  </main>\n</body>\n"},
      // Empty lines stay empty; newlines inside values are not indented.
      {"<pre>\n  {{>p}}\n</pre>", json{{"p", "x\n\n{{{tekst}}}\n"}},
       "<pre>\n  x\n\n  een\ntwee\n</pre>"},
      // A standalone partial on a line of its own inside a partial included mid-line.
      {"x {{>p}}", json{{"p", "  {{>q}}\n"}, {"q", "1\n2\n"}}, "x   1\n  2\n"},
  }));
  CAPTURE(tmpl);
  std::vector<Error> errors;
  json data = {{"zaken", {"a", "b"}}, {"tekst", "een\ntwee"}};
  CHECK(generator::mustache::render_string(tmpl, data, partials, errors) == expected);
  CHECK(errors.empty());
}

TEST_CASE("one library renders from two threads at once", "[mustache]") {
  Library lib;
  std::vector<Error> errors;
  REQUIRE(lib.add("kaart", "  <li>{{naam}}{{#rol}} ({{.}}){{/rol}}</li>\n", errors));
  REQUIRE(lib.add("lijst", "<ul>\n{{#zaken}}\n  {{>kaart}}\n{{/zaken}}\n</ul>\n", errors));
  json data = {{"zaken", json::array()}};
  for (int i = 0; i < 50; ++i) {
    data["zaken"].push_back({{"naam", "zaak " + std::to_string(i)}, {"rol", i % 2 ? "x" : ""}});
  }
  const std::string expected = lib.render("lijst", data, errors);
  REQUIRE(errors.empty());
  REQUIRE(expected.find("    <li>zaak 49 (x)</li>\n") != std::string::npos);

  int mismatches[2] = {0, 0};
  auto work = [&](int slot) {
    for (int i = 0; i < 300; ++i) {
      std::vector<Error> local;
      if (lib.render("lijst", data, local) != expected || !local.empty()) ++mismatches[slot];
    }
  };
  std::thread a(work, 0);
  std::thread b(work, 1);
  a.join();
  b.join();
  CHECK(mismatches[0] == 0);
  CHECK(mismatches[1] == 0);
}

TEST_CASE("errors format like diagnostics", "[mustache]") {
  auto [error, expected] = GENERATE(table<Error, std::string>({
      {Error{"templates/site/base.mustache", 12, 5, "unclosed section 'items'"},
       "templates/site/base.mustache:12:5: error: unclosed section 'items'"},
      {Error{"x.mustache", 3, 0, "m"}, "x.mustache:3: error: m"},
      {Error{"x.mustache", 0, 0, "m"}, "x.mustache: error: m"},
  }));
  CHECK(error.format() == expected);
}
