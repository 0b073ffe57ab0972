#include "generator/feeds.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "generator/text_util.h"

namespace generator {

namespace {

constexpr const char* kTooiKern = "https://identifier.overheid.nl/tooi/def/thes/kern/";

std::string official_title(const DocPage& p) {
  const auto& f = p.doc->fields();
  if (f.kind == DocKind::kZaak) return "Zaakverslag " + f.id + ": " + f.title;
  if (!f.report_number.empty()) return f.title + " (" + f.report_number + ")";
  return f.title;
}

std::string diwoo_url(const DocPage& p, const SiteConfig& config, const WooCategory& cat) {
  const auto& f = p.doc->fields();
  std::string created = f.woo.created.empty() ? f.date : f.woo.created;
  std::string x;
  x += "  <url>\n";
  x += "    <loc>" + xml_escape(config.base_url + p.url) + "</loc>\n";
  x += "    <lastmod>" + p.modified + "</lastmod>\n";
  x += "    <diwoo:Document>\n      <diwoo:DiWoo>\n";
  x += "        <diwoo:publisher resource=\"" + xml_escape(config.publisher.tooi) + "\">" +
       xml_escape(config.publisher.name) + "</diwoo:publisher>\n";
  x += "        <diwoo:titelcollectie>\n          <diwoo:officieleTitel>" +
       xml_escape(official_title(p)) + "</diwoo:officieleTitel>\n        </diwoo:titelcollectie>\n";
  if (!f.summary.empty())
    x += "        <diwoo:omschrijvingen>\n          <diwoo:omschrijving>" + xml_escape(f.summary) +
         "</diwoo:omschrijving>\n        </diwoo:omschrijvingen>\n";
  x += "        <diwoo:classificatiecollectie>\n          <diwoo:informatiecategorieen>\n";
  x += std::string("            <diwoo:informatiecategorie resource=\"") + kTooiKern + cat.tooi +
       "\">" + cat.name + "</diwoo:informatiecategorie>\n";
  x += "          </diwoo:informatiecategorieen>\n        </diwoo:classificatiecollectie>\n";
  x += "        <diwoo:creatiedatum>" + created + "</diwoo:creatiedatum>\n";
  x += "        <diwoo:language "
       "resource=\"http://publications.europa.eu/resource/authority/language/NLD\">"
       "Nederlands</diwoo:language>\n";
  x += "        <diwoo:format "
       "resource=\"http://publications.europa.eu/resource/authority/file-type/HTML\">"
       "HTML</diwoo:format>\n";
  x += "        <diwoo:documenthandelingen>\n          <diwoo:documenthandeling>\n";
  x += std::string("            <diwoo:soortHandeling resource=\"") + kTooiKern +
       "c_641ecd76\">vaststelling</diwoo:soortHandeling>\n";
  x += "            <diwoo:atTime>" + created + "T00:00:00</diwoo:atTime>\n";
  x += "          </diwoo:documenthandeling>\n        </diwoo:documenthandelingen>\n";
  x += "      </diwoo:DiWoo>\n    </diwoo:Document>\n  </url>\n";
  return x;
}

}  // namespace

const std::vector<WooCategory>& woo_categories() {
  static const std::vector<WooCategory> categories = {
      {"jaarverslagen", "012", "c_c6cd1213"},
      {"woo-besluiten", "014", "c_3baef532"},
      {"onderzoeksrapporten", "015", "c_fdaee95e"},
      {"klachtoordelen", "017", "c_a870c43d"},
  };
  return categories;
}

const WooCategory* find_woo_category(std::string_view name) {
  for (const auto& c : woo_categories())
    if (name == c.name) return &c;
  return nullptr;
}

OutputFiles woo_sitemaps(const SiteModel& model, const SiteConfig& config, std::size_t max_urls,
                         std::size_t max_bytes) {
  OutputFiles files;
  std::map<std::string, std::vector<const DocPage*>> by_number;
  std::vector<const DocPage*> publications = model.zaken;
  publications.insert(publications.end(), model.rapporten.begin(), model.rapporten.end());
  for (const DocPage* p : publications)
    if (const WooCategory* cat = find_woo_category(p->woo_category))
      by_number[cat->number].push_back(p);

  std::string robots = "User-agent: *\nAllow: /\n\n";
  for (const auto& cat : woo_categories()) {
    auto it = by_number.find(cat.number);
    if (it == by_number.end()) continue;
    const auto& pages = it->second;
    std::string index =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    const std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"\n"
        "        xmlns:diwoo=\"https://standaarden.overheid.nl/diwoo/metadata/\">\n";
    const std::string tail = "</urlset>\n";
    std::string body, lastmod;
    std::size_t urls = 0, n = 0;
    auto flush = [&] {
      std::string name =
          std::string("sitemaps/sitemap-") + cat.name + "-" + std::to_string(++n) + ".xml";
      files.push_back({name, head + body + tail});
      index += "  <sitemap>\n    <loc>" + xml_escape(config.base_url + name) +
               "</loc>\n    <lastmod>" + lastmod + "</lastmod>\n  </sitemap>\n";
      body.clear();
      lastmod.clear();
      urls = 0;
    };
    for (const DocPage* p : pages) {
      std::string entry = diwoo_url(*p, config, cat);
      if (urls > 0 &&
          (urls == max_urls || head.size() + body.size() + entry.size() + tail.size() > max_bytes))
        flush();
      body += entry;
      lastmod = std::max(lastmod, p->modified);
      ++urls;
    }
    if (urls > 0) flush();
    index += "</sitemapindex>\n";
    std::string index_name =
        std::string("sitemaps/sitemapindex-diwoo-infocat") + cat.number + ".xml";
    robots += "Sitemap: " + config.base_url + index_name + "\n";
    files.push_back({index_name, std::move(index)});
  }
  robots += "Sitemap: " + config.base_url + "sitemap.xml\n";
  files.push_back({"robots.txt", std::move(robots)});

  std::string plain =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  plain += "  <url>\n    <loc>" + xml_escape(config.base_url) + "</loc>\n  </url>\n";
  for (const DocPage& p : model.pages) {
    if (p.url.empty()) continue;
    plain += "  <url>\n    <loc>" + xml_escape(config.base_url + p.url) + "</loc>\n    <lastmod>" +
             p.modified + "</lastmod>\n  </url>\n";
    if (!p.kinderen_url.empty())
      plain += "  <url>\n    <loc>" + xml_escape(config.base_url + p.kinderen_url) +
               "</loc>\n    <lastmod>" + p.modified + "</lastmod>\n  </url>\n";
  }
  plain += "</urlset>\n";
  files.push_back({"sitemap.xml", std::move(plain)});
  return files;
}

OutputFile atom_feed(const SiteModel& model, const SiteConfig& config) {
  std::vector<const DocPage*> entries = model.zaken;
  entries.insert(entries.end(), model.rapporten.begin(), model.rapporten.end());
  std::sort(entries.begin(), entries.end(), [](const DocPage* a, const DocPage* b) {
    return std::tie(a->doc->fields().date, a->doc->fields().id) >
           std::tie(b->doc->fields().date, b->doc->fields().id);
  });
  if (entries.size() > 50) entries.resize(50);
  std::string updated =
      (model.newest_date.empty() ? "1970-01-01" : model.newest_date) + "T00:00:00Z";
  std::string x =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:lang=\"" +
      xml_escape(config.language) + "\">\n";
  x += "  <title>" + xml_escape(config.title) + "</title>\n";
  x += "  <id>" + xml_escape(config.base_url) + "</id>\n";
  x += "  <link href=\"" + xml_escape(config.base_url) + "\"/>\n";
  x += "  <link rel=\"self\" href=\"" + xml_escape(config.base_url + "atom.xml") + "\"/>\n";
  x += "  <updated>" + updated + "</updated>\n";
  x += "  <author><name>" + xml_escape(config.publisher.name) + "</name></author>\n";
  for (const DocPage* p : entries) {
    const auto& f = p->doc->fields();
    x += "  <entry>\n";
    x += "    <title>" + xml_escape(f.title) + "</title>\n";
    x += "    <id>" + xml_escape(config.base_url + p->url) + "</id>\n";
    x += "    <link href=\"" + xml_escape(config.base_url + p->url) + "\"/>\n";
    x += "    <published>" + f.date + "T00:00:00Z</published>\n";
    x += "    <updated>" + p->modified + "T00:00:00Z</updated>\n";
    if (!f.summary.empty()) x += "    <summary>" + xml_escape(f.summary) + "</summary>\n";
    x += "  </entry>\n";
  }
  x += "</feed>\n";
  return {"atom.xml", std::move(x)};
}

OutputFile json_twin(const DocPage& p, const SiteConfig& config) {
  const auto& f = p.doc->fields();
  nlohmann::ordered_json j = {
      {"id", f.id},
      {"type", kind_name(f.kind)},
      {"title", f.title},
      {"date", f.date},
      {"modified", p.modified},
      {"url", config.base_url + p.url},
      {"publisher", {{"name", config.publisher.name}, {"tooi", config.publisher.tooi}}},
      {"wooCategory", p.woo_category},
      {"summary", f.summary},
      {"municipality", f.municipality},
      {"themes", f.themes},
      {"outcome", f.outcome},
      {"reportNumber", f.report_number},
      {"redactions", f.redaction_count},
      {"text", p.body.plain_text},
  };
  return {p.json_url,
          json_html_safe(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) + "\n"};
}

OutputFiles json_twins(const SiteModel& model, const SiteConfig& config) {
  OutputFiles files;
  for (const DocPage& p : model.pages) {
    if (!p.json_url.empty()) files.push_back(json_twin(p, config));
  }
  return files;
}

}  // namespace generator
