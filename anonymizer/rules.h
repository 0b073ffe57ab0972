#pragma once
// The rule set: data from rules/nl-default.json (plus a site's own rules), compiled once.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "anonymizer/candidate.h"
#include "anonymizer/scrub.h"
#include "anonymizer/utf8.h"

namespace anonymizer {

class NameTokens;

/// One rule as written in the JSON file.
struct RuleSpec {
  std::string id;
  std::string category;
  std::string pattern;    // RE2 syntax
  std::string validator;  // "", "bsn", "iban", "phone", "postcode", "kenteken", "date", "email"
  std::vector<std::string> context;  // words that must precede the match (within a window)
  std::string ground;
  std::string replacement;
  std::string why;
  // Characters of which every match the rule accepts holds one (ASCII; "" when not declared):
  // text without any of them is not searched for it.
  std::string needs_one_of;
};

/// Compiled rules, shared read-only between threads.
class RuleSet {
 public:
  /// The built-in nl-default rules (compiled on first use).
  static const RuleSet& builtin();

  /// nl-default plus `extra` (a JSON array of rule objects, as in nl-default.json). On a bad rule
  /// returns nullptr and sets `error` to a message naming the rule's id.
  static std::unique_ptr<RuleSet> with_extra(const nlohmann::json& extra, std::string* error);

  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  const std::vector<RuleSpec>& specs() const;

  /// Every match of a structured rule (BSN, IBAN, phone, e-mail, address, dates in context,
  /// plates, file numbers), validated and context-checked; allowlisted e-mails and
  /// organisational numbers are left out. The kinderen profile also drops exact dates.
  std::vector<Candidate> detect(std::string_view text, const Allowlist& allow,
                                Profile profile) const;

  /// Special-category terms in the text (flagged, never removed).
  std::vector<Flag> flags(std::string_view text) const;

  /// detect() and flags() on a text whose folded form scrub() computed once for both.
  std::vector<Candidate> detect(std::string_view text, const utf8::FoldedText& folded,
                                const Allowlist& allow, Profile profile) const;
  std::vector<Flag> flags(const utf8::FoldedText& folded) const;
  /// flags() with the words of the same text already split: a term is looked for only where a
  /// word starts. Falls back to the walk over every byte where that could differ.
  std::vector<Flag> flags(const utf8::FoldedText& folded, const NameTokens& tokens) const;

  struct Impl;

 private:
  explicit RuleSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace anonymizer
