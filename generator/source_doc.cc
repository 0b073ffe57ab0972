#include "generator/source_doc.h"

#include "generator/diagnostics.h"

namespace generator {

const char* kind_name(DocKind kind) {
  switch (kind) {
  case DocKind::kZaak:
    return "zaakverslag";
  case DocKind::kRapport:
    return "rapport";
  case DocKind::kPagina:
    return "pagina";
  }
  return "pagina";
}

SourcePos field_position(const SourceDoc& doc, const std::string& field, std::size_t offset) {
  if (field == "body") {
    LineCol lc = line_col_at(doc.body, offset);
    return {lc.line + doc.body_line - 1, lc.col};
  }
  if (field == "kinderen.body" && doc.kinderen && doc.kinderen->body_line > 0) {
    return {line_col_at(doc.kinderen->body, offset).line + doc.kinderen->body_line - 1, 0};
  }
  auto it = doc.positions.find(field);
  return it == doc.positions.end() ? SourcePos{} : it->second;
}

}  // namespace generator
