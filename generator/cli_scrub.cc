#include "generator/cli_scrub.h"

#include <fstream>
#include <istream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "anonymizer/scrub.h"
#include "generator/diagnostics.h"
#include "generator/text_util.h"

namespace generator {

namespace {

bool read_json_file(const std::string& path, nlohmann::json& out, std::ostream& err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    err << path << ": error: cannot read file\n";
    return false;
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  try {
    out = nlohmann::json::parse(text);
    return true;
  } catch (const nlohmann::json::parse_error& e) {
    LineCol lc = line_col_at(text, e.byte > 0 ? e.byte - 1 : 0);
    err << path << ":" << lc.line << ":" << lc.col << ": error: invalid JSON\n";
    return false;
  }
}

}  // namespace

int run_scrub(const ScrubCommand& command, std::istream& in, std::ostream& out, std::ostream& err) {
  anonymizer::Persons persons;
  anonymizer::Allowlist allow;
  if (!command.persons_file.empty()) {
    nlohmann::json j;
    if (!read_json_file(command.persons_file, j, err)) return 1;
    if (!j.is_array()) {
      err << command.persons_file
          << ":1:1: error: --persons must be a JSON array of {\"name\", \"role\"}\n";
      return 1;
    }
    for (std::size_t i = 0; i < j.size(); ++i) {
      const auto& p = j[i];
      if (!p.is_object() || !p.contains("name") || !p["name"].is_string() ||
          p["name"].get<std::string>().empty()) {
        err << command.persons_file << ": error: person " << i + 1 << " has no \"name\"\n";
        return 1;
      }
      std::string role =
          p.contains("role") && p["role"].is_string() ? p["role"].get<std::string>() : "persoon";
      persons.push_back({p["name"].get<std::string>(), role});
    }
  }
  if (!command.allow_file.empty()) {
    nlohmann::json j;
    if (!read_json_file(command.allow_file, j, err)) return 1;
    if (!j.is_array()) {
      err << command.allow_file << ":1:1: error: --allow must be a JSON array of strings\n";
      return 1;
    }
    for (const auto& s : j) {
      if (!s.is_string()) {
        err << command.allow_file << ": error: --allow must be a JSON array of strings\n";
        return 1;
      }
      // An e-mail address (or "@domain") is kept as one; anything else may be a public
      // person ("Anne Mulder") or a term such as the organisation's own address, so it is both.
      std::string v = s.get<std::string>();
      if (v.find('@') != std::string::npos) {
        allow.emails.push_back(v);
      } else {
        allow.persons.push_back(v);
        allow.terms.push_back(std::move(v));
      }
    }
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (std::size_t bad = invalid_utf8_offset(text); bad != std::string::npos) {
    LineCol lc = line_col_at(text, bad);
    err << "<stdin>:" << lc.line << ":" << lc.col << ": error: invalid UTF-8\n";
    return 1;
  }
  anonymizer::ScrubOptions options;
  options.profile =
      command.kinderen ? anonymizer::Profile::kKinderen : anonymizer::Profile::kPublic;
  auto result = anonymizer::scrub(text, persons, allow, options);
  if (!command.json) {
    out << result.text;
    return 0;
  }
  nlohmann::ordered_json j;
  j["text"] = result.text;
  j["redactions"] = nlohmann::json::array();
  for (const auto& r : result.redactions)
    j["redactions"].push_back(nlohmann::ordered_json{{"start", r.start},
                                                     {"end", r.end},
                                                     {"category", r.category},
                                                     {"rule", r.rule},
                                                     {"ground", r.ground},
                                                     {"replacement", r.replacement}});
  out << j.dump() << "\n";
  return 0;
}

}  // namespace generator
