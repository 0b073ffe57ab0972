#pragma once
// The generated texts scrub_bench measures and scrub_snapshot records: Dutch case summaries of
// ~4 KB with five declared persons each and planted identifiers of every category, and a long
// report with undeclared names only. Deterministic for a seed.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "anonymizer/scrub.h"

namespace bench {

using anonymizer::Allowlist;
using anonymizer::Person;
using anonymizer::Persons;

struct Document {
  std::string text;
  Persons persons;
};

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  Document document(std::size_t min_bytes) {
    Document doc;
    static const char* kRoles[] = {"verzoeker", "partner", "kind", "kind", "buurman"};
    for (const char* role : kRoles) doc.persons.push_back(Person{full_name(), role});
    while (doc.text.size() < min_bytes) doc.text += paragraph(doc.persons);
    return doc;
  }

  std::string report(std::size_t min_bytes) {
    std::string text;
    while (text.size() < min_bytes) text += report_paragraph();
    return text;
  }

 private:
  template <std::size_t N>
  const char* pick(const char* const (&items)[N]) {
    return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng_)];
  }
  int number(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  std::string full_name() {
    static const char* const kFirst[] = {"Maria", "Daan", "Fatima",  "Emre",     "Sanne",
                                         "Kees",  "Ayşe", "Tesfay",  "Sharmila", "Łukasz",
                                         "Noah",  "Roos", "Mohamed", "Johan",    "Priya"};
    static const char* const kLast[] = {
        "de Vries",  "Jansen-de Wit", "El Amrani",   "Öztürk", "van der Berg",
        "Bakker",    "van 't Hek",    "Gebremedhin", "Ramdin", "Nowak",
        "ter Horst", "Yılmaz",        "Visser"};
    return std::string(pick(kFirst)) + " " + pick(kLast);
  }

  std::string surname_of(const Person& p) { return p.name.substr(p.name.find(' ') + 1); }
  std::string first_of(const Person& p) { return p.name.substr(0, p.name.find(' ')); }

  std::string bsn() {
    for (;;) {
      std::string d = std::to_string(number(100000000, 999999999));
      int sum = 0;
      for (int i = 0; i < 9; ++i) sum += (d[i] - '0') * (i == 8 ? -1 : 9 - i);
      if (sum % 11 == 0) return d;
    }
  }

  std::string iban() {
    std::string account = std::to_string(number(100000000, 999999999)) + "0";
    std::string bban = std::string("INGB") + account;
    std::string digits;
    for (char c : bban + "NL00") {
      digits += (c >= 'A' && c <= 'Z') ? std::to_string(c - 'A' + 10) : std::string(1, c);
    }
    int rem = 0;
    for (char c : digits) rem = (rem * 10 + (c - '0')) % 97;
    int check = 98 - rem;  // 2..98
    return "NL" +
           std::string{static_cast<char>('0' + check / 10), static_cast<char>('0' + check % 10)} +
           bban;
  }

  std::string phone() { return "06-" + std::to_string(number(10000000, 99999999)); }

  std::string paragraph(const Persons& persons) {
    const Person& p = persons[number(0, static_cast<int>(persons.size()) - 1)];
    switch (number(0, 7)) {
    case 0:
      return p.name + " diende op " + std::to_string(number(1, 28)) +
             " maart 2024 een klacht in bij de gemeente Amsterdam over de afhandeling van een "
             "aanvraag bijzondere bijstand. De gemeente reageerde pas na twaalf weken.\n\n";
    case 1:
      return "Mevrouw " + surname_of(p) + " gaf haar BSN " + bsn() + " en rekeningnummer " +
             iban() + " door aan de Dienst Toeslagen, maar hoorde daarna niets meer.\n\n";
    case 2:
      return "De heer " + surname_of(p) + " woont op Javastraat " + std::to_string(number(1, 200)) +
             ", 1094 HJ Amsterdam, en is bereikbaar op " + phone() +
             ". Hij belde ook het "
             "algemene nummer 14 020 en mailde naar info@ombudsman.example.nl.\n\n";
    case 3:
      return first_of(p) +
             " vertelde dat de auto met kenteken 52-HKT-7 was weggesleept, "
             "terwijl de borden pas een dag eerder waren geplaatst. Het klantnummer " +
             std::to_string(number(1000000, 9999999)) + " stond op de brief.\n\n";
    case 4:
      return "Volgens artikel 9:11 Awb moet een klacht binnen zes weken zijn afgehandeld. De "
             "ombudsman verwijst naar rapport 2017/035 en naar ECLI:NL:CRVB:2019:1234. In " +
             std::to_string(number(2015, 2024)) + " ging het om " +
             std::to_string(number(100, 5000)) + " klachten, " + std::to_string(number(1, 99)) +
             "% meer dan het jaar ervoor.\n\n";
    case 5:
      return p.name + ", geboren op " + std::to_string(number(1, 28)) + " mei " +
             std::to_string(number(1940, 2015)) + ", mailde vanaf " + "m.devries" +
             std::to_string(number(10, 99)) + "@hotmail.com over de zaak 2025-00142.\n\n";
    case 6:
      return "Zijn zoon " + first_of(p) +
             " heeft een verstandelijke beperking en wacht al "
             "maanden op jeugdhulp. De wijkcoach van de Jacob Bontiusplaats verwees naar "
             "schuldhulp.\n\n";
    default:
      return "De ombudsman vindt dat de gemeente burgers uit zichzelf moet informeren als een "
             "termijn wordt overschreden, en verklaart de klacht gegrond. Het bedrag van € " +
             std::to_string(number(10, 9999)) + ",00 is alsnog uitbetaald.\n\n";
    }
  }

  std::string report_paragraph() {
    return "De Nationale ombudsman onderzocht hoe gemeenten klachten in het sociaal domein "
           "behandelen. Uit het onderzoek blijkt dat " +
           std::to_string(number(1, 99)) +
           "% van de gemeenten klachten over wijkteams doorstuurt naar de uitvoerende organisatie "
           "zelf. Mevrouw Bakker van de gemeente Zaanstad en de heer El Idrissi van de "
           "huurdersvereniging vertelden hoe dat in de praktijk gaat. Het rapport verwijst naar "
           "artikel 9:1 Awb, de Wmo 2015 en de Jeugdwet.\n\n";
  }

  std::mt19937 rng_;
};

/// The allowlist both tools use.
inline const Allowlist& allowlist() {
  static const Allowlist allow{{"Anne Mulder"}, {"info@ombudsman.example.nl"}, {}};
  return allow;
}

/// The 200 case summaries of BM_ScrubCaseSummaries.
inline std::vector<Document> case_summaries(std::size_t min_bytes = 4096) {
  Generator gen(42);
  std::vector<Document> docs;
  for (int i = 0; i < 200; ++i) docs.push_back(gen.document(min_bytes));
  return docs;
}

/// The report of BM_ScrubLongReport.
inline std::string long_report(std::size_t min_bytes = 1 << 20) {
  return Generator(7).report(min_bytes);
}

}  // namespace bench
