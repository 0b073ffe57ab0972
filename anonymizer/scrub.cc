#include "anonymizer/scrub.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <numeric>
#include <utility>

#include "anonymizer/candidate.h"
#include "anonymizer/kept_terms.h"
#include "anonymizer/name_tokens.h"
#include "anonymizer/names.h"
#include "anonymizer/rules.h"

namespace anonymizer {

std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates) {
  // Indices are sorted rather than the candidates themselves: the same comparisons in the same
  // order, so ties fall as they would, without moving four strings per swap.
  std::vector<std::uint32_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
    const Candidate& a = candidates[i];
    const Candidate& b = candidates[j];
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    return a.start < b.start;
  });
  std::vector<std::pair<std::size_t, std::uint32_t>> chosen;  // (start, index), never overlapping
  chosen.reserve(candidates.size());
  auto by_start = [](const auto& a, const auto& b) { return a.first < b.first; };
  for (std::uint32_t i : order) {
    const Candidate& c = candidates[i];
    if (c.end <= c.start) continue;
    auto next =
        std::lower_bound(chosen.begin(), chosen.end(), std::make_pair(c.start, 0u), by_start);
    if (next != chosen.end() && next->first < c.end) continue;
    if (next != chosen.begin() && candidates[std::prev(next)->second].end > c.start) continue;
    chosen.insert(next, {c.start, i});
  }
  std::vector<Candidate> out;
  out.reserve(chosen.size());
  for (auto [start, i] : chosen) out.push_back(std::move(candidates[i]));
  return out;
}

ScrubResult scrub(std::string_view text, const Persons& persons, const Allowlist& allow,
                  const ScrubOptions& options) {
  const RuleSet& rules = options.rules ? *options.rules : RuleSet::builtin();
  // The text is split into words once; the officials and kept terms are found once.
  NameTokens tokens(text);
  std::vector<NameMatch> officials = find_officials(tokens, allow);
  std::vector<TextSpan> kept = find_term_spans(tokens, allow);
  std::vector<Candidate> candidates = detect_declared(tokens, persons, officials);
  utf8::FoldedText folded(text);
  auto structured = rules.detect(text, folded, allow, options.profile);
  auto detected = detect_undeclared(tokens, options.profile, officials, kept);
  candidates.reserve(candidates.size() + structured.size() + detected.size());
  candidates.insert(candidates.end(), std::make_move_iterator(structured.begin()),
                    std::make_move_iterator(structured.end()));
  candidates.insert(candidates.end(), std::make_move_iterator(detected.begin()),
                    std::make_move_iterator(detected.end()));

  // An allowlisted term stays verbatim whatever a detector saw in it: the organisation's own
  // address, a service number. A redaction that reaches beyond the term (its street plus a
  // house number) is not covered and stays.
  if (!kept.empty()) {
    std::erase_if(candidates, [&](const Candidate& c) { return covered_by(kept, c.start, c.end); });
  }

  ScrubResult result;
  result.flags = rules.flags(folded, tokens);
  auto chosen = resolve_overlaps(std::move(candidates));
  result.redactions.reserve(chosen.size());
  result.text.reserve(text.size());
  std::size_t pos = 0;
  for (auto& c : chosen) {
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
