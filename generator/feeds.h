#pragma once
// Machine-readable outputs: DiWoo sitemaps for the national Woo-index, sitemap.xml, robots.txt,
// the Atom feed and a JSON twin of every publication (Woo art. 2.4: open formats).

#include <cstddef>

#include "generator/config.h"
#include "generator/output_file.h"
#include "generator/site_model.h"

namespace generator {

/// The Woo information categories an ombudsman uses (Woo art. 3.3).
struct WooCategory {
  const char* name;    // "klachtoordelen"
  const char* number;  // "017"
  const char* tooi;    // "c_a870c43d"
};
const std::vector<WooCategory>& woo_categories();
/// The category called `name`, or nullptr.
const WooCategory* find_woo_category(std::string_view name);

/// robots.txt, sitemaps/sitemapindex-diwoo-infocatNNN.xml per category in use, sitemaps/
/// sitemap-<category>-N.xml with at most `max_urls` URLs and `max_bytes` bytes each (the
/// sitemaps.org limits), and the plain sitemap.xml.
OutputFiles woo_sitemaps(const SiteModel& model, const SiteConfig& config,
                         std::size_t max_urls = 50000, std::size_t max_bytes = 50'000'000);

/// atom.xml: the newest zaakverslagen and reports.
OutputFile atom_feed(const SiteModel& model, const SiteConfig& config);

/// zaken/<id>.json and rapporten/<slug>.json: metadata and scrubbed text.
OutputFiles json_twins(const SiteModel& model, const SiteConfig& config);

/// The JSON twin of one page (a page with a json_url).
OutputFile json_twin(const DocPage& page, const SiteConfig& config);

}  // namespace generator
