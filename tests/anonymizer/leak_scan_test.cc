#include "anonymizer/leak_scan.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "anonymizer/rules.h"

using anonymizer::Allowlist;
using anonymizer::LeakScanner;
using anonymizer::Persons;

namespace {

// Each leak as the text it covers and its category, to compare whole lists.
std::vector<std::string> leaks(const LeakScanner& scanner, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : scanner.scan(text)) {
    REQUIRE(l.offset + l.length <= text.size());
    out.push_back(l.category + ":" + text.substr(l.offset, l.length));
  }
  return out;
}

const LeakScanner& site_scanner() {
  static const Persons persons = {
      {"Maria de Vries", "verzoeker"}, {"Roos Bakker", "kind"}, {"Ayşe Öztürk", "moeder"},
      {"Ahmed El Idrissi", "buurman"}, {"Bo Li", "kind"},       {"Anne Mulder", "getuige"},
  };
  static const Allowlist allow = {
      {"Reinier van Zutphen", "Anne Mulder"}, {"info@ombudsman.nl"}, {}};
  static const LeakScanner scanner(persons, allow, anonymizer::RuleSet::builtin());
  return scanner;
}

}  // namespace

TEST_CASE("the leak scanner finds declared names in published files", "[leak]") {
  using List = std::vector<std::string>;
  auto [text, expected] = GENERATE(table<std::string, List>({
      {"<p>Mevrouw Maria de Vries belde.</p>", {"naam:Maria de Vries"}},
      {"<img alt=\"Foto van M. de Vries\" src=\"x.png\">", {"naam:M. de Vries"}},
      {"<a href=\"/zaken/maria-de-vries/\">zaak</a>", {"naam:maria-de-vries"}},
      {"bijlage_maria_de_vries.pdf", {"naam:maria_de_vries"}},
      {"<p>Maria&#39;s brief</p>", {"naam:Maria"}},
      {"<p>Mevrouw &Ouml;zt&uuml;rk</p>", {"naam:&Ouml;zt&uuml;rk"}},
      {R"({"title": "Brief van \u00d6zt\u00fcrk"})", {"naam:\\u00d6zt\\u00fcrk"}},
      {"<p>OZTURK en Ahmeds fiets</p>", {"naam:OZTURK", "naam:Ahmeds"}},
      {"<p>mevrouw Bakker en de heer El Idrissi</p>", {"naam:mevrouw Bakker", "naam:El Idrissi"}},
      {"<p>Zij kocht een roos bij de bakker.</p>", {}},
      {"<p>Roos Bakker</p>", {"naam:Roos Bakker"}},
      {"<p>Li en Bo gingen naar de Vriesstraat.</p>", {}},
      {"<p>De ombudsman Reinier van Zutphen en Anne Mulder.</p>", {}},
      {"<p>[verzoeker] en [kind 1]</p>", {}},
      // Offsets after several escapes of different lengths still point at the source bytes.
      {"<a href=\"/zoek?q=Maria%20de%20Vries\">&amp;&#x2019;&amp;</a> &eacute; Maria",
       {"naam:Maria%20de%20Vries", "naam:Maria"}},
      {"&lt;&lt;&lt;\\u0041 Roos&#32;Bakker", {"naam:Roos&#32;Bakker"}},
  }));
  CAPTURE(text);
  CHECK(leaks(site_scanner(), text) == expected);
}

TEST_CASE("the leak scanner reports structured identifiers by category", "[leak]") {
  auto found = site_scanner().scan("<td>BSN 111222333</td> <td>info@ombudsman.nl</td>");
  REQUIRE(found.size() == 1);
  CHECK(found[0].category == "bsn");
  CHECK(found[0].offset == 8);
  CHECK(found[0].length == 9);
}

TEST_CASE("a scanner without persons still checks structured data", "[leak]") {
  LeakScanner scanner({}, {}, anonymizer::RuleSet::builtin());
  CHECK(scanner.scan("<p>Maria de Vries</p>").empty());
  CHECK(scanner.scan("").empty());
}
