// Declared persons: every mention becomes the person's placeholder (names.h: detect_declared).

#include "anonymizer/names.h"

#include <algorithm>

#include "anonymizer/name_matcher.h"
#include "anonymizer/name_tokens.h"

namespace anonymizer {
namespace {

struct DeclaredTable {
  std::string signature;
  NameMatcher matcher;
  std::vector<std::string> placeholders;
};

std::string signature_of(const Persons& persons) {
  std::string s;
  for (const Person& p : persons) {
    s += p.name;
    s += '\x1f';
    s += p.role;
    s += '\x1e';
  }
  return s;
}

// scrub() runs once per field of a document with the same persons: build their table once.
const DeclaredTable& declared_table(const Persons& persons) {
  thread_local DeclaredTable table;
  std::string signature = signature_of(persons);
  if (signature != table.signature || table.placeholders.size() != persons.size()) {
    table.signature = std::move(signature);
    table.matcher = NameMatcher();
    table.placeholders = person_placeholders(persons);
    for (std::size_t i = 0; i < persons.size(); ++i) {
      for (auto& p : name_patterns(parse_person_name(persons[i].name), static_cast<int>(i))) {
        table.matcher.add(std::move(p));
      }
    }
  }
  return table;
}

}  // namespace

// The allowlist keeps a declared surname that is part of an official's name: with a declared
// "Gert-Jan Mulder", "Ombudsman Anne Mulder" stays. The lead wires this overload into scrub().
std::vector<Candidate> detect_declared(std::string_view text, const Persons& persons,
                                       const Allowlist& allow) {
  std::vector<Candidate> out;
  if (persons.empty() || text.empty()) return out;
  const DeclaredTable& table = declared_table(persons);
  if (table.matcher.empty()) return out;
  const NameTokens& tokens = tokens_for(text);
  auto officials = find_officials(tokens, allow);
  for (const NameMatch& m : table.matcher.find(tokens, MatchMode::kText)) {
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

std::vector<Candidate> detect_declared(std::string_view text, const Persons& persons) {
  return detect_declared(text, persons, Allowlist{});
}

}  // namespace anonymizer
