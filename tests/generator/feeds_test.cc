#include "generator/feeds.h"

#include <catch2/catch.hpp>

#include "anonymizer/rules.h"

using namespace generator;

namespace {

SiteConfig test_config() {
  SiteConfig c;
  c.title = "Ombudsman Test";
  c.base_url = "https://ombudsman.example.nl/";
  c.publisher = {"Ombudsman Metropool Amsterdam",
                 "https://identifier.overheid.nl/tooi/id/so/so1045"};
  return c;
}

std::vector<ScrubbedDoc> zaken(std::size_t n) {
  std::vector<ScrubbedDoc> docs;
  docs.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    SourceDoc d;
    d.kind = DocKind::kZaak;
    char id[16];
    std::snprintf(id, sizeof id, "2025-%05zu", i % 100000);
    d.id = id;
    if (i >= 100000) d.id[3] = '6';
    d.title = "Zaak";
    d.date = "2025-06-10";
    d.path = "content/zaken/" + d.id + ".md";
    docs.push_back(scrub_document(d, {}, anonymizer::RuleSet::builtin(), nullptr, nullptr));
  }
  return docs;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t pos = 0; (pos = haystack.find(needle, pos)) != std::string::npos;
       pos += needle.size())
    ++n;
  return n;
}

}  // namespace

TEST_CASE("Woo sitemaps list every zaakverslag with DiWoo metadata", "[feeds]") {
  SiteConfig config = test_config();
  auto docs = zaken(3);
  SiteModel model = build_model(docs, config, 1);
  OutputFiles files = woo_sitemaps(model, config);
  std::map<std::string, std::string> by_path;
  for (auto& f : files) by_path[f.path] = f.bytes;
  REQUIRE(by_path.count("sitemaps/sitemapindex-diwoo-infocat017.xml"));
  REQUIRE(by_path.count("sitemaps/sitemap-klachtoordelen-1.xml"));
  CHECK(by_path["robots.txt"] ==
        "User-agent: *\nAllow: /\n\n"
        "Sitemap: https://ombudsman.example.nl/sitemaps/sitemapindex-diwoo-infocat017.xml\n"
        "Sitemap: https://ombudsman.example.nl/sitemap.xml\n");
  const std::string& sitemap = by_path["sitemaps/sitemap-klachtoordelen-1.xml"];
  CHECK(count(sitemap, "<url>") == 3);
  CHECK(sitemap.find("<loc>https://ombudsman.example.nl/zaken/2025-00002/</loc>") !=
        std::string::npos);
  CHECK(sitemap.find("<diwoo:officieleTitel>Zaakverslag 2025-00001: Zaak</diwoo:officieleTitel>") !=
        std::string::npos);
  CHECK(sitemap.find("kern/c_a870c43d\">klachtoordelen</diwoo:informatiecategorie>") !=
        std::string::npos);
}

TEST_CASE("Woo sitemaps split at 50,000 URLs (120,000 cases)", "[feeds][slow]") {
  SiteConfig config = test_config();
  auto docs = zaken(120000);
  SiteModel model = build_model(docs, config, 2);
  OutputFiles files = woo_sitemaps(model, config);
  std::map<std::string, std::string> by_path;
  for (auto& f : files) by_path[f.path] = std::move(f.bytes);
  std::size_t total = 0, sitemaps = 0;
  for (const auto& [path, bytes] : by_path)
    if (path.rfind("sitemaps/sitemap-klachtoordelen-", 0) == 0) {
      ++sitemaps;
      std::size_t urls = count(bytes, "<url>");
      CHECK(urls <= 50000);
      total += urls;
    }
  CHECK(total == 120000);
  CHECK(sitemaps >= 3);
  CHECK(count(by_path["sitemaps/sitemapindex-diwoo-infocat017.xml"], "<sitemap>") == sitemaps);
  for (const auto& [path, bytes] : by_path) CHECK(bytes.size() <= 50'000'000u);
}

TEST_CASE("Sitemaps split at the URL limit", "[feeds]") {
  SiteConfig config = test_config();
  auto docs = zaken(5);
  SiteModel model = build_model(docs, config, 1);
  std::map<std::string, std::string> by_path;
  for (auto& f : woo_sitemaps(model, config, 2)) by_path[f.path] = f.bytes;
  CHECK(count(by_path["sitemaps/sitemap-klachtoordelen-1.xml"], "<url>") == 2);
  CHECK(count(by_path["sitemaps/sitemap-klachtoordelen-2.xml"], "<url>") == 2);
  CHECK(count(by_path["sitemaps/sitemap-klachtoordelen-3.xml"], "<url>") == 1);
  CHECK(count(by_path["sitemaps/sitemapindex-diwoo-infocat017.xml"], "<sitemap>") == 3);
}

TEST_CASE("The category can be overridden per document", "[feeds]") {
  SiteConfig config = test_config();
  SourceDoc d;
  d.kind = DocKind::kRapport;
  d.id = "jaarverslag-2024";
  d.title = "Jaarverslag";
  d.date = "2025-03-01";
  d.woo.category = "jaarverslagen";
  std::vector<ScrubbedDoc> docs;
  docs.push_back(scrub_document(d, {}, anonymizer::RuleSet::builtin(), nullptr, nullptr));
  SiteModel model = build_model(docs, config, 1);
  OutputFiles files = woo_sitemaps(model, config);
  bool found = false;
  for (auto& f : files) found = found || f.path == "sitemaps/sitemapindex-diwoo-infocat012.xml";
  CHECK(found);
}

TEST_CASE("JSON twins carry metadata and scrubbed text", "[feeds]") {
  SiteConfig config = test_config();
  SourceDoc d;
  d.kind = DocKind::kZaak;
  d.id = "2025-00142";
  d.title = "Kwijtschelding";
  d.date = "2025-06-10";
  d.body = "Mevrouw Maria de Vries belde.";
  d.persons = {{"Maria de Vries", "verzoeker"}};
  std::vector<ScrubbedDoc> docs;
  docs.push_back(scrub_document(d, {}, anonymizer::RuleSet::builtin(), nullptr, nullptr));
  SiteModel model = build_model(docs, config, 1);
  OutputFiles files = json_twins(model, config);
  REQUIRE(files.size() == 1);
  CHECK(files[0].path == "zaken/2025-00142.json");
  auto j = nlohmann::json::parse(files[0].bytes);
  CHECK(j["text"] == "Mevrouw [verzoeker] belde.\n");
  CHECK(j["wooCategory"] == "klachtoordelen");
  CHECK(files[0].bytes.find("Vries") == std::string::npos);
}
