#pragma once
// The redaction preview of `serve`: per page URL, whether it is a draft and what was removed.
// Built in memory only (BuildOptions::preview); it never reaches a file on disk.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace generator {

struct AuditEntry;
struct SiteModel;
struct SourceDoc;

struct PreviewRedaction {
  std::string field;     // "body", "title", "kinderen.body", ...
  std::string location;  // "content/zaken/2025-00142.md:14:9" (line and col when known)
  std::string category;  // naam, bsn, telefoon, ...
  std::string rule;      // "declared-person", "bsn", ...
  std::string ground;    // "5.1.2e"
  std::string replacement;
  std::string original;  // the removed text: shown to the author, never written
};

struct PagePreview {
  std::string source;  // "content/zaken/2025-00142.md"
  bool draft = false;
  std::vector<PreviewRedaction> redactions;
};

/// Keyed by the page's URL path as the site links it: "" (home), "zaken/2025-00142/", ...
using PreviewPages = std::map<std::string, PagePreview>;

/// Sets every draft to approved so that a preview build renders it; returns their source paths.
std::set<std::string> promote_drafts(std::vector<SourceDoc>& docs);

/// The preview of every document page in `model` (public and kinderen URLs): `docs` and
/// `audits` are the build's sources and their audit entries, index by index.
PreviewPages make_preview(const SiteModel& model, const std::vector<SourceDoc>& docs,
                          const std::vector<std::vector<AuditEntry>>& audits,
                          const std::set<std::string>& drafts);

}  // namespace generator
