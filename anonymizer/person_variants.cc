// The written forms of a declared person (names.h: person_variants, person_placeholders).

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "anonymizer/lexicon.h"
#include "anonymizer/name_matcher.h"
#include "anonymizer/names.h"
#include "anonymizer/utf8.h"

namespace anonymizer {
namespace {

// Both genders: the record does not say which one applies.
constexpr std::string_view kHonorifics[] = {
    "mevrouw", "Mevrouw", "mw.",    "Mw.", "mevr.", "Mevr.", "de heer", "De heer", "dhr.",
    "Dhr.",    "meneer",  "Meneer", "mr.", "Mr.",   "dr.",   "Dr.",     "mej.",    "Mej.",
};

std::string join(const PersonName& name, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) out += name.seps[i];
    out += name.words[i];
  }
  return out;
}

std::string capitalise(std::string_view s) {
  if (s.empty()) return std::string();
  utf8::Decoded d = utf8::decode(s, 0);
  std::string out;
  utf8::append(out, utf8::to_upper(d.cp));
  out += s.substr(d.length);
  return out;
}

std::string strip_diacritics(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    utf8::Decoded d = utf8::decode(s, i);
    utf8::append(out, utf8::strip_diacritic(d.cp));
    i += d.length;
  }
  return out;
}

bool is_particle_word(std::string_view word) {
  return (Lexicon::get().classes(utf8::fold(word)) & kTussenvoegsel) != 0;
}

// The surname with its leading tussenvoegsels in lower case ("de Vries") and capitalised
// ("De Vries"), as Dutch writes it with and without a first name before it.
std::vector<std::string> surname_forms(const PersonName& name, std::size_t from, std::size_t to) {
  std::string lower, upper;
  bool leading = true;
  for (std::size_t i = from; i < to; ++i) {
    if (i > from) {
      lower += name.seps[i];
      upper += name.seps[i];
    }
    const std::string& w = name.words[i];
    if (leading && is_particle_word(w)) {
      std::string l = utf8::lower(w);
      lower += l;
      upper += i == from ? capitalise(l) : l;
    } else {
      leading = false;
      lower += w;
      upper += w;
    }
  }
  std::vector<std::string> out{join(name, from, to), lower, upper};
  return out;
}

std::string possessive(std::string_view name) {
  char last = name.empty() ? ' ' : static_cast<char>(std::tolower(name.back()));
  if (last == 's' || last == 'x' || last == 'z') return std::string(name) + "'";
  if (std::string_view("aeiouy").find(last) != std::string_view::npos) {
    return std::string(name) + "'s";
  }
  return std::string(name) + "s";
}

}  // namespace

std::vector<std::string> person_variants(const Person& person) {
  PersonName name = parse_person_name(person.name);
  std::size_t n = name.words.size(), s = name.surname;
  if (n == 0) return {};
  std::set<std::string> out;
  std::vector<std::string> names;  // forms that also get possessives and capitals

  std::string full = join(name, 0, n);
  names.push_back(full);
  std::vector<std::string> surnames = surname_forms(name, s, n);
  // Each part of a double name, and a part without its Arabic particle ("Idrissi").
  std::size_t part_start = s;
  for (std::size_t i = s + 1; i <= n; ++i) {
    if (i < n && name.seps[i] != "-") continue;
    if (part_start != s || i != n) {
      for (auto& f : surname_forms(name, part_start, i)) surnames.push_back(f);
    }
    std::size_t core = part_start;
    while (core < i && (Lexicon::get().classes(name.keys[core]) & kArabicParticle)) ++core;
    if (core > part_start && core < i) surnames.push_back(join(name, core, i));
    part_start = i;
  }
  names.insert(names.end(), surnames.begin(), surnames.end());

  if (s > 0) {
    for (std::size_t i = 0; i < s; ++i) {
      if (name.keys[i].size() > 1) names.push_back(name.words[i]);
    }
    if (s > 1) names.push_back(join(name, 0, s));
    std::string lower_surname = surnames[1];
    names.push_back(name.words[0] + " " + lower_surname);
    std::string dotted, packed, spaced;
    for (std::size_t i = 0; i < s; ++i) {
      std::string letter =
          utf8::upper(name.words[i].substr(0, utf8::decode(name.words[i], 0).length));
      dotted += letter + ".";
      packed += letter;
      spaced += (i ? " " : "") + letter + ".";
    }
    for (const std::string& sur : {surnames[1], surnames[2]}) {
      out.insert(dotted + " " + sur);
      out.insert(dotted + sur);
      out.insert(spaced + " " + sur);
      if (s > 1) {
        out.insert(packed + " " + sur);
        out.insert(dotted.substr(0, dotted.find('.') + 1) + " " + sur);
      }
    }
  }
  for (std::string_view h : kHonorifics) {
    out.insert(std::string(h) + " " + surnames[1]);
    out.insert(std::string(h) + " " + surnames[2]);
  }
  for (const std::string& v : names) {
    out.insert(v);
    out.insert(possessive(v));
    out.insert(utf8::upper(v));
  }
  std::vector<std::string> result(out.begin(), out.end());
  for (const std::string& v : result) {
    std::string plain = strip_diacritics(v);
    if (plain != v) out.insert(plain);
  }
  result.assign(out.begin(), out.end());
  std::stable_sort(result.begin(), result.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return result;
}

std::vector<std::string> person_placeholders(const Persons& persons) {
  auto role_of = [](const Person& p) {
    std::string_view r = p.role;
    while (!r.empty() && r.front() == ' ') r.remove_prefix(1);
    while (!r.empty() && r.back() == ' ') r.remove_suffix(1);
    return r.empty() ? std::string("persoon") : std::string(r);
  };
  std::map<std::string, int> total, seen;
  for (const Person& p : persons) ++total[role_of(p)];
  std::vector<std::string> out;
  out.reserve(persons.size());
  for (const Person& p : persons) {
    std::string role = role_of(p);
    if (total[role] > 1) {
      out.push_back("[" + role + " " + std::to_string(++seen[role]) + "]");
    } else {
      out.push_back("[" + role + "]");
    }
  }
  return out;
}

}  // namespace anonymizer
