#include "generator/scaffold.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <system_error>

#include "generator/content_loader.h"
#include "generator/validate.h"

namespace generator {

namespace fs = std::filesystem;

namespace {

// Placeholders in the texts below; none of them can occur in real content.
constexpr std::string_view kIdMark = "@ID@";
constexpr std::string_view kDateMark = "@DATE@";
constexpr std::string_view kOutcomesMark = "@OUTCOMES@";

constexpr std::string_view kZaak = R"(---
# Zaakverslag @ID@, gemaakt met `ombudsite new zaak @ID@`.
# Regels die met # beginnen zijn uitleg: ze komen nooit op de site. Vul de velden in, schrijf
# de tekst onder de tweede ---, en controleer met `ombudsite check`. Bekijk `ombudsite audit`
# voordat je `status` op approved zet. Meer uitleg: content/README.md en docs/publishing.md.

# id (verplicht): het zaaknummer JJJJ-NNNNN, tussen aanhalingstekens. Het adres op de site
# wordt /zaken/@ID@/. Verander het alleen samen met de bestandsnaam.
id: "@ID@"

# title (verplicht): de kop van het verslag, zonder namen van privépersonen.
title: "Zaakverslag @ID@"

# date (verplicht): de datum van het oordeel, JJJJ-MM-DD.
date: @DATE@

# updated (mag weg): de datum van de laatste inhoudelijke wijziging, JJJJ-MM-DD.
# updated: @DATE@

# status (verplicht): draft = niet publiceren; approved = publiceren bij de volgende build.
status: draft

# municipality (verplicht): de gemeente waar de klacht over ging, bijvoorbeeld Amsterdam,
# Almere, Zaanstad, Amstelveen, Diemen, Ouder-Amstel, Waterland of Landsmeer.
municipality: Amsterdam

# themes (mag leeg): onderwerpen in kleine letters; elk thema krijgt een eigen overzichtspagina.
# Voorbeeld: [belastingen, toeslagen]
themes: []

# outcome (verplicht): het oordeel, één van: @OUTCOMES@.
outcome: geen oordeel

# summary (aanbevolen): één of twee zinnen voor overzichten, zoekresultaten en metadata. Zonder namen.
summary: "Vat in één of twee zinnen samen wat de klacht was en wat de ombudsman ervan vond."

# persons (als er mensen in voorkomen): iedere privépersoon die in de tekst voorkomt, met de volledige naam zoals die in de
# stukken staat en een rol (verzoeker, partner, kind, ouder, buurman, gemachtigde, medewerker).
# De namen komen nooit op de site: op elke plek, in elke vorm ("mevrouw De Wit", "K. Jansen"),
# staat de rol, zoals [verzoeker]. Haal de # weg en vul in:
# persons:
#   - name: "Kim Jansen-de Wit"
#     role: verzoeker

# kinderen (mag weg): de kindversie voor kinderen van 8 tot 14 jaar, met title, summary en
# body. Korte zinnen, gewone woorden, 120 tot 250 woorden; de build meet de leesbaarheid.
# kinderen:
#   title: "Een korte titel voor kinderen"
#   summary: "Eén zin over wat er gebeurde."
#   body: |
#     Schrijf hier de tekst voor kinderen.

# woo (mag weg): Woo-metadata. category is standaard klachtoordelen.
# woo:
#   category: klachtoordelen

# layout (mag weg): een ander template uit templates/site/, alleen als dat is afgesproken.
---
## Wat was er aan de hand?

Beschrijf de klacht: wat gebeurde er, en wat vroeg de verzoeker aan de gemeente?

## Wat deed de ombudsman?

Beschrijf het onderzoek: met wie sprak de ombudsman, welke stukken zijn bekeken?

## Oordeel

Schrijf het oordeel en de reden ervoor.

## Wat kunnen anderen hiervan leren?

Schrijf op wat de gemeente of andere organisaties van deze zaak kunnen leren.
)";

constexpr std::string_view kRapport = R"(---
# Rapport @ID@, gemaakt met `ombudsite new rapport @ID@`.
# Regels die met # beginnen zijn uitleg: ze komen nooit op de site. Vul de velden in, schrijf
# de tekst onder de tweede ---, en controleer met `ombudsite check`. Bekijk `ombudsite audit`
# voordat je `status` op approved zet. Meer uitleg: content/README.md en docs/publishing.md.
# Het adres op de site wordt /rapporten/@ID@/ (de bestandsnaam).

# title (verplicht): de titel van het rapport.
title: "Rapport @ID@"

# date (verplicht): de publicatiedatum, JJJJ-MM-DD.
date: @DATE@

# updated (mag weg): de datum van de laatste inhoudelijke wijziging, JJJJ-MM-DD.
# updated: @DATE@

# status (draft of approved): draft = niet publiceren; approved = publiceren bij de volgende build.
status: draft

# report_number (als het er een heeft): het rapportnummer JJJJ/NNN, tussen aanhalingstekens, zoals "2025/014".
# report_number: "2025/014"

# summary (aanbevolen): één of twee zinnen voor overzichten, zoekresultaten en metadata. Zonder namen.
summary: "Vat in één of twee zinnen samen wat de ombudsman onderzocht en wat eruit kwam."

# themes (mag leeg): onderwerpen in kleine letters; elk thema krijgt een eigen overzichtspagina.
# Voorbeeld: [klachtbehandeling, schuldhulp]
themes: []

# municipality (mag weg): de gemeente waar het rapport over gaat, als het er één is.
# municipality: Almere

# persons (als er mensen in voorkomen): iedere privépersoon die in de tekst voorkomt (bijvoorbeeld in een casus), met de
# volledige naam en een rol (verzoeker, partner, kind, ouder, buurman, gemachtigde,
# medewerker). De namen komen nooit op de site; op elke plek staat de rol, zoals [verzoeker].
# Haal de # weg en vul in:
# persons:
#   - name: "Kim Jansen-de Wit"
#     role: verzoeker

# kinderen (mag weg): de kindversie voor kinderen van 8 tot 14 jaar, met title, summary en
# body. Korte zinnen, gewone woorden, 120 tot 250 woorden; de build meet de leesbaarheid.
# kinderen:
#   title: "Een korte titel voor kinderen"
#   summary: "Eén zin over het rapport."
#   body: |
#     Schrijf hier de tekst voor kinderen.

# woo (mag weg): Woo-metadata. category is standaard onderzoeksrapporten; een jaarverslag
# krijgt jaarverslagen. Ook: created en modified (JJJJ-MM-DD).
# woo:
#   category: onderzoeksrapporten

# slug (mag weg): een ander adres dan de bestandsnaam, kleine letters, cijfers en -.
# layout (mag weg): een ander template uit templates/site/, alleen als dat is afgesproken.
---
## Samenvatting

Schrijf de belangrijkste bevindingen in een paar zinnen.

## Aanleiding

Waarom deed de ombudsman dit onderzoek?

## Bevindingen

Wat kwam er uit het onderzoek?

## Aanbevelingen

1. Schrijf elke aanbeveling als een genummerd punt.
)";

void replace_all(std::string& text, std::string_view mark, std::string_view value) {
  for (std::size_t at = text.find(mark); at != std::string::npos;
       at = text.find(mark, at + value.size()))
    text.replace(at, mark.size(), value);
}

std::string outcome_list() {
  std::string list;
  for (const std::string& o : known_outcomes()) list += (list.empty() ? "" : ", ") + o;
  return list;
}

ScaffoldResult fail(ScaffoldStatus status, std::string path, std::string message) {
  return {status, std::move(path), std::move(message)};
}

}  // namespace

std::optional<std::string> report_slug_problem(std::string_view slug) {
  if (slug.empty()) return "the slug is empty";
  if (slug.size() > 80) return "the slug is longer than 80 characters";
  for (char c : slug)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return "the slug '" + std::string(slug) + "' must use only lower-case a-z, 0-9 and '-'";
  if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string_view::npos)
    return "the slug '" + std::string(slug) + "' must not start or end with '-' or hold '--'";
  return std::nullopt;
}

std::string scaffold_text(std::string_view kind, std::string_view id, std::string_view date) {
  std::string text(kind == "zaak" ? kZaak : kRapport);
  replace_all(text, kIdMark, id);
  replace_all(text, kDateMark, date);
  replace_all(text, kOutcomesMark, outcome_list());
  return text;
}

std::string today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

ScaffoldResult create_content_file(const ScaffoldRequest& request) {
  std::string folder;
  if (request.kind == "zaak") {
    folder = "content/zaken";
    if (auto problem = zaak_id_problem(request.id))
      return fail(ScaffoldStatus::kUsageError, "", *problem);
  } else if (request.kind == "rapport") {
    folder = "content/rapporten";
    if (auto problem = report_slug_problem(request.id))
      return fail(ScaffoldStatus::kUsageError, "", *problem);
  } else {
    return fail(ScaffoldStatus::kUsageError, "",
                "new makes a 'zaak' or a 'rapport', not '" + request.kind + "'");
  }
  std::string date = request.date.empty() ? today() : request.date;
  if (auto problem = date_problem("date", date))
    return fail(ScaffoldStatus::kUsageError, "", *problem);

  std::string rel = folder + "/" + request.id + ".md";
  std::error_code ec;
  if (!fs::is_regular_file(request.root / "ombudsite.json", ec))
    return fail(ScaffoldStatus::kFailed, rel,
                "no ombudsite.json in '" + request.root.generic_string() +
                    "': not a site folder (use -s ROOT)");
  for (const char* ext : {".md", ".json"}) {
    std::string other = folder + "/" + request.id + ext;
    if (fs::exists(request.root / other, ec))
      return fail(ScaffoldStatus::kFailed, other, other + " already exists; not overwritten");
  }
  fs::create_directories(request.root / folder, ec);
  if (ec)
    return fail(ScaffoldStatus::kFailed, rel, "cannot create " + folder + ": " + ec.message());

  // "x": fail rather than replace a file that appeared since the check above.
  fs::path file = request.root / rel;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(file.c_str(), "wx"), &std::fclose);
  if (!out) {
    int err = errno;
    if (err == EEXIST)
      return fail(ScaffoldStatus::kFailed, rel, rel + " already exists; not overwritten");
    return fail(ScaffoldStatus::kFailed, rel, "cannot create " + rel + ": " + std::strerror(err));
  }
  std::string text = scaffold_text(request.kind, request.id, date);
  bool ok = std::fwrite(text.data(), 1, text.size(), out.get()) == text.size();
  ok = std::fclose(out.release()) == 0 && ok;
  if (!ok) {
    fs::remove(file, ec);
    return fail(ScaffoldStatus::kFailed, rel, "cannot write " + rel);
  }
  return {ScaffoldStatus::kCreated, rel, ""};
}

}  // namespace generator
