#include "generator/content_loader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using generator::Diagnostics;
using generator::DocKind;
using generator::parse_document;

const fs::path kSites = fs::path(OMBUDSITE_SOURCE_DIR) / "tests" / "sites";
const std::string kZaakPath = "content/zaken/2025-00142.md";

std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.sorted()) out.push_back(d.format());
  return out;
}

std::vector<std::string> paths_of(const std::vector<generator::SourceDoc>& docs) {
  std::vector<std::string> out;
  for (const auto& d : docs) out.push_back(d.path);
  return out;
}

// A valid zaakverslag, its fields on lines 2-7. Each change "key: value" replaces the line with
// that key or is appended after line 7; "-key" drops the line.
std::string zaak(const std::vector<std::string>& changes) {
  std::vector<std::string> fields = {
      "id: 2025-00142",   "title: Geen antwoord op bezwaar", "date: 2025-03-14",
      "status: approved", "municipality: Voorbeeldstad",     "outcome: gegrond",
  };
  for (const std::string& change : changes) {
    bool drop = change[0] == '-';
    std::string key = drop ? change.substr(1) : change.substr(0, change.find(':'));
    auto it = std::find_if(fields.begin(), fields.end(),
                           [&](const std::string& f) { return f.rfind(key + ":", 0) == 0; });
    if (drop) {
      if (it != fields.end()) fields.erase(it);
    } else if (it != fields.end()) {
      *it = change;
    } else {
      fields.push_back(change);
    }
  }
  std::string text = "---\n";
  for (const std::string& f : fields) text += f + "\n";
  return text + "---\nDe gemeente reageerde niet.\n";
}

// A scratch site root, removed again at the end of the test.
struct TempSite {
  TempSite() {
    static int counter = 0;
    root = fs::temp_directory_path() /
           ("ombudsite-loader-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::create_directories(root / "content");
  }
  ~TempSite() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& rel, const std::string& text) const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel, std::ios::binary) << text;
  }
  fs::path root;
};

}  // namespace

TEST_CASE("a zaakverslag field problem is one whole diagnostic line", "[content_loader]") {
  auto [change, expected] = GENERATE(table<std::string, std::string>({
      {"date: 2025-02-30", ":4:7: error: 2025-02-30 is not a calendar date"},
      {"date: 0000-01-10", ":4:7: error: year 0 does not exist"},
      {"date: 2025-13-01", ":4:7: error: month 13 is not a month"},
      {"date: 14-03-2025",
       ":4:7: error: 'date' must be a date written YYYY-MM-DD, not '14-03-2025'"},
      {"-date", ":1:1: error: missing required field 'date'"},
      {"-title", ":1:1: error: missing required field 'title'"},
      {"title: ''", ":3:8: error: 'title' must not be empty"},
      {"title: 1984", ":3:8: error: 'title' must be a string (put the value in quotes)"},
      {"title: [a, b]", ":3:8: error: 'title' must be a string"},
      {"outcome: gegrondd", ":7:10: error: unknown outcome 'gegrondd', did you mean 'gegrond'?"},
      {"outcome: deels-gegrond",
       ":7:10: error: unknown outcome 'deels-gegrond', did you mean 'deels gegrond'?"},
      {"outcome: geweldig",
       ":7:10: error: unknown outcome 'geweldig' (expected one of: gegrond, ongegrond, deels "
       "gegrond, bemiddeld, opgelost, geen oordeel, ingetrokken)"},
      {"-outcome", ":1:1: error: missing required field 'outcome'"},
      {"-municipality", ":1:1: error: missing required field 'municipality'"},
      {"-status", ":1:1: error: missing required field 'status'"},
      {"status: aproved", ":5:9: error: unknown status 'aproved', did you mean 'approved'?"},
      {"-id", ":1:1: error: missing required field 'id'"},
      {"id: 2025-142", ":2:5: error: 'id' must be a case number like 2025-00142, not '2025-142'"},
      {"id: 1985-00001", ":2:5: error: year 1985 of id '1985-00001' is outside 1990..2100"},
      {"themes: wonen", ":8:9: error: 'themes' must be a list of strings"},
      {"themes: [wonen, 3]", ":8:17: error: 'themes[1]' must be a string"},
      {"persons: [{role: verzoeker}]", ":8:11: error: missing required field 'persons[0].name'"},
      {"persons: [{name: '', role: kind}]", ":8:18: error: 'persons[0].name' must not be empty"},
      {"persons: [{name: Jan Smit, role: Verzoeker}]",
       ":8:34: error: 'persons[0].role' must be a lower-case word such as 'verzoeker', not "
       "'Verzoeker'"},
      {"persons: [{name: Jan Smit}]", ":8:11: error: missing required field 'persons[0].role'"},
      {"persons: Jan Smit", ":8:10: error: 'persons' must be a list of {name, role} entries"},
      {"persons: [Jan Smit]", ":8:11: error: 'persons[0]' must be a {name, role} entry"},
      {"kinderen: {title: Voor jou}", ":8:11: error: missing required field 'kinderen.body'"},
      {"kinderen: tekst", ":8:11: error: 'kinderen' must be a mapping of fields"},
      {"woo: {category: klachtoordeel}",
       ":8:17: error: unknown Woo category 'klachtoordeel', did you mean 'klachtoordelen'?"},
      {"woo: {created: 2025-02-30}", ":8:16: error: 2025-02-30 is not a calendar date"},
      {"layout: ../../geheim",
       ":8:9: error: 'layout' must be a template name such as 'zaak', not "
       "'../../geheim'"},
      {"updated: 2025-02-31", ":8:10: error: 2025-02-31 is not a calendar date"},
  }));
  CAPTURE(change);
  Diagnostics diags;
  CHECK_FALSE(parse_document(zaak({change}), kZaakPath, diags));
  CHECK(lines(diags) == std::vector<std::string>{kZaakPath + expected});
}

TEST_CASE("warnings leave the document valid", "[content_loader]") {
  auto [change, expected] = GENERATE(table<std::string, std::string>({
      {"titel: Iets", ":8:1: warning: unknown field 'titel', did you mean 'title'?"},
      {"kleur: blauw", ":8:1: warning: unknown field 'kleur'"},
      {"menu: true", ":8:1: warning: field 'menu' is not used for zaakverslagen"},
      {"updated: 2025-01-02",
       ":8:10: warning: 'updated' (2025-01-02) is before 'date' (2025-03-14)"},
      {"persons: [{name: Jan, role: kind, leeftijd: 9}]",
       ":8:35: warning: unknown field 'persons[0].leeftijd'"},
  }));
  CAPTURE(change);
  Diagnostics diags;
  CHECK(parse_document(zaak({change}), kZaakPath, diags));
  CHECK(lines(diags) == std::vector<std::string>{kZaakPath + expected});
}

TEST_CASE("every problem of a document is reported", "[content_loader]") {
  Diagnostics diags;
  CHECK_FALSE(parse_document(zaak({"date: 2025-02-30", "-title", "outcome: gegrondd", "kleur: 1"}),
                             kZaakPath, diags));
  CHECK(lines(diags) == std::vector<std::string>{
                            kZaakPath + ":1:1: error: missing required field 'title'",
                            kZaakPath + ":3:7: error: 2025-02-30 is not a calendar date",
                            kZaakPath + ":6:10: error: unknown outcome 'gegrondd', did you mean "
                                        "'gegrond'?",
                            kZaakPath + ":7:1: warning: unknown field 'kleur'",
                        });
}

TEST_CASE("a valid zaakverslag fills every field and its positions", "[content_loader]") {
  Diagnostics diags;
  auto doc = parse_document(
      zaak({"themes: [wonen, zorg]", "summary: Kort.", "persons:", "  - name: Piet Bakker",
            "    role: buurman", "kinderen: {title: Voor jou, body: Uitleg.}",
            "woo: {category: klachtoordelen, created: 2025-03-15}", "layout: zaak-lang",
            "updated: 2025-04-01"}),
      kZaakPath, diags);
  REQUIRE(doc);
  CHECK(lines(diags).empty());
  CHECK(doc->kind == DocKind::kZaak);
  CHECK(doc->id == "2025-00142");
  CHECK(doc->title == "Geen antwoord op bezwaar");
  CHECK(doc->date == "2025-03-14");
  CHECK(doc->updated == "2025-04-01");
  CHECK(doc->status == "approved");
  CHECK(doc->municipality == "Voorbeeldstad");
  CHECK(doc->outcome == "gegrond");
  CHECK(doc->themes == std::vector<std::string>{"wonen", "zorg"});
  CHECK(doc->summary == "Kort.");
  REQUIRE(doc->persons.size() == 1);
  CHECK(doc->persons[0].name == "Piet Bakker");
  CHECK(doc->persons[0].role == "buurman");
  REQUIRE(doc->kinderen);
  CHECK(doc->kinderen->title == "Voor jou");
  CHECK(doc->kinderen->body == "Uitleg.");
  CHECK(doc->woo.category == "klachtoordelen");
  CHECK(doc->woo.created == "2025-03-15");
  CHECK(doc->layout == "zaak-lang");
  CHECK(doc->body == "De gemeente reageerde niet.\n");
  CHECK(doc->body_line == 18);
  CHECK(doc->positions.at("persons[0].name").line == 11);
  CHECK(doc->positions.at("persons[0].name").col == 11);
  CHECK(doc->positions.at("layout").line == 15);
  CHECK(doc->positions.at("layout").col == 9);
}

TEST_CASE("the folder decides the kind and the file name the slug", "[content_loader]") {
  auto [path, extra, kind, id] = GENERATE(table<std::string, std::string, DocKind, std::string>({
      {"content/index.md", "", DocKind::kPagina, "index"},
      {"content/over.md", "", DocKind::kPagina, "over"},
      {"content/kinderen/index.md", "", DocKind::kPagina, "kinderen"},
      {"content/hulp/klacht-indienen.md", "", DocKind::kPagina, "hulp/klacht-indienen"},
      {"content/over.md", "slug: wie-we-zijn\n", DocKind::kPagina, "wie-we-zijn"},
      {"content/over.md", "id: team\n", DocKind::kPagina, "team"},
      {"content/rapporten/x.md", "", DocKind::kRapport, "x"},
      {"content/rapporten/2024/jaarverslag.md", "", DocKind::kRapport, "2024/jaarverslag"},
      {"content/rapporten/onderzoek/index.md", "", DocKind::kRapport, "onderzoek"},
  }));
  CAPTURE(path, extra);
  Diagnostics diags;
  auto doc =
      parse_document("---\ntitle: T\ndate: 2025-01-01\n" + extra + "---\nTekst\n", path, diags);
  REQUIRE(doc);
  CHECK(lines(diags).empty());
  CHECK(doc->kind == kind);
  CHECK(doc->id == id);
  CHECK(doc->status == "approved");
}

TEST_CASE("slugs and page fields are checked", "[content_loader]") {
  auto [path, extra, expected] = GENERATE(table<std::string, std::string, std::string>({
      {"content/Over Ons.md", "",
       "content/Over Ons.md:1:1: error: file name 'Over Ons' is not a valid slug: use lower-case "
       "a-z, 0-9 and '-', or set 'slug'"},
      {"content/over.md", "slug: Over Ons\n",
       "content/over.md:4:7: error: 'slug' must use only lower-case a-z, 0-9 and '-', not 'Over "
       "Ons'"},
      {"content/over.md", "slug: a\nid: b\n",
       "content/over.md:4:7: error: set either 'id' or 'slug', not both"},
      {"content/over.md", "menu: ja\n", "content/over.md:4:7: error: 'menu' must be true or false"},
      {"content/over.md", "weight: 1.5\n",
       "content/over.md:4:9: error: 'weight' must be a whole number"},
      {"content/over.md", "status: klaar\n",
       "content/over.md:4:9: error: unknown status 'klaar' (expected one of: draft, approved)"},
  }));
  CAPTURE(path, extra);
  Diagnostics diags;
  CHECK_FALSE(
      parse_document("---\ntitle: T\ndate: 2025-01-01\n" + extra + "---\nTekst\n", path, diags));
  CHECK(lines(diags) == std::vector<std::string>{expected});
}

TEST_CASE("file-level problems are reported at their position", "[content_loader]") {
  const std::string p = "content/over.md";
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"", "content/over.md: error: empty file"},
      {"---\ntitle: Caf\xE9\ndate: 2025-01-01\n---\n",
       "content/over.md:2:11: error: invalid UTF-8 (byte 0xE9)"},
      {"---\ntitle: T\ndate: 2025-01-01\nGeen afsluiting.\n",
       "content/over.md:1:1: error: front matter is not closed: no '---' line after the opening "
       "one"},
      {"Alleen tekst.\n",
       "content/over.md:1:1: error: missing front matter: the file must start with a '---' line"},
      {"---\ntitle: T\n date: x\n---\n",
       "content/over.md:3:6: error: invalid YAML: mapping values are not allowed in this context"},
  }));
  CAPTURE(text);
  Diagnostics diags;
  CHECK_FALSE(parse_document(text, p, diags));
  CHECK(lines(diags) == std::vector<std::string>{expected});
}

TEST_CASE("a BOM and CRLF line endings are accepted", "[content_loader]") {
  auto [text, body] = GENERATE(table<std::string, std::string>({
      {"\xEF\xBB\xBF---\ntitle: Over ons\ndate: 2025-01-01\n---\nTekst\n", "Tekst\n"},
      {"---\r\ntitle: Over ons\r\ndate: 2025-01-01\r\n---\r\nTekst\r\nMeer\r\n", "Tekst\nMeer\n"},
      {"\xEF\xBB\xBF---\r\ntitle: Over ons\r\ndate: 2025-01-01\r\n---\r\nTekst\r\n", "Tekst\n"},
  }));
  Diagnostics diags;
  auto doc = parse_document(text, "content/over.md", diags);
  REQUIRE(doc);
  CHECK(lines(diags).empty());
  CHECK(doc->title == "Over ons");
  CHECK(doc->body == body);
  CHECK(doc->body_line == 5);
}

TEST_CASE("JSON records carry the body and report positions from the raw text",
          "[content_loader]") {
  const std::string p = "content/zaken/2025-00143.json";
  SECTION("valid") {
    Diagnostics diags;
    auto doc = parse_document(
        "{\n  \"id\": \"2025-00143\",\n  \"title\": \"Te laat\",\n  \"date\": \"2025-05-01\",\n"
        "  \"status\": \"draft\",\n  \"municipality\": \"Voorbeeldstad\",\n"
        "  \"outcome\": \"opgelost\",\n  \"persons\": [{\"name\": \"Els de Wit\", \"role\": "
        "\"verzoeker\"}],\n  \"body\": \"Regel een.\\nRegel twee.\"\n}\n",
        p, diags);
    REQUIRE(doc);
    CHECK(lines(diags).empty());
    CHECK(doc->status == "draft");
    CHECK_FALSE(doc->published());
    CHECK(doc->body == "Regel een.\nRegel twee.");
    CHECK(doc->body_line == 9);
    CHECK(doc->positions.at("persons[0].role").line == 8);
    CHECK(doc->positions.at("persons[0].role").col == 46);
  }
  SECTION("problems") {
    auto [text, expected] = GENERATE(table<std::string, std::string>({
        {"{\n  \"title\": \"x\",\n  \"date\": 2025\n}",
         ":3:11: error: 'date' must be a date written YYYY-MM-DD, not '2025'"},
        {"{\n  \"title\": \"x\"\n  \"date\": \"2025-01-01\"\n}",
         ":3:3: error: invalid JSON: syntax error while parsing object - unexpected string "
         "literal; expected '}'"},
        {"[1, 2]", ":1:1: error: a JSON record must be an object"},
        {"{\"title\": \"a\", \"title\": \"b\"}",
         ":1:16: error: duplicate key 'title' (first at line 1)"},
        {"{\"body\": 5}", ":1:10: error: 'body' must be a string (put the value in quotes)"},
    }));
    CAPTURE(text);
    Diagnostics diags;
    CHECK_FALSE(parse_document(text, "content/over.json", diags));
    auto all = lines(diags);
    CAPTURE(all);
    CHECK(std::find(all.begin(), all.end(), "content/over.json" + expected) != all.end());
  }
}

TEST_CASE("an alias bomb in front matter ends quickly with an error", "[content_loader]") {
  std::string yaml = "---\ntitle: T\ndate: 2025-01-01\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'j'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
    prev = std::string(1, c);
  }
  yaml += "---\n";
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  CHECK_FALSE(parse_document(yaml, "content/over.md", diags));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.sorted()[0].message ==
        "front matter too large (more than 20000 values, aliases included)");
}

TEST_CASE("the minimal site loads with zero diagnostics", "[content_loader]") {
  Diagnostics diags;
  auto docs = generator::load_content(kSites / "minimal", diags);
  CHECK(lines(diags).empty());
  CHECK(paths_of(docs) == std::vector<std::string>{"content/index.md", "content/rapporten/x.md",
                                                   "content/zaken/2025-00001.md"});
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].kind == DocKind::kPagina);
  CHECK(docs[0].id == "index");
  CHECK(docs[0].menu);
  CHECK(docs[1].kind == DocKind::kRapport);
  CHECK(docs[1].id == "x");
  CHECK(docs[1].report_number == "2025/001");
  CHECK(docs[2].kind == DocKind::kZaak);
  CHECK(docs[2].id == "2025-00001");
  CHECK(docs[2].outcome == "deels gegrond");
  REQUIRE(docs[2].persons.size() == 1);
  CHECK(docs[2].persons[0].role == "verzoeker");
}

TEST_CASE("fixture sites report every problem of every file", "[content_loader]") {
  auto [site, expected, loaded] =
      GENERATE(table<std::string, std::vector<std::string>, std::vector<std::string>>({
          {"duplicate-id",
           {"content/zaken/kopie.md:2:5: error: duplicate id '2025-00007' (first used in "
            "content/zaken/2025-00007.md)"},
           {"content/zaken/2025-00007.md"}},
          {"empty-file", {"content/over.md: error: empty file"}, {"content/index.md"}},
          {"many-problems",
           {"content/over.md:1:1: error: front matter is not closed: no '---' line after the "
            "opening one",
            "content/rapporten/Groot Onderzoek.md:1:1: error: file name 'Groot Onderzoek' is not "
            "a valid slug: use lower-case a-z, 0-9 and '-', or set 'slug'",
            "content/zaken/2025-00002.md:4:7: error: 2025-02-30 is not a calendar date",
            "content/zaken/2025-00003.json:6:3: error: invalid JSON: syntax error while parsing "
            "object - unexpected string literal; expected '}'"},
           {"content/index.md"}},
      }));
  CAPTURE(site);
  Diagnostics diags;
  auto docs = generator::load_content(kSites / "invalid" / site, diags);
  CHECK(lines(diags) == expected);
  CHECK(paths_of(docs) == loaded);
}

TEST_CASE("a 50 MB file is rejected without reading it", "[content_loader]") {
  TempSite site;
  site.write("content/index.md", "---\ntitle: T\ndate: 2025-01-01\n---\n");
  site.write("content/zaken/groot.md", "");
  fs::resize_file(site.root / "content/zaken/groot.md", 50u * 1024 * 1024);
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  auto docs = generator::load_content(site.root, diags);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  CHECK(lines(diags) == std::vector<std::string>{
                            "content/zaken/groot.md: error: file too large: 52428800 bytes, the "
                            "limit is 10 MB"});
  CHECK(paths_of(docs) == std::vector<std::string>{"content/index.md"});
}

TEST_CASE("symlinks that leave content/ are skipped with an error", "[content_loader]") {
  TempSite site;
  site.write("content/over.md", "---\ntitle: Over\ndate: 2025-01-01\n---\n");
  site.write("geheim.md", "---\ntitle: Geheim\ndate: 2025-01-01\n---\n");
  fs::create_symlink(site.root / "geheim.md", site.root / "content/lek.md");
  fs::create_symlink(site.root / "content/over.md", site.root / "content/ook-over.md");
  fs::create_symlink(site.root / "nergens.md", site.root / "content/kapot.md");
  fs::create_directories(site.root / "content/sub");
  fs::create_directory_symlink(site.root / "content", site.root / "content/sub/lus");
  Diagnostics diags;
  auto docs = generator::load_content(site.root, diags);
  CHECK(lines(diags) == std::vector<std::string>{
                            "content/kapot.md: error: broken symbolic link; skipped",
                            "content/lek.md: error: symbolic link points outside content/; skipped",
                            "content/sub/lus: warning: symbolic link to a folder is not followed",
                        });
  CHECK(paths_of(docs) == std::vector<std::string>{"content/ook-over.md", "content/over.md"});
}

TEST_CASE("data files, hidden files and other extensions are not documents", "[content_loader]") {
  TempSite site;
  site.write("content/index.md", "---\ntitle: T\ndate: 2025-01-01\n---\n");
  site.write("content/woordenlijst.json", "[\"geen record\"]");
  site.write("content/data/cijfers.json", "{ kapot");
  site.write("content/data/diep/meer.md", "geen front matter");
  site.write("content/.concept.md", "geen front matter");
  site.write("content/.git/x.md", "geen front matter");
  site.write("content/afbeelding.png", "\x89PNG");
  site.write("content/kinderen/woordenlijst.json", "{\"title\": \"K\", \"date\": \"2025-01-01\"}");
  Diagnostics diags;
  auto docs = generator::load_content(site.root, diags);
  CHECK(lines(diags).empty());
  CHECK(paths_of(docs) ==
        std::vector<std::string>{"content/index.md", "content/kinderen/woordenlijst.json"});
}

TEST_CASE("a site without content/ is an error", "[content_loader]") {
  TempSite site;
  fs::remove_all(site.root / "content");
  Diagnostics diags;
  CHECK(generator::load_content(site.root, diags).empty());
  CHECK(lines(diags) ==
        std::vector<std::string>{"content: error: the site has no content/ folder"});
}

TEST_CASE("known outcomes match the content model", "[content_loader]") {
  CHECK(generator::known_outcomes() ==
        std::vector<std::string>{"gegrond", "ongegrond", "deels gegrond", "bemiddeld", "opgelost",
                                 "geen oordeel", "ingetrokken"});
}
