#pragma once
// The load stage shared by build, verify and audit: config, content and the compiled rules.

#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "anonymizer/rules.h"
#include "generator/config.h"
#include "generator/diagnostics.h"
#include "generator/source_doc.h"

namespace generator {

struct SiteInputs {
  std::optional<SiteConfig> config;
  std::vector<SourceDoc> docs;
  std::unique_ptr<anonymizer::RuleSet> rules;  // built-in rules plus the config's own

  bool usable() const { return config && rules; }
};

/// Loads everything under `root` on `jobs` threads (0: one per core); problems go to `diags`
/// and leave the parts unset.
SiteInputs load_site_inputs(const std::filesystem::path& root, Diagnostics& diags, int jobs = 0);

}  // namespace generator
