#include "anonymizer/scrub.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "anonymizer/candidate.h"
#include "anonymizer/kept_terms.h"
#include "anonymizer/name_tokens.h"
#include "anonymizer/names.h"
#include "anonymizer/rules.h"

namespace anonymizer {

std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<Candidate> chosen;
  std::map<std::size_t, std::size_t> taken;  // start -> end of chosen spans, never overlapping
  for (auto& c : candidates) {
    if (c.end <= c.start) continue;
    auto next = taken.lower_bound(c.start);
    if (next != taken.end() && next->first < c.end) continue;
    if (next != taken.begin() && std::prev(next)->second > c.start) continue;
    taken.emplace(c.start, c.end);
    chosen.push_back(std::move(c));
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Candidate& a, const Candidate& b) { return a.start < b.start; });
  return chosen;
}

ScrubResult scrub(std::string_view text, const Persons& persons, const Allowlist& allow,
                  const ScrubOptions& options) {
  const RuleSet& rules = options.rules ? *options.rules : RuleSet::builtin();
  std::vector<Candidate> candidates = detect_declared(text, persons, allow);
  auto structured = rules.detect(text, allow, options.profile);
  auto detected = detect_undeclared(text, allow, options.profile);
  candidates.insert(candidates.end(), std::make_move_iterator(structured.begin()),
                    std::make_move_iterator(structured.end()));
  candidates.insert(candidates.end(), std::make_move_iterator(detected.begin()),
                    std::make_move_iterator(detected.end()));

  // An allowlisted term stays verbatim whatever a detector saw in it: the organisation's own
  // address, a service number. A redaction that reaches beyond the term (its street plus a
  // house number) is not covered and stays.
  if (!allow.terms.empty() && !candidates.empty()) {
    auto kept = find_term_spans(tokens_for(text), allow);
    std::erase_if(candidates, [&](const Candidate& c) { return covered_by(kept, c.start, c.end); });
  }

  ScrubResult result;
  result.flags = rules.flags(text);
  std::size_t pos = 0;
  for (auto& c : resolve_overlaps(std::move(candidates))) {
    result.text.append(text.substr(pos, c.start - pos));
    result.text.append(c.replacement);
    pos = c.end;
    result.redactions.push_back(Redaction{c.start, c.end, std::move(c.category), std::move(c.rule),
                                          std::move(c.ground), std::move(c.replacement)});
  }
  result.text.append(text.substr(pos));
  return result;
}

std::string ground_label(std::string_view ground) {
  if (ground == "5.1.1d") return "art. 5.1 lid 1 onder d Woo";
  if (ground == "5.1.1e") return "art. 5.1 lid 1 onder e Woo";
  if (ground == "5.1.2e") return "art. 5.1 lid 2 onder e Woo";
  return "Woo " + std::string(ground);
}

}  // namespace anonymizer
