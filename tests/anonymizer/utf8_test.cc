#include "anonymizer/utf8.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

using namespace anonymizer;

TEST_CASE("utf8::is_valid accepts well-formed text only", "[utf8]") {
  auto [input, valid] = GENERATE(table<std::string, bool>({
      {"", true},
      {"gewone tekst", true},
      {"Öztürk, Ĳsselmeer, Ελλάδα, Москва, 😀", true},
      {"\xC3", false},              // truncated two-byte sequence
      {"\xC0\xAF", false},          // overlong '/'
      {"\xED\xA0\x80", false},      // UTF-16 surrogate
      {"\xF4\x90\x80\x80", false},  // past U+10FFFF
      {"ab\x80"
       "cd",
       false},  // stray continuation byte
      {"\xFF", false},
  }));
  CAPTURE(input);
  CHECK(utf8::is_valid(input) == valid);
}

TEST_CASE("utf8::decode and decode_before agree and never overrun", "[utf8]") {
  std::string text = "aé€😀\xC3z";
  std::vector<char32_t> forward;
  for (std::size_t i = 0; i < text.size();) {
    auto d = utf8::decode(text, i);
    forward.push_back(d.cp);
    i += d.length;
  }
  CHECK(forward == std::vector<char32_t>{'a', 0xE9, 0x20AC, 0x1F600, utf8::kReplacement, 'z'});
  std::vector<char32_t> backward;
  for (std::size_t i = text.size(); i > 0;) {
    auto d = utf8::decode_before(text, i);
    backward.insert(backward.begin(), d.cp);
    i -= d.length;
  }
  CHECK(backward == forward);
}

TEST_CASE("utf8::sanitize replaces invalid bytes", "[utf8]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"goed", "goed"},
      {"a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b"},
      {"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"café", "café"},
  }));
  CAPTURE(input);
  CHECK(utf8::sanitize(input) == expected);
}

TEST_CASE("utf8::fold lower-cases, strips diacritics and spells out ligatures", "[utf8]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"Öztürk", "ozturk"},
      {"ÇELİK", "celik"},
      {"Ĳsselmeer", "ijsselmeer"},
      {"Straße", "strasse"},
      {"Œuvre Æsop", "oeuvre aesop"},
      {"Łukasz Wałęsa", "lukasz walesa"},
      {"Şahin Ţepeş", "sahin tepes"},
      {"van ’t Hek", "van 't hek"},
      {"Ÿvonne ÿ", "yvonne y"},
      {"ΑΒΓ", "αβγ"},
      {"ЖУК", "жук"},
      {"bad\xFF", "bad\xEF\xBF\xBD"},
  }));
  CAPTURE(input);
  CHECK(utf8::fold(input) == expected);
}

TEST_CASE("utf8::lower and upper map Latin letters both ways", "[utf8]") {
  auto [input, low, up] = GENERATE(table<std::string, std::string, std::string>({
      {"De Vries", "de vries", "DE VRIES"},
      {"Öztürk", "öztürk", "ÖZTÜRK"},
      {"Ĳzerman", "ĳzerman", "ĲZERMAN"},
      {"Łódź", "łódź", "ŁÓDŹ"},
      {"Ÿ", "ÿ", "Ÿ"},
      {"123-ab", "123-ab", "123-AB"},
  }));
  CAPTURE(input);
  CHECK(utf8::lower(input) == low);
  CHECK(utf8::upper(input) == up);
}

TEST_CASE("utf8::fold_with_offsets maps each folded byte back to its source", "[utf8]") {
  std::string text = "Æb é";
  auto f = utf8::fold_with_offsets(text);
  CHECK(f.text == "aeb e");
  CHECK(f.source == std::vector<std::size_t>{0, 0, 2, 3, 4, 6});
}

TEST_CASE("utf8::FoldedText folds as fold() does and maps offsets both ways", "[utf8]") {
  auto text = GENERATE(as<std::string>{}, "", "Gewone Tekst", "Æb é", "Straße \xE2\x80\x99s",
                       "\xFF\xC3x\xE2\x82", "ĲSSEL Öztürk Ελλάδα 😀 end",
                       std::string(20, 'A') + "é" + std::string(20, 'b'));
  CAPTURE(text);
  utf8::FoldedText folded(text);
  auto expected = utf8::fold_with_offsets(text);
  CHECK(folded.text() == utf8::fold(text));
  CHECK(folded.text() == expected.text);
  for (std::size_t f = 0; f <= folded.text().size(); ++f) {
    CHECK(folded.source_offset(f) == expected.source[f]);
  }
  // folded_offset: the first folded byte whose source offset is at least the given one.
  for (std::size_t s = 0; s <= text.size(); ++s) {
    std::size_t f = 0;
    while (f < expected.text.size() && expected.source[f] < s) ++f;
    CHECK(folded.folded_offset(s) == f);
  }
}

TEST_CASE("utf8::fold_code_point writes what fold() writes for one character", "[utf8]") {
  for (char32_t cp = 0; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string one;
    utf8::append(one, cp);
    char buf[4];
    std::size_t n = utf8::fold_code_point(cp, buf);
    CAPTURE(static_cast<std::uint32_t>(cp));
    REQUIRE(std::string(buf, n) == utf8::fold(one));
    // The tokenizer folds words in place: a letter never folds longer than it is written.
    if (utf8::is_word_char(cp)) CHECK(n <= one.size());
  }
}

TEST_CASE("utf8 word tests treat letters with diacritics as word characters", "[utf8]") {
  auto [text, start, end, whole] = GENERATE(table<std::string, std::size_t, std::size_t, bool>({
      {"een roos", 4, 8, true},
      {"rozen", 0, 3, false},
      {"café", 0, 3, false},  // 'é' continues the word
      {"(06)", 1, 3, true},
      {"x1234", 1, 5, false},
      {"ß1", 2, 3, false},
  }));
  CAPTURE(text, start, end);
  CHECK(utf8::is_whole_word(text, start, end) == whole);
}

TEST_CASE("utf8 letter and case classes", "[utf8]") {
  CHECK(utf8::is_letter(U'é'));
  CHECK(utf8::is_letter(U'ß'));
  CHECK_FALSE(utf8::is_letter(U'×'));
  CHECK_FALSE(utf8::is_letter(U'7'));
  CHECK(utf8::is_word_char(U'7'));
  CHECK(utf8::is_upper(U'Ö'));
  CHECK(utf8::is_lower(U'ö'));
  CHECK_FALSE(utf8::is_upper(U'-'));
  CHECK(utf8::strip_diacritic(U'ř') == U'r');
  CHECK(utf8::strip_diacritic(U'€') == U'€');
}

TEST_CASE("utf8::fold_code_point keeps every character a word character or not", "[utf8]") {
  // RuleSet::flags looks for terms at the tokens' word starts in the folded text: that holds
  // only while folding moves no word boundary.
  std::size_t changed = 0, empty = 0;
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    char buf[8];
    std::size_t n = utf8::fold_code_point(cp, buf);
    empty += n == 0;
    std::string_view folded(buf, n);
    for (std::size_t at = 0; at < n;) {
      utf8::Decoded d = utf8::decode(folded, at);
      if (utf8::is_word_char(d.cp) != utf8::is_word_char(cp)) ++changed;
      at += d.length;
    }
  }
  CHECK(changed == 0);
  CHECK(empty == 0);
}
