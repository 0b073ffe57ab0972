#pragma once
// The markup of the anonymizer's test corpus (tests/anonymizer/corpus/README.md): a header with
// the case's persons, allowlist and profile, then Dutch text with inline expectations.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "anonymizer/scrub.h"

namespace anonymizer::eval {

enum class SpanKind {
  kRedact,  // {{cat:text}}   must be covered by redactions (declared names: no leak at all)
  kDetect,  // {{naam?:text}} an undeclared name that detection should find (counts for recall)
  kKeep,    // <<text>>       no redaction may touch it
  kFlag,    // [[flag:text]]  a special-category term that must be flagged, and kept
};

/// One expectation, located in the plain text (bytes) and in the annotated file (line).
struct ExpectedSpan {
  SpanKind kind = SpanKind::kRedact;
  std::string category;  // naam, bsn, iban, ...; "keep" and "flag" for the other kinds
  std::size_t start = 0;
  std::size_t end = 0;
  int line = 0;
  std::string text;
};

struct AnnotatedText {
  std::string name;  // file name, for messages
  Persons persons;
  Allowlist allow;
  Profile profile = Profile::kPublic;
  std::string text;  // the body without markup
  std::vector<ExpectedSpan> spans;
};

/// The categories {{cat:...}} may name: the policy's categories plus postcode and leeftijd.
const std::vector<std::string>& known_categories();

/// Parses one annotated file. On a syntax error returns nullopt and sets `error` to
/// "name:line: message".
std::optional<AnnotatedText> parse_annotated(std::string_view source, std::string_view name,
                                             std::string* error);

/// Number of whitespace-separated words in `text`.
std::size_t count_words(std::string_view text);

}  // namespace anonymizer::eval
