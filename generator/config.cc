#include "generator/config.h"

#include <algorithm>
#include <system_error>

#include "generator/json_positions.h"
#include "generator/validate.h"

namespace generator {
namespace {

using nlohmann::json;

constexpr const char* kConfigFile = "ombudsite.json";
constexpr const char* kTooiPrefix = "https://identifier.overheid.nl/tooi/id/";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// An absolute URL with the given scheme, a host, and no spaces or control characters.
bool is_absolute_url(std::string_view url, std::string_view scheme) {
  if (!starts_with(url, scheme)) return false;
  std::string_view rest = url.substr(scheme.size());
  std::size_t host_end = std::min(rest.find('/'), rest.size());
  if (host_end == 0) return false;
  return std::none_of(url.begin(), url.end(), [](char c) {
    return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

bool is_language_tag(std::string_view tag) {
  std::size_t i = 0;
  while (i < tag.size() && tag[i] >= 'a' && tag[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    std::size_t start = ++i;
    while (i < tag.size() &&
           ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z') ||
            (tag[i] >= '0' && tag[i] <= '9'))) {
      ++i;
    }
    if (i - start < 1 || i - start > 8) return false;
  }
  return true;
}

bool is_email(std::string_view email) {
  std::size_t at = email.find('@');
  if (at == 0 || at == std::string_view::npos || email.find('@', at + 1) != email.npos) {
    return false;
  }
  std::string_view domain = email.substr(at + 1);
  std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         email.find_first_of(" \t\n<>") == std::string_view::npos;
}

Contact read_contact(const json& object, const std::string& prefix, const FieldPositions& positions,
                     const std::string& path, Diagnostics& diags, bool& ok) {
  static const std::vector<std::string> kKeys = {"phone", "email", "address", "formUrl"};
  warn_unknown_keys(object, prefix, kKeys, positions, path, diags);
  FieldReader reader(object, prefix, positions, path, diags);
  Contact contact;
  contact.phone = reader.string("phone", false).value_or("");
  contact.email = reader.string("email", false).value_or("");
  contact.address = reader.string("address", false).value_or("");
  contact.form_url = reader.string("formUrl", false).value_or("");
  if (!contact.email.empty() && !is_email(contact.email)) {
    reader.error_at("email", "'" + reader.name("email") + "' is not an e-mail address");
  }
  if (!contact.form_url.empty() && !is_absolute_url(contact.form_url, "https://") &&
      !is_absolute_url(contact.form_url, "http://")) {
    reader.error_at("formUrl", "'" + reader.name("formUrl") + "' must be an absolute URL");
  }
  if (!reader.ok) ok = false;
  return contact;
}

void read_publisher(FieldReader& top, const FieldPositions& positions, const std::string& path,
                    Diagnostics& diags, SiteConfig& config) {
  const json* object = top.object("publisher");
  if (!object) {
    if (!top.get("publisher")) top.missing("publisher");
    return;
  }
  static const std::vector<std::string> kKeys = {"name", "tooi"};
  warn_unknown_keys(*object, "publisher", kKeys, positions, path, diags);
  FieldReader reader(*object, "publisher", positions, path, diags);
  config.publisher.name = reader.string("name", true).value_or("");
  config.publisher.tooi = reader.string("tooi", false).value_or("");
  if (!config.publisher.tooi.empty() &&
      (!starts_with(config.publisher.tooi, kTooiPrefix) ||
       config.publisher.tooi.size() == std::string_view(kTooiPrefix).size())) {
    reader.error_at(
        "tooi",
        std::string("'publisher.tooi' must be a TOOI identifier starting with ") + kTooiPrefix);
  }
  if (!reader.ok) top.ok = false;
}

void read_kinderen(FieldReader& top, const FieldPositions& positions, const std::string& path,
                   Diagnostics& diags, SiteConfig& config) {
  const json* object = top.object("kinderen");
  if (!object) return;
  static const std::vector<std::string> kKeys = {"enabled", "minReadability", "contact"};
  warn_unknown_keys(*object, "kinderen", kKeys, positions, path, diags);
  FieldReader reader(*object, "kinderen", positions, path, diags);
  config.kinderen_enabled = reader.boolean("enabled").value_or(true);
  if (auto score = reader.number("minReadability")) {
    if (*score < 0 || *score > 100) {
      reader.error_at("minReadability", "'kinderen.minReadability' must be between 0 and 100");
    } else {
      config.kinderen_min_readability = *score;
    }
  }
  if (const json* contact = reader.object("contact")) {
    config.kinderen_contact =
        read_contact(*contact, "kinderen.contact", positions, path, diags, reader.ok);
  }
  if (!reader.ok) top.ok = false;
}

void read_allow(FieldReader& top, const FieldPositions& positions, const std::string& path,
                Diagnostics& diags, SiteConfig& config) {
  const json* object = top.object("allow");
  if (!object) return;
  static const std::vector<std::string> kKeys = {"persons", "emails", "terms"};
  warn_unknown_keys(*object, "allow", kKeys, positions, path, diags);
  FieldReader reader(*object, "allow", positions, path, diags);
  config.allow.persons = reader.string_list("persons").value_or(std::vector<std::string>{});
  config.allow.emails = reader.string_list("emails").value_or(std::vector<std::string>{});
  config.allow.terms = reader.string_list("terms").value_or(std::vector<std::string>{});
  if (!reader.ok) top.ok = false;
}

void read_rules(FieldReader& top, const FieldPositions& positions, SiteConfig& config) {
  const json* rules = top.get("rules");
  if (!rules) return;
  if (!rules->is_array()) {
    top.error_at("rules", "'rules' must be a list of rule objects");
    return;
  }
  bool ok = true;
  for (std::size_t i = 0; i < rules->size(); ++i) {
    if (!(*rules)[i].is_object()) {
      std::string name = field_path("rules", i);
      top.error(position_of(positions, name, false), "'" + name + "' must be a rule object");
      ok = false;
    }
  }
  if (ok) config.extra_rules = *rules;
}

void read_pagination(FieldReader& top, const FieldPositions& positions, const std::string& path,
                     Diagnostics& diags, SiteConfig& config) {
  const json* object = top.object("pagination");
  if (!object) return;
  static const std::vector<std::string> kKeys = {"size"};
  warn_unknown_keys(*object, "pagination", kKeys, positions, path, diags);
  FieldReader reader(*object, "pagination", positions, path, diags);
  if (auto size = reader.integer("size")) {
    if (*size < 1 || *size > 1000) {
      reader.error_at("size", "'pagination.size' must be between 1 and 1000");
    } else {
      config.page_size = *size;
    }
  }
  if (!reader.ok) top.ok = false;
}

}  // namespace

std::optional<SiteConfig> parse_config(std::string_view text, const std::string& path,
                                       Diagnostics& diags) {
  std::string prepared(text);
  if (!prepare_text(prepared, path, diags)) return std::nullopt;
  auto parsed = parse_json_with_positions(prepared, path, diags);
  if (!parsed) return std::nullopt;
  const json& root = parsed->value;
  const FieldPositions& positions = parsed->positions;
  if (!root.is_object()) {
    diags.error(path, 1, 1, "the site configuration must be a JSON object");
    return std::nullopt;
  }

  static const std::vector<std::string> kKeys = {"title",      "baseURL",  "language", "publisher",
                                                 "contact",    "kinderen", "allow",    "rules",
                                                 "pagination", "params"};
  warn_unknown_keys(root, "", kKeys, positions, path, diags);

  SiteConfig config;
  FieldReader reader(root, "", positions, path, diags);
  config.title = reader.string("title", true).value_or("");
  if (auto url = reader.string("baseURL", true)) {
    if (!is_absolute_url(*url, "https://") || url->find_first_of("?#") != std::string::npos) {
      reader.error_at("baseURL", "'baseURL' must be an absolute https:// URL, not '" + *url + "'");
    } else {
      config.base_url = url->back() == '/' ? *url : *url + '/';
    }
  }
  if (auto language = reader.string("language", false); language && !language->empty()) {
    if (is_language_tag(*language)) {
      config.language = *language;
    } else {
      reader.error_at("language",
                      "'language' must be a language tag such as 'nl', not '" + *language + "'");
    }
  }
  read_publisher(reader, positions, path, diags, config);
  if (const json* contact = reader.object("contact")) {
    config.contact = read_contact(*contact, "contact", positions, path, diags, reader.ok);
  }
  read_kinderen(reader, positions, path, diags, config);
  read_allow(reader, positions, path, diags, config);
  read_rules(reader, positions, config);
  read_pagination(reader, positions, path, diags, config);
  if (const json* params = reader.object("params")) config.params = *params;

  if (!reader.ok) return std::nullopt;
  // The organisation's own contact data is published on every page: it is kept, not redacted.
  for (const Contact* c : {&config.contact, &config.kinderen_contact}) {
    auto keep = [](std::vector<std::string>& list, const std::string& value) {
      if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(value);
    };
    keep(config.allow.terms, c->phone);
    keep(config.allow.terms, c->address);
    keep(config.allow.emails, c->email);
  }
  return config;
}

std::optional<SiteConfig> load_config(const std::filesystem::path& root, Diagnostics& diags) {
  std::error_code ec;
  const std::filesystem::path file = root / kConfigFile;
  if (!std::filesystem::is_regular_file(file, ec)) {
    diags.error(kConfigFile, 0, 0,
                "missing site configuration: no ombudsite.json in the site root");
    return std::nullopt;
  }
  auto text = read_source_file(file, kConfigFile, diags);
  if (!text) return std::nullopt;
  return parse_config(*text, kConfigFile, diags);
}

}  // namespace generator
