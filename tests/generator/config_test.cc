#include "generator/config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "generator/json_positions.h"

namespace {

namespace fs = std::filesystem;
using generator::Diagnostics;
using generator::parse_config;

const fs::path kSites = fs::path(OMBUDSITE_SOURCE_DIR) / "tests" / "sites";

std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(d.format());
  return out;
}

// A valid config on one line per field; `extra` goes in before the closing brace, on line 5.
std::string config_with(const std::string& extra) {
  return "{\n  \"title\": \"Testsite\",\n  \"baseURL\": \"https://test.example.nl/\",\n"
         "  \"publisher\": {\"name\": \"Ombudsman Test\"}" +
         (extra.empty() ? std::string() : ",\n  " + extra) + "\n}\n";
}

}  // namespace

TEST_CASE("the minimal site's config loads", "[config]") {
  Diagnostics diags;
  auto config = generator::load_config(kSites / "minimal", diags);
  REQUIRE(config);
  CHECK(lines(diags).empty());
  CHECK(config->title == "Ombudsman Voorbeeldstad");
  CHECK(config->base_url == "https://ombudsman.example.nl/");  // '/' added
  CHECK(config->language == "nl");
  CHECK(config->publisher.name == "Ombudsman Voorbeeldstad");
  CHECK(config->publisher.tooi == "https://identifier.overheid.nl/tooi/id/oorg/oorg99999");
  CHECK(config->contact.email == "post@ombudsman.example.nl");
  CHECK(config->contact.form_url == "https://ombudsman.example.nl/klacht-indienen");
  CHECK(config->allow.persons == std::vector<std::string>{"Anne Mulder"});
  CHECK(config->allow.emails == std::vector<std::string>{"post@ombudsman.example.nl"});
  // The organisation's own contact data is kept on every page it appears on.
  CHECK(config->allow.terms ==
        std::vector<std::string>{"020 000 0000", "Postbus 1, 1000 AA Voorbeeldstad"});
  CHECK(config->page_size == 5);
  CHECK(config->kinderen_enabled);
  CHECK(config->kinderen_min_readability == 70.0);
}

TEST_CASE("optional config sections are read", "[config]") {
  Diagnostics diags;
  auto config = parse_config(
      config_with("\"language\": \"nl-NL\",\n  \"kinderen\": {\"enabled\": false, "
                  "\"minReadability\": 65.5, \"contact\": {\"phone\": \"0800 1234\"}},\n"
                  "  \"rules\": [{\"id\": \"dossier\", \"pattern\": \"D-\\\\d+\"}],\n"
                  "  \"params\": {\"kleur\": \"blauw\"}"),
      "ombudsite.json", diags);
  REQUIRE(config);
  CHECK(lines(diags).empty());
  CHECK(config->language == "nl-NL");
  CHECK_FALSE(config->kinderen_enabled);
  CHECK(config->kinderen_min_readability == 65.5);
  CHECK(config->kinderen_contact.phone == "0800 1234");
  CHECK(config->extra_rules.dump() == R"([{"id":"dossier","pattern":"D-\\d+"}])");
  CHECK(config->params.dump() == R"({"kleur":"blauw"})");
}

TEST_CASE("config problems are reported at their key or value", "[config]") {
  auto [extra, expected] = GENERATE(table<std::string, std::string>({
      {"\"baseUrl\": \"x\"",
       "ombudsite.json:5:3: warning: unknown field 'baseUrl', did you mean "
       "'baseURL'?"},
      {"\"language\": \"Nederlands\"",
       "ombudsite.json:5:15: error: 'language' must be a language tag such as 'nl', not "
       "'Nederlands'"},
      {"\"pagination\": {\"size\": 0}",
       "ombudsite.json:5:26: error: 'pagination.size' must be between 1 and 1000"},
      {"\"pagination\": {\"size\": \"10\"}",
       "ombudsite.json:5:26: error: 'pagination.size' must be a whole number"},
      {"\"pagination\": {\"sise\": 10}",
       "ombudsite.json:5:18: warning: unknown field 'pagination.sise', did you mean 'size'?"},
      {"\"kinderen\": {\"minReadability\": 120}",
       "ombudsite.json:5:34: error: 'kinderen.minReadability' must be between 0 and 100"},
      {"\"kinderen\": {\"enabled\": \"ja\"}",
       "ombudsite.json:5:27: error: 'kinderen.enabled' must be true or false"},
      {"\"contact\": {\"email\": \"geen-adres\"}",
       "ombudsite.json:5:24: error: 'contact.email' is not an e-mail address"},
      {"\"contact\": {\"formUrl\": \"/klacht\"}",
       "ombudsite.json:5:26: error: 'contact.formUrl' must be an absolute URL"},
      {"\"allow\": {\"persons\": \"Anne Mulder\"}",
       "ombudsite.json:5:24: error: 'allow.persons' must be a list of strings"},
      {"\"allow\": {\"emails\": [\"a@b.nl\", 7]}",
       "ombudsite.json:5:34: error: 'allow.emails[1]' must be a string"},
      {"\"rules\": {\"id\": \"x\"}",
       "ombudsite.json:5:12: error: 'rules' must be a list of rule "
       "objects"},
      {"\"rules\": [\"x\"]", "ombudsite.json:5:13: error: 'rules[0]' must be a rule object"},
      {"\"params\": []", "ombudsite.json:5:13: error: 'params' must be a mapping of fields"},
      {"\"title\": \"Nog een\"",
       "ombudsite.json:5:3: error: duplicate key 'title' (first at line 2)"},
  }));
  CAPTURE(extra);
  Diagnostics diags;
  auto config = parse_config(config_with(extra), "ombudsite.json", diags);
  CHECK(lines(diags) == std::vector<std::string>{expected});
  CHECK(config.has_value() == (diags.error_count() == 0));
}

TEST_CASE("baseURL must be an absolute https URL and ends in '/'", "[config]") {
  auto [url, expected] = GENERATE(table<std::string, std::string>({
      {"https://ombudsman.example.nl", "https://ombudsman.example.nl/"},
      {"https://ombudsman.example.nl/", "https://ombudsman.example.nl/"},
      {"https://example.nl/ombudsman", "https://example.nl/ombudsman/"},
      {"http://ombudsman.example.nl/", ""},
      {"ombudsman.example.nl", ""},
      {"https:///pad", ""},
      {"https://ombudsman.example.nl/?a=b", ""},
      {"https://ombuds man.nl/", ""},
  }));
  CAPTURE(url);
  Diagnostics diags;
  auto config = parse_config(
      "{\"title\": \"T\", \"baseURL\": \"" + url + "\", \"publisher\": {\"name\": \"P\"}}",
      "ombudsite.json", diags);
  if (expected.empty()) {
    CHECK_FALSE(config);
    CHECK(lines(diags) ==
          std::vector<std::string>{"ombudsite.json:1:27: error: 'baseURL' must be an absolute "
                                   "https:// URL, not '" +
                                   url + "'"});
  } else {
    REQUIRE(config);
    CHECK(config->base_url == expected);
  }
}

TEST_CASE("fixture configs report every problem", "[config]") {
  auto [site, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"bad-config",
       {
           "ombudsite.json:1:1: error: missing required field 'title'",
           "ombudsite.json:2:3: warning: unknown field 'titel', did you mean 'title'?",
           "ombudsite.json:3:14: error: 'baseURL' must be an absolute https:// URL, not "
           "'http://test.example.nl'",
           "ombudsite.json:4:16: error: missing required field 'publisher.name'",
           "ombudsite.json:4:17: warning: unknown field 'publisher.naam', did you mean 'name'?",
           "ombudsite.json:5:26: error: 'pagination.size' must be between 1 and 1000",
           "ombudsite.json:6:24: error: 'allow.persons' must be a list of strings",
       }},
      {"malformed-config",
       {"ombudsite.json:4:1: error: invalid JSON: syntax error while parsing object key - "
        "unexpected '}'; expected string literal"}},
  }));
  CAPTURE(site);
  Diagnostics diags;
  CHECK_FALSE(generator::load_config(kSites / "invalid" / site, diags));
  CHECK(lines(diags) == expected);
}

TEST_CASE("config text problems", "[config]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"", "ombudsite.json: error: empty file"},
      {"[]", "ombudsite.json:1:1: error: the site configuration must be a JSON object"},
      {"{\"title\": \"\xC3\"}", "ombudsite.json:1:12: error: invalid UTF-8 (byte 0xC3)"},
      {"{}", "ombudsite.json:1:1: error: missing required field 'title'"},
      {"{\"title\": \"T\", \"baseURL\": \"https://a.nl/\", \"publisher\": {\"name\": \"P\", "
       "\"tooi\": \"so1045\"}}",
       "ombudsite.json:1:79: error: 'publisher.tooi' must be a TOOI identifier starting with "
       "https://identifier.overheid.nl/tooi/id/"},
  }));
  CAPTURE(text);
  Diagnostics diags;
  CHECK_FALSE(parse_config(text, "ombudsite.json", diags));
  REQUIRE_FALSE(lines(diags).empty());
  CHECK(lines(diags)[0] == expected);
}

TEST_CASE("a missing ombudsite.json is one error", "[config]") {
  Diagnostics diags;
  CHECK_FALSE(generator::load_config(kSites / "does-not-exist", diags));
  CHECK(lines(diags) ==
        std::vector<std::string>{"ombudsite.json: error: missing site configuration: no "
                                 "ombudsite.json in the site root"});
}

TEST_CASE("the JSON scanner maps field paths to key and value positions", "[json_positions]") {
  const std::string text =
      "{\n  \"title\": \"a \\\"b\\\" c\",\n  \"persons\": [\n    {\"name\": \"X\", \"role\": "
      "\"kind\"},\n    [1, {\"deep\": true}]\n  ],\n  \"caf\\u00e9\": null,\n  \"\\ud83d\\ude00\": "
      "-1.5e3,\n  \"empty\": {}, \"list\": []\n}";
  Diagnostics diags;
  auto parsed = generator::parse_json_with_positions(text, "f.json", diags);
  REQUIRE(parsed);
  CHECK(lines(diags).empty());
  auto [path, key, expected] = GENERATE(table<std::string, bool, std::string>({
      {"", false, "1:1"},
      {"title", true, "2:3"},
      {"title", false, "2:12"},
      {"persons", false, "3:14"},
      {"persons[0]", false, "4:5"},
      {"persons[0].name", true, "4:6"},
      {"persons[0].role", false, "4:27"},
      {"persons[1][1].deep", false, "5:18"},
      {"café", true, "7:3"},
      {"café", false, "7:16"},
      {"\xF0\x9F\x98\x80", false, "8:19"},
      {"empty", false, "9:12"},
      {"list", false, "9:24"},
      {"missing", false, "0:0"},
  }));
  CAPTURE(path, key);
  auto pos = generator::position_of(parsed->positions, path, key, {0, 0});
  CHECK(std::to_string(pos.line) + ":" + std::to_string(pos.col) == expected);
}

TEST_CASE("JSON nested past the limit is rejected without recursion", "[json_positions]") {
  std::string deep = std::string(100000, '[') + std::string(100000, ']');
  Diagnostics diags;
  CHECK_FALSE(generator::parse_json_with_positions(deep, "f.json", diags));
  CHECK(lines(diags) == std::vector<std::string>{"f.json:1:65: error: nested more than 64 levels "
                                                 "deep"});
}

TEST_CASE("parse error bytes map to line:col", "[json_positions]") {
  auto [byte, expected] = GENERATE(table<std::size_t, std::string>({
      {0, "1:1"},
      {1, "1:1"},
      {2, "1:1"},  // inside the word "ab"
      {3, "1:3"},
      {5, "2:1"},
      {4, "2:1"},
      {7, "3:1"},
      {99, "3:2"},
  }));
  auto lc = generator::json_error_position("ab\ncd\ne", byte);
  CHECK(std::to_string(lc.line) + ":" + std::to_string(lc.col) == expected);
}
