#pragma once
// audit: the Woo officer's report of every redaction and flagged term, written outside site/.

#include <filesystem>
#include <string>

#include "generator/diagnostics.h"

namespace generator {

struct AuditOptions {
  std::filesystem::path root = ".";
  std::filesystem::path out;    // default ROOT/audit
  std::string format = "html";  // html | json | csv
  bool reveal = false;          // originals in plain text, for officers' eyes only
  int jobs = 0;
};

struct AuditTotals {
  std::size_t documents = 0;
  std::size_t redactions = 0;
  std::size_t flags = 0;
  std::size_t unredacted_documents = 0;
  std::size_t persons_not_found = 0;
  std::filesystem::path file;  // the report written
};

/// Loads and scrubs the site as `build` does (drafts included, marked as such) and writes
/// audit.html, audit.json or audit.csv. Without reveal, originals appear only as salted hashes
/// (the salt lives in OUT/.salt so hashes stay comparable between runs).
bool write_audit(const AuditOptions& options, Diagnostics& diags, AuditTotals& totals);

}  // namespace generator
