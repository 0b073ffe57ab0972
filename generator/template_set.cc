#include "generator/template_set.h"

#include "generator/assets.h"

namespace generator {

namespace {

void report(const std::vector<mustache::Error>& errors,
            const std::map<std::string, std::string>& paths, const std::string& context,
            Diagnostics& diags) {
  for (const auto& e : errors) {
    auto it = paths.find(e.template_name);
    std::string path = it != paths.end() ? it->second : e.template_name;
    diags.error(path, e.line, e.col,
                context.empty() ? e.message : e.message + " (rendering " + context + ")");
  }
}

}  // namespace

void TemplateSet::add(const std::string& name, const std::string& path, const std::string& source,
                      Diagnostics& diags) {
  paths_[name] = path;
  std::vector<mustache::Error> errors;
  library_.add(name, source, errors);
  report(errors, paths_, "", diags);
}

TemplateSet TemplateSet::load(const std::filesystem::path& root, Diagnostics& diags) {
  TemplateSet set;
  const std::string suffix = ".mustache";
  for (const auto& [path, source] : overlay_assets(root, "templates", diags)) {
    if (path.size() <= suffix.size() ||
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
      continue;
    std::string name = path.substr(10, path.size() - 10 - suffix.size());  // drop "templates/"
    set.add(name, path, source, diags);
  }
  return set;
}

TemplateSet TemplateSet::from_sources(const std::map<std::string, std::string>& sources,
                                      Diagnostics& diags) {
  TemplateSet set;
  for (const auto& [name, source] : sources)
    set.add(name, "templates/" + name + ".mustache", source, diags);
  return set;
}

std::string TemplateSet::render(const std::string& name, const nlohmann::json& data,
                                const std::string& context, Diagnostics& diags) const {
  std::vector<mustache::Error> errors;
  mustache::Library::Options options;
  options.strict_partials = true;
  options.html_escape_apostrophe = true;
  std::string out = library_.render(name, data, errors, options);
  report(errors, paths_, context, diags);
  return out;
}

}  // namespace generator
