#pragma once
// write: publish the output files as a whole or not at all.

#include <filesystem>

#include "generator/diagnostics.h"
#include "generator/output_file.h"

namespace generator {

struct WriteStats {
  std::size_t written = 0;  // files whose bytes changed (or are new)
  std::size_t kept = 0;     // unchanged files, hard-linked from the live site (mtime kept)
};

/// Builds the new site in a staging folder beside `out` and swaps it in with one atomic rename;
/// a failure at any point leaves the previous site as it was. A lock file beside `out` stops
/// two builds from writing the same output. Returns false (with diagnostics) on failure.
bool write_atomic(const std::filesystem::path& out, const OutputFiles& files, Diagnostics& diags,
                  WriteStats* stats = nullptr);

/// True when `path` is a safe relative output path: no "..", no absolute path, no empty or
/// control-character segments.
bool is_safe_output_path(std::string_view path);

}  // namespace generator
