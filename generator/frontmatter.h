#pragma once
// Front matter: the YAML block between two `---` lines at the top of a Markdown file.
//
//   ---                          line 1
//   title: Geen reactie op klacht
//   date: 2025-03-14             -> fields {"title": "...", "date": "2025-03-14"}
//   ---                             positions {"date": key 3:1, value 3:7}
//   De gemeente reageerde ...    -> body, body_line 5
//
// YAML is read with the 1.2 core schema: quoted scalars are strings; plain scalars become null,
// true/false, integers or floats when they look like one, else strings (so a date stays text).

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "generator/diagnostics.h"
#include "generator/json_positions.h"

namespace generator {

/// Bounds that keep hostile front matter (alias bombs, deep nesting) cheap to reject.
struct FrontMatterLimits {
  std::size_t max_bytes = 1 << 20;  // the YAML block itself
  std::size_t max_values = 20000;   // nodes visited, every alias expansion counted
  int max_depth = kMaxNesting;
};

struct FrontMatter {
  nlohmann::json fields = nlohmann::json::object();
  FieldPositions positions;  // "title", "persons[0].name"; "" is the opening `---`
  std::string body;          // everything after the closing `---` line
  int body_line = 1;         // file line of the body's first line
};

/// Splits `text` (already UTF-8 checked, BOM removed, LF line ends) into front matter and body
/// and parses the YAML. Every problem goes to `diags` with its line:col in the file; returns
/// nullopt when the front matter is missing, unclosed or unusable. Never throws.
std::optional<FrontMatter> parse_frontmatter(std::string_view text, const std::string& path,
                                             Diagnostics& diags,
                                             const FrontMatterLimits& limits = {});

/// Resolves a plain (unquoted) YAML scalar by the 1.2 core schema: "true" -> true, "12" -> 12,
/// "~" -> null, "2025-03-14" -> "2025-03-14".
nlohmann::json resolve_plain_scalar(const std::string& text);

}  // namespace generator
