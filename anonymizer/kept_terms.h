#pragma once
// Allowlisted terms (Allowlist::terms) in a text: the organisation's own address, a service
// number, a street or an institution that must stay verbatim. A term is found word by word,
// ignoring case and diacritics; spaces and line breaks between its words may differ, other
// punctuation must be as in the term ("Plantage Middenlaan 52, 1018 DH Amsterdam").

#include <cstddef>
#include <string_view>
#include <vector>

#include "anonymizer/name_tokens.h"
#include "anonymizer/scrub.h"

namespace anonymizer {

/// A byte span [start, end) of the text.
struct TextSpan {
  std::size_t start = 0;
  std::size_t end = 0;
};

/// Every occurrence of an allowlisted term in the tokenised text, sorted by start; the longest
/// term wins where two start at the same word. Tables are cached per thread.
std::vector<TextSpan> find_term_spans(const NameTokens& tokens, const Allowlist& allow);

/// True when [start, end) lies inside one of the spans (sorted by start, as returned above).
bool covered_by(const std::vector<TextSpan>& spans, std::size_t start, std::size_t end);

/// True when [start, end) shares a byte with one of the spans.
bool overlaps(const std::vector<TextSpan>& spans, std::size_t start, std::size_t end);

}  // namespace anonymizer
