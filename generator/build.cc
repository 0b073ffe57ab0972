#include "generator/build.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "anonymizer/leak_scan.h"
#include "anonymizer/rules.h"
#include "generator/assets.h"
#include "generator/config.h"
#include "generator/content_loader.h"
#include "generator/feeds.h"
#include "generator/readability_report.h"
#include "generator/render_html.h"
#include "generator/scrubbed_doc.h"
#include "generator/search_index.h"
#include "generator/site_model.h"
#include "generator/template_set.h"
#include "generator/verify.h"
#include "generator/write_atomic.h"

namespace generator {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

namespace {

class StageTimer {
 public:
  explicit StageTimer(BuildSummary& summary) : summary_(summary), start_(Clock::now()) {}
  void lap(const std::string& stage) {
    auto now = Clock::now();
    double ms = std::chrono::duration<double, std::milli>(now - start_).count();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f ms", ms);
    summary_.timings.push_back(stage + ": " + buf);
    start_ = now;
  }

 private:
  BuildSummary& summary_;
  Clock::time_point start_;
};

nlohmann::json load_glossary(const fs::path& root, Diagnostics& diags) {
  fs::path path = root / "content" / "woordenlijst.json";
  std::ifstream in(path, std::ios::binary);
  if (!in) return nlohmann::json::array();
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  try {
    auto glossary = nlohmann::json::parse(text);
    if (!glossary.is_array()) {
      diags.error("content/woordenlijst.json", 1, 1, "the glossary must be a JSON array");
      return nlohmann::json::array();
    }
    return glossary;
  } catch (const nlohmann::json::parse_error& e) {
    LineCol lc = line_col_at(text, e.byte > 0 ? e.byte - 1 : 0);
    diags.error("content/woordenlijst.json", lc.line, lc.col, "invalid JSON");
    return nlohmann::json::array();
  }
}

OutputFiles theme_files(const fs::path& root, Diagnostics& diags) {
  OutputFiles files;
  for (auto& [path, bytes] : overlay_assets(root, "themes", diags))
    files.push_back({"assets/" + path.substr(7), std::move(bytes)});  // drop "themes/"
  return files;
}

anonymizer::Persons all_persons(const std::vector<SourceDoc>& docs) {
  anonymizer::Persons persons;
  for (const auto& d : docs) persons.insert(persons.end(), d.persons.begin(), d.persons.end());
  return persons;
}

struct Loaded {
  std::optional<SiteConfig> config;
  std::vector<SourceDoc> docs;
  std::unique_ptr<anonymizer::RuleSet> rules;
};

Loaded load_all(const BuildOptions& options, Diagnostics& diags) {
  Loaded l;
  l.config = load_config(options.root, diags);
  l.docs = load_content(options.root, diags);
  if (l.config) {
    std::string error;
    l.rules = anonymizer::RuleSet::with_extra(l.config->extra_rules, &error);
    if (!l.rules) diags.error("ombudsite.json", 0, 0, error);
  }
  return l;
}

}  // namespace

bool build_site(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary) {
  auto started = Clock::now();
  StageTimer timer(summary);
  auto progress = [&](std::string_view stage, std::size_t done, std::size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  progress("load", 0, 0);
  int jobs = options.jobs > 0 ? options.jobs : default_jobs();
  Loaded l = load_all(options, diags);
  nlohmann::json glossary = load_glossary(options.root, diags);
  TemplateSet templates = TemplateSet::load(options.root, diags);
  timer.lap("load");
  if (!l.config || !l.rules) return false;

  std::vector<std::optional<ScrubbedDoc>> slots(l.docs.size());
  std::vector<std::vector<AuditEntry>> audits(l.docs.size());
  progress("scrub", 0, l.docs.size());
  std::atomic<std::size_t> scrub_done{0};
  parallel_for(l.docs.size(), jobs, [&](std::size_t i) {
    slots[i].emplace(scrub_document(l.docs[i], l.config->allow, *l.rules, &audits[i], nullptr));
    progress("scrub", ++scrub_done, l.docs.size());
  });
  std::vector<ScrubbedDoc> scrubbed;
  scrubbed.reserve(slots.size());
  for (auto& s : slots) scrubbed.push_back(std::move(*s));
  for (std::size_t i = 0; i < l.docs.size(); ++i)
    if (l.docs[i].published())
      for (const auto& a : audits[i]) ++summary.redactions_by_category[a.redaction.category];
  timer.lap("scrub");
  progress("render", 0, 0);

  SiteModel model = build_model(scrubbed, *l.config, jobs);
  check_readability(model, *l.config, {options.strict, !options.write}, diags);
  timer.lap("render");
  progress("template", 0, 0);
  OutputFiles files = render_html(model, *l.config, templates, glossary, diags, jobs);
  for (auto& f : woo_sitemaps(model, *l.config)) files.push_back(std::move(f));
  files.push_back(atom_feed(model, *l.config));
  files.push_back(search_index(model));
  for (auto& f : json_twins(model, *l.config)) files.push_back(std::move(f));
  for (auto& f : theme_files(options.root, diags)) files.push_back(std::move(f));
  std::sort(files.begin(), files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  for (std::size_t i = 1; i < files.size(); ++i)
    if (files[i].path == files[i - 1].path)
      diags.error(files[i].path, 0, 0, "two outputs want the same path");
  for (const DocPage& p : model.pages) ++summary.pages_by_kind[kind_name(p.doc->fields().kind)];
  timer.lap("template");
  progress("verify", 0, files.size());

  anonymizer::LeakScanner scanner(all_persons(l.docs), l.config->allow, *l.rules);
  fs::path out = options.out.empty() ? options.root / "site" : options.out;
  summary.leaks = verify_files(files, scanner, out.generic_string(), diags, jobs);
  summary.files = files.size();
  timer.lap("verify");

  if (diags.has_errors() || !options.write) {
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return !diags.has_errors();
  }
  progress("write", 0, files.size());
  WriteStats stats;
  bool ok = write_atomic(out, files, diags, &stats);
  summary.written = stats.written;
  summary.kept = stats.kept;
  timer.lap("write");
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return ok;
}

bool verify_site(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary) {
  Loaded l = load_all(options, diags);
  if (!l.config || !l.rules) return false;
  fs::path out = options.out.empty() ? options.root / "site" : options.out;
  OutputFiles files = read_tree(out, diags);
  anonymizer::LeakScanner scanner(all_persons(l.docs), l.config->allow, *l.rules);
  summary.files = files.size();
  summary.leaks = verify_files(files, scanner, out.generic_string(), diags,
                               options.jobs > 0 ? options.jobs : default_jobs());
  return !diags.has_errors();
}

}  // namespace generator
