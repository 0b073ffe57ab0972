#include "anonymizer/kept_terms.h"

#include <algorithm>
#include <string>

#include "anonymizer/word_table.h"

namespace anonymizer {
namespace {

bool is_blank(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The separator between two words without its spaces; typographic apostrophes read as "'".
std::string normalise_gap(std::string_view gap) {
  std::string out;
  for (std::size_t i = 0; i < gap.size();) {
    auto c = static_cast<unsigned char>(gap[i]);
    if (is_blank(c)) {
      ++i;
    } else if (gap.substr(i).starts_with("\xC2\xA0")) {
      i += 2;
    } else if (gap.substr(i).starts_with("\xE2\x80\x99") ||
               gap.substr(i).starts_with("\xE2\x80\x98")) {
      out += '\'';
      i += 3;
    } else {
      out += static_cast<char>(c);
      ++i;
    }
  }
  return out;
}

struct Term {
  std::vector<std::string> keys;  // folded words
  std::vector<std::string> gaps;  // gaps[i]: normalised separator before word i (gaps[0] unused)
};

struct TermTable {
  std::vector<std::string> source;  // allow.terms as last seen
  std::vector<Term> terms;
  WordTable<std::vector<std::size_t>> by_first;  // longest first
};

const TermTable& term_table(const Allowlist& allow) {
  thread_local TermTable table;
  if (table.source == allow.terms) return table;
  table = TermTable();
  table.source = allow.terms;
  for (const std::string& text : allow.terms) {
    NameTokens tokens(text);
    if (tokens.size() == 0) continue;
    Term term;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      term.keys.emplace_back(tokens.key(i));
      term.gaps.push_back(i == 0 ? std::string() : normalise_gap(tokens.between(i)));
    }
    table.terms.push_back(std::move(term));
  }
  for (std::size_t i = 0; i < table.terms.size(); ++i) {
    table.by_first[table.terms[i].keys.front()].push_back(i);
  }
  table.by_first.for_each([&](std::string_view, std::vector<std::size_t>& bucket) {
    std::stable_sort(bucket.begin(), bucket.end(), [&](std::size_t a, std::size_t b) {
      return table.terms[a].keys.size() > table.terms[b].keys.size();
    });
  });
  return table;
}

bool matches_at(const NameTokens& tokens, std::size_t at, const Term& term) {
  if (at + term.keys.size() > tokens.size()) return false;
  for (std::size_t j = 0; j < term.keys.size(); ++j) {
    if (tokens.key(at + j) != term.keys[j]) return false;
    if (j > 0 && normalise_gap(tokens.between(at + j)) != term.gaps[j]) return false;
  }
  return true;
}

}  // namespace

std::vector<TextSpan> find_term_spans(const NameTokens& tokens, const Allowlist& allow) {
  std::vector<TextSpan> out;
  if (allow.terms.empty()) return out;
  const TermTable& table = term_table(allow);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto* bucket = table.by_first.find(tokens.key(i), tokens[i].hash);
    if (!bucket) continue;
    for (std::size_t index : *bucket) {
      const Term& term = table.terms[index];
      if (matches_at(tokens, i, term)) {
        out.push_back(TextSpan{tokens[i].start, tokens[i + term.keys.size() - 1].end});
        break;
      }
    }
  }
  // Spans are found in token order, so they are sorted by start; nested ones are harmless.
  return out;
}

bool covered_by(const std::vector<TextSpan>& spans, std::size_t start, std::size_t end) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const TextSpan& s) { return s.start <= start && end <= s.end; });
}

bool overlaps(const std::vector<TextSpan>& spans, std::size_t start, std::size_t end) {
  return std::any_of(spans.begin(), spans.end(),
                     [&](const TextSpan& s) { return start < s.end && s.start < end; });
}

}  // namespace anonymizer
