#include "generator/validate.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

namespace {

using generator::Diagnostics;

std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(d.format());
  return out;
}

}  // namespace

TEST_CASE("dates must be real YYYY-MM-DD calendar dates", "[validate]") {
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"2025-03-14", ""},
      {"2024-02-29", ""},  // leap year
      {"2000-02-29", ""},  // divisible by 400
      {"0001-01-01", ""},
      {"2025-02-30", "2025-02-30 is not a calendar date"},
      {"2025-02-29", "2025-02-29 is not a calendar date"},
      {"1900-02-29", "1900-02-29 is not a calendar date"},  // divisible by 100
      {"2025-04-31", "2025-04-31 is not a calendar date"},
      {"2025-01-00", "2025-01-00 is not a calendar date"},
      {"2025-13-01", "month 13 is not a month"},
      {"2025-00-10", "month 0 is not a month"},
      {"0000-05-01", "year 0 does not exist"},
      {"14-03-2025", "'date' must be a date written YYYY-MM-DD, not '14-03-2025'"},
      {"2025-3-14", "'date' must be a date written YYYY-MM-DD, not '2025-3-14'"},
      {"2025-03-14T10:00", "'date' must be a date written YYYY-MM-DD, not '2025-03-14T10:00'"},
      {"2025/03/14", "'date' must be a date written YYYY-MM-DD, not '2025/03/14'"},
      {"", "'date' must be a date written YYYY-MM-DD, not ''"},
  }));
  CAPTURE(text);
  CHECK(generator::date_problem("date", text).value_or("") == expected);
}

TEST_CASE("case numbers are YYYY-NNNNN with a plausible year", "[validate]") {
  auto [id, expected] = GENERATE(table<std::string, std::string>({
      {"2025-00142", ""},
      {"1990-00001", ""},
      {"2100-99999", ""},
      {"1989-00001", "year 1989 of id '1989-00001' is outside 1990..2100"},
      {"2101-00001", "year 2101 of id '2101-00001' is outside 1990..2100"},
      {"2025-142", "'id' must be a case number like 2025-00142, not '2025-142'"},
      {"2025-001420", "'id' must be a case number like 2025-00142, not '2025-001420'"},
      {"2025_00142", "'id' must be a case number like 2025-00142, not '2025_00142'"},
      {"abcd-efghi", "'id' must be a case number like 2025-00142, not 'abcd-efghi'"},
  }));
  CAPTURE(id);
  CHECK(generator::zaak_id_problem(id).value_or("") == expected);
}

TEST_CASE("slugs are lower-case a-z, 0-9 and '-', segments split by '/'", "[validate]") {
  auto [text, valid] = GENERATE(table<std::string, bool>({
      {"over", true},
      {"jaarverslag-2024", true},
      {"kinderen/klacht", true},
      {"", false},
      {"Over", false},
      {"over ons", false},
      {"café", false},
      {"a//b", false},
      {"/over", false},
      {"over/", false},
      {"../geheim", false},
  }));
  CAPTURE(text);
  CHECK(generator::is_slug_path(text) == valid);
}

TEST_CASE("roles are lower-case words with single spaces", "[validate]") {
  auto [text, valid] = GENERATE(table<std::string, bool>({
      {"verzoeker", true},
      {"ex partner", true},
      {"Verzoeker", false},
      {"", false},
      {" kind", false},
      {"kind ", false},
      {"ex  partner", false},
      {"ex-partner", false},
      {"kind2", false},
  }));
  CAPTURE(text);
  CHECK(generator::is_role(text) == valid);
}

TEST_CASE("edit distance counts a transposition as one edit", "[validate]") {
  auto [a, b, expected] = GENERATE(table<std::string, std::string, std::size_t>({
      {"gegrond", "gegrond", 0},
      {"gegrondd", "gegrond", 1},
      {"gerond", "gegrond", 1},
      {"titel", "title", 1},
      {"baseUrl", "baseURL", 2},
      {"", "abc", 3},
      {"abc", "", 3},
      {"kitten", "sitting", 3},
  }));
  CAPTURE(a, b);
  CHECK(generator::edit_distance(a, b) == expected);
}

TEST_CASE("hints name the closest candidate within two edits", "[validate]") {
  const std::vector<std::string> fields = {"title", "date", "themes", "id", "status"};
  auto [word, expected] = GENERATE(table<std::string, std::string>({
      {"titel", ", did you mean 'title'?"},
      {"datum", ", did you mean 'date'?"},  // the Dutch word for it
      {"theme", ", did you mean 'themes'?"},
      {"statsu", ", did you mean 'status'?"},
      {"x", ""},  // too short to guess from
      {"ik", ", did you mean 'id'?"},
      {"onbekend", ""},
  }));
  CAPTURE(word);
  CHECK(generator::did_you_mean(word, fields) == expected);
}

TEST_CASE("the first byte that breaks UTF-8 is found", "[validate]") {
  auto [text, expected] = GENERATE(table<std::string, int>({
      {"gewoon ascii", -1},
      {"café ÿ € 😀", -1},
      {"caf\xE9", 3},               // Latin-1 é
      {"a\xC3", 1},                 // truncated sequence
      {"a\xC3(", 1},                // bad continuation
      {"\xC0\xAF", 0},              // overlong '/'
      {"\xE0\x80\xAF", 0},          // overlong, three bytes
      {"ok\xED\xA0\x80", 2},        // UTF-16 surrogate
      {"\xF4\x90\x80\x80", 0},      // past U+10FFFF
      {"\xF8\x88\x80\x80\x80", 0},  // five-byte form
      {"abc\x80", 3},               // stray continuation byte
  }));
  CAPTURE(text);
  auto bad = generator::first_invalid_utf8(text);
  CHECK((bad ? static_cast<int>(*bad) : -1) == expected);
}

TEST_CASE("prepare_text strips a BOM, normalises CRLF and rejects unusable text", "[validate]") {
  auto [input, output, diagnostic] = GENERATE(table<std::string, std::string, std::string>({
      {"\xEF\xBB\xBFtitel", "titel", ""},
      {"a\r\nb\r\n", "a\nb\n", ""},
      {"a\rb", "a\rb", ""},  // a lone CR is left alone
      {"", "", "f.md: error: empty file"},
      {"\xEF\xBB\xBF", "", "f.md: error: empty file"},
      {" \n\r\n\t", "", "f.md: error: empty file"},
      {"ok\nnog \xFF", "", "f.md:2:5: error: invalid UTF-8 (byte 0xFF)"},
      {"\xEF\xBB\xBFx\xC3", "", "f.md:1:2: error: invalid UTF-8 (byte 0xC3)"},
  }));
  CAPTURE(input);
  std::string text = input;
  Diagnostics diags;
  bool ok = generator::prepare_text(text, "f.md", diags);
  CHECK(ok == diagnostic.empty());
  if (ok) {
    CHECK(text == output);
    CHECK(lines(diags).empty());
  } else {
    CHECK(lines(diags) == std::vector<std::string>{diagnostic});
  }
}

TEST_CASE("text over 10 MB is rejected", "[validate]") {
  std::string text(generator::kMaxFileBytes + 1, 'a');
  Diagnostics diags;
  CHECK_FALSE(generator::prepare_text(text, "f.md", diags));
  CHECK(lines(diags) == std::vector<std::string>{
                            "f.md: error: file too large: 10485761 bytes, the limit is 10 MB"});
}

TEST_CASE("unknown keys warn at the key with a hint", "[validate]") {
  generator::FieldPositions positions;
  positions["woo.categorie"] = {{3, 3}, {3, 14}};
  positions["woo.extra"] = {{4, 3}, {4, 10}};
  auto object = nlohmann::json::parse(R"({"categorie": "x", "created": "2025-01-01", "extra": 1})");
  Diagnostics diags;
  generator::warn_unknown_keys(object, "woo", {"category", "created", "modified"}, positions,
                               "f.md", diags);
  CHECK(lines(diags) == std::vector<std::string>{
                            "f.md:3:3: warning: unknown field 'woo.categorie', did you mean "
                            "'category'?",
                            "f.md:4:3: warning: unknown field 'woo.extra'",
                        });
}

TEST_CASE("FieldReader reports types and blanks at the value", "[validate]") {
  auto object = nlohmann::json::parse(
      R"({"s": 5, "b": "ja", "n": 1.5, "big": 3000000000, "neg": -4, "l": "x", "e": " "})");
  generator::FieldPositions positions;
  int line = 1;
  for (const char* key : {"s", "b", "n", "big", "neg", "l", "e"}) {
    positions[key] = {{line, 1}, {line, 5}};
    ++line;
  }
  Diagnostics diags;
  generator::FieldReader reader(object, "", positions, "f.json", diags);
  CHECK_FALSE(reader.string("s", true));
  CHECK_FALSE(reader.boolean("b"));
  CHECK_FALSE(reader.integer("n"));
  CHECK_FALSE(reader.integer("big"));
  CHECK(reader.integer("neg") == -4);
  CHECK_FALSE(reader.string_list("l"));
  CHECK_FALSE(reader.string("e", true));
  CHECK(reader.string("e", false) == "");
  CHECK_FALSE(reader.string("absent", true));
  CHECK_FALSE(reader.ok);
  CHECK(lines(diags) == std::vector<std::string>{
                            "f.json:1:1: error: missing required field 'absent'",
                            "f.json:1:5: error: 's' must be a string (put the value in quotes)",
                            "f.json:2:5: error: 'b' must be true or false",
                            "f.json:3:5: error: 'n' must be a whole number",
                            "f.json:4:5: error: 'big' must be a whole number",
                            "f.json:6:5: error: 'l' must be a list of strings",
                            "f.json:7:5: error: 'e' must not be empty",
                        });
}
