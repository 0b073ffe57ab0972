// `ombudsite new`: scaffolded content files are valid drafts, explain every field, and never
// replace an existing file.

#include <catch2/catch.hpp>
#include <regex>

#include "cli_support.h"
#include "generator/scaffold.h"

using namespace cli_test;
namespace fs = std::filesystem;

namespace {

void replace_once(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = slurp(file);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("new zaak creates a draft that check accepts", "[new][cli]") {
  fs::path dir = minimal_site("new-zaak");
  auto r = run("new zaak 2025-00123", dir);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "created content/zaken/2025-00123.md (status: draft)\n"
        "next: fill in the fields and the text, then run 'ombudsite check'\n");
  fs::path file = dir / "content/zaken/2025-00123.md";
  REQUIRE(fs::is_regular_file(file));
  std::string text = slurp(file);
  CHECK(text.find("\nid: \"2025-00123\"\n") != std::string::npos);
  CHECK(text.find("\ndate: " + generator::today() + "\n") != std::string::npos);
  CHECK(text.find("\nstatus: draft\n") != std::string::npos);

  auto check = run("check", dir);
  CAPTURE(check.err);
  CHECK(check.status == 0);
  CHECK(check.err.find("2025-00123") == std::string::npos);  // not even a warning
  fs::remove_all(dir);
}

TEST_CASE("new rapport creates a draft that check accepts", "[new][cli]") {
  fs::path dir = minimal_site("new-rapport");
  auto r =
      run("new rapport wachtlijsten-jeugdzorg-2025 -s " + dir.string(), fs::temp_directory_path());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(
      r.out.rfind("created " +
                      (dir / "content/rapporten/wachtlijsten-jeugdzorg-2025.md").generic_string() +
                      " (status: draft)\n",
                  0) == 0);
  REQUIRE(fs::is_regular_file(dir / "content/rapporten/wachtlijsten-jeugdzorg-2025.md"));
  auto check = run("check -s " + dir.string());
  CAPTURE(check.err);
  CHECK(check.status == 0);
  CHECK(check.err.find("wachtlijsten") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a scaffolded zaak, once approved, is built and published", "[new][cli]") {
  fs::path dir = minimal_site("new-publish");
  REQUIRE(run("new zaak 2025-00124", dir).status == 0);
  REQUIRE(run("new rapport nieuw-rapport", dir).status == 0);
  auto draft = run("build", dir);
  CAPTURE(draft.err);
  REQUIRE(draft.status == 0);
  CHECK_FALSE(fs::exists(dir / "site/zaken/2025-00124/index.html"));  // drafts stay private

  replace_once(dir / "content/zaken/2025-00124.md", "\nstatus: draft\n", "\nstatus: approved\n");
  replace_once(dir / "content/rapporten/nieuw-rapport.md", "\nstatus: draft\n",
               "\nstatus: approved\n");
  auto built = run("build", dir);
  CAPTURE(built.err);
  REQUIRE(built.status == 0);
  std::string page = slurp(dir / "site/zaken/2025-00124/index.html");
  CHECK(page.find("Zaakverslag 2025-00124") != std::string::npos);
  CHECK(page.find("Wat deed de ombudsman?") != std::string::npos);
  CHECK(page.find("Kim Jansen") == std::string::npos);  // the commented example never shows
  CHECK(fs::exists(dir / "site/rapporten/nieuw-rapport/index.html"));
  fs::remove_all(dir);
}

TEST_CASE("new refuses to overwrite", "[new][cli]") {
  fs::path dir = minimal_site("new-exists");
  REQUIRE(run("new zaak 2025-00125", dir).status == 0);
  fs::path file = dir / "content/zaken/2025-00125.md";
  std::ofstream(file, std::ios::binary | std::ios::trunc) << "my own work\n";
  auto again = run("new zaak 2025-00125", dir);
  CHECK(again.status == 1);
  CHECK(again.out.empty());
  CHECK(again.err == "ombudsite: content/zaken/2025-00125.md already exists; not overwritten\n");
  CHECK(slurp(file) == "my own work\n");

  // A JSON record with the same id counts as well; the minimal site has 2025-00001.md.
  std::ofstream(dir / "content/zaken/2025-00126.json") << "{}";
  auto json = run("new zaak 2025-00126", dir);
  CHECK(json.status == 1);
  CHECK(json.err == "ombudsite: content/zaken/2025-00126.json already exists; not overwritten\n");
  CHECK_FALSE(fs::exists(dir / "content/zaken/2025-00126.md"));
  CHECK(run("new rapport x", dir).err ==
        "ombudsite: content/rapporten/x.md already exists; not overwritten\n");
  fs::remove_all(dir);
}

TEST_CASE("new outside a site folder fails without writing", "[new][cli]") {
  fs::path dir = temp_dir("new-nosite");
  auto r = run("new zaak 2025-00127", dir);
  CHECK(r.status == 1);
  CHECK(r.err == "ombudsite: no ombudsite.json in '.': not a site folder (use -s ROOT)\n");
  CHECK_FALSE(fs::exists(dir / "content"));
  fs::remove_all(dir);
}

TEST_CASE("new: usage errors exit 2 and write nothing", "[new][cli]") {
  auto [args, message] = GENERATE(table<std::string, std::string>({
      {"new", "new needs a kind and an id: 'new zaak 2025-00123' or 'new rapport slug'"},
      {"new zaak", "new needs a kind and an id: 'new zaak 2025-00123' or 'new rapport slug'"},
      {"new zaak 2025-00001 extra",
       "new needs a kind and an id: 'new zaak 2025-00123' or 'new rapport slug'"},
      {"new pagina over", "new pagina: new makes a 'zaak' or a 'rapport', not 'pagina'"},
      {"new zaak 2025-123", "new zaak: 'id' must be a case number like 2025-00142, not '2025-123'"},
      {"new zaak 1899-00001", "new zaak: year 1899 of id '1899-00001' is outside 1990..2100"},
      {"new rapport Jaar_Verslag",
       "new rapport: the slug 'Jaar_Verslag' must use only lower-case a-z, 0-9 and '-'"},
      {"new rapport -x", "unknown option '-x'"},
      {"new rapport a--b",
       "new rapport: the slug 'a--b' must not start or end with '-' or hold '--'"},
      {"new rapport ../../etc",
       "new rapport: the slug '../../etc' must use only lower-case a-z, 0-9 and '-'"},
  }));
  CAPTURE(args);
  fs::path dir = minimal_site("new-usage");
  auto before = std::distance(fs::recursive_directory_iterator(dir), {});
  auto r = run(args, dir);
  CHECK(r.status == 2);
  CHECK(r.err == "ombudsite: " + message + "\nTry 'ombudsite --help'.\n");
  CHECK(std::distance(fs::recursive_directory_iterator(dir), {}) == before);
  fs::remove_all(dir);
}

TEST_CASE("scaffolds explain every field in a comment", "[new]") {
  auto [kind, fields] = GENERATE(table<std::string, std::vector<std::string>>({
      {"zaak",
       {"id", "title", "date", "updated", "status", "municipality", "themes", "outcome", "summary",
        "persons", "kinderen", "woo", "layout"}},
      {"rapport",
       {"title", "date", "updated", "status", "report_number", "summary", "themes", "municipality",
        "persons", "kinderen", "woo", "slug", "layout"}},
  }));
  CAPTURE(kind);
  std::string text = generator::scaffold_text(kind, "2025-00999", "2025-06-01");
  for (const std::string& field : fields) {
    CAPTURE(field);
    CHECK(text.find("\n# " + field + " (") != std::string::npos);
  }
  CHECK(text.find("@") == std::string::npos);  // every placeholder was filled in
  CHECK(std::regex_search(text, std::regex("\n# outcome \\(verplicht\\): .*gegrond, ongegrond")) ==
        (kind == "zaak"));
}
