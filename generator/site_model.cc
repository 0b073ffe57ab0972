#include "generator/site_model.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "generator/text_util.h"

namespace generator {

std::string woo_category_of(const PublicFields& doc) {
  if (!doc.woo.category.empty()) return doc.woo.category;
  if (doc.kind == DocKind::kZaak) return "klachtoordelen";
  if (doc.kind == DocKind::kRapport) return "onderzoeksrapporten";
  return {};
}

namespace {

bool newer(const DocPage* a, const DocPage* b) {
  const auto& x = a->doc->fields();
  const auto& y = b->doc->fields();
  if (x.date != y.date) return x.date > y.date;
  return x.id > y.id;
}

Taxonomy make_taxonomy(
    const std::string& key, const std::string& title, const std::vector<const DocPage*>& pages,
    const std::function<std::vector<std::string>(const PublicFields&)>& terms_of) {
  std::map<std::string, Term> by_slug;
  for (const DocPage* p : pages)
    for (const auto& name : terms_of(p->doc->fields())) {
      if (name.empty()) continue;
      Term& t = by_slug[slugify(name)];
      if (t.name.empty()) {
        t.name = name;
        t.slug = slugify(name);
      }
      if (t.pages.empty() || t.pages.back() != p) t.pages.push_back(p);
    }
  Taxonomy tax{key, title, {}};
  for (auto& [slug, term] : by_slug) {
    std::sort(term.pages.begin(), term.pages.end(), newer);
    tax.terms.push_back(std::move(term));
  }
  if (key == "jaar") std::reverse(tax.terms.begin(), tax.terms.end());
  return tax;
}

std::string doc_url(const PublicFields& f) {
  switch (f.kind) {
  case DocKind::kZaak:
    return "zaken/" + f.id + "/";
  case DocKind::kRapport:
    return "rapporten/" + f.id + "/";
  case DocKind::kPagina:
    return f.id == "index" ? "" : f.id + "/";
  }
  return {};
}

}  // namespace

SiteModel build_model(const std::vector<ScrubbedDoc>& docs, const SiteConfig& config, int jobs) {
  SiteModel model;
  for (const auto& d : docs) {
    if (d->draft) continue;
    DocPage page;
    page.doc = &d;
    page.url = doc_url(d.fields());
    if (d->kind != DocKind::kPagina)
      page.json_url = page.url.substr(0, page.url.size() - 1) + ".json";
    if (d->kinderen && config.kinderen_enabled && d->id != "index")
      page.kinderen_url = "kinderen/" + page.url;
    page.modified = !d->woo.modified.empty() ? d->woo.modified
                    : !d->updated.empty()    ? d->updated
                                             : d->date;
    page.woo_category = woo_category_of(d.fields());
    model.pages.push_back(std::move(page));
  }
  parallel_for(model.pages.size(), jobs, [&](std::size_t i) {
    DocPage& p = model.pages[i];
    p.body = render_markdown(p.doc->fields().body_marked);
    if (p.doc->fields().kinderen) p.kinderen_body = render_markdown(p.doc->fields().kinderen->body);
  });

  for (const DocPage& p : model.pages) {
    const auto& f = p.doc->fields();
    model.newest_date = std::max(model.newest_date, f.date);
    switch (f.kind) {
    case DocKind::kZaak:
      model.zaken.push_back(&p);
      break;
    case DocKind::kRapport:
      model.rapporten.push_back(&p);
      break;
    case DocKind::kPagina:
      if (f.id == "index")
        model.home = &p;
      else
        model.paginas.push_back(&p);
      break;
    }
  }
  std::sort(model.zaken.begin(), model.zaken.end(), newer);
  std::sort(model.rapporten.begin(), model.rapporten.end(), newer);
  std::sort(model.paginas.begin(), model.paginas.end(), [](const DocPage* a, const DocPage* b) {
    const auto& x = a->doc->fields();
    const auto& y = b->doc->fields();
    return std::tie(x.weight, x.title, x.id) < std::tie(y.weight, y.title, y.id);
  });

  std::vector<const DocPage*> publications = model.zaken;
  publications.insert(publications.end(), model.rapporten.begin(), model.rapporten.end());
  model.taxonomies.push_back(make_taxonomy("thema", "Thema's", publications,
                                           [](const PublicFields& f) { return f.themes; }));
  model.taxonomies.push_back(make_taxonomy(
      "gemeente", "Gemeenten", publications,
      [](const PublicFields& f) { return std::vector<std::string>{f.municipality}; }));
  model.taxonomies.push_back(make_taxonomy(
      "jaar", "Jaren", publications,
      [](const PublicFields& f) { return std::vector<std::string>{f.date.substr(0, 4)}; }));
  model.taxonomies.push_back(
      make_taxonomy("uitkomst", "Uitkomsten", model.zaken,
                    [](const PublicFields& f) { return std::vector<std::string>{f.outcome}; }));
  return model;
}

}  // namespace generator
