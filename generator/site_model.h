#pragma once
// The site model: which pages exist, their URLs, taxonomies, lists and menus. Plain data built
// from ScrubbedDocs; the output stages turn it into files.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "generator/config.h"
#include "generator/markdown.h"
#include "generator/parallel.h"
#include "generator/scrubbed_doc.h"

namespace generator {

/// A published document with everything the outputs need.
struct DocPage {
  const ScrubbedDoc* doc = nullptr;
  std::string url;       // "zaken/2025-00142/"
  std::string json_url;  // "zaken/2025-00142.json" (zaakverslagen and rapporten)
  RenderedMarkdown body;
  std::optional<RenderedMarkdown> kinderen_body;
  std::string kinderen_url;  // "kinderen/zaken/2025-00142/" when there is a child version
  std::string modified;      // woo.modified, updated or date
  std::string woo_category;  // "klachtoordelen", "onderzoeksrapporten", ...; empty for pages
};

struct Term {
  std::string name;
  std::string slug;
  std::vector<const DocPage*> pages;  // newest first
};

struct Taxonomy {
  std::string key;          // URL folder: "thema", "gemeente", "jaar", "uitkomst"
  std::string title;        // "Thema's"
  std::vector<Term> terms;  // sorted by name (jaar: newest first)
};

struct SiteModel {
  std::vector<DocPage> pages;             // every published document, by path
  std::vector<const DocPage*> zaken;      // newest first
  std::vector<const DocPage*> rapporten;  // newest first
  std::vector<const DocPage*> paginas;    // plain pages, by weight then title
  const DocPage* home = nullptr;          // content/index.md, if present
  std::vector<Taxonomy> taxonomies;
  std::string newest_date;  // for deterministic "build year" and feed dates
};

/// Builds the model from scrubbed documents (drafts are left out); renders Markdown with `jobs`
/// threads.
SiteModel build_model(const std::vector<ScrubbedDoc>& docs, const SiteConfig& config, int jobs);

/// "klachtoordelen" for zaakverslagen, "onderzoeksrapporten" for reports, or the front matter's
/// woo.category.
std::string woo_category_of(const PublicFields& doc);

}  // namespace generator
