#pragma once
// The anonymizer's whole public surface: scrub(text, persons, allow, options).
//
//   scrub("Mevrouw Maria de Vries belde.", {{"Maria de Vries", "verzoeker"}}, {}, {})
//     -> "Mevrouw [verzoeker] belde."   redaction {8, 22, "naam", "declared-person", "5.1.2e"}
//   scrub("Haar BSN is 123456782.", {}, {}, {})
//     -> "Haar BSN is [BSN]."            redaction {12, 21, "bsn", "bsn", "5.1.1e"}
//   scrub("Zij woont aan de Anne Frankstraat.", {}, {}, {})
//     -> unchanged: a street name without a house number is kept.
//
// The library reads no files: rules and lexicons are compiled into it (see embedded.h).

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace anonymizer {

/// A private person declared in a case record; role becomes the placeholder ("[verzoeker]").
struct Person {
  std::string name;
  std::string role;
};
using Persons = std::vector<Person>;

/// What is kept although it looks like personal data.
struct Allowlist {
  std::vector<std::string> persons;  // public officials: "Anne Mulder", "mevrouw Mulder"
  std::vector<std::string> emails;   // organisational addresses: "info@ombudsman.nl"
  std::vector<std::string> terms;    // anything else to keep verbatim: "Jacob Bontiusplaats"
};

enum class Profile { kPublic, kKinderen };

/// One removed span. start/end are byte offsets into the input text.
struct Redaction {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string
      category;        // naam, bsn, iban, telefoon, email, adres, geboortedatum, kenteken, kenmerk
  std::string rule;    // id of the rule that fired, e.g. "bsn" or "declared-person"
  std::string ground;  // Woo ground: "5.1.1e", "5.1.2e", "5.1.1d"
  std::string replacement;  // the text that stands in the output: "[verzoeker]"
};

/// A special-category term that is flagged for the Woo officer, not removed.
struct Flag {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string term;      // the list entry that matched, e.g. "verslaving"
  std::string category;  // gezondheid, strafrecht, schulden, religie, etniciteit, ...
};

struct ScrubResult {
  std::string text;
  std::vector<Redaction> redactions;  // sorted by start, never overlapping
  std::vector<Flag> flags;            // sorted by start; offsets into the input
};

class RuleSet;  // rules.h: compiled patterns, shared read-only between threads

/// Options, with their defaults:
///   profile  (kPublic)  kKinderen also drops every detected first name and children's ages
///   rules    (nullptr)  nullptr uses the built-in nl-default rule set
struct ScrubOptions {
  Profile profile = Profile::kPublic;
  const RuleSet* rules = nullptr;
};

/// Replaces personal data in UTF-8 text. Applying `redactions` to `text` in order reproduces the
/// output exactly; scrubbing the output again changes nothing. Thread-safe.
ScrubResult scrub(std::string_view text, const Persons& persons, const Allowlist& allow,
                  const ScrubOptions& options);

/// The Woo ground of a category, spelled out for readers: "art. 5.1 lid 2 onder e Woo".
std::string ground_label(std::string_view ground);

}  // namespace anonymizer
