// End-to-end builds of real sites: the example site, determinism, fail-closed verify.

#include <catch2/catch.hpp>
#include <map>

#include "cli_support.h"

using namespace cli_test;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
  return files;
}

// A one-case site with a declared person, for planting leaks.
fs::path leak_site(const std::string& name) {
  fs::path root = temp_dir(name);
  fs::create_directories(root / "content" / "zaken");
  std::ofstream(root / "ombudsite.json")
      << R"({"title": "Test", "baseURL": "https://ombudsman.example.nl/",
    "publisher": {"name": "Ombudsman Test", "tooi": "https://identifier.overheid.nl/tooi/id/so/so1045"}})";
  std::ofstream(root / "content" / "zaken" / "2025-00001.md")
      << "---\nid: \"2025-00001\"\ntitle: Een klacht over parkeren\ndate: 2025-03-14\nstatus: "
         "approved\n"
         "municipality: Diemen\nthemes: [parkeren]\noutcome: gegrond\npersons:\n"
         "  - name: Wilhelmina Zwartbroek\n    role: verzoeker\n---\n"
         "Mevrouw Wilhelmina Zwartbroek klaagde. Mevrouw Zwartbroek kreeg gelijk.\n";
  return root;
}

}  // namespace

TEST_CASE("The example site builds with every kind of output", "[site]") {
  fs::path out = temp_dir("example") / "site";
  auto r = run("build -s '" + source_dir().string() + "' -o '" + out.string() + "' --quiet");
  INFO(r.err);
  REQUIRE(r.status == 0);
  for (const char* path : {"index.html",
                           "404.html",
                           "zaken/index.html",
                           "zaken/2025-00142/index.html",
                           "zaken/2025-00142.json",
                           "rapporten/index.html",
                           "rapporten/jaarbeschouwing-2024/index.html",
                           "thema/index.html",
                           "gemeente/diemen/index.html",
                           "jaar/2025/index.html",
                           "robots.txt",
                           "sitemap.xml",
                           "atom.xml",
                           "sitemaps/sitemapindex-diwoo-infocat017.xml",
                           "sitemaps/sitemap-klachtoordelen-1.xml",
                           "assets/ombudsman/main.css",
                           "kinderen/index.html",
                           "kinderen/woordenlijst/index.html",
                           "toegankelijkheid/index.html",
                           "woo/index.html"})
    CHECK(fs::exists(out / path));
  // A draft is never published.
  CHECK_FALSE(fs::exists(out / "zaken" / "2025-00355"));
  // Every zaakverslag has its page and JSON twin.
  for (auto& e : fs::directory_iterator(source_dir() / "content" / "zaken")) {
    std::string id = e.path().stem().string();
    if (id == "2025-00355") continue;
    CHECK(fs::exists(out / "zaken" / id / "index.html"));
    CHECK(fs::exists(out / "zaken" / (id + ".json")));
  }
  auto verify = run("verify -s '" + source_dir().string() + "' -o '" + out.string() + "'");
  CHECK(verify.status == 0);
  fs::remove_all(out.parent_path());
}

TEST_CASE("Builds are byte-identical across -j and working directories", "[site]") {
  fs::path dir = temp_dir("determinism");
  std::string src = source_dir().string();
  // Cold builds (the pipeline itself), then one that takes its scrub results from the cache.
  REQUIRE(run("build --no-cache -s '" + src + "' -o '" + (dir / "a").string() + "' -j 1 --quiet")
              .status == 0);
  REQUIRE(run("build --no-cache -s . -o '" + (dir / "b").string() + "' -j 2 --quiet", source_dir())
              .status == 0);
  REQUIRE(run("build --no-cache -s '" + src + "' -o '" + (dir / "c").string() + "' --quiet", dir)
              .status == 0);
  fs::path cache = dir / "cache";
  for (const char* out : {"d", "e"})
    REQUIRE(run("build --cache '" + cache.string() + "' -s '" + src + "' -o '" +
                (dir / out).string() + "' --quiet")
                .status == 0);
  auto a = tree(dir / "a");
  CHECK(a == tree(dir / "b"));
  CHECK(a == tree(dir / "c"));
  CHECK(a == tree(dir / "e"));
  fs::remove_all(dir);
}

TEST_CASE("A rebuild without changes rewrites no file", "[site]") {
  fs::path dir = temp_dir("rebuild");
  std::string src = source_dir().string();
  REQUIRE(run("build -s '" + src + "' -o '" + (dir / "site").string() + "' --quiet").status == 0);
  auto r = run("build -s '" + src + "' -o '" + (dir / "site").string() + "'");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("(0 written,") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE(
    "verify fails the build on a leak planted through a template, an attribute or a file name",
    "[site][verify]") {
  auto [where, file, content,
        expected] = GENERATE(table<std::string, std::string, std::string, std::string>({
      {"template", "templates/site/partials/footer.mustache",
       "<footer><p>Wilhelmina Zwartbroek</p></footer>", "leak of naam"},
      {"attribute", "templates/site/partials/footer.mustache",
       "<footer><p data-x=\"mevrouw Zwartbroek\">x</p></footer>", "leak of naam"},
      {"file name", "themes/ombudsman/zwartbroek.css", "body{}", "leak of naam in the file name"},
      {"identifier", "templates/site/partials/footer.mustache",
       "<footer><p>BSN 111222333</p></footer>", "leak of bsn"},
  }));
  CAPTURE(where);
  fs::path root = leak_site("plant");
  REQUIRE(run("build --quiet", root).status == 0);
  auto before = tree(root / "site");
  fs::create_directories((root / file).parent_path());
  std::ofstream(root / file) << content;
  auto r = run("build", root);
  CHECK(r.status == 1);
  CHECK(r.err.find(expected) != std::string::npos);
  // The value itself is never printed.
  CHECK(r.err.find("Zwartbroek") == std::string::npos);
  CHECK(r.err.find("111222333") == std::string::npos);
  CHECK(r.err.find("nothing was written") != std::string::npos);
  CHECK(tree(root / "site") == before);
  fs::remove_all(root);
}

TEST_CASE("check writes nothing", "[site]") {
  fs::path root = leak_site("check");
  auto r = run("check", root);
  CHECK(r.status == 0);
  CHECK_FALSE(fs::exists(root / "site"));
  fs::remove_all(root);
}

TEST_CASE("audit reports redactions with hashes, originals only with --reveal", "[site][audit]") {
  fs::path root = leak_site("audit");
  auto r = run("audit --format json", root);
  INFO(r.err);
  REQUIRE(r.status == 0);
  std::string report = slurp(root / "audit" / "audit.json");
  auto j = nlohmann::json::parse(report);
  CHECK(j["totals"]["byCategory"]["naam"] == 2);
  CHECK(j["documents"][0]["redactions"][0]["hash"].get<std::string>().rfind("sha256:", 0) == 0);
  CHECK(report.find("Zwartbroek") == std::string::npos);
  auto revealed = run("audit --format csv --reveal", root);
  REQUIRE(revealed.status == 0);
  CHECK(slurp(root / "audit" / "audit.csv").find("Wilhelmina Zwartbroek") != std::string::npos);
  auto html = run("audit", root);
  REQUIRE(html.status == 0);
  CHECK(slurp(root / "audit" / "audit.html").find("<table>") != std::string::npos);
  auto inside = run("audit -o site/audit", root);
  CHECK(inside.status == 1);
  fs::remove_all(root);
}
