#pragma once
// Where values stand in a JSON text. nlohmann's parser keeps no positions, so a small scanner
// walks the raw text again and maps field paths ("publisher.name", "persons[0].role") to the
// line:col of their key and value.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "generator/diagnostics.h"
#include "generator/source_doc.h"

namespace generator {

/// Position of one field: its key (equal to the value for array elements) and its value.
struct FieldPos {
  SourcePos key;
  SourcePos value;
};

/// Field path -> position. The root object has the path "".
using FieldPositions = std::map<std::string, FieldPos>;

/// Deepest nesting of objects and arrays accepted in a content or config file.
inline constexpr int kMaxNesting = 64;

/// "persons" + 0 -> "persons[0]"; "" + "title" -> "title"; "woo" + "created" -> "woo.created".
std::string field_path(const std::string& parent, const std::string& key);
std::string field_path(const std::string& parent, std::size_t index);

/// Position of `path` (its key when `key` is set), or `fallback` when the path is unknown.
SourcePos position_of(const FieldPositions& positions, const std::string& path, bool key,
                      SourcePos fallback = {1, 1});

struct ParsedJson {
  nlohmann::json value;
  FieldPositions positions;
};

/// Parses JSON text and records every field's position. Syntax errors (at the parser's
/// line:col), duplicate keys and nesting deeper than kMaxNesting go to `diags`; returns
/// nullopt on any of them. Never throws.
std::optional<ParsedJson> parse_json_with_positions(std::string_view text, const std::string& path,
                                                    Diagnostics& diags);

/// Maps nlohmann's parse_error::byte (1-based, the last byte read) to the line:col in `text`
/// where the offending token starts.
LineCol json_error_position(std::string_view text, std::size_t byte);

}  // namespace generator
