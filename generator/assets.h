#pragma once
// Default templates and themes (embedded) overlaid file by file with a site's own folders.

#include <filesystem>
#include <map>
#include <string>

#include "generator/diagnostics.h"

namespace generator {

const std::map<std::string, std::string_view>& embedded_assets();

/// Every file under `dir` ("templates" or "themes"): the embedded defaults, replaced or extended
/// by ROOT/dir. Keys are paths relative to the root with '/' ("themes/ombudsman/main.css").
std::map<std::string, std::string> overlay_assets(const std::filesystem::path& root,
                                                  const std::string& dir, Diagnostics& diags);

}  // namespace generator
