#pragma once
// SourceDoc: a content file as loaded and validated. Private: it still holds personal data and
// never reaches a template (only ScrubbedDoc does, see scrubbed_doc.h).

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "anonymizer/scrub.h"

namespace generator {

enum class DocKind { kZaak, kRapport, kPagina };

/// "zaakverslag", "rapport", "pagina".
const char* kind_name(DocKind kind);

/// Where a value stood in the source file, for diagnostics.
struct SourcePos {
  int line = 0;
  int col = 0;
};

struct KinderenVersion {
  std::string title;
  std::string summary;
  std::string body;   // Markdown
  int body_line = 0;  // file line of the body's first line; 0 when unknown
};

/// Optional Woo metadata overrides (front matter `woo:`).
struct WooMeta {
  std::string
      category;         // "klachtoordelen", "onderzoeksrapporten", "jaarverslagen", "woo-besluiten"
  std::string created;  // YYYY-MM-DD, defaults to `date`
  std::string modified;  // YYYY-MM-DD, defaults to `updated` or `date`
};

struct SourceDoc {
  std::string path;  // relative to the site root, e.g. "content/zaken/2025-00142.md"
  DocKind kind = DocKind::kPagina;
  std::string id;  // zaak id ("2025-00142") or, for reports and pages, the slug
  std::string title;
  std::string date;     // YYYY-MM-DD
  std::string updated;  // YYYY-MM-DD or empty
  std::string summary;
  std::string body;   // Markdown
  int body_line = 1;  // line of the body's first line in the file
  std::string municipality;
  std::vector<std::string> themes;
  std::string outcome;
  std::string status = "approved";  // draft | approved
  std::string report_number;        // rapporten: "2025/012"
  std::string layout;               // template name override; empty for the kind's default
  std::vector<anonymizer::Person> persons;
  std::optional<KinderenVersion> kinderen;
  WooMeta woo;
  int weight = 0;  // ordering of plain pages in menus; lower first
  bool menu = false;
  std::map<std::string, SourcePos> positions;  // "title", "kinderen.body", "persons[0].name", ...

  bool published() const { return status == "approved"; }
};

/// Where byte `offset` of a scrubbed field stands in the source file: exact in the body; the
/// line only (col 0) in a kinderen body, whose indentation in the front matter is unknown; the
/// value's position for other front-matter fields; {0, 0} when unknown.
SourcePos field_position(const SourceDoc& doc, const std::string& field, std::size_t offset);

}  // namespace generator
