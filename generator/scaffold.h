#pragma once
// scaffold: `ombudsite new zaak 2025-00123` and `ombudsite new rapport slug` write a new content
// file whose every field is explained in YAML comments. The file starts as a draft that
// `ombudsite check` accepts, and an existing file is never overwritten.
//
//   ombudsite new zaak 2025-00123      -> content/zaken/2025-00123.md
//   ombudsite new rapport wachtlijsten -> content/rapporten/wachtlijsten.md

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace generator {

struct ScaffoldRequest {
  std::filesystem::path root = ".";  // site root: holds ombudsite.json and content/
  std::string kind;                  // "zaak" or "rapport"
  std::string id;                    // case id "2025-00123", or the report's slug
  std::string date;                  // YYYY-MM-DD for `date:`; today when empty
};

enum class ScaffoldStatus {
  kCreated,     // the file was written
  kUsageError,  // unknown kind, invalid id or slug (exit 2)
  kFailed,      // the file exists, ROOT is no site, or writing failed (exit 1)
};

struct ScaffoldResult {
  ScaffoldStatus status = ScaffoldStatus::kFailed;
  std::string path;     // the file, relative to the root: "content/zaken/2025-00123.md"
  std::string message;  // why it failed; empty on success
};

/// Why `slug` cannot name a new report ("must use only lower-case a-z, 0-9 and '-'"), or nullopt.
std::optional<std::string> report_slug_problem(std::string_view slug);

/// The text of a new content file of `kind` ("zaak" or "rapport"); id and date already valid.
std::string scaffold_text(std::string_view kind, std::string_view id, std::string_view date);

/// Today's local date as YYYY-MM-DD.
std::string today();

/// Validates the request and creates the file, refusing to replace any existing document with
/// the same id (.md or .json).
ScaffoldResult create_content_file(const ScaffoldRequest& request);

}  // namespace generator
