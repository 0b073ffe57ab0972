#pragma once
// What a detector proposes: a span to replace. scrub() picks non-overlapping candidates.

#include <cstddef>
#include <string>
#include <vector>

namespace anonymizer {

/// Priorities: a declared person beats a structured identifier beats a detected name.
inline constexpr int kPriorityDeclared = 30;
inline constexpr int kPriorityStructured = 20;
inline constexpr int kPriorityDetected = 10;

struct Candidate {
  std::size_t start = 0;  // byte offsets into the scanned text
  std::size_t end = 0;
  std::string category;
  std::string rule;
  std::string ground;
  std::string replacement;
  int priority = kPriorityStructured;
};

/// Picks a non-overlapping subset: higher priority first, then the longer span, then the earlier.
/// Returns it sorted by start.
std::vector<Candidate> resolve_overlaps(std::vector<Candidate> candidates);

}  // namespace anonymizer
