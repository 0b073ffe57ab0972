#include "bench/zaak_text.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "bench/planted_ids.h"

namespace bench {
namespace {

struct Subject {
  const char* title;   // "Parkeervergunning"
  const char* phrase;  // "een parkeervergunning"
  const char* theme;   // "parkeren"
};

constexpr Subject kSubjects[] = {
    {"Parkeervergunning", "een parkeervergunning", "parkeren"},
    {"Bijzondere bijstand", "bijzondere bijstand", "bijstand"},
    {"Kwijtschelding", "kwijtschelding van de gemeentelijke belastingen", "belastingen"},
    {"Wmo-voorziening", "een Wmo-voorziening", "wmo"},
    {"Omgevingsvergunning", "een omgevingsvergunning voor een dakkapel", "vergunningen"},
    {"Urgentieverklaring", "een urgentieverklaring", "wonen"},
    {"Leerlingenvervoer", "leerlingenvervoer", "onderwijs"},
    {"Schuldhulp", "schuldhulpverlening", "schulden"},
    {"Traplift", "een traplift", "wmo"},
    {"Huishoudelijke hulp", "huishoudelijke hulp", "wmo"},
    {"Jeugdhulp", "jeugdhulp", "jeugdhulp"},
    {"Gehandicaptenparkeerkaart", "een gehandicaptenparkeerkaart", "parkeren"},
    {"Energietoeslag", "de energietoeslag", "bijstand"},
    {"Grofvuil", "het ophalen van grofvuil", "afval"},
    {"Naheffingsaanslag", "vernietiging van een naheffingsaanslag parkeerbelasting", "parkeren"},
    {"Bewonersvergunning", "een bewonersvergunning", "parkeren"},
    {"Paspoort", "een nieuw paspoort", "dienstverlening"},
    {"Adreswijziging", "een adreswijziging in de basisregistratie", "dienstverlening"},
};

constexpr const char* kProblems[] = {"bleef maanden liggen",   "afgewezen zonder uitleg",
                                     "te laat behandeld",      "kwijtgeraakt bij de gemeente",
                                     "onvoldoende onderzocht", "verkeerd berekend",
                                     "niet doorgestuurd",      "pas na klacht toegekend",
                                     "ten onrechte stopgezet", "zonder hoorzitting afgewezen"};

constexpr const char* kExtraThemes[] = {"dienstverlening", "communicatie", "termijnen",
                                        "participatie", "zorg"};
constexpr const char* kMunicipalities[] = {"Amsterdam", "Almere",       "Zaanstad",  "Amstelveen",
                                           "Diemen",    "Ouder-Amstel", "Waterland", "Landsmeer"};
constexpr const char* kOutcomes[] = {"gegrond",       "ongegrond",    "deels gegrond",
                                     "bemiddeld",     "opgelost",     "gegrond",
                                     "deels gegrond", "geen oordeel", "ingetrokken"};
constexpr const char* kDepartments[] = {
    "Belastingen", "Werk en Inkomen", "Parkeren",    "Zorg",        "Vergunningen",
    "Wonen",       "Leerplicht",      "Burgerzaken", "Stadsbeheer", "Schuldhulpverlening"};
constexpr const char* kRegulations[] = {"Participatiewet",
                                        "Wet maatschappelijke ondersteuning 2015",
                                        "Jeugdwet",
                                        "Algemene wet bestuursrecht",
                                        "Leidraad Invordering",
                                        "Huisvestingsverordening",
                                        "Parkeerverordening",
                                        "Verordening leerlingenvervoer",
                                        "Algemene plaatselijke verordening"};
constexpr const char* kNorms[] = {
    "maatwerk",        "voortvarendheid",          "goede informatieverstrekking",
    "betrouwbaarheid", "luisteren naar de burger", "deskundigheid",
    "transparantie",   "goede coördinatie"};
constexpr const char* kMonths[] = {"januari",   "februari", "maart",    "april",
                                   "mei",       "juni",     "juli",     "augustus",
                                   "september", "oktober",  "november", "december"};

// First names and surnames that are not also ordinary Dutch words, so that the leak check can
// look for each of them as a whole word.
constexpr const char* kWomen[] = {"Anouk",  "Fatima",  "Sanne",  "Ayşe",    "Sharmila", "Priya",
                                  "Esra",   "Marieke", "Ingrid", "Yasmina", "Hatice",   "Femke",
                                  "Lieke",  "Naima",   "Gerda",  "Wilma",   "Chantal",  "Ilse",
                                  "Saskia", "Khadija", "Dewi",   "Malika",  "Joyce",    "Monique"};
constexpr const char* kMen[] = {"Daan",   "Emre",    "Tesfay", "Mohamed", "Johan",  "Kees",
                                "Pieter", "Youssef", "Sven",   "Thijs",   "Ruud",   "Hendrik",
                                "Mehmet", "Rachid",  "Sjoerd", "Wouter",  "Koen",   "Joost",
                                "Ravi",   "Gerrit",  "Orhan",  "Mustafa", "Willem", "Jeroen"};
constexpr const char* kSurnames[] = {
    "Jansen",         "Visser",    "Mulder",    "Smit",       "Meijer",          "Kuipers",
    "Hoekstra",       "Dekker",    "Verhoeven", "Hendriks",   "Schouten",        "Postma",
    "Vermeulen",      "Bouzid",    "Ramsaran",  "Kaya",       "Çelik",           "Demir",
    "Öztürk",         "Yılmaz",    "Nowak",     "Kowalski",   "Gebremedhin",     "Ramdin",
    "van der Meulen", "van Rooij", "El Amrani", "El Idrissi", "Jansen-Hoekstra", "Dekker-Ramdin",
    "Tahiri",         "Mahabier",  "Brinkman",  "Wijnands",   "Veenstra",        "Hofstede"};

std::string upper_first(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

struct Person {
  std::string first;
  std::string surname;
  bool female = false;
  std::string role;

  std::string full() const { return first + " " + surname; }
  // "mevrouw Van der Meulen", "dhr. Jansen": a tussenvoegsel after a title is capitalised.
  std::string titled(Rng& rng) const {
    const char* title =
        female ? (rng.chance(75) ? "mevrouw" : "mw.") : (rng.chance(75) ? "de heer" : "dhr.");
    return std::string(title) + " " + upper_first(surname);
  }
  std::string initial() const { return first.substr(0, 1) + ". " + surname; }
  const char* he() const { return female ? "zij" : "hij"; }
  const char* his() const { return female ? "haar" : "zijn"; }

  // Every form the leak check must not find: the full name, the first name, and each part of
  // the surname that is a name rather than a tussenvoegsel ("Meulen", "Jansen", "Hoekstra").
  void plant(std::vector<std::string>& out) const {
    out.push_back(full());
    out.push_back(first);
    std::size_t start = 0;
    while (start < surname.size()) {
      std::size_t end = surname.find_first_of(" -", start);
      if (end == std::string::npos) end = surname.size();
      std::string part = surname.substr(start, end - start);
      if (part.size() >= 4 && !(part[0] >= 'a' && part[0] <= 'z')) out.push_back(part);
      start = end + 1;
    }
  }
};

// A person whose first name differs from those of `others`.
Person make_person(Rng& rng, std::string role, const std::vector<Person>& others,
                   const std::string* surname = nullptr) {
  Person p;
  do {
    p.female = rng.chance(50);
    p.first = p.female ? rng.pick(kWomen) : rng.pick(kMen);
  } while (std::any_of(others.begin(), others.end(),
                       [&](const Person& o) { return o.first == p.first; }));
  p.surname = surname ? *surname : rng.pick(kSurnames);
  p.role = std::move(role);
  return p;
}

std::string money(Rng& rng) {
  int euros = rng.between(40, 9800);
  char buf[32];
  if (euros >= 1000)
    std::snprintf(buf, sizeof buf, "€ %d.%03d,%02d", euros / 1000, euros % 1000,
                  rng.between(0, 99));
  else
    std::snprintf(buf, sizeof buf, "€ %d,%02d", euros, rng.between(0, 99));
  return buf;
}

std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// Fills the {slots} of a sentence template.
class Filler {
 public:
  Filler(Rng& rng, const Subject& subject, const std::string& municipality, int year)
      : rng_(rng), subject_(subject), municipality_(municipality), year_(year) {}

  // A sentence of `pool` not yet used in this case (all again once every one was used).
  template <std::size_t N>
  std::string once(const char* const (&pool)[N]) {
    std::vector<bool>& used = used_[pool];
    if (used.size() != N || std::all_of(used.begin(), used.end(), [](bool u) { return u; }))
      used.assign(N, false);
    std::size_t i = rng_.below(N);
    while (used[i]) i = (i + 1) % N;
    used[i] = true;
    return (*this)(pool[i]);
  }

  std::string operator()(std::string_view tmpl) {
    std::string out;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
      if (tmpl[i] != '{') {
        out.push_back(tmpl[i]);
        continue;
      }
      std::size_t end = tmpl.find('}', i);
      std::string_view slot = tmpl.substr(i + 1, end - i - 1);
      i = end;
      if (slot == "gemeente")
        out += municipality_;
      else if (slot == "subject")
        out += subject_.phrase;
      else if (slot == "weken")
        out += std::to_string(rng_.between(3, 40));
      else if (slot == "bedrag")
        out += money(rng_);
      else if (slot == "maand")
        out += rng_.pick(kMonths);
      else if (slot == "jaar")
        out += std::to_string(year_ - rng_.between(0, 2));
      else if (slot == "afdeling")
        out += rng_.pick(kDepartments);
      else if (slot == "regeling")
        out += rng_.pick(kRegulations);
      else if (slot == "norm")
        out += rng_.pick(kNorms);
    }
    return out;
  }

 private:
  Rng& rng_;
  const Subject& subject_;
  const std::string& municipality_;
  int year_;
  std::map<const void*, std::vector<bool>> used_;
};

constexpr const char* kBackground[] = {
    "De gemeente {gemeente} behandelt jaarlijks enkele duizenden aanvragen voor {subject}.",
    "Volgens de eigen regels moet de gemeente binnen {weken} weken beslissen.",
    "Het ging om een bedrag van {bedrag}.",
    "De afdeling {afdeling} stuurde een ontvangstbevestiging, maar daarna bleef het stil.",
    "Na {weken} weken was er nog steeds geen besluit.",
    "Op de website van de gemeente stond dat de behandeling ongeveer {weken} weken zou duren.",
    "Een brief met een verzoek om aanvullende gegevens kwam pas in {maand} {jaar} aan.",
    "De gemeente gaf als reden dat er te weinig medewerkers waren om alle aanvragen op tijd te "
    "behandelen.",
    "In de brief stond niet welke stukken nog ontbraken.",
    "Het besluit verwees naar de {regeling}, zonder uit te leggen welke bepaling van toepassing "
    "was.",
    "Tegen het besluit stond bezwaar open bij het college van burgemeester en wethouders.",
    "De gemeente had eerder al een deel van de kosten vergoed, in totaal {bedrag}.",
    "Ook het telefonisch spreekuur van de afdeling {afdeling} bood geen uitkomst.",
    "Een medewerker aan de balie zei dat de aanvraag in behandeling was en dat er niets meer nodig "
    "was.",
};
constexpr const char* kInvestigation[] = {
    "We vroegen de gemeente om het volledige dossier en een reactie op de klacht.",
    "De gemeente reageerde binnen {weken} weken met een uitgebreide brief.",
    "We spraken met de teamleider van de afdeling {afdeling} en lazen de interne werkinstructies.",
    "Uit het dossier bleek dat de aanvraag in {maand} {jaar} per abuis in een verkeerde "
    "werkvoorraad terecht was gekomen.",
    "De gemeente erkende dat de termijn van {weken} weken ruim was overschreden.",
    "Ook keken we naar de {regeling} en naar eerdere rapporten van de ombudsman over dit "
    "onderwerp.",
    "De gemeente wees erop dat de regels geen ruimte lieten voor een andere beslissing.",
    "Tijdens een gesprek op het stadhuis legden beide partijen hun standpunt uit.",
    "De ombudsman heeft de gemeente gevraagd of een oplossing in overleg mogelijk was.",
    "In de systemen van de gemeente stond geen enkele notitie van het telefoongesprek.",
    "Volgens de gemeente was de brief wel verstuurd, maar een kopie ontbrak in het dossier.",
    "Ombudsman Arjen Doorduin bezocht de afdeling {afdeling} om te zien hoe aanvragen worden "
    "afgehandeld.",
};
constexpr const char* kJudgement[] = {
    "Van een overheid mag worden verwacht dat zij binnen een redelijke termijn beslist.",
    "Het vereiste van {norm} houdt in dat de overheid kijkt naar de omstandigheden van het "
    "individuele geval.",
    "De gemeente heeft niet gehandeld in overeenstemming met het vereiste van {norm}.",
    "Burgers moeten erop kunnen vertrouwen dat een toezegging van een medewerker wordt nagekomen.",
    "De gemeente had uit zichzelf moeten laten weten dat de behandeling langer zou duren.",
    "Een besluit moet begrijpelijk zijn voor degene voor wie het bedoeld is.",
    "Dat de gemeente het druk had, is begrijpelijk, maar het mag niet ten koste gaan van de "
    "burger.",
    "De ombudsman ziet wel dat de gemeente inmiddels maatregelen heeft genomen.",
    "Het is niet behoorlijk dat een burger zelf telkens moet navragen hoe het met een aanvraag "
    "staat.",
    "De gemeente heeft de regels op zichzelf juist toegepast, maar de uitkomst was in dit geval "
    "onredelijk.",
};
constexpr const char* kLessons[] = {
    "Regels kunnen kloppen en toch tot een uitkomst leiden die niemand heeft bedoeld.",
    "Gemeenten doen er goed aan burgers actief te informeren als een termijn niet wordt gehaald.",
    "Een goed bijgehouden dossier voorkomt misverstanden en onnodige klachten.",
    "Een telefoontje kan vaak meer duidelijkheid geven dan een formele brief.",
    "Medewerkers moeten weten welke ruimte de {regeling} hen biedt om af te wijken.",
    "Klachten zijn een bron van informatie: wie ze goed analyseert, kan herhaling voorkomen.",
    "Het helpt als besluiten in eenvoudige taal zijn geschreven.",
    "Wie een aanvraag indient voor {subject}, moet kunnen zien waar die aanvraag blijft.",
};
constexpr const char* kResults[] = {
    "het besluit herzien en de aanvraag alsnog toegekend;",
    "excuses aangeboden en een vergoeding van {bedrag} betaald;",
    "de werkinstructie voor de afdeling {afdeling} aangepast;",
    "alle openstaande aanvragen van {jaar} opnieuw bekeken;",
    "een vaste contactpersoon aangewezen voor vragen over {subject};",
    "de standaardbrieven herschreven in eenvoudige taal;",
};

// A section is paragraphs of sentences; filler sentences go into its last paragraph.
struct Section {
  std::string heading;
  std::vector<std::vector<std::string>> paragraphs;
  std::vector<std::string> list;
  std::string quote;

  void add(std::string sentence) {
    if (paragraphs.empty() || paragraphs.back().size() >= 4) paragraphs.emplace_back();
    paragraphs.back().push_back(std::move(sentence));
  }
  void new_paragraph() { paragraphs.emplace_back(); }
};

std::string render(const std::vector<Section>& sections) {
  std::string out;
  for (const Section& s : sections) {
    out += "## " + s.heading + "\n\n";
    for (const auto& paragraph : s.paragraphs) {
      if (paragraph.empty()) continue;
      for (std::size_t i = 0; i < paragraph.size(); ++i) out += (i ? " " : "") + paragraph[i];
      out += "\n\n";
    }
    if (!s.quote.empty()) out += "> " + s.quote + "\n\n";
    for (const auto& item : s.list) out += "- " + item + "\n";
    if (!s.list.empty()) out += "\n";
  }
  return out;
}

std::string outcome_phrase(std::string_view outcome) {
  if (outcome == "gegrond") return "De ombudsman vindt de klacht gegrond.";
  if (outcome == "deels gegrond") return "De ombudsman vindt de klacht deels gegrond.";
  if (outcome == "ongegrond") return "De ombudsman vindt dat de gemeente zorgvuldig handelde.";
  if (outcome == "bemiddeld") return "Na bemiddeling door de ombudsman kwam er een oplossing.";
  if (outcome == "opgelost") return "De gemeente loste het probleem op na vragen van de ombudsman.";
  if (outcome == "geen oordeel") return "De ombudsman geeft geen oordeel omdat de rechter beslist.";
  return "De klacht werd ingetrokken nadat de gemeente alsnog besliste.";
}

}  // namespace

Case make_case(Rng& rng, std::size_t index, const CaseOptions& options) {
  Case c;
  const int year = 2016 + static_cast<int>(index % 10);
  char id[32];
  std::snprintf(id, sizeof id, "%d-%05zu", year, index / 10 + 1);
  c.id = id;
  char date[32];
  std::snprintf(date, sizeof date, "%d-%02d-%02d", year, rng.between(1, 12), rng.between(1, 28));

  const Subject& subject = rng.pick(kSubjects);
  const std::string municipality = rng.pick(kMunicipalities);
  const std::string outcome = rng.pick(kOutcomes);
  Filler fill(rng, subject, municipality, year);

  // The persons: a verzoeker and one to three others.
  std::vector<Person> persons;
  persons.reserve(4);  // `v` below must stay valid
  persons.push_back(make_person(rng, "verzoeker", persons));
  const Person& v = persons[0];
  static const char* const kOthers[] = {"partner",    "kind",  "buurman", "gemachtigde",
                                        "medewerker", "ouder", "kind",    "medewerker"};
  int others = rng.between(1, 3);
  for (int i = 0; i < others; ++i) {
    std::string role = rng.pick(kOthers);
    bool family = role == "kind" || (role == "partner" && rng.chance(50)) || role == "ouder";
    persons.push_back(make_person(rng, role, persons, family ? &persons[0].surname : nullptr));
  }

  Identifier bsn = make_bsn(rng);
  Identifier iban = make_iban(rng);
  Identifier mobile = make_mobile_phone(rng);
  Identifier fixed = make_fixed_phone(rng);
  Identifier email = make_email(rng, v.first, v.surname);
  Identifier street = make_street_address(rng);
  Identifier postcode = make_postcode(rng);
  for (const Identifier* i : {&bsn, &iban, &mobile, &fixed, &email, &street, &postcode})
    c.planted.insert(c.planted.end(), i->forms.begin(), i->forms.end());
  for (const Person& p : persons) p.plant(c.planted);

  std::vector<Section> s(4);
  s[0].heading = "Wat was er aan de hand?";
  s[1].heading = "Wat deed de ombudsman?";
  s[2].heading = "Oordeel";
  s[3].heading = "Wat kunnen anderen hiervan leren?";

  s[0].add(v.full() + " woont sinds " + std::to_string(year - rng.between(2, 30)) + " op " +
           street.text + ", " + postcode.text + " " + municipality + ".");
  s[0].add(fill("In {maand} {jaar} vroeg ") + v.titled(rng) + " " + subject.phrase +
           " aan bij de gemeente " + municipality + ".");
  s[0].add(fill.once(kBackground));
  s[0].new_paragraph();
  s[0].add(upper_first(v.his()) + " burgerservicenummer " + bsn.text + " en " + v.his() +
           " rekeningnummer " + iban.text + " stonden op het aanvraagformulier.");
  s[0].add(fill.once(kBackground));
  for (std::size_t i = 1; i < persons.size(); ++i) {
    const Person& p = persons[i];
    if (p.role == "partner")
      s[0].add(p.full() + ", de partner van " + v.first + ", belde in " + fill("{maand}") +
               " met de afdeling " + fill("{afdeling}") + ".");
    else if (p.role == "kind")
      s[0].add(std::string(v.female ? "Haar " : "Zijn ") + (p.female ? "dochter " : "zoon ") +
               p.first + " heeft de aanvraag hard nodig, omdat " + p.he() +
               " anders niet naar school kan.");
    else if (p.role == "buurman")
      s[0].add("Buur " + p.full() + " hielp " + v.first + " met het invullen van de formulieren.");
    else if (p.role == "gemachtigde")
      s[0].add(p.full() + " van het sociaal raadsliedenwerk trad op als gemachtigde van " +
               v.titled(rng) + ".");
    else if (p.role == "medewerker")
      s[0].add(upper_first(p.titled(rng)) + " van de afdeling " + fill("{afdeling}") +
               " behandelde de aanvraag.");
    else
      s[0].add(upper_first(v.his()) + (p.female ? " moeder " : " vader ") + p.full() +
               " maakte zich grote zorgen.");
  }

  s[1].add(v.first + " belde de ombudsman vanaf " + mobile.text +
           " en stuurde later stukken vanaf " + email.text + ".");
  if (rng.chance(50))
    s[1].add(std::string("Overdag is ") + v.he() + " ook te bereiken op " + v.his() +
             " vaste nummer " + fixed.text + ".");
  else  // no possessive: "bereikbaar" alone must not make it an organisation's number
    s[1].add(std::string("Overdag is ") + v.he() + " ook bereikbaar op " + fixed.text + ".");
  s[1].add(fill.once(kInvestigation));
  s[1].new_paragraph();
  s[1].add("Volgens " + v.initial() + " " +
           fill("had de gemeente al in {maand} beloofd te bellen."));
  if (rng.chance(30))
    s[1].quote = "\"Ik heb " + fill("{weken}") + " weken niets gehoord,\" zei " + v.first + ".";

  s[2].add(outcome_phrase(outcome));
  s[2].add(fill.once(kJudgement));
  if (outcome == "gegrond" || outcome == "deels gegrond") {
    s[2].new_paragraph();
    s[2].add("Na ons onderzoek heeft de gemeente:");
    int items = rng.between(2, 3);
    for (int i = 0; i < items; ++i) s[2].list.push_back(fill.once(kResults));
    s[2].list.back().back() = '.';
  }
  s[3].add(fill.once(kLessons));

  // Filler sentences until the body reaches its size, 2,000-3,000 bytes.
  const std::size_t target = 2000 + rng.below(1000);
  std::string body = render(s);
  for (int turn = 0; body.size() < target; ++turn) {
    switch (turn % 4) {
    case 0:
      s[0].add(fill.once(kBackground));
      break;
    case 1:
      s[1].add(fill.once(kInvestigation));
      break;
    case 2:
      s[2].paragraphs.front().push_back(fill.once(kJudgement));
      break;
    default:
      s[3].add(fill.once(kLessons));
      break;
    }
    body = render(s);
  }

  std::string themes = subject.theme;
  int extra = rng.between(0, 2);
  for (int i = 0; i < extra; ++i) {
    std::string t = rng.pick(kExtraThemes);
    if (t != subject.theme && themes.find(t) == std::string::npos) themes += ", " + t;
  }
  std::string who = rng.chance(25) ? upper_first(v.titled(rng)) : "Een inwoner van " + municipality;
  std::string summary = who + fill(" wachtte {weken} weken op een besluit over ") + subject.phrase +
                        ". " + outcome_phrase(outcome);

  std::string& md = c.markdown;
  md = "---\nid: \"" + c.id +
       "\"\ntitle: " + yaml_quote(std::string(subject.title) + " " + rng.pick(kProblems)) +
       "\ndate: " + date + "\nstatus: approved\nmunicipality: " + municipality + "\nthemes: [" +
       themes + "]\noutcome: " + outcome + "\nsummary: " + yaml_quote(summary) + "\npersons:\n";
  for (const Person& p : persons) {
    md += "  - name: " + yaml_quote(p.full()) + "\n    role: " + p.role + "\n";
    c.persons.emplace_back(p.full(), p.role);
  }
  if (rng.chance(options.kinderen_percent)) {
    md += "kinderen:\n  title: " + yaml_quote(std::string(subject.title) + " duurde te lang") +
          "\n  summary: \"Iemand wachtte lang op de gemeente. De ombudsman hielp.\"\n  body: |\n";
    md += "    " + v.first + " woont in " + municipality + ". " + upper_first(v.he()) +
          " vroeg de gemeente om hulp.\n\n    Dat duurde heel lang. " + v.first +
          " werd boos. Daarom schreef " + v.he() +
          " ons een brief.\n\n    De ombudsman keek wat er mis ging. De gemeente was te laat. Nu "
          "gaat het beter.\n";
  }
  md += "---\n" + body;
  c.body = std::move(body);
  return c;
}

}  // namespace bench
