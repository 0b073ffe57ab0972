#pragma once
// One generated zaakverslag: Markdown with YAML front matter as ombudsite and Hugo read it, about
// 2-3 KB of Dutch case prose that mentions 2-4 declared persons in the ways people write names
// and plants a BSN, an IBAN, telephone numbers, an e-mail address and a home address.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "bench/rng.h"

namespace bench {

struct CaseOptions {
  int kinderen_percent = 0;  // share of cases with a child-friendly version
};

struct Case {
  std::string id;        // "2019-00042"
  std::string markdown;  // front matter and body
  // Every planted identifier and person-name form: the public site must show none of them.
  std::vector<std::string> planted;
  // The front matter's persons as (name, role) and the Markdown body, for the scrub benchmark.
  std::vector<std::pair<std::string, std::string>> persons;
  std::string body;
};

// Case `index` of a corpus: its id and date follow from the index, everything else from `rng`.
Case make_case(Rng& rng, std::size_t index, const CaseOptions& options);

// The largest corpus make_case can number: ids run JJJJ-00001..JJJJ-99999 over ten years.
constexpr std::size_t kMaxCases = 999990;

}  // namespace bench
