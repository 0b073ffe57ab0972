#pragma once
// Person names: the variants of a declared person, and names found by context.

#include <string>
#include <string_view>
#include <vector>

#include "anonymizer/candidate.h"
#include "anonymizer/kept_terms.h"
#include "anonymizer/name_matcher.h"
#include "anonymizer/scrub.h"

namespace anonymizer {

/// Every written form of a declared person the policy lists: full name, first name, surname with
/// its tussenvoegsel in any capitalisation, initials + surname, honorifics, possessives, ALL
/// CAPS, parts of double names, diacritics folded. Deduplicated, longest first.
std::vector<std::string> person_variants(const Person& person);

/// The placeholder of each person, numbered when a role occurs more than once:
/// {verzoeker, kind, kind} -> {"[verzoeker]", "[kind 1]", "[kind 2]"}.
std::vector<std::string> person_placeholders(const Persons& persons);

/// Mentions of declared persons (priority kPriorityDeclared, category "naam",
/// rule "declared-person").
std::vector<Candidate> detect_declared(std::string_view text, const Persons& persons);

/// As above, but mentions inside an allowlisted public person's name ("Anne Mulder" when a
/// declared "Gert-Jan Mulder" shares the surname) are kept.
std::vector<Candidate> detect_declared(std::string_view text, const Persons& persons,
                                       const Allowlist& allow);

/// Names of private persons not in the record, found by context (honorifics, relation words,
/// a known first name + a capitalised surname). Allowlisted persons and terms, organisations,
/// streets and places are kept. The kinderen profile also takes lone first names and
/// children's ages ("Tommy (9)").
std::vector<Candidate> detect_undeclared(std::string_view text, const Allowlist& allow,
                                         Profile profile);

/// The two detectors on a text that scrub() tokenised once: `officials` is
/// find_officials(tokens, allow) and `kept` is find_term_spans(tokens, allow).
std::vector<Candidate> detect_declared(const NameTokens& tokens, const Persons& persons,
                                       const std::vector<NameMatch>& officials);
std::vector<Candidate> detect_undeclared(const NameTokens& tokens, Profile profile,
                                         const std::vector<NameMatch>& officials,
                                         const std::vector<TextSpan>& kept);

}  // namespace anonymizer
