#include "generator/source_doc.h"

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

}  // namespace generator
