#pragma once
// validate: a content file's text and fields checked into a SourceDoc, every problem reported
// with the line:col of the offending key or value.
//
//   date: 2025-02-30     -> content/zaken/2025-00142.md:3:7: error: 2025-02-30 is not a calendar
//   date outcome: gegrondd    -> ...: error: unknown outcome 'gegrondd', did you mean 'gegrond'?
//   titel: Iets          -> ...: warning: unknown field 'titel', did you mean 'title'?

#include <cstddef>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/json_positions.h"
#include "generator/source_doc.h"

namespace generator {

/// Content and config files above this size are rejected unread.
inline constexpr std::size_t kMaxFileBytes = 10 * 1024 * 1024;

/// Reads a file of at most kMaxFileBytes; `display` names it in diagnostics. Never throws.
std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display, Diagnostics& diags);

/// Byte offset of the first byte that is not part of valid UTF-8 (overlong forms, surrogates
/// and code points past U+10FFFF included), or nullopt when all of `text` is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Readies file text for parsing: rejects empty, oversized and invalid UTF-8 text (at the first
/// bad byte), drops a leading BOM and turns CRLF into LF. False after an error.
bool prepare_text(std::string& text, const std::string& path, Diagnostics& diags);

/// Edit distance with adjacent transpositions counting as one edit ("gerond" -> "gegrond": 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// ", did you mean 'x'?" for the closest candidate within 2 edits, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// Why `text` is not a YYYY-MM-DD calendar date ("month 13 is not a month"), or nullopt.
/// `field` names the field in the message about the format.
std::optional<std::string> date_problem(std::string_view field, std::string_view text);

/// Why `id` is not a case number "YYYY-NNNNN" with a year in 1990..2100, or nullopt.
std::optional<std::string> zaak_id_problem(std::string_view id);

/// True for one or more '/'-separated segments of lower-case a-z, 0-9 and '-'.
bool is_slug_path(std::string_view text);

/// True for a person's role: lower-case words separated by single spaces ("ex partner").
bool is_role(std::string_view text);

/// Woo information categories allowed in `woo.category`.
const std::vector<std::string>& known_woo_categories();

/// Warns about each key of `object` that is not in `known`, at the key, with a hint.
/// `parent` is the object's field path ("" for the top level).
void warn_unknown_keys(const nlohmann::json& object, const std::string& parent,
                       const std::vector<std::string>& known, const FieldPositions& positions,
                       const std::string& path, Diagnostics& diags);

/// Reads typed values out of one JSON object, reporting problems at the value (or, for a missing
/// field, at the object that should hold it); `ok` turns false at the first error.
class FieldReader {
 public:
  /// `prefix` is the object's own field path ("" for the top level, "persons[0]").
  FieldReader(const nlohmann::json& object, std::string prefix, const FieldPositions& positions,
              const std::string& path, Diagnostics& diags);

  /// The full field path of `key`: "title", "persons[0].name".
  std::string name(const std::string& key) const;
  /// The value, or nullptr when absent or null (an empty YAML value counts as absent).
  const nlohmann::json* get(const std::string& key) const;
  /// Position of the object itself: where a missing field is reported.
  SourcePos object_pos() const;

  /// Reports an error at the value of `key` (at the object when `key` is absent).
  void error_at(const std::string& key, const std::string& message);
  /// Reports an error at `at`.
  void error(SourcePos at, const std::string& message);
  /// Reports a warning at the key (or value) of `key`.
  void warning_at(const std::string& key, bool at_key, const std::string& message);
  /// Reports "missing required field 'x'" at the object.
  void missing(const std::string& key);

  /// A string; "" for a blank optional one, an error for a blank required one.
  std::optional<std::string> string(const std::string& key, bool required);
  /// A YYYY-MM-DD calendar date, as text.
  std::optional<std::string> date(const std::string& key, bool required);
  /// A string from `allowed`; otherwise "unknown WHAT 'x', did you mean 'y'?".
  std::optional<std::string> one_of(const std::string& key, bool required, const char* what,
                                    const std::vector<std::string>& allowed);
  /// A list of non-blank strings.
  std::optional<std::vector<std::string>> string_list(const std::string& key);
  /// true or false.
  std::optional<bool> boolean(const std::string& key);
  /// A whole number that fits an int.
  std::optional<int> integer(const std::string& key);
  /// A number (integer or not).
  std::optional<double> number(const std::string& key);
  /// The nested object at `key`, or nullptr (after an error when it is not an object).
  const nlohmann::json* object(const std::string& key);

  bool ok = true;

 private:
  const nlohmann::json& object_;
  std::string prefix_;
  const FieldPositions& positions_;
  std::string path_;
  Diagnostics& diags_;
};

struct DocContext {
  std::string path;  // relative to the site root, named in diagnostics
  DocKind kind = DocKind::kPagina;
  std::string default_id;       // slug from the file name; unused for zaakverslagen
  bool body_in_fields = false;  // JSON records carry the body as "body"
};

/// Checks `fields` against the content model for `context.kind` and fills a SourceDoc (body
/// left empty unless body_in_fields). Reports every problem; nullopt when any was an error.
std::optional<SourceDoc> validate_document(const nlohmann::json& fields,
                                           const FieldPositions& positions,
                                           const DocContext& context, Diagnostics& diags);

}  // namespace generator
