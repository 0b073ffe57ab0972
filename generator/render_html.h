#pragma once
// The template stage: the site model to HTML files through the templates.

#include <functional>
#include <nlohmann/json.hpp>

#include "generator/config.h"
#include "generator/output_file.h"
#include "generator/site_model.h"
#include "generator/template_set.h"

namespace generator {

/// Every HTML page of the public site and, when enabled, the child-friendly site under
/// kinderen/. `glossary` is content/woordenlijst.json (an array of {term, uitleg}).
/// Each page goes to `sink` as soon as it is rendered, from `jobs` worker threads at once.
void render_html(const SiteModel& model, const SiteConfig& config, const TemplateSet& templates,
                 const nlohmann::json& glossary, Diagnostics& diags, int jobs,
                 const std::function<void(OutputFile&&)>& sink);

/// "../../" for "zaken/2025-00142/", "" for the root.
std::string relative_root(const std::string& url);

}  // namespace generator
