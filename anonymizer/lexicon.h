#pragma once
// The word lists behind name detection: first names, surnames, tussenvoegsels (embedded from
// lexicon/*.txt), the grammar words that give a name its context (honorifics, relation words),
// and Debian's wdutch list to tell ordinary words from names. Keys are folded (utf8::fold).

#include <cstdint>
#include <string_view>
#include <vector>

#include "anonymizer/word_table.h"

namespace anonymizer {

/// Classes a folded word can belong to; a word may be in several ("roos": first name and word).
enum WordClass : std::uint32_t {
  kFirstName = 1u << 0,       // lexicon/first_names.txt
  kSurname = 1u << 1,         // a surname or the last word of one (lexicon/surnames.txt)
  kTussenvoegsel = 1u << 2,   // lexicon/tussenvoegsels.txt: van, de, der, 't, el, ben, ...
  kNameParticle = 1u << 3,    // tussenvoegsels that may join a detected name (no "in", "op")
  kStrongPrefix = 1u << 4,    // starts a surname on its own: "ter", "ten", "der", "den", "'t"
  kArabicParticle = 1u << 5,  // el, al, ben, bin, abu, ait: "El Idrissi", "Ben Ali"
  kHonorific = 1u << 6,       // mevrouw, mw, dhr, meneer, de heer: any capitalised word follows
  kTitle = 1u << 7,           // dr, mr, prof, ir, drs, ing: usually a name follows
  kRelation = 1u << 8,        // zoon, buurvrouw, collega, medewerker, ...
  kMonth = 1u << 9,           // januari ... december
  kKeepWord = 1u << 10,       // organisations and offices that follow a title: gemeente, ...
  kPlaceWord = 1u << 11,      // institution words after a name: ziekenhuis, museum, school, ...
  kInitialAbbrev = 1u << 12,  // multi-letter initials: Th, Ph, Chr, Joh, Wm
  kDeterminer = 1u << 13,     // de, het, een, die, deze: an ordinary noun follows
  kPlace = 1u << 14,          // a word of a place's name (lexicon/places.txt): Almere, Diemen
};

class Lexicon {
 public:
  /// The shared lexicon, built on first use (thread-safe) from the embedded files.
  static const Lexicon& get();

  /// The WordClass bits of a folded word; 0 when it is in no list.
  std::uint32_t classes(std::string_view folded) const {
    return classes(folded, word_hash(folded));
  }
  /// As above, with the word's hash computed already (NameToken::hash).
  std::uint32_t classes(std::string_view folded, std::uint32_t hash) const {
    const std::uint32_t* bits = classes_.find(folded, hash);
    return bits ? *bits : 0;
  }

  /// True when the folded word is a lower-case entry of wdutch: an ordinary Dutch word.
  bool is_dutch_word(std::string_view folded) const;

  /// True when the folded word is a capitalised entry of wdutch: a place, brand or name.
  bool is_proper_noun(std::string_view folded) const;

  /// True when a folded word ends in a street or place suffix ("frankstraat", "bontiusplaats").
  static bool has_street_suffix(std::string_view folded);

 private:
  Lexicon();
  WordTable<std::uint32_t> classes_;
  std::vector<std::string_view> words_;   // sorted folded lower-case wdutch entries
  std::vector<std::string_view> proper_;  // sorted folded capitalised wdutch entries
};

}  // namespace anonymizer
