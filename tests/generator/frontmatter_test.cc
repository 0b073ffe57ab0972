#include "generator/frontmatter.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <string>
#include <vector>

namespace {

using generator::Diagnostics;
using generator::FrontMatterLimits;
using generator::parse_frontmatter;
using nlohmann::json;

std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(d.format());
  return out;
}

std::string pos(const generator::FieldPositions& positions, const std::string& path, bool key) {
  auto it = positions.find(path);
  if (it == positions.end()) return "none";
  auto p = key ? it->second.key : it->second.value;
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

// The "billion laughs": ten levels of nine aliases each expand to 9^10 values.
std::string alias_bomb() {
  std::string yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string name(1, c);
    yaml += name + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) yaml += (i ? ", *" : "*") + prev;
    yaml += "]\n";
    prev = name;
  }
  return "---\n" + yaml + "---\nbody\n";
}

}  // namespace

TEST_CASE("front matter splits into fields and body", "[frontmatter]") {
  Diagnostics diags;
  auto fm = parse_frontmatter(
      "---\ntitle: Geen reactie\ndate: 2025-03-14\nthemes: [wonen, zorg]\n---\nEerste regel.\n\n"
      "Tweede.\n",
      "content/over.md", diags);
  REQUIRE(fm);
  CHECK(lines(diags).empty());
  CHECK(fm->fields.dump() ==
        R"({"date":"2025-03-14","themes":["wonen","zorg"],"title":"Geen reactie"})");
  CHECK(fm->body == "Eerste regel.\n\nTweede.\n");
  CHECK(fm->body_line == 6);
}

TEST_CASE("front matter records the line:col of keys and values", "[frontmatter]") {
  Diagnostics diags;
  auto fm = parse_frontmatter(
      "---\ntitle: Iets\nsummary:\npersons:\n  - name: Piet Bakker\n    role: buurman\n"
      "kinderen: {title: Kort, body: Tekst}\n---\n",
      "x.md", diags);
  REQUIRE(fm);
  auto [path, key, expected] = GENERATE(table<std::string, bool, std::string>({
      {"title", true, "2:1"},
      {"title", false, "2:8"},
      {"summary", false, "3:1"},  // an empty value is reported at its key
      {"persons", true, "4:1"},
      {"persons[0]", false, "5:5"},
      {"persons[0].name", true, "5:5"},
      {"persons[0].name", false, "5:11"},
      {"persons[0].role", false, "6:11"},
      {"kinderen.title", false, "7:19"},
      {"kinderen.body", true, "7:25"},
      {"", false, "1:1"},
      {"date", false, "none"},
  }));
  CAPTURE(path, key);
  CHECK(pos(fm->positions, path, key) == expected);
}

TEST_CASE("plain scalars resolve by the YAML 1.2 core schema", "[frontmatter]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"true", "true"},
      {"False", "false"},
      {"~", "null"},
      {"", "null"},
      {"null", "null"},
      {"12", "12"},
      {"-3", "-3"},
      {"+7", "7"},
      {"2.5", "2.5"},
      {"1e3", "1000.0"},
      {"2025-03-14", R"("2025-03-14")"},
      {"2025/012", R"("2025/012")"},
      {"yes", R"("yes")"},  // YAML 1.1's booleans stay text: no "Norway problem"
      {"no", R"("no")"},
      {"99999999999999999999999", R"("99999999999999999999999")"},
      {"1e", R"("1e")"},
      {".", R"(".")"},
  }));
  CAPTURE(text);
  CHECK(generator::resolve_plain_scalar(text).dump() == expected);
}

TEST_CASE("quoted scalars stay strings", "[frontmatter]") {
  Diagnostics diags;
  auto fm = parse_frontmatter("---\na: \"12\"\nb: 'true'\nc: |\n  regel\n---\n", "x.md", diags);
  REQUIRE(fm);
  CHECK(fm->fields.dump() == R"({"a":"12","b":"true","c":"regel\n"})");
}

TEST_CASE("tagged scalars stay text; anchors expand; later documents are not read",
          "[frontmatter]") {
  auto [yaml, expected] = GENERATE(table<std::string, std::string>({
      {"a: !!str 12\nb: !!int 7", R"({"a":"12","b":"7"})"},  // a tagged scalar stays text
      {"a: &x [1, two]\nb: *x", R"({"a":[1,"two"],"b":[1,"two"]})"},
      {"a: &x {k: v}\nb: [*x, *x]", R"({"a":{"k":"v"},"b":[{"k":"v"},{"k":"v"}]})"},
      {"a: 1\n...\nb: 2", R"({"a":1})"},  // only the first document is read
      {"\"a b\": c\n'd': e", R"({"a b":"c","d":"e"})"},
  }));
  CAPTURE(yaml);
  Diagnostics diags;
  auto fm = parse_frontmatter("---\n" + yaml + "\n---\n", "x.md", diags);
  REQUIRE(fm);
  CHECK(lines(diags).empty());
  CHECK(fm->fields.dump() == expected);
}

TEST_CASE("empty front matter gives no fields", "[frontmatter]") {
  Diagnostics diags;
  auto fm = parse_frontmatter("---\n# alleen commentaar\n---\nTekst", "x.md", diags);
  REQUIRE(fm);
  CHECK(fm->fields == json::object());
  CHECK(fm->body == "Tekst");
  CHECK(fm->body_line == 4);
  CHECK(lines(diags).empty());
}

TEST_CASE("a closing fence at the end of the file leaves an empty body", "[frontmatter]") {
  Diagnostics diags;
  auto fm = parse_frontmatter("---\ntitle: x\n---", "x.md", diags);
  REQUIRE(fm);
  CHECK(fm->body.empty());
  CHECK(fm->body_line == 4);
}

TEST_CASE("broken front matter is reported at its position", "[frontmatter]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"title: x\n",
       "x.md:1:1: error: missing front matter: the file must start with a '---' line"},
      {"---\ntitle: x\nTekst\n",
       "x.md:1:1: error: front matter is not closed: no '---' line after the opening one"},
      {"---", "x.md:1:1: error: front matter is not closed: no '---' line after the opening one"},
      {"---\ntitle: x\n  date: y\n---\n",
       "x.md:3:7: error: invalid YAML: mapping values are not allowed in this context"},
      {"---\ntitle: [open\n---\n",
       "x.md:3:1: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or "
       "']'"},
      {"---\n- a\n- b\n---\n",
       "x.md:2:1: error: front matter must be a list of 'field: value' lines"},
      {"---\ntitle: a\ndate: 2025-01-01\ntitle: b\n---\n",
       "x.md:4:1: error: duplicate field 'title' (first at line 2)"},
      {"---\nkinderen:\n  title: a\n  title: b\n---\n",
       "x.md:4:3: error: duplicate field 'kinderen.title' (first at line 3)"},
      {"---\n[a, b]: c\n---\n", "x.md:2:1: error: a front matter key must be a plain name"},
      {"---\ntitle: " + std::string(5000, '[') + "\n---\n",
       "x.md:2:1: error: front matter too deeply nested (more than 64 levels)"},
      {"---\nt:\n" +
           [] {
             std::string s;
             for (int i = 0; i < 2000; ++i) s += "- ";
             return s;
           }() +
           "x\n---\n",
       "x.md:3:1: error: front matter too deeply nested (more than 64 levels)"},
  }));
  CAPTURE(text.substr(0, 80));
  Diagnostics diags;
  CHECK_FALSE(parse_frontmatter(text, "x.md", diags));
  CHECK(lines(diags) == std::vector<std::string>{expected});
}

TEST_CASE("the converter bounds nesting that the text scan lets through", "[frontmatter]") {
  std::string yaml;  // twelve mappings, each indented one column deeper
  for (int i = 0; i < 12; ++i) yaml += std::string(i, ' ') + "k" + std::to_string(i) + ":\n";
  FrontMatterLimits limits;
  limits.max_depth = 10;
  Diagnostics diags;
  CHECK_FALSE(parse_frontmatter("---\n" + yaml + "---\n", "x.md", diags, limits));
  CHECK(lines(diags) ==
        std::vector<std::string>{
            "x.md:13:12: error: front matter too deeply nested (more than 10 levels)"});
}

TEST_CASE("flow nesting within the default limit is accepted", "[frontmatter]") {
  std::string nested = "v";
  for (int i = 0; i < 60; ++i) nested = "[" + nested + "]";
  Diagnostics diags;
  auto fm = parse_frontmatter("---\nt: " + nested + "\n---\n", "x.md", diags);
  REQUIRE(fm);
  CHECK(diags.sorted().empty());
}

TEST_CASE("an alias bomb is rejected quickly", "[frontmatter]") {
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  CHECK_FALSE(parse_frontmatter(alias_bomb(), "x.md", diags));
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < std::chrono::seconds(2));
  REQUIRE(diags.sorted().size() == 1);
  CHECK(diags.sorted()[0].message ==
        "front matter too large (more than 20000 values, aliases included)");
}

TEST_CASE("a few aliases within the budget expand normally", "[frontmatter]") {
  Diagnostics diags;
  auto fm = parse_frontmatter("---\nbase: &b [wonen, zorg]\nthemes: *b\n---\n", "x.md", diags);
  REQUIRE(fm);
  CHECK(fm->fields["themes"].dump() == R"(["wonen","zorg"])");
}

TEST_CASE("oversized front matter is rejected before parsing", "[frontmatter]") {
  FrontMatterLimits limits;
  limits.max_bytes = 100;
  Diagnostics diags;
  CHECK_FALSE(parse_frontmatter("---\nsummary: " + std::string(200, 'a') + "\n---\n", "x.md", diags,
                                limits));
  CHECK(lines(diags) ==
        std::vector<std::string>{"x.md:2:1: error: front matter too large (more than 100 bytes)"});
}
