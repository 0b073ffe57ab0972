#pragma once
// verify: the last gate. Scans every output file (content and name) for declared persons and
// structured identifiers; a hit is an error that stops the publish.

#include <filesystem>

#include "anonymizer/leak_scan.h"
#include "generator/diagnostics.h"
#include "generator/output_file.h"

namespace generator {

/// Reports each leak as "OUT/path:line:col: error: leak of <category> (byte offset N)" — never
/// the value. `label` is the output folder as the user named it. Returns the number of leaks.
std::size_t verify_files(const OutputFiles& files, const anonymizer::LeakScanner& scanner,
                         const std::string& label, Diagnostics& diags, int jobs);

/// Reads every file below `dir` (for `ombudsite verify`).
OutputFiles read_tree(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace generator
