// verify_files: content and file names of every output, a name per path segment.

#include "generator/verify.h"

#include <catch2/catch.hpp>
#include <string>

#include "anonymizer/leak_scan.h"
#include "anonymizer/rules.h"

using generator::Diagnostics;
using generator::OutputFiles;

namespace {

std::size_t leaks_in(const std::string& path, const std::string& bytes, std::string* messages) {
  anonymizer::Persons persons = {{"Jan Pietersen", "verzoeker"}, {"Femke Wolters", "kind"}};
  anonymizer::LeakScanner scanner(persons, {}, anonymizer::RuleSet::builtin());
  Diagnostics diags;
  OutputFiles files = {{path, bytes}, {"index.html", "<p>Welkom</p>"}};
  std::size_t n = generator::verify_files(files, scanner, "site", diags, 2);
  for (const auto& d : diags.sorted()) *messages += d.format() + "\n";
  return n;
}

std::string messages_of(const Diagnostics& diags) {
  std::string messages;
  for (const auto& d : diags.sorted()) messages += d.format() + "\n";
  return messages;
}

}  // namespace

TEST_CASE("verify reads file names one segment at a time", "[verify]") {
  auto [path, bytes, leaks] = GENERATE(table<std::string, std::string, std::size_t>({
      // Pagination of a theme named after a verb: not "wonen ... 40", an address.
      {"thema/wonen/pagina/40/index.html", "<p>Lijst</p>", 0},
      {"thema/verhuizen/pagina/2/index.html", "<p>Lijst</p>", 0},
      {"zaken/jan-pietersen/index.html", "<p>Zaak</p>", 1},
      {"assets/femke_wolters.css", "body{}", 1},
      {"zaken/2025-00142/index.html", "<p>De heer Pietersen belde.</p>", 1},
      {"zaken/jan-pietersen/femke-wolters.html", "<p>x</p>", 2},
  }));
  CAPTURE(path);
  std::string messages;
  CHECK(leaks_in(path, bytes, &messages) == leaks);
  // The file's path names the place of a leak in a file name; a content value is never shown.
  CHECK(messages.find("Pietersen") == std::string::npos);
}

TEST_CASE("verify reports a leak in every file that repeats it", "[verify]") {
  anonymizer::Persons persons = {{"Jan Pietersen", "verzoeker"}};
  anonymizer::LeakScanner scanner(persons, {}, anonymizer::RuleSet::builtin());
  const std::string footer = "<footer>\n<p>Contact</p>\n</footer>\n";
  OutputFiles files;
  for (int i = 0; i < 6; ++i) {
    std::string page = "<html>\n<body>\n<p>Pagina " + std::to_string(i) + "</p>\n";
    // A leak in a segment shared by every page, one in a paragraph that runs over two lines
    // (the soft break is no segment boundary) and one in an attribute.
    page += "<p>Dhr. Pietersen belde.</p>\n";
    if (i % 2 == 0) page += "<p>Toen schreef\nJan\nPietersen terug.</p>\n";
    if (i == 5) page += "<a title=\"BSN 111222333\">x</a>\n";
    files.push_back({"p" + std::to_string(i) + ".html", page + footer + "</body>\n</html>\n"});
  }
  Diagnostics diags;
  std::size_t leaks = generator::verify_files(files, scanner, "site", diags, 2);
  INFO(messages_of(diags));
  CHECK(leaks == 6 + 3 + 1);
  std::string messages;
  for (const auto& d : diags.sorted()) messages += d.format() + "\n";
  CHECK(messages.find("site/p0.html:4:") != std::string::npos);
  CHECK(messages.find("site/p5.html:4:") != std::string::npos);
  CHECK(messages.find("site/p4.html:6:1:") != std::string::npos);  // "Jan\nPietersen"
  CHECK(messages.find("leak of bsn") != std::string::npos);
}

TEST_CASE("verify splits indented XML between tags and still finds every leak", "[verify]") {
  anonymizer::Persons persons = {{"Jan Pietersen", "verzoeker"}};
  anonymizer::LeakScanner scanner(persons, {}, anonymizer::RuleSet::builtin());
  OutputFiles files;
  for (int i = 0; i < 4; ++i) {
    std::string xml = "<?xml version=\"1.0\"?>\n<urlset>\n  <url>\n";
    xml += "    <loc>https://example.nl/zaken/" + std::to_string(i) + "/</loc>\n";
    xml += "    <title>Brief van J. Pietersen</title>\n";  // shared by every file
    // Text that starts on the line after its tag is no boundary: "Jan\n      Pietersen".
    xml += "    <omschrijving>\n      Jan\n      Pietersen belde.\n    </omschrijving>\n";
    xml += "  </url>\n</urlset>\n";
    files.push_back({"sitemap-" + std::to_string(i) + ".xml", xml});
  }
  Diagnostics diags;
  std::size_t leaks = generator::verify_files(files, scanner, "site", diags, 2);
  INFO(messages_of(diags));
  CHECK(leaks == 4 * 2);
  std::string messages = messages_of(diags);
  CHECK(messages.find("site/sitemap-3.xml:5:") != std::string::npos);
  CHECK(messages.find("site/sitemap-3.xml:7:7:") != std::string::npos);
}

TEST_CASE("a segment repeated within one file is reported at every place", "[verify]") {
  anonymizer::Persons persons = {{"Jan Pietersen", "verzoeker"}};
  anonymizer::LeakScanner scanner(persons, {}, anonymizer::RuleSet::builtin());
  std::string xml = "<list>\n";
  for (int i = 0; i < 3; ++i) xml += "  <item>Brief van J. Pietersen</item>\n  <item>x</item>\n";
  xml += "</list>\n";
  Diagnostics diags;
  CHECK(generator::verify_files({{"lijst.xml", xml}}, scanner, "site", diags, 1) == 3);
  std::string messages = messages_of(diags);
  for (const char* at : {"site/lijst.xml:2:", "site/lijst.xml:4:", "site/lijst.xml:6:"}) {
    CHECK(messages.find(at) != std::string::npos);
  }
}
