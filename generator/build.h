#pragma once
// The pipeline: load -> validate -> scrub -> render -> template -> verify -> write.

#include <filesystem>
#include <map>
#include <string>

#include "generator/diagnostics.h"
#include "generator/parallel.h"
#include "generator/preview.h"
#include "generator/progress.h"

namespace generator {

struct BuildOptions {
  std::filesystem::path root = ".";  // site root: ombudsite.json, content/, templates/, themes/
  std::filesystem::path out;         // default ROOT/site
  int jobs = 0;                      // 0: all cores
  bool write = true;                 // false for `check`: run every stage, write nothing
  bool verbose = false;              // a timing line per stage
  bool strict = false;               // a child page below kinderen.minReadability is an error
  std::filesystem::path cache;       // incremental build cache; default ROOT/.ombudsite-cache
  bool use_cache = true;             // false (--no-cache): a cold build that leaves no cache
  bool preview = false;              // serve only: drafts are built too, summary.preview is filled
  ProgressFn progress;               // told when a stage starts and per item; may be empty
};

struct BuildSummary {
  std::map<std::string, std::size_t> pages_by_kind;  // "zaakverslag" -> 14
  std::map<std::string, std::size_t> redactions_by_category;
  std::size_t files = 0;
  std::size_t written = 0;
  std::size_t kept = 0;
  std::size_t leaks = 0;
  double seconds = 0;
  bool up_to_date = false;           // nothing changed since the last build: nothing was written
  std::vector<std::string> timings;  // "scrub: 12.3 ms"
  PreviewPages preview;              // options.preview only; in memory, never written
};

/// Runs the whole pipeline. Problems go to `diags`; nothing is written when there is an error.
/// Returns true on success.
bool build_site(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary);

/// Scans an already built site (OUT) against the persons declared under ROOT.
bool verify_site(const BuildOptions& options, Diagnostics& diags, BuildSummary& summary);

}  // namespace generator
