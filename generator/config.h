#pragma once
// Site configuration: ombudsite.json at the site root.

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "anonymizer/scrub.h"
#include "generator/diagnostics.h"

namespace generator {

struct Publisher {
  std::string name;  // "Ombudsman Metropool Amsterdam"
  std::string tooi;  // "https://identifier.overheid.nl/tooi/id/so/so1045"
};

struct Contact {
  std::string phone;  // organisational numbers only
  std::string email;
  std::string address;  // "Postbus 123, 1000 AA Amsterdam"
  std::string form_url;
};

struct SiteConfig {
  std::string title;
  std::string base_url;  // "https://ombudsman.example.nl/", always ends in '/'
  std::string language = "nl";
  Publisher publisher;
  Contact contact;
  Contact kinderen_contact;     // the Kinderombudsman's own line, for child pages
  anonymizer::Allowlist allow;  // "allow": {"persons": [], "emails": [], "terms": []}
  nlohmann::json extra_rules = nlohmann::json::array();  // "rules": [ {id, pattern, ...} ]
  int page_size = 10;                                    // "pagination": {"size": 10}
  double kinderen_min_readability = 70.0;                // "kinderen": {"minReadability": 70}
  bool kinderen_enabled = true;
  nlohmann::json params = nlohmann::json::object();  // "params": free-form, handed to templates
};

/// Reads ROOT/ombudsite.json. Problems go to `diags` with their position; returns nullopt when
/// the file is missing or unusable.
std::optional<SiteConfig> load_config(const std::filesystem::path& root, Diagnostics& diags);

/// Parses the config from text (for tests); `path` only names it in diagnostics.
std::optional<SiteConfig> parse_config(std::string_view text, const std::string& path,
                                       Diagnostics& diags);

}  // namespace generator
