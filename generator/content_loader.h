#pragma once
// load + validate: content/ files into SourceDocs, every problem reported with its position.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/source_doc.h"

namespace generator {

/// Loads every .md and .json under ROOT/content (sorted by path; content/woordenlijst.json and
/// other data files excepted), validates each (required fields, types, real dates, id format
/// and uniqueness, known status and outcome, unknown fields as warnings) and returns the valid
/// ones. Paths in diagnostics are relative to ROOT. Parses on `jobs` threads (0: one per core).
std::vector<SourceDoc> load_content(const std::filesystem::path& root, Diagnostics& diags,
                                    int jobs = 0);

/// Parses one file's text; `path` is relative to the root and decides the kind
/// (content/zaken/ -> zaak, content/rapporten/ -> rapport, else pagina).
std::optional<SourceDoc> parse_document(std::string_view text, const std::string& path,
                                        Diagnostics& diags);

/// Known outcome values: gegrond, ongegrond, deels gegrond, bemiddeld, ...
const std::vector<std::string>& known_outcomes();

}  // namespace generator
