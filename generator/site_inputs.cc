#include "generator/site_inputs.h"

#include "generator/content_loader.h"

namespace generator {

SiteInputs load_site_inputs(const std::filesystem::path& root, Diagnostics& diags, int jobs) {
  SiteInputs in;
  in.config = load_config(root, diags);
  in.docs = load_content(root, diags, jobs);
  if (in.config) {
    std::string error;
    in.rules = anonymizer::RuleSet::with_extra(in.config->extra_rules, &error);
    if (!in.rules) diags.error("ombudsite.json", 0, 0, error);
  }
  return in;
}

}  // namespace generator
