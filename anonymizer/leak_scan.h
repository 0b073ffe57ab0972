#pragma once
// verify's scanner: finds what must never be in a published file.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "anonymizer/scrub.h"

namespace anonymizer {

class RuleSet;

/// A hit reports where and what kind, never the value itself.
struct Leak {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string category;  // "naam" or a structured category
};

/// Built once from every declared person of every document; scans many files, thread-safe.
class LeakScanner {
 public:
  LeakScanner(const Persons& all_persons, const Allowlist& allow, const RuleSet& rules);
  ~LeakScanner();

  /// Person variants (whole words, case-sensitive forms the policy lists) and validated
  /// structured identifiers in `text` (HTML, XML, JSON or a file name).
  std::vector<Leak> scan(std::string_view text) const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace anonymizer
