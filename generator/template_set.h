#pragma once
// The site's templates, parsed once: embedded defaults overlaid with ROOT/templates.

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "generator/diagnostics.h"
#include "generator/mustache.h"

namespace generator {

class TemplateSet {
 public:
  /// Parses every templates/**/*.mustache; syntax errors name the file and line.
  static TemplateSet load(const std::filesystem::path& root, Diagnostics& diags);
  /// For tests: templates given as name -> source ("site/base" -> "...").
  static TemplateSet from_sources(const std::map<std::string, std::string>& sources,
                                  Diagnostics& diags);

  /// Names are paths below templates/ without ".mustache": "site/zaakverslag".
  bool has(const std::string& name) const { return paths_.count(name) > 0; }

  /// Renders `name`; errors are reported against the template file, with `context` (the page
  /// being rendered) named in the message.
  std::string render(const std::string& name, const nlohmann::json& data,
                     const std::string& context, Diagnostics& diags) const;

 private:
  void add(const std::string& name, const std::string& path, const std::string& source,
           Diagnostics& diags);
  mustache::Library library_;
  std::map<std::string, std::string> paths_;  // name -> file path for diagnostics
};

}  // namespace generator
