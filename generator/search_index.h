#pragma once
// The search index: zoeken/index.json, read by themes/ombudsman/search.js on the page
// zoeken/. One entry per published document, built from scrubbed text only (titles, summaries,
// taxonomy terms and the plain text of the scrubbed body), so verify scans it like any output:
//
//   {"title": "Kwijtschelding geweigerd …", "url": "zaken/2025-00142/", "kind": "zaakverslag",
//    "date": "2025-06-10", "summary": "…", "terms": ["2025-00142", "Amsterdam", "gegrond", …],
//    "keywords": ["kwijtschelding", "herstelbetaling", …]}

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "generator/output_file.h"
#include "generator/site_model.h"

namespace generator {

/// Where the index is published.
inline constexpr std::string_view kSearchIndexPath = "zoeken/index.json";

/// Up to `limit` frequent content words of `plain_text` (lower case, at least four letters, no
/// Dutch stop words, no redaction tokens like "[verzoeker]", none of `skip`), most frequent
/// first, ties in order of first use.
std::vector<std::string> search_keywords(std::string_view plain_text,
                                         const std::vector<std::string>& skip,
                                         std::size_t limit = 12);

/// `text` cut at a word boundary to at most `max_bytes` bytes (UTF-8 safe), with "…" if cut.
std::string shorten(std::string_view text, std::size_t max_bytes);

/// zoeken/index.json for every published document except the home page, made on `jobs` threads.
OutputFile search_index(const SiteModel& model, int jobs = 1);

}  // namespace generator
