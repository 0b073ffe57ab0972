#include "generator/build.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "anonymizer/leak_scan.h"
#include "anonymizer/rules.h"
#include "generator/assets.h"
#include "generator/build_cache.h"
#include "generator/config.h"
#include "generator/content_loader.h"
#include "generator/digest.h"
#include "generator/feeds.h"
#include "generator/readability_report.h"
#include "generator/render_html.h"
#include "generator/scrub_memo.h"
#include "generator/scrubbed_doc.h"
#include "generator/search_index.h"
#include "generator/site_inputs.h"
#include "generator/site_model.h"
#include "generator/template_set.h"
#include "generator/verify.h"
#include "generator/write_atomic.h"

namespace generator {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

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

// What decides a scrub result besides the field itself: the binary (built-in rules and word
// lists) and ombudsite.json (allowlist and extra rules).
std::string config_fingerprint(const BuildOptions& options) {
  Digest d;
  d.add(binary_digest());
  d.add_file(options.root / "ombudsite.json");
  return d.hex();
}

// verify looks for every declared person of every document: another person set is another scan.
std::string persons_fingerprint(const std::string& config, anonymizer::Persons persons) {
  std::sort(persons.begin(), persons.end(), [](const auto& a, const auto& b) {
    return std::tie(a.name, a.role) < std::tie(b.name, b.role);
  });
  Digest d;
  d.add(config).add(persons.size());
  for (const auto& p : persons) d.add(p.name).add(p.role);
  return d.hex();
}

// The cache must not be published: refuse a cache folder inside the output.
bool cache_outside_output(const BuildOptions& options, const fs::path& out, Diagnostics& diags) {
  if (options.cache.empty()) return true;
  std::error_code ec;
  fs::path cache = fs::weakly_canonical(fs::absolute(options.cache, ec), ec);
  fs::path site = fs::weakly_canonical(fs::absolute(out, ec), ec);
  auto [s, c] = std::mismatch(site.begin(), site.end(), cache.begin(), cache.end());
  if (s != site.end()) return true;
  diags.error(options.cache.generic_string(), 0, 0,
              "the cache folder must not be inside the output folder " + out.generic_string());
  return false;
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
  fs::path out = options.out.empty() ? options.root / "site" : options.out;
  // Incremental: an unchanged build writes nothing; otherwise unchanged fields skip scrubbing
  // and unchanged output segments skip verify. `check` and serve always start cold.
  const bool use_cache = options.write && options.use_cache && !options.preview;
  BuildCache cache(options.cache.empty() ? options.root / ".ombudsite-cache" : options.cache);
  std::string stamp;
  if (use_cache) {
    if (!cache_outside_output(options, out, diags)) return false;
    stamp = BuildCache::input_stamp(options);
    if (cache.up_to_date(stamp, out, summary, diags)) {
      remove_stale_staging(out);
      timer.lap("up to date");
      summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
      return true;
    }
  }
  SiteInputs l = load_site_inputs(options.root, diags, jobs);
  // serve (preview): drafts are rendered like approved documents, the server marks them.
  std::set<std::string> drafts;
  if (options.preview) drafts = promote_drafts(l.docs);
  nlohmann::json glossary = load_glossary(options.root, diags);
  TemplateSet templates = TemplateSet::load(options.root, diags);
  timer.lap("load");
  if (!l.config || !l.rules) return false;
  std::optional<ScrubMemo> memo;
  if (use_cache && !stamp.empty()) {
    memo.emplace(config_fingerprint(options));
    memo->load(cache.scrub_memo_file());
  }

  std::vector<std::optional<ScrubbedDoc>> slots(l.docs.size());
  std::vector<std::vector<AuditEntry>> audits(l.docs.size());
  progress("scrub", 0, l.docs.size());
  std::atomic<std::size_t> scrub_done{0};
  parallel_for(l.docs.size(), jobs, [&](std::size_t i) {
    slots[i].emplace(scrub_document(l.docs[i], l.config->allow, *l.rules, &audits[i], nullptr,
                                    memo ? &*memo : nullptr));
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
  // serve (preview): what each page redacted, kept in memory for the server to show.
  if (options.preview) summary.preview = make_preview(model, l.docs, audits, drafts);
  check_readability(model, *l.config, {options.strict, !options.write}, diags);
  timer.lap("render");
  progress("template", 0, 0);

  // Every output is verified and staged as soon as it is rendered and then dropped, so memory
  // holds the pages in flight, not the site. Nothing is published before the final swap, and
  // that happens only when no file leaked and nothing else failed.
  anonymizer::Persons persons = all_persons(l.docs);
  anonymizer::LeakScanner scanner(persons, l.config->allow, *l.rules);
  std::optional<VerifiedSegments> known;
  std::string verify_fingerprint;
  if (memo) {
    verify_fingerprint = persons_fingerprint(config_fingerprint(options), persons);
    known.emplace().load(cache.verified_file(), verify_fingerprint);
  }
  OutputVerifier verifier(scanner, out.generic_string(), diags, known ? &*known : nullptr);
  std::optional<StagedSite> staged;
  if (options.write && !diags.has_errors()) {
    staged.emplace(out, diags);
    if (!staged->ok()) return false;
  }
  std::mutex paths_mutex;
  std::vector<std::string> paths;
  auto emit = [&](OutputFile&& file) {
    verifier.check(file);
    if (staged && !diags.has_errors()) staged->put(file);
    std::lock_guard lock(paths_mutex);
    paths.push_back(std::move(file.path));
  };
  // The site-wide files are made beside the pages and their JSON twins, on one more thread.
  auto site_wide = std::async(std::launch::async, [&] {
    for (auto& f : woo_sitemaps(model, *l.config)) emit(std::move(f));
    emit(atom_feed(model, *l.config));
    emit(search_index(model, jobs));
    for (auto& f : theme_files(options.root, diags)) emit(std::move(f));
  });
  render_html(model, *l.config, templates, glossary, diags, jobs, emit);
  timer.lap("template");
  parallel_for(model.pages.size(), jobs, [&](std::size_t i) {
    if (!model.pages[i].json_url.empty()) emit(json_twin(model.pages[i], *l.config));
  });
  site_wide.get();
  progress("verify", 0, paths.size());  // every file is verified by now, pages as rendered
  std::sort(paths.begin(), paths.end());
  for (std::size_t i = 1; i < paths.size(); ++i)
    if (paths[i] == paths[i - 1]) diags.error(paths[i], 0, 0, "two outputs want the same path");
  for (const DocPage& p : model.pages) ++summary.pages_by_kind[kind_name(p.doc->fields().kind)];
  summary.leaks = verifier.leaks();
  summary.files = paths.size();
  if (memo) {
    memo->save(cache.scrub_memo_file());
    known->save(cache.verified_file(), verify_fingerprint);
  }
  timer.lap("verify");

  if (diags.has_errors() || !options.write) {
    summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return !diags.has_errors();
  }
  progress("write", 0, paths.size());
  bool ok = staged->commit();
  WriteStats stats = staged->stats();
  if (ok && memo) cache.record(stamp, out, paths, summary, diags);
  summary.written = stats.written;
  summary.kept = stats.kept;
  timer.lap("write");
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return ok;
}

bool verify_site(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary) {
  SiteInputs l = load_site_inputs(options.root, diags, options.jobs);
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
