// Declared persons: every mention becomes the person's placeholder (names.h: detect_declared).

#include "anonymizer/names.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "anonymizer/name_matcher.h"
#include "anonymizer/name_tokens.h"

namespace anonymizer {
namespace {

struct DeclaredTable {
  Persons persons;  // as last seen
  bool built = false;
  NameMatcher matcher;
  std::vector<std::string> placeholders;
};

bool same_persons(const Persons& a, const Persons& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Person& x, const Person& y) {
    return x.name == y.name && x.role == y.role;
  });
}

// The patterns of a name, kept per thread: a site is built again and again while it is edited
// (ombudsite serve), and a person's name comes back in every build.
const std::vector<NamePattern>& patterns_of(const std::string& name) {
  thread_local std::unordered_map<std::string, std::vector<NamePattern>> cache;
  if (auto it = cache.find(name); it != cache.end()) return it->second;
  if (cache.size() >= 4096) cache.clear();  // a bound, not a policy: rebuilding is cheap
  return cache.emplace(name, name_patterns(parse_person_name(name), 0)).first->second;
}

// scrub() runs once per field of a document with the same persons: build their table once.
const DeclaredTable& declared_table(const Persons& persons) {
  thread_local DeclaredTable table;
  if (!table.built || !same_persons(persons, table.persons)) {
    table.persons = persons;
    table.built = true;
    table.matcher.clear();
    table.placeholders = person_placeholders(persons);
    for (std::size_t i = 0; i < persons.size(); ++i) {
      for (const NamePattern& p : patterns_of(persons[i].name)) {
        table.matcher.add(p, static_cast<int>(i));
      }
    }
  }
  return table;
}

}  // namespace

std::vector<Candidate> detect_declared(const NameTokens& tokens, const Persons& persons,
                                       const std::vector<NameMatch>& officials) {
  std::vector<Candidate> out;
  if (persons.empty() || tokens.text().empty()) return out;
  const DeclaredTable& table = declared_table(persons);
  if (table.matcher.empty()) return out;
  for (const NameMatch& m : table.matcher.find(tokens, MatchMode::kText)) {
    // The allowlist keeps a declared surname that is part of an official's name: with a declared
    // "Gert-Jan Mulder", "Ombudsman Anne Mulder" stays.
    bool inside_official = std::any_of(officials.begin(), officials.end(), [&](const NameMatch& o) {
      return o.start <= m.start && m.end <= o.end && o.end - o.start > m.end - m.start;
    });
    if (inside_official) continue;
    out.push_back(Candidate{m.start, m.end, "naam", "declared-person", "5.1.2e",
                            table.placeholders[static_cast<std::size_t>(m.owner)],
                            kPriorityDeclared});
  }
  return out;
}

std::vector<Candidate> detect_declared(std::string_view text, const Persons& persons,
                                       const Allowlist& allow) {
  if (persons.empty() || text.empty()) return {};
  const NameTokens& tokens = tokens_for(text);
  return detect_declared(tokens, persons, find_officials(tokens, allow));
}

std::vector<Candidate> detect_declared(std::string_view text, const Persons& persons) {
  return detect_declared(text, persons, Allowlist{});
}

}  // namespace anonymizer
