#include "generator/render_html.h"

#include <algorithm>
#include <functional>

#include "generator/glossary.h"
#include "generator/text_util.h"

namespace generator {

using nlohmann::json;

std::string relative_root(const std::string& url) {
  std::string root;
  for (char c : url)
    if (c == '/') root += "../";
  return root;
}

namespace {

struct PageJob {
  std::string template_name;
  std::string out_path;  // "zaken/2025-00142/index.html"
  json data;
  std::string context;  // source path or URL, for diagnostics
  // Builds `data` when the page is rendered, on a worker thread: the data of ten thousand
  // pages is never held at once, and building it runs in parallel.
  std::function<json()> make_data;
};

// "Zaakverslag": the kind's name as a heading shows it.
std::string kind_label(DocKind kind) {
  std::string label = kind_name(kind);
  label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

json contact_json(const Contact& c) {
  return {{"phone", c.phone}, {"email", c.email}, {"address", c.address}, {"formUrl", c.form_url}};
}

std::string category_label(const std::string& category) {
  if (category == "klachtoordelen") return "Klachtoordeel";
  if (category == "onderzoeksrapporten") return "Onderzoeksrapport";
  if (category == "jaarverslagen") return "Jaarverslag";
  if (category == "woo-besluiten") return "Woo-besluit";
  return category;
}

// Templates test fields with sections, where Mustache treats "" as present: drop empty strings.
void prune_empty(json& j) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end();) {
      if (it->is_string() && it->get_ref<const std::string&>().empty()) {
        it = j.erase(it);
      } else {
        prune_empty(*it);
        ++it;
      }
    }
  } else if (j.is_array()) {
    for (auto& v : j) prune_empty(v);
  }
}

class Renderer {
 public:
  Renderer(const SiteModel& model, const SiteConfig& config, const TemplateSet& templates,
           const json& glossary, Diagnostics& diags)
      : model_(model), config_(config), templates_(templates), glossary_(glossary), diags_(diags) {
    site_ = {{"title", config.title},
             {"baseURL", config.base_url},
             {"language", config.language},
             {"publisher", {{"name", config.publisher.name}, {"tooi", config.publisher.tooi}}},
             {"contact", contact_json(config.contact)},
             {"kinderenContact", contact_json(config.kinderen_contact)},
             {"params", config.params},
             {"buildYear", model.newest_date.substr(0, 4)},
             {"hasKinderen", config.kinderen_enabled}};
  }

  std::vector<PageJob> jobs() {
    public_site();
    if (config_.kinderen_enabled) kinderen_site();
    return std::move(jobs_);
  }

  // The data a job renders with; thread-safe, the Renderer only reads here.
  static json data_of(PageJob& job) {
    json data = job.make_data ? job.make_data() : std::move(job.data);
    finish_crumbs(data);
    prune_empty(data);
    return data;
  }

 private:
  // -- shared pieces ------------------------------------------------------------------------

  json menu(const std::string& current, bool kinderen) const {
    json items = json::array();
    const std::string home = kinderen ? "kinderen/" : "";
    auto add = [&](const std::string& title, const std::string& url) {
      bool active = url == current || (url != home && current.rfind(url, 0) == 0);
      items.push_back(
          {{"title", title}, {"url", url}, {"current", url == current}, {"active", active}});
    };
    if (kinderen) {
      add("Home", "kinderen/");
      add("Verhalen", "kinderen/zaken/");
      add("Woordenlijst", "kinderen/woordenlijst/");
      // Plain pages in the main menu that have a child version (the Kinderombudsman page).
      for (const DocPage* p : model_.paginas)
        if (p->doc->fields().menu && !p->kinderen_url.empty())
          add(p->doc->fields().kinderen->title, p->kinderen_url);
      return items;
    }
    add("Home", "");
    add("Zaakverslagen", "zaken/");
    add("Rapporten", "rapporten/");
    add("Thema's", "thema/");
    for (const DocPage* p : model_.paginas)
      if (p->doc->fields().menu) add(p->doc->fields().title, p->url);
    add("Zoeken", "zoeken/");
    if (config_.kinderen_enabled) add("Voor kinderen", "kinderen/");
    return items;
  }

  json page_json(const std::string& kind, const std::string& title, const std::string& url,
                 const std::string& variant) const {
    json meta = {{"identifier", config_.base_url + url},
                 {"title", title},
                 {"creator", config_.publisher.name},
                 {"language", config_.language},
                 {"type", kind}};
    return {{"kind", kind},
            {"title", title},
            {"url", url},
            {"root", relative_root(url)},
            {"canonical", config_.base_url + url},
            {"variant", variant},
            {"meta", meta},
            {"breadcrumbs", json::array()}};
  }

  json base(const std::string& kind, const std::string& title, const std::string& url,
            bool kinderen) const {
    json data = {{"site", site_},
                 {"page", page_json(kind, title, url, kinderen ? "kinderen" : "site")},
                 {"menu", menu(url, kinderen)}};
    json& crumbs = data["page"]["breadcrumbs"];
    crumbs.push_back({{"title", kinderen ? "Home voor kinderen" : "Home"},
                      {"url", kinderen ? "kinderen/" : ""}});
    return data;
  }

  static void crumb(json& data, const std::string& title, const std::string& url) {
    data["page"]["breadcrumbs"].push_back({{"title", title}, {"url", url}});
  }

  // Marks the last breadcrumb as the current page.
  static void finish_crumbs(json& data) {
    json& crumbs = data["page"]["breadcrumbs"];
    for (std::size_t i = 0; i < crumbs.size(); ++i) crumbs[i]["current"] = i + 1 == crumbs.size();
  }

  json item(const DocPage& p, bool kinderen) const {
    const auto& f = p.doc->fields();
    bool child = kinderen && f.kinderen;
    return {{"title", child ? f.kinderen->title : f.title},
            {"url", child ? p.kinderen_url : p.url},
            {"dateLabel", dutch_date(f.date)},
            {"date", f.date},
            {"summary", child ? f.kinderen->summary : f.summary},
            {"municipality", f.municipality},
            {"outcome", f.outcome},
            {"id", f.id},
            {"kind", kind_name(f.kind)},
            {"kindLabel", kind_label(f.kind)}};
  }

  json doc_json(const DocPage& p, bool kinderen) const {
    const auto& f = p.doc->fields();
    const RenderedMarkdown& body = kinderen ? *p.kinderen_body : p.body;
    json toc = json::array();
    for (const auto& t : body.toc)
      toc.push_back({{"id", t.id}, {"title", t.title}, {"level", t.level}});
    int h2 = static_cast<int>(std::count_if(body.toc.begin(), body.toc.end(),
                                            [](const TocEntry& t) { return t.level == 2; }));
    json themes = json::array();
    for (const auto& t : f.themes)
      themes.push_back({{"name", t}, {"url", "thema/" + slugify(t) + "/"}});
    json d = {
        {"id", f.id},
        {"title", kinderen ? f.kinderen->title : f.title},
        {"date", f.date},
        {"dateLabel", dutch_date(f.date)},
        {"updatedLabel", f.updated.empty() ? "" : dutch_date(f.updated)},
        {"summary", kinderen ? f.kinderen->summary : f.summary},
        {"contentHtml", body.html},
        {"hasToc", f.kind == DocKind::kRapport && !kinderen && (h2 >= 3 || body.word_count > 1500)},
        {"toc", toc},
        {"themes", themes},
        {"hasThemes", !themes.empty()},
        {"hasRedactions", f.redaction_count > 0},
        {"reportNumber", f.report_number},
        {"redactionCount", f.redaction_count},
        {"kinderen", !p.kinderen_url.empty()},
        {"kindLabel", kind_label(f.kind)}};
    if (!f.municipality.empty())
      d["municipality"] = {{"name", f.municipality},
                           {"url", "gemeente/" + slugify(f.municipality) + "/"}};
    if (!f.outcome.empty())
      d["outcome"] = {{"name", f.outcome}, {"url", "uitkomst/" + slugify(f.outcome) + "/"}};
    if (!p.woo_category.empty())
      d["wooCategory"] = {{"name", p.woo_category}, {"label", category_label(p.woo_category)}};
    return d;
  }

  void add_job(std::string template_name, const std::string& url, json data, std::string context) {
    jobs_.push_back(
        {std::move(template_name), url + "index.html", std::move(data), std::move(context), {}});
  }

  void add_lazy_job(std::string template_name, const std::string& url, std::string context,
                    std::function<json()> make_data) {
    jobs_.push_back({std::move(template_name), url + "index.html", json(), std::move(context),
                     std::move(make_data)});
  }

  // One page per chunk of `items`: base_url, base_url/pagina/2/, ...
  void paginate(const std::string& tmpl, const std::string& base_url, const std::string& title,
                const std::string& intro, const std::vector<const DocPage*>& items, bool kinderen,
                const std::function<void(json&)>& decorate) {
    const std::size_t size = static_cast<std::size_t>(std::max(1, config_.page_size));
    std::size_t total = std::max<std::size_t>(1, (items.size() + size - 1) / size);
    auto url_of = [&](std::size_t n) {
      return n == 1 ? base_url : base_url + "pagina/" + std::to_string(n) + "/";
    };
    // The decoration (breadcrumbs) is taken now: its lambda refers to the caller's locals.
    json decoration = {{"page", {{"breadcrumbs", json::array()}}}};
    decorate(decoration);
    json crumbs = std::move(decoration["page"]["breadcrumbs"]);
    for (std::size_t n = 1; n <= total; ++n) {
      std::string url = url_of(n);
      std::vector<const DocPage*> slice(
          items.begin() + static_cast<std::ptrdiff_t>((n - 1) * size),
          items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), n * size)));
      add_lazy_job(tmpl, url, url,
                   [this, n, total, kinderen, crumbs, slice = std::move(slice),
                    base_url = std::string(base_url), title = std::string(title),
                    intro = std::string(intro)]() {
                     auto url_of = [&](std::size_t k) {
                       return k == 1 ? base_url : base_url + "pagina/" + std::to_string(k) + "/";
                     };
                     std::string url = url_of(n);
                     std::string page_title =
                         n == 1 ? title : title + " (pagina " + std::to_string(n) + ")";
                     json data = base("lijst", page_title, url, kinderen);
                     for (const json& c : crumbs) data["page"]["breadcrumbs"].push_back(c);
                     json list_items = json::array();
                     for (const DocPage* p : slice) list_items.push_back(item(*p, kinderen));
                     // The first and last page and two either side of this one, gaps between: every
                     // list page linking every other would make 10,000 cases a quadratic build and
                     // an unusable navigation.
                     json pages = json::array();
                     std::size_t shown = 0;  // the last page number listed
                     auto link = [&](std::size_t k) {
                       pages.push_back({{"number", k}, {"url", url_of(k)}, {"current", k == n}});
                     };
                     auto show = [&](std::size_t k) {
                       if (k < 1 || k > total || k <= shown) return;
                       if (k == shown + 2) link(k - 1);  // a gap of one page: list the page itself
                       if (k > shown + 2 && shown > 0) pages.push_back({{"gap", true}});
                       link(k);
                       shown = k;
                     };
                     show(1);
                     for (std::size_t k = n > 2 ? n - 2 : 1; k <= n + 2; ++k) show(k);
                     show(total);
                     data["list"] = {{"title", title},
                                     {"intro", intro},
                                     {"items", list_items},
                                     {"pagination",
                                      {{"current", n},
                                       {"total", total},
                                       {"hasPrev", n > 1},
                                       {"prevUrl", n > 1 ? url_of(n - 1) : ""},
                                       {"hasNext", n < total},
                                       {"nextUrl", n < total ? url_of(n + 1) : ""},
                                       {"pages", pages},
                                       {"show", total > 1}}}};
                     return data;
                   });
    }
  }

  std::string template_for(const DocPage& p, const std::string& variant) {
    const auto& f = p.doc->fields();
    // Without a layout, the template is named after the kind: "site/zaakverslag".
    std::string name =
        variant + "/" + (f.layout.empty() ? std::string(kind_name(f.kind)) : f.layout);
    if (!templates_.has(name)) {
      // The loader records where `layout` stood, so the error points at it.
      diags_.error(f.path, f.layout_pos.line, f.layout_pos.col, "unknown template '" + name + "'");
      return {};
    }
    return name;
  }

  // -- the public site ----------------------------------------------------------------------

  json public_page(const DocPage& p) const {
    const auto& f = p.doc->fields();
    json data = base(kind_name(f.kind), f.title, p.url, false);
    if (f.kind == DocKind::kZaak) crumb(data, "Zaakverslagen", "zaken/");
    if (f.kind == DocKind::kRapport) crumb(data, "Rapporten", "rapporten/");
    crumb(data, f.title, p.url);
    data["doc"] = doc_json(p, false);
    json& meta = data["page"]["meta"];
    meta["modified"] = p.modified;
    meta["available"] = f.date;
    meta["spatial"] = f.municipality;
    if (!p.json_url.empty()) data["page"]["jsonUrl"] = p.json_url;
    if (!p.kinderen_url.empty())
      data["page"]["alternate"] = {{"url", p.kinderen_url},
                                   {"label", "Lees dit in makkelijke taal"}};
    return data;
  }

  void public_site() {
    for (const DocPage& p : model_.pages) {
      const auto& f = p.doc->fields();
      if (f.kind == DocKind::kPagina && f.id == "index") continue;
      std::string tmpl = template_for(p, "site");
      if (tmpl.empty()) continue;
      add_lazy_job(tmpl, p.url, f.path, [this, &p]() { return public_page(p); });
    }

    json home = base("home", config_.title, "", false);
    home["page"]["breadcrumbs"] = json::array();
    json latest = json::array(), reports = json::array(), taxonomies = json::array();
    for (std::size_t i = 0; i < std::min<std::size_t>(6, model_.zaken.size()); ++i)
      latest.push_back(item(*model_.zaken[i], false));
    for (std::size_t i = 0; i < std::min<std::size_t>(3, model_.rapporten.size()); ++i)
      reports.push_back(item(*model_.rapporten[i], false));
    for (const auto& t : model_.taxonomies)
      taxonomies.push_back({{"title", t.title}, {"url", t.key + "/"}});
    home["home"] = {{"intro", model_.home ? model_.home->body.html : ""},
                    {"latest", latest},
                    {"reports", reports},
                    {"taxonomies", taxonomies}};
    if (model_.home) home["home"]["title"] = model_.home->doc->fields().title;
    add_job("site/home", "", std::move(home), "index");

    paginate("site/lijst", "zaken/", "Zaakverslagen",
             "Verslagen van klachten die de ombudsman heeft behandeld.", model_.zaken, false,
             [&](json& d) { crumb(d, "Zaakverslagen", "zaken/"); });
    paginate("site/lijst", "rapporten/", "Rapporten", "Onderzoeken en jaarverslagen.",
             model_.rapporten, false, [&](json& d) { crumb(d, "Rapporten", "rapporten/"); });

    // zoeken/: the form for search.js, and links to every term for readers without script.
    json search = base("zoeken", "Zoeken", "zoeken/", false);
    crumb(search, "Zoeken", "zoeken/");
    json browse = json::array();
    for (const auto& tax : model_.taxonomies) {
      json terms = json::array();
      for (const auto& t : tax.terms)
        terms.push_back(
            {{"name", t.name}, {"url", tax.key + "/" + t.slug + "/"}, {"count", t.pages.size()}});
      browse.push_back({{"title", tax.title}, {"url", tax.key + "/"}, {"terms", terms}});
    }
    search["search"] = {{"taxonomies", browse}};
    add_job("site/zoeken", "zoeken/", std::move(search), "zoeken/");

    for (const auto& tax : model_.taxonomies) {
      std::string url = tax.key + "/";
      json overview = base("taxonomie", tax.title, url, false);
      crumb(overview, tax.title, url);
      json terms = json::array();
      for (const auto& t : tax.terms)
        terms.push_back({{"name", t.name}, {"url", url + t.slug + "/"}, {"count", t.pages.size()}});
      overview["taxonomy"] = {{"title", tax.title}, {"terms", terms}};
      add_job("site/taxonomie", url, std::move(overview), url);
      for (const auto& t : tax.terms) {
        std::string term_url = url + t.slug + "/";
        paginate("site/lijst", term_url, tax.title + ": " + t.name, "", t.pages, false,
                 [&](json& d) {
                   crumb(d, tax.title, url);
                   crumb(d, t.name, term_url);
                 });
      }
    }

    not_found_page("site/404", "404.html", false);
  }

  // A 404 page is served at any depth, so its links start at the site's own path.
  void not_found_page(const std::string& tmpl, const std::string& out_path, bool kinderen) {
    json data = base("404", "Pagina niet gevonden", kinderen ? "kinderen/" : "", kinderen);
    std::string path = config_.base_url;
    auto scheme = path.find("://");
    auto slash = scheme == std::string::npos ? std::string::npos : path.find('/', scheme + 3);
    data["page"]["root"] = slash == std::string::npos ? "/" : path.substr(slash);
    data["page"]["breadcrumbs"] = json::array();
    prune_empty(data);
    jobs_.push_back({tmpl, out_path, std::move(data), out_path, {}});
  }

  // -- the child-friendly site --------------------------------------------------------------

  void kinderen_site() {
    const std::vector<GlossaryTerm> glossary = glossary_terms(glossary_);
    // The first use of each glossary term links to its entry and is explained on the page.
    auto mark_terms = [&](const std::string& html, const std::string& url) {
      return mark_glossary_terms(html, glossary, relative_root(url) + "kinderen/woordenlijst/")
          .html;
    };
    std::vector<const DocPage*> stories;
    for (const DocPage& p : model_.pages) {
      if (p.kinderen_url.empty()) continue;
      const auto& f = p.doc->fields();
      std::string tmpl = template_for(p, "kinderen");
      if (tmpl.empty()) continue;
      json data = base(kind_name(f.kind), f.kinderen->title, p.kinderen_url, true);
      if (f.kind != DocKind::kPagina) crumb(data, "Verhalen", "kinderen/zaken/");
      crumb(data, f.kinderen->title, p.kinderen_url);
      data["doc"] = doc_json(p, true);
      data["doc"]["contentHtml"] = mark_terms(p.kinderen_body->html, p.kinderen_url);
      data["page"]["alternate"] = {{"url", p.url}, {"label", "Voor volwassenen"}};
      data["page"]["meta"]["modified"] = p.modified;
      add_job(tmpl, p.kinderen_url, std::move(data), f.path);
      if (f.kind != DocKind::kPagina) stories.push_back(&p);
    }
    std::sort(stories.begin(), stories.end(), [](const DocPage* a, const DocPage* b) {
      return std::tie(a->doc->fields().date, a->doc->fields().id) >
             std::tie(b->doc->fields().date, b->doc->fields().id);
    });

    // The child version of content/index.md, when there is one, is the child home's intro.
    const DocPage* intro = model_.home && model_.home->kinderen_body ? model_.home : nullptr;
    json home = base("home", intro ? intro->doc->fields().kinderen->title : "Kinderombudsman",
                     "kinderen/", true);
    json latest = json::array();
    for (std::size_t i = 0; i < std::min<std::size_t>(6, stories.size()); ++i)
      latest.push_back(item(*stories[i], true));
    home["home"] = {{"intro", intro ? mark_terms(intro->kinderen_body->html, "kinderen/") : ""},
                    {"latest", latest},
                    {"reports", json::array()},
                    {"taxonomies", json::array()}};
    home["page"]["alternate"] = {{"url", ""}, {"label", "Voor volwassenen"}};
    add_job("kinderen/home", "kinderen/", std::move(home), "kinderen/");

    paginate("kinderen/lijst", "kinderen/zaken/", "Verhalen",
             "Verhalen over klachten, in makkelijke taal.", stories, true,
             [&](json& d) { crumb(d, "Verhalen", "kinderen/zaken/"); });

    json words = base("woordenlijst", "Woordenlijst", "kinderen/woordenlijst/", true);
    crumb(words, "Woordenlijst", "kinderen/woordenlijst/");
    json terms = json::array();
    if (glossary_.is_array())
      for (const auto& g : glossary_)
        if (g.is_object() && g.value("term", "") != "")
          terms.push_back({{"term", g.value("term", "")},
                           {"id", slugify(g.value("term", ""))},
                           {"uitleg", g.value("uitleg", "")}});
    words["glossary"] = {{"terms", terms}};
    add_job("kinderen/woordenlijst", "kinderen/woordenlijst/", std::move(words),
            "content/woordenlijst.json");
    not_found_page("kinderen/404", "kinderen/404.html", true);
  }

  const SiteModel& model_;
  const SiteConfig& config_;
  const TemplateSet& templates_;
  const json& glossary_;
  Diagnostics& diags_;
  json site_;
  std::vector<PageJob> jobs_;
};

}  // namespace

void render_html(const SiteModel& model, const SiteConfig& config, const TemplateSet& templates,
                 const json& glossary, Diagnostics& diags, int jobs,
                 const std::function<void(OutputFile&&)>& sink) {
  Renderer renderer(model, config, templates, glossary, diags);
  std::vector<PageJob> pages = renderer.jobs();
  parallel_for(pages.size(), jobs, [&](std::size_t i) {
    json data = Renderer::data_of(pages[i]);
    OutputFile file{pages[i].out_path,
                    templates.render(pages[i].template_name, data, pages[i].context, diags)};
    data = json();
    sink(std::move(file));
  });
}

}  // namespace generator
