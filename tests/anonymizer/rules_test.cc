#include "anonymizer/rules.h"

#include <catch2/catch.hpp>
#include <string>

#include "anonymizer/name_tokens.h"
#include "anonymizer/utf8.h"

using namespace anonymizer;

namespace {

// The text with every detected span replaced, so a table row reads as the published sentence.
std::string redact(const std::string& text, Profile profile = Profile::kPublic,
                   const RuleSet& rules = RuleSet::builtin()) {
  Allowlist allow;
  allow.emails = {"info@ombudsman.nl", "@gemeente.example.nl"};
  allow.terms = {"088 123 4567"};
  auto found = resolve_overlaps(rules.detect(text, allow, profile));
  std::string out;
  std::size_t pos = 0;
  for (const auto& c : found) {
    out += text.substr(pos, c.start - pos) + c.replacement;
    pos = c.end;
  }
  return out + text.substr(pos);
}

}  // namespace

TEST_CASE("structured rules redact personal identifiers", "[rules]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"Haar BSN is 123456782.", "Haar BSN is [BSN]."},
      {"BSN 1234.56.782 en 123 456 782", "BSN [BSN] en [BSN]"},
      {"bsn: 111222334", "bsn: [BSN]"},  // wrong check digit, but given as a BSN
      {"IBAN NL91 ABNA 0417 1643 00 voor de huur", "IBAN [rekeningnummer] voor de huur"},
      {"rekening BE68 5390 0754 7034 voor", "rekening [rekeningnummer] voor"},
      {"naar DE89370400440532013000.", "naar [rekeningnummer]."},
      {"Bel 06-12345678 of (020) 123 45 67.", "Bel [telefoonnummer] of [telefoonnummer]."},
      {"U kunt mij bereiken op +31 6 2345 6789", "U kunt mij bereiken op [telefoonnummer]"},
      {"nummer 0031 6 1829 4470", "nummer [telefoonnummer]"},
      {"tel. 088-7555555", "tel. [telefoonnummer]"},
      {"Mail jan.de.vries@gmail.com.", "Mail [e-mailadres]."},
      {"Zij woont aan de Javastraat 12.", "Zij woont aan de [adres]."},
      {"Bijlmerdreef 101-3, 1102 CT Amsterdam", "[adres], [postcode] Amsterdam"},
      {"In de Jacob Bontiusplaats 9 hs", "In de [adres]"},
      {"Jan van Galenstraat 45-II en Dorpsweg 12A", "[adres] en [adres]"},
      {"Jeltje de Bosch Kemperpad 31", "[adres]"},
      {"postcode 2671AB", "postcode [postcode]"},
      {"geboren op 3 mei 1987", "geboren op [geboortedatum]"},
      {"geboortedatum: 03-05-1987", "geboortedatum: [geboortedatum]"},
      {"geb. 3-5-1987", "geb. [geboortedatum]"},
      {"geb 3-5-1987 en geb: 4-6-1990", "geb [geboortedatum] en geb: [geboortedatum]"},
      {"geboren 3-5-'87", "geboren [geboortedatum]"},
      {"Zijn auto met kenteken 52-HKT-7 stond er.", "Zijn auto met kenteken [kenteken] stond er."},
      {"kenteken 52HKT7", "kenteken [kenteken]"},
      {"Haar klantnummer bij het UWV is UW-55120934.",
       "Haar klantnummer bij het UWV is [kenmerk]."},
      {"polisnummer ZK 7719 3302 en", "polisnummer [kenmerk] en"},
      {"met zaaknummer Z/24/118455.", "met zaaknummer [kenmerk]."},
      {"aanslagnummer 7254.11.094.H.25.", "aanslagnummer [kenmerk]."},
      {"Serienummer: 1234567", "Serienummer: [kenmerk]"},
      {"(134258395)", "([kenmerk])"},
      // Abbreviation-like postcode letters after a house number, after "postcode", before a place.
      {"Kerkstraat 135, 1712 OF Diemen", "[adres], [postcode] Diemen"},
      {"Dorpsweg 4 1891 HR", "[adres] [postcode]"},
      {"postcode 1017 EN", "postcode [postcode]"},
      {"naar 1891 HR Almere verhuisd", "naar [postcode] Almere verhuisd"},
      // "bereikbaar" with a person as subject is no organisation's number.
      {"Zij is bereikbaar op (020) 426 12 67.", "Zij is bereikbaar op [telefoonnummer]."},
      {"Overdag is hij ook bereikbaar op 036-9656004.",
       "Overdag is hij ook bereikbaar op [telefoonnummer]."},
  }));
  CAPTURE(input);
  CHECK(redact(input) == expected);
}

TEST_CASE("structured rules keep what the policy keeps", "[rules]") {
  auto input = GENERATE(
      as<std::string>{}, "Rapport 2017/035 van de Nationale ombudsman.",
      "Volgens artikel 9:1 Awb en artikel 5.1 lid 2 onder e Woo.", "ECLI:NL:CRVB:2016:4833",
      "Een bedrag van € 1.234,56 en € 24.500 is 38% van 1.200 gevallen.",
      "Onze zaak 2025-00142 (zaaknummer 2024-01502) is afgerond.",
      "De Anne Frankstraat en de Jacob Bontiusplaats zijn straten.",
      "Op 12 september 2024 stuurde de gemeente een besluit.",
      "Bel 0800-1234, 0900-8112 of het algemene nummer 14 020.",
      "Het waterschap is bereikbaar via 088-2345678.",
      "De voorbeeldwaarde 123456789 uit de toelichting.",
      "Postcodes 1500 SD, 1943 SS en 2019 SA bestaan niet.",
      "Het rekeningnummer NL00 BANK 0123 4567 89 is ongeldig.",
      "Mail info@ombudsman.nl of klachten@gemeente.example.nl.",
      "Code AB-123-C en 12-ABC-3 zijn geen kentekens.", "Arbeidsmarkt 2024 en Wmo 2015.",
      "In 1401 BW staat het.", "Zie https://www.example.nl/zaak/12345678 voor meer.",
      "Het is [BSN] en [kenmerk] en [telefoonnummer].", "Het bellen op 088 123 4567 lukte.",
      "Het gebeurde op 3 mei 2020 in het gebouw, bij gebruik van 03-05-2020.");
  CAPTURE(input);
  CHECK(redact(input) == input);
}

TEST_CASE("rules find identifiers in every paragraph of HTML and Markdown", "[rules]") {
  // The text is cut into paragraphs at blank lines and at ">\n<" (html lines): an identifier
  // right after a cut, one in a later line, and one across a soft line break are all found.
  std::string filler(140, 'x');
  auto [input, expected] = GENERATE_COPY(table<std::string, std::string>({
      {"<p>" + filler + "</p>\n<p>Bel 06-12345678.</p>\n<p>BSN 123456782</p>",
       "<p>" + filler + "</p>\n<p>Bel [telefoonnummer].</p>\n<p>BSN [BSN]</p>"},
      {"<li>" + filler + "</li>\n  <li>IBAN NL91 ABNA 0417 1643 00</li>",
       "<li>" + filler + "</li>\n  <li>IBAN [rekeningnummer]</li>"},
      {filler + "\n\nZij is geboren op 3\nmei 1987.",
       filler + "\n\nZij is geboren op [geboortedatum]."},
      {"<p>" + filler + " geboren op\n3 mei 1987</p>",
       "<p>" + filler + " geboren op\n[geboortedatum]</p>"},
  }));
  CAPTURE(input);
  CHECK(redact(input) == expected);
}

TEST_CASE("the kinderen profile also drops exact dates", "[rules]") {
  auto [input, pub, kind] = GENERATE(table<std::string, std::string, std::string>({
      {"Op 3 mei 2024 ging het mis.", "Op 3 mei 2024 ging het mis.", "Op [datum] ging het mis."},
      {"Op 03-05-2024 en op 4 juni.", "Op 03-05-2024 en op 4 juni.", "Op [datum] en op [datum]."},
      {"In mei 2024 ging het mis.", "In mei 2024 ging het mis.", "In mei 2024 ging het mis."},
      {"geboren op 3 mei 2015", "geboren op [geboortedatum]", "geboren op [geboortedatum]"},
  }));
  CAPTURE(input);
  CHECK(redact(input) == pub);
  CHECK(redact(input, Profile::kKinderen) == kind);
}

TEST_CASE("scrubbing the output again changes nothing", "[rules]") {
  std::string text =
      "Mevrouw (BSN 123456782, geboren 3-5-1987) woont Javastraat 12, 1011 AB Amsterdam, tel. "
      "06-12345678, mail a@b.nl, IBAN NL91ABNA0417164300, kenteken 52-HKT-7, klantnummer 4471203.";
  for (Profile p : {Profile::kPublic, Profile::kKinderen}) {
    std::string once = redact(text, p);
    CHECK(once != text);
    CHECK(redact(once, p) == once);
    CHECK(RuleSet::builtin().detect(once, {}, p).empty());
  }
}

TEST_CASE("every candidate carries its rule, category, ground and replacement", "[rules]") {
  std::string text = "BSN 123456782 en 06-12345678";
  auto found = RuleSet::builtin().detect(text, {}, Profile::kPublic);
  REQUIRE(found.size() == 2);
  CHECK(found[0].start == 4);
  CHECK(found[0].end == 13);
  CHECK(found[0].category == "bsn");
  CHECK(found[0].rule == "bsn");
  CHECK(found[0].ground == "5.1.1e");
  CHECK(found[0].replacement == "[BSN]");
  CHECK(found[0].priority == kPriorityStructured);
  CHECK(text.substr(found[1].start, found[1].end - found[1].start) == "06-12345678");
  CHECK(found[1].category == "telefoon");
  CHECK(found[1].ground == "5.1.2e");
}

TEST_CASE("a site can add rules from JSON", "[rules]") {
  std::string error;
  auto rules = RuleSet::with_extra(nlohmann::json::parse(R"([{
      "id": "leerlingnummer", "category": "kenmerk", "pattern": "LL-\\d{6}",
      "ground": "5.1.2e", "replacement": "[kenmerk]", "why": "school pupil numbers"}])"),
                                   &error);
  REQUIRE(rules);
  CHECK(error.empty());
  CHECK(rules->specs().size() == RuleSet::builtin().specs().size() + 1);
  CHECK(redact("leerling LL-123456 en BSN 123456782", Profile::kPublic, *rules) ==
        "leerling [kenmerk] en BSN [BSN]");
}

TEST_CASE("a keep_pattern gives way to the context named in keep_pattern_unless_*", "[rules]") {
  std::string error;
  auto rules = RuleSet::with_extra(nlohmann::json::parse(R"J([{
      "id": "pasnummer", "category": "kenmerk", "pattern": "P\\d{4}", "ground": "5.1.2e",
      "replacement": "[kenmerk]", "keep_pattern": "P0\\d{3}",
      "keep_pattern_unless_after": "(?i:pas)[ :]+", "keep_pattern_unless_before": " \\(eigen\\)"}])J"),
                                   &error);
  REQUIRE(rules);
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"P1234 en P0123", "[kenmerk] en P0123"},
      {"pas: P0123", "pas: [kenmerk]"},
      {"P0123 (eigen)", "[kenmerk] (eigen)"},
      {"P0123 (van de bank)", "P0123 (van de bank)"},
  }));
  CAPTURE(input);
  CHECK(redact(input, Profile::kPublic, *rules) == expected);
  CHECK(RuleSet::with_extra(nlohmann::json::parse(R"([{"id": "x", "category": "x",
      "pattern": "x", "ground": "5.1.2e", "replacement": "[x]",
      "keep_pattern_unless_after": "y"}])"),
                            &error) == nullptr);
  CHECK(error == "rule 'x': keep_pattern_unless_after needs a keep_pattern");
}

TEST_CASE("a bad extra rule is reported by its id", "[rules]") {
  auto [json, message] = GENERATE(table<std::string, std::string>({
      {R"([{"id": "kapot", "category": "x", "pattern": "(ab", "ground": "5.1.2e",
            "replacement": "[x]"}])",
       "rule 'kapot': bad pattern: missing ): (ab"},
      {R"([{"id": "geen-vervanging", "category": "x", "pattern": "ab", "ground": "5.1.2e"}])",
       "rule 'geen-vervanging': missing string field 'replacement'"},
      {R"([{"id": "raar", "category": "x", "pattern": "ab", "ground": "5.1.2e",
            "replacement": "[x]", "validator": "luhn"}])",
       "rule 'raar': unknown validator 'luhn'"},
      {R"([{"id": "bsn", "category": "x", "pattern": "ab", "ground": "5.1.2e",
            "replacement": "[x]"}])",
       "rule 'bsn': duplicate id"},
      {R"({"id": "los"})", "rules must be a JSON array of rule objects"},
      {R"([{"id": "x", "category": "x", "pattern": "ab", "ground": "5.1.2e",
            "replacement": "[x]", "needs_one_of": ""}])",
       "rule 'x': empty needs_one_of"},
      {R"([{"id": "x", "category": "x", "pattern": "ab", "ground": "5.1.2e",
            "replacement": "[x]", "needs_one_of": "€"}])",
       "rule 'x': needs_one_of must be ASCII"},
  }));
  CAPTURE(json);
  std::string error;
  CHECK(RuleSet::with_extra(nlohmann::json::parse(json), &error) == nullptr);
  CHECK(error == message);
}

TEST_CASE("text without any character a rule needs is not searched for it", "[rules]") {
  auto rules_with = [](const char* needs) {
    std::string json = R"([{"id": "code", "category": "code", "pattern": "geheimcode [A-Z]{4}",
        "ground": "5.1.2e", "replacement": "[code]")";
    if (needs) json += std::string(R"(, "needs_one_of": ")") + needs + "\"";
    std::string error;
    auto rules = RuleSet::with_extra(nlohmann::json::parse(json + "}]"), &error);
    REQUIRE(rules);
    return rules;
  };
  // A paragraph long enough to be searched on its own (shorter ones join the next).
  const std::string plain = "De geheimcode ABCD staat hier. " + std::string(150, 'y');
  const std::string hashed = plain + " #";
  auto count = [](const RuleSet& rules, const std::string& text) {
    return rules.detect(text, {}, Profile::kPublic).size();
  };
  // Undeclared: every rule is looked for everywhere.
  CHECK(count(*rules_with(nullptr), plain) == 1);
  // Declared (wrongly here, to show the skip): found only where a '#' (or a digit or '@' that
  // the built-in rules need) occurs in the same paragraph.
  CHECK(count(*rules_with("#"), plain) == 0);
  CHECK(count(*rules_with("#"), hashed) == 1);
  CHECK(count(*rules_with("#"), plain + "\n\nEen andere alinea met een #.") == 0);
}

TEST_CASE("special-category terms are flagged as whole words", "[rules]") {
  std::string text =
      "Zij is Verslaafd geraakt, had een depressie en ging naar schuldhulpverlening. "
      "Haar strafblad was leeg. Een rozenstruik is geen ziekte.";
  auto flags = RuleSet::builtin().flags(text);
  std::vector<std::string> seen;
  for (const auto& f : flags) {
    seen.push_back(f.category + ":" + f.term + "=" + text.substr(f.start, f.end - f.start));
  }
  CHECK(seen ==
        std::vector<std::string>{"gezondheid:verslaafd=Verslaafd", "gezondheid:depressie=depressie",
                                 "schulden:schuldhulp=schuldhulpverlening",
                                 "strafrecht:strafblad=strafblad", "gezondheid:ziekte=ziekte"});
}

TEST_CASE("flags found from the word starts are those of the walk over every byte", "[rules]") {
  auto text = GENERATE(as<std::string>{}, "Zij is Verslaafd geraakt en had een depressie.",
                       "ggz-zorg, (ggz) en 3ggz; \u2018kanker\u2019 en \"autisme\".",
                       "Ziekte\u0301 en zi\u00EBkte en Zi\u00CBKTE, \u00E9\u00E9n psychose.",
                       "schuldhulpverlening schuldhulp-traject ziektewet ziek",
                       "Hij zat in\n  detentie en kreeg bewindvoering.\n\nKanker.",
                       "Ahmed (moslim) en \u0645\u0631\u064A\u0645 asielzoeker.",
                       "Stra\u00DFe stra\u00DFblad; \u00C6sop strafblad strafbladen.",
                       "kanker\xF0\x9F\x98\x80 vakbond\u00A0lid transgender");
  CAPTURE(text);
  utf8::FoldedText folded(text);
  NameTokens tokens(text);
  auto walk = RuleSet::builtin().flags(folded);
  auto by_word = RuleSet::builtin().flags(folded, tokens);
  REQUIRE(by_word.size() == walk.size());
  for (std::size_t i = 0; i < walk.size(); ++i) {
    CHECK(by_word[i].start == walk[i].start);
    CHECK(by_word[i].end == walk[i].end);
    CHECK(by_word[i].term == walk[i].term);
  }
  CHECK_FALSE(walk.empty());
}

TEST_CASE("the flag list is large and every rule explains itself", "[rules]") {
  for (const auto& spec : RuleSet::builtin().specs()) {
    CAPTURE(spec.id);
    CHECK(!spec.why.empty());
    CHECK(spec.replacement.front() == '[');
  }
  // The flag list must be broad enough to be useful: count distinct flagged words in a list.
  std::string terms =
      "autisme ADHD psychose kanker strafblad veroordeeld detentie schuldhulp bewindvoering "
      "beslag moslim vakbond transgender asielzoeker";
  CHECK(RuleSet::builtin().flags(terms).size() == 14);
}

TEST_CASE("invalid UTF-8 and pathological input do not break detection", "[rules]") {
  std::string bad =
      "BSN \xFF"
      "123456782\xC3 en 06-1234\xE2\x82"
      "5678 \xF0\x9F";
  auto found = RuleSet::builtin().detect(bad, {}, Profile::kKinderen);
  REQUIRE(found.size() == 1);
  CHECK(found[0].category == "bsn");
  std::string digits(1 << 20, '7');
  CHECK(RuleSet::builtin().detect(digits, {}, Profile::kPublic).size() == 1);
  std::string caps;
  for (int i = 0; i < 20000; ++i) caps += "Jan Van De ";
  CHECK(RuleSet::builtin().detect(caps, {}, Profile::kPublic).empty());
  CHECK(RuleSet::builtin()
            .flags("\xFF\xFE"
                   "kanker\xC0")
            .size() == 1);
}
