// Names of persons not in the record, found by context (names.h: detect_undeclared).
//
// A capitalised word is taken for a name only with evidence around it:
//   honorific-name     "mevrouw Bakker", "dhr. P. Visser", "Dr.A van der Sluis"
//   relation-name      "haar zoon Daan", "buurvrouw Ans", "zijn moeder Fatma Yilmaz"
//   firstname-surname  a known first name + a surname: "Kees de Vries", "Fatima El Amrani"
//   initials-surname   "A.B. de Vries", "J. Th. Bakker"
//   prefix-surname     a tussenvoegsel that only starts surnames: "van der Sluis", "ter Horst"
//   particle-surname   "El Ahmadi", "Ben Ali"
//   double-surname     "Visser-de Jong": two surnames joined, one of them known
//   compound-firstname "Jan-Willem": a hyphenated given name
// and in the kinderen profile also a lone known first name and a child's exact age.
// A word that is an ordinary Dutch word (wdutch) needs stronger evidence than a word that is
// not, unless the lexicon knows it as a name. Streets, institutions and allowlisted persons and
// terms are kept.

#include <algorithm>
#include <cstdint>
#include <optional>

#include "anonymizer/kept_terms.h"
#include "anonymizer/lexicon.h"
#include "anonymizer/name_matcher.h"
#include "anonymizer/name_tokens.h"
#include "anonymizer/names.h"

namespace anonymizer {
namespace {

constexpr const char* kGround = "5.1.2e";

// Anatomy and medicine in Latin ("N. Suralis", "dr. Olanzapine") rather than a surname.
bool latin_looking(std::string_view key) {
  return key.ends_with("alis") || key.ends_with("aris") || key.ends_with("us") ||
         key.ends_with("um") || key.ends_with("ae") || key.ends_with("ior") || key.ends_with("ine");
}

struct Span {
  std::size_t first = 0;  // tokens [first, last)
  std::size_t last = 0;
  std::size_t initials = 0;
  bool particles = false;
};

class Detector {
 public:
  Detector(const NameTokens& t, Profile profile) : t_(t), lex_(Lexicon::get()), profile_(profile) {}

  std::vector<Candidate> run();

 private:
  bool cap(std::size_t i) const {
    const NameToken& k = t_[i];
    return k.upper_initial && !k.has_digit && !k.scrubbed && k.key_len >= 2 &&
           !(k.classes & (kKeepWord | kDeterminer));
  }
  bool known(std::size_t i) const { return t_[i].classes & (kFirstName | kSurname); }
  bool ordinary(std::size_t i) const {
    return !known(i) && (dutch_word(i) || (t_[i].classes & (kMonth | kPlaceWord)));
  }
  // Lexicon::is_dutch_word of token i, looked up once: the rules ask again and again.
  bool dutch_word(std::size_t i) const {
    if (dutch_.empty()) dutch_.assign(t_.size(), -1);
    if (dutch_[i] < 0) dutch_[i] = lex_.is_dutch_word(t_.key(i)) ? 1 : 0;
    return dutch_[i] == 1;
  }
  // A known name, or not an ordinary word. wdutch's capitalised entries are no counter-evidence:
  // they hold many surnames ("Yilmaz", "Amrani") besides places.
  bool plausible(std::size_t i) const { return known(i) || !ordinary(i); }
  bool initial(std::size_t i) const;
  bool joins(std::size_t i) const;  // gap before token i may sit inside a name
  std::optional<Span> read_name(std::size_t i, bool allow_second, bool in_context = false) const;
  bool looks_like_place(const Span& s) const;
  void emit(std::size_t start, std::size_t end, const char* rule);
  std::size_t try_honorific(std::size_t i);
  std::size_t try_relation(std::size_t i);
  std::size_t try_first_name(std::size_t i);
  std::size_t try_initials(std::size_t i);
  std::size_t try_prefix(std::size_t i);
  std::size_t try_particle(std::size_t i);
  std::size_t try_double_surname(std::size_t i);
  std::size_t try_compound_first_name(std::size_t i);
  std::size_t try_lone_first_name(std::size_t i);
  void detect_ages();

  const NameTokens& t_;
  const Lexicon& lex_;
  Profile profile_;
  std::vector<Candidate> out_;
  mutable std::vector<std::int8_t> dutch_;  // per token: -1 not looked up, 0 no, 1 yes
};

bool Detector::initial(std::size_t i) const {
  const NameToken& k = t_[i];
  if (k.scrubbed || k.has_digit || i + 1 >= t_.size()) return false;
  bool letters = k.all_upper && k.key_len <= 3;
  bool abbrev = k.upper_initial && (k.classes & kInitialAbbrev);
  if (!letters && !abbrev) return false;
  Gap g = t_.gap_before(i + 1);
  return g == Gap::kDot || (g == Gap::kSpace && k.key_len <= 2 && letters);
}

bool Detector::joins(std::size_t i) const {
  Gap g = t_.gap_before(i);
  return g == Gap::kSpace || g == Gap::kHyphen || g == Gap::kApostrophe || g == Gap::kDot ||
         g == Gap::kSlash;
}

// Initials, tussenvoegsels and capitalised words from token i: "A.B. van der Sluis",
// "Yilmaz-de Boer", and with allow_second a first name + surname ("Fatma Yilmaz"). in_context:
// a honorific or relation word stands before the name, so an unknown given name may also be
// followed by its surname ("haar moeder Lúcia Ribeiro").
std::optional<Span> Detector::read_name(std::size_t i, bool allow_second, bool in_context) const {
  Span s{i, i, 0, false};
  std::size_t j = i, n = t_.size();
  while (j < n && initial(j) && (j == i || joins(j))) {
    ++s.initials;
    ++j;
  }
  auto particles_then_cap = [&](std::size_t k) -> std::size_t {
    std::size_t m = k;
    while (m < n && (t_[m].classes & kNameParticle) && !t_[m].scrubbed && (m == i || joins(m)) &&
           m - k < 3) {
      ++m;
    }
    // After a tussenvoegsel even a pronoun is a surname: "ter Haar", "van Zijl".
    bool after_particle = m > k && m < n && t_[m].upper_initial && !t_[m].has_digit &&
                          !t_[m].scrubbed && !(t_[m].classes & kKeepWord);
    if (m < n && (cap(m) || after_particle) && (m == i || joins(m))) return m;
    return n;
  };
  // After a surname, tussenvoegsels may start a second one ("Monteiro de Sousa", "Steen ter
  // Haar"), but a lone "van" or "van de" introduces an organisation ("Bakker van Rijkswaterstaat")
  // and "te" a place.
  auto surname_particles = [&](std::size_t k) {
    if (k >= n || !(t_[k].classes & kNameParticle) || !allow_second) return false;
    std::string_view p = t_.key(k);
    if (p == "te" || p == "het") return false;  // "de heer Jansen te Utrecht"
    if (p != "van") return true;
    std::string_view q = k + 1 < n ? t_.key(k + 1) : std::string_view();
    return q == "der" || q == "den" || q == "t";
  };
  std::size_t core = particles_then_cap(j);
  if (core == n) return std::nullopt;
  s.particles = core > j;
  j = core + 1;
  bool first_name = (t_[core].classes & kFirstName) && s.initials == 0 && !s.particles;
  // After a honorific or relation word an unknown word may be a given name too: one surname
  // may follow it directly ("Lúcia Ribeiro"), not after "van" or "te" ("Bakker van
  // Rijkswaterstaat").
  bool unknown_first = in_context && !first_name && s.initials == 0 && !s.particles;
  while (j < n) {
    Gap g = t_.gap_before(j);
    if (g == Gap::kHyphen) {  // double name: "Jansen-de Wit", "Jan-Willem"
      std::size_t next = particles_then_cap(j);
      if (next == n || !plausible(next)) break;
      s.particles |= next > j;
      j = next + 1;
    } else if (g == Gap::kSpace && allow_second &&
               (first_name || surname_particles(j) ||
                (unknown_first && !(t_[j].classes & kNameParticle)))) {
      std::size_t next = particles_then_cap(j);
      if (next == n || t_[next].sentence_start) break;
      // After tussenvoegsels an ordinary word is a surname ("van der Steen", "ter Haar"); so is
      // a capitalised word after a honorific or relation word ("buurman Piet Hagenaar").
      bool named = next > j || (in_context && !(t_[next].classes & (kMonth | kPlaceWord)));
      if (!plausible(next) && !named) break;
      if (next == j && ordinary(next) && !named) break;
      s.particles |= next > j;
      first_name = (t_[next].classes & kFirstName) && next == j;
      unknown_first = false;
      j = next + 1;
    } else {
      break;
    }
  }
  s.last = j;
  return s;
}

bool Detector::looks_like_place(const Span& s) const {
  for (std::size_t i = s.first; i < s.last; ++i) {
    if (!(t_[i].classes & kSurname) && Lexicon::has_street_suffix(t_.key(i))) return true;
  }
  if (s.last < t_.size() && t_[s.last].upper_initial) {
    Gap g = t_.gap_before(s.last);
    std::string_view next = t_.key(s.last);
    bool place = (t_[s.last].classes & kPlaceWord) || Lexicon::has_street_suffix(next);
    if ((g == Gap::kSpace || g == Gap::kHyphen) && place) return true;
  }
  if (s.first > 0 && (t_[s.first - 1].classes & kPlaceWord) && !t_[s.first - 1].upper_initial &&
      t_.gap_before(s.first) == Gap::kSpace) {
    return true;  // "basisschool Jan Ligthart"
  }
  return false;
}

void Detector::emit(std::size_t start, std::size_t end, const char* rule) {
  out_.push_back(Candidate{start, end, "naam", rule, kGround, "[naam]", kPriorityDetected});
  // Each word of the name also stands alone, so that when a declared person claims part of the
  // span ("Kees de Vries" with a declared "de Vries") the rest is still removed.
  std::size_t lo = 0, hi = t_.size();  // the first token at or after start: tokens are sorted
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (t_[mid].start < start) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  std::size_t i = lo;
  std::size_t first = i, words = 0;
  for (; i < t_.size() && t_[i].end <= end; ++i) words += t_[i].upper_initial ? 1 : 0;
  if (words < 2) return;
  for (i = first; i < t_.size() && t_[i].end <= end; ++i) {
    if (t_[i].upper_initial && t_[i].key_len >= 2 && !(t_[i].classes & kNameParticle)) {
      out_.push_back(
          Candidate{t_[i].start, t_[i].end, "naam", rule, kGround, "[naam]", kPriorityDetected});
    }
  }
}

std::size_t Detector::try_honorific(std::size_t i) {
  const NameToken& h = t_[i];
  if (!(h.classes & (kHonorific | kTitle)) || h.scrubbed) return 0;
  // "1891 HR Almere": the letters of a postcode, not "hr." (de heer).
  if (h.all_upper && i > 0 && t_[i - 1].has_digit && t_.gap_before(i) == Gap::kSpace) return 0;
  if (t_.key(i) == "heer") {  // "de heer", "de weledelgeleerde heer", not "de Heer" alone
    std::string_view before = i > 0 ? t_.key(i - 1) : std::string_view();
    if (before != "de" && !before.ends_with("geleerde") && !before.ends_with("gestrenge")) {
      return 0;
    }
  }
  bool strong = false;
  std::size_t j = i;
  while (j < t_.size() && (t_[j].classes & (kHonorific | kTitle)) && (j == i || joins(j))) {
    strong |= (t_[j].classes & kHonorific) != 0;
    ++j;
  }
  if (j >= t_.size() || !joins(j)) return 0;
  auto s = read_name(j, true, true);
  // "dr. A", "Dr. ABC": a name reduced to initials.
  const NameToken& n = t_[j];
  bool only_initials = n.all_upper && n.key_len <= 4 && !n.has_digit && !n.scrubbed &&
                       !(n.classes & kKeepWord) && !h.all_upper &&
                       !(j + 1 < t_.size() && t_[j + 1].upper_initial && joins(j + 1));
  if (only_initials && (!s || s->last == j + 1)) {
    emit(t_[j].start, t_[j].end, "honorific-name");
    return j + 1;
  }
  if (!s || looks_like_place(*s)) return 0;
  std::size_t core = s->last - 1;
  if (h.all_upper && h.key_len > 1 && t_[core].all_upper) return 0;  // "DR. ABC": a heading
  if (!strong && s->initials == 0 && !known(core)) {
    // After a title alone, an unknown word must look like a surname.
    if (!plausible(core) || t_[core].key_len < 3 || latin_looking(t_.key(core))) return 0;
  }
  if (t_[core].classes & kTitle) return 0;
  // An abbreviation glued to an initial ("Dr.A") is part of the name as written.
  bool glued = t_.between(j) == "." && s->initials > 0;
  emit(glued ? t_[i].start : t_[j].start, t_[s->last - 1].end, "honorific-name");
  return s->last;
}

std::size_t Detector::try_relation(std::size_t i) {
  const NameToken& r = t_[i];
  if (!(r.classes & kRelation) || r.scrubbed || (r.upper_initial && !r.sentence_start)) return 0;
  std::size_t j = i + 1;
  if (j >= t_.size()) return 0;
  Gap g = t_.gap_before(j);
  if (g != Gap::kSpace && g != Gap::kComma) return 0;
  if (t_[j].classes & (kHonorific | kTitle)) return 0;  // "haar moeder mevrouw X": honorific rule
  auto s = read_name(j, true, true);
  if (!s || s->initials > 0 || looks_like_place(*s)) return 0;
  // "bewoonster van Monnickendam": lower-case "van" before a place names where she lives; a
  // surname alone is written "Van Houten".
  if (t_.key(j) == "van" && !t_[j].upper_initial && s->last == j + 2 &&
      (t_[j + 1].classes & kPlace)) {
    return 0;
  }
  std::size_t first = s->first;
  // The surname after its tussenvoegsels decides, also when they are capitalised ("Van Dijk").
  while (first + 1 < s->last && (t_[first].classes & kNameParticle)) ++first;
  // An ordinary word is a surname after "Van" or "der", "ter": "buurvrouw Van Houten", "collega
  // van der Steen", not after a lower-case "van" ("medewerker van Werk en Inkomen").
  bool surname_prefix = false;
  for (std::size_t k = s->first; k < first; ++k) {
    surname_prefix |= t_[k].upper_initial || (t_[k].classes & kStrongPrefix);
  }
  if ((!plausible(first) && !surname_prefix) || t_[first].sentence_start) return 0;
  emit(t_[j].start, t_[s->last - 1].end, "relation-name");
  return s->last;
}

std::size_t Detector::try_first_name(std::size_t i) {
  if (!(t_[i].classes & kFirstName) || !cap(i)) return 0;
  auto s = read_name(i, true);
  if (!s || s->last <= i + 1 || looks_like_place(*s)) return 0;
  // A hyphenated first name alone ("Jan-Willem") has no surname: the lone-name rule decides.
  bool has_surname = false;
  for (std::size_t k = i + 1; k < s->last; ++k) {
    if (t_.gap_before(k) == Gap::kSpace) has_surname = true;
  }
  if (!has_surname) return 0;
  if (ordinary(i) && !(t_[s->last - 1].classes & kSurname) && dutch_word(s->last - 1)) {
    return 0;
  }
  emit(t_[i].start, t_[s->last - 1].end, "firstname-surname");
  return s->last;
}

std::size_t Detector::try_initials(std::size_t i) {
  if (!initial(i) || (i > 0 && initial(i - 1) && joins(i))) return 0;
  auto s = read_name(i, false);
  if (!s || s->initials == 0 || looks_like_place(*s)) return 0;
  std::size_t core = s->last - 1;
  bool surname = t_[core].classes & kSurname;
  if (!surname && (!plausible(core) || latin_looking(t_.key(core)) || t_[core].key_len < 3)) {
    return 0;
  }
  // "A Visser" without a dot is a name only when the surname is known or has a tussenvoegsel,
  // and is neither a place nor the letters of a postcode ("1891 HR Almere").
  if (t_.gap_before(i + 1) != Gap::kDot) {
    if (!surname && !s->particles) return 0;
    if (t_[core].classes & kPlace) return 0;
    if (i > 0 && t_[i - 1].has_digit && t_.gap_before(i) == Gap::kSpace) return 0;
  }
  emit(t_[i].start, t_[core].end, "initials-surname");
  return s->last;
}

std::size_t Detector::try_prefix(std::size_t i) {
  const NameToken& p = t_[i];
  if (p.scrubbed || p.all_upper || i + 1 >= t_.size()) return 0;
  std::string_view k = t_.key(i), next = t_.key(i + 1);
  bool strong = (k == "van" && (next == "der" || next == "den" || next == "t")) || k == "ter" ||
                k == "ten" || k == "vd" || (k == "v" && next == "d") ||
                (k == "d" && t_.gap_before(i + 1) == Gap::kApostrophe);
  bool van_de = k == "van" && next == "de";
  if (!strong && !van_de) return 0;
  auto s = read_name(i, false);
  if (!s || !s->particles || looks_like_place(*s)) return 0;
  std::size_t core = s->last - 1;
  bool surname = t_[core].classes & kSurname;
  if (van_de && !surname) return 0;  // "van de Raad van State"
  if (!surname && (t_[core].classes & (kPlaceWord | kMonth))) return 0;
  emit(t_[i].start, t_[core].end, "prefix-surname");
  return s->last;
}

std::size_t Detector::try_particle(std::size_t i) {
  const NameToken& p = t_[i];
  if (!(p.classes & kArabicParticle) || !p.upper_initial || p.all_upper || i + 1 >= t_.size()) {
    return 0;
  }
  Gap g = t_.gap_before(i + 1);
  if ((g != Gap::kSpace && g != Gap::kHyphen) || !cap(i + 1) || !plausible(i + 1)) return 0;
  auto s = read_name(i + 1, false);
  std::size_t last = s ? s->last : i + 2;
  Span whole{i, last, 0, true};
  if (looks_like_place(whole)) return 0;
  emit(t_[i].start, t_[last - 1].end, "particle-surname");
  return last;
}

// "Visser-de Jong", "Jansen-Bakker": two surnames joined, at least one of them known.
std::size_t Detector::try_double_surname(std::size_t i) {
  if (!cap(i) || i + 1 >= t_.size() || t_.gap_before(i + 1) != Gap::kHyphen) return 0;
  auto s = read_name(i, false);
  if (!s || s->last < i + 2 || looks_like_place(*s)) return 0;
  bool any_surname = false;
  for (std::size_t k = i; k < s->last; ++k) {
    if (t_[k].classes & kNameParticle) continue;
    if (!plausible(k) && !(t_[k].classes & kSurname)) return 0;
    any_surname |= (t_[k].classes & kSurname) != 0;
    if ((t_[k].classes & kFirstName) && !(t_[k].classes & kSurname)) return 0;
  }
  if (!any_surname) return 0;
  emit(t_[i].start, t_[s->last - 1].end, "double-surname");
  return s->last;
}

// "Jan-Willem", "Anne-Marie", "Jan-Onbekend": a hyphenated given name is a name on its own
// when one part is a known first name and no part is an ordinary word.
std::size_t Detector::try_compound_first_name(std::size_t i) {
  if (!cap(i) || i + 1 >= t_.size() || t_.gap_before(i + 1) != Gap::kHyphen) return 0;
  std::size_t j = i;
  bool any_first = false;
  while (true) {
    if (!cap(j) || ordinary(j) || (t_[j].classes & kNameParticle)) return 0;
    any_first |= (t_[j].classes & kFirstName) != 0;
    if (j + 1 < t_.size() && t_.gap_before(j + 1) == Gap::kHyphen) {
      ++j;
    } else {
      break;
    }
  }
  Span s{i, j + 1, 0, false};
  if (!any_first || looks_like_place(s)) return 0;
  emit(t_[i].start, t_[j].end, "compound-firstname");
  return j + 1;
}

std::size_t Detector::try_lone_first_name(std::size_t i) {
  if (!(t_[i].classes & kFirstName) || !cap(i)) return 0;
  bool word = ordinary(i) || dutch_word(i);
  bool after_determiner = i > 0 && (t_[i - 1].classes & kDeterminer) && !t_[i - 1].upper_initial;
  if (word && (t_[i].sentence_start || after_determiner)) return 0;
  if (t_[i].classes & kMonth) {
    bool number = (i > 0 && t_[i - 1].has_digit) || (i + 1 < t_.size() && t_[i + 1].has_digit);
    if (number || t_[i].sentence_start) return 0;
  }
  auto s = read_name(i, false);
  std::size_t last = s ? s->last : i + 1;
  if (looks_like_place(Span{i, last, 0, false})) return 0;
  emit(t_[i].start, t_[last - 1].end, "kinderen-firstname");
  return last;
}

int small_number(std::string_view key) {
  static constexpr std::string_view kWords[] = {
      "nul",   "een",  "twee", "drie",   "vier",    "vijf",     "zes",      "zeven",   "acht",
      "negen", "tien", "elf",  "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien"};
  if (!key.empty() && key.size() <= 2 &&
      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    int v = std::stoi(std::string(key));
    return v <= 17 ? v : -1;
  }
  for (int v = 0; v < 18; ++v) {
    if (key == kWords[v]) return v;
  }
  return -1;
}

// Children's exact ages (kinderen profile). "Tommy (9)" loses " (9)"; "Tommy, 9 jaar," and
// "een jongen van 9 jaar" read "[leeftijd]"; "de 9-jarige" reads "de [leeftijd]".
void Detector::detect_ages() {
  std::string_view text = t_.text();
  auto age = [&](std::size_t start, std::size_t end) {
    out_.push_back(
        Candidate{start, end, "leeftijd", "child-age", kGround, "[leeftijd]", kPriorityDetected});
  };
  for (std::size_t i = 0; i < t_.size(); ++i) {
    int n = small_number(t_.key(i));
    if (n < 0 || t_[i].scrubbed) continue;
    // "Tommy (9)": the bracketed age goes, the name is someone else's redaction.
    if (i > 0 && t_.between(i) == " (" && t_[i].end < text.size() && text[t_[i].end] == ')' &&
        t_[i - 1].upper_initial && !t_[i - 1].has_digit && t_[i].has_digit) {
      out_.push_back(Candidate{t_[i - 1].end, t_[i].end + 1, "leeftijd", "child-age", kGround, "",
                               kPriorityDetected});
      continue;
    }
    if (i + 1 >= t_.size()) continue;
    std::string_view unit = t_.key(i + 1);
    if (unit == "jarige" || unit == "jarig") {
      if (t_.gap_before(i + 1) == Gap::kHyphen) age(t_[i].start, t_[i + 1].end);
      continue;
    }
    if (unit != "jaar" || t_.gap_before(i + 1) != Gap::kSpace) continue;
    std::size_t end = t_[i + 1].end;
    bool oud = i + 2 < t_.size() && t_.key(i + 2) == "oud" && t_.gap_before(i + 2) == Gap::kSpace;
    if (oud) end = t_[i + 2].end;
    bool after_name =
        i > 0 && t_.gap_before(i) == Gap::kComma && (t_[i - 1].upper_initial || t_[i - 1].scrubbed);
    bool child_van = false;
    if (i >= 2 && t_.key(i - 1) == "van") {
      std::string_view who = t_.key(i - 2);
      child_van = who == "jongen" || who == "meisje" || who == "kind" || who == "zoon" ||
                  who == "dochter" || who == "baby" || who == "broertje" || who == "zusje" ||
                  who == "leerling" || who == "kleuter" || who == "peuter" || who == "tiener" ||
                  who == "jongetje" || who == "meisjes" || who == "kinderen" || who == "tweeling" ||
                  who == "jongens" || who == "broers" || who == "zussen";
    }
    bool is_age = i > 0 && (t_.key(i - 1) == "is" || t_.key(i - 1) == "was" ||
                            t_.key(i - 1) == "werd" || t_.key(i - 1) == "wordt");
    if (oud || after_name || child_van || is_age) age(t_[i].start, end);
  }
}

std::vector<Candidate> Detector::run() {
  std::size_t covered = 0;
  // Each rule below needs one of these of the word it starts at; most words have none.
  constexpr std::uint32_t kStarts =
      kHonorific | kTitle | kRelation | kNameParticle | kArabicParticle | kFirstName;
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (i < covered || t_[i].scrubbed) continue;
    if (!t_[i].upper_initial && !t_[i].all_upper && !(t_[i].classes & kStarts)) continue;
    std::size_t end = try_honorific(i);
    if (!end) end = try_relation(i);
    if (!end) end = try_initials(i);
    if (!end) end = try_prefix(i);
    if (!end) end = try_particle(i);
    if (!end) end = try_first_name(i);
    if (!end) end = try_double_surname(i);
    if (!end) end = try_compound_first_name(i);
    if (!end && profile_ == Profile::kKinderen) end = try_lone_first_name(i);
    if (end) covered = end;
  }
  if (profile_ == Profile::kKinderen) detect_ages();
  return std::move(out_);
}

}  // namespace

std::vector<Candidate> detect_undeclared(const NameTokens& tokens, Profile profile,
                                         const std::vector<NameMatch>& officials,
                                         const std::vector<TextSpan>& kept) {
  if (tokens.text().empty()) return {};
  std::vector<Candidate> found = Detector(tokens, profile).run();
  if (officials.empty() && kept.empty()) return found;
  std::erase_if(found, [&](const Candidate& c) {
    if (c.category != "naam") return false;
    bool official = std::any_of(officials.begin(), officials.end(), [&](const NameMatch& m) {
      return m.start <= c.start && c.end <= m.end;
    });
    return official || overlaps(kept, c.start, c.end);
  });
  return found;
}

std::vector<Candidate> detect_undeclared(std::string_view text, const Allowlist& allow,
                                         Profile profile) {
  if (text.empty()) return {};
  const NameTokens& tokens = tokens_for(text);
  return detect_undeclared(tokens, profile, find_officials(tokens, allow),
                           find_term_spans(tokens, allow));
}

}  // namespace anonymizer
