#include "generator/preview.h"

#include "generator/diagnostics.h"
#include "generator/scrubbed_doc.h"
#include "generator/site_model.h"
#include "generator/source_doc.h"

namespace generator {

std::set<std::string> promote_drafts(std::vector<SourceDoc>& docs) {
  std::set<std::string> drafts;
  for (SourceDoc& d : docs)
    if (!d.published()) {
      drafts.insert(d.path);
      d.status = "approved";
    }
  return drafts;
}

namespace {

// "path:line:col", "path:line" (a kinderen body) or "path" as far as the position is known.
std::string location_of(const SourceDoc& doc, const std::string& field, std::size_t offset) {
  SourcePos at = field_position(doc, field, offset);
  std::string where = doc.path;
  if (at.line > 0) where += ":" + std::to_string(at.line);
  if (at.line > 0 && at.col > 0) where += ":" + std::to_string(at.col);
  return where;
}

PreviewRedaction preview_of(const SourceDoc& doc, const AuditEntry& e) {
  return {e.field,
          location_of(doc, e.field, e.redaction.start),
          e.redaction.category,
          e.redaction.rule,
          e.redaction.ground,
          e.redaction.replacement,
          e.original};
}

}  // namespace

PreviewPages make_preview(const SiteModel& model, const std::vector<SourceDoc>& docs,
                          const std::vector<std::vector<AuditEntry>>& audits,
                          const std::set<std::string>& drafts) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < docs.size(); ++i) index[docs[i].path] = i;
  PreviewPages pages;
  for (const DocPage& p : model.pages) {
    const std::string& path = p.doc->fields().path;
    auto it = index.find(path);
    if (it == index.end()) continue;
    const SourceDoc& doc = docs[it->second];
    PagePreview& page = pages[p.url];
    PagePreview* child = p.kinderen_url.empty() ? nullptr : &pages[p.kinderen_url];
    page.source = path;
    page.draft = drafts.count(path) > 0;
    if (child) {
      child->source = path;
      child->draft = page.draft;
    }
    // Kinderen fields show on the child page; the others on the public page.
    for (const AuditEntry& e : audits[it->second]) {
      bool kinderen = e.field.rfind("kinderen.", 0) == 0;
      if (!kinderen)
        page.redactions.push_back(preview_of(doc, e));
      else if (child)
        child->redactions.push_back(preview_of(doc, e));
    }
  }
  return pages;
}

}  // namespace generator
