#include "generator/audit.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "anonymizer/names.h"
#include "anonymizer/rules.h"
#include "generator/build.h"
#include "generator/config.h"
#include "generator/content_loader.h"
#include "generator/scrubbed_doc.h"
#include "generator/site_inputs.h"
#include "generator/site_model.h"
#include "generator/text_util.h"

namespace generator {

namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string read_or_make_salt(const fs::path& dir) {
  fs::path path = dir / ".salt";
  std::ifstream in(path);
  std::string salt;
  if (in && std::getline(in, salt) && salt.size() >= 32) return salt;
  std::random_device rd;
  static constexpr char kHex[] = "0123456789abcdef";
  salt.clear();
  for (int i = 0; i < 64; ++i) salt += kHex[rd() % 16];
  std::ofstream(path) << salt << "\n";
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  return salt;
}

std::string salted_hash(const std::string& salt, std::string_view value) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx, salt.data(), salt.size());
  EVP_DigestUpdate(ctx, value.data(), value.size());
  EVP_DigestFinal_ex(ctx, digest, &len);
  EVP_MD_CTX_free(ctx);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < 8 && i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

const std::string& field_text(const SourceDoc& doc, const std::string& field) {
  static const std::string empty;
  if (field == "title") return doc.title;
  if (field == "summary") return doc.summary;
  if (field == "body") return doc.body;
  if (field == "municipality") return doc.municipality;
  if (doc.kinderen) {
    if (field == "kinderen.title") return doc.kinderen->title;
    if (field == "kinderen.summary") return doc.kinderen->summary;
    if (field == "kinderen.body") return doc.kinderen->body;
  }
  if (field.rfind("themes[", 0) == 0) {
    std::size_t i = std::strtoul(field.c_str() + 7, nullptr, 10);
    if (i < doc.themes.size()) return doc.themes[i];
  }
  return empty;
}

// The scrubbed text around a span: earlier redactions in the window are shown replaced, so the
// context never shows an original.
std::string context_around(const std::string& text, const std::vector<AuditEntry>& entries,
                           const std::string& field, std::size_t start, std::size_t end) {
  const std::size_t window = 60;
  std::size_t from = start > window ? start - window : 0;
  std::size_t to = std::min(text.size(), end + window);
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  std::string out;
  std::size_t pos = from;
  for (const auto& e : entries) {
    if (e.field != field || e.redaction.end <= from || e.redaction.start >= to) continue;
    std::size_t s = std::max(e.redaction.start, from);
    if (s < pos) continue;
    out.append(text, pos, s - pos);
    bool self = e.redaction.start == start;
    out += self ? "»" + e.redaction.replacement + "«" : e.redaction.replacement;
    pos = std::min(e.redaction.end, to);
  }
  if (pos < to) out.append(text, pos, to - pos);
  return (from > 0 ? "…" : "") + squash_space(out) + (to < text.size() ? "…" : "");
}

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string html_report(const ordered_json& report);

}  // namespace

bool write_audit(const AuditOptions& options, Diagnostics& diags, AuditTotals& totals) {
  SiteInputs in = load_site_inputs(options.root, diags, options.jobs);
  if (!in.usable()) return false;
  const auto& config = in.config;
  const auto& docs = in.docs;
  const auto& rules = in.rules;
  fs::path out = options.out.empty() ? options.root / "audit" : options.out;
  std::error_code ec;
  // The report holds hashes (or originals): it must never be published with the site.
  std::string site =
      fs::weakly_canonical(fs::absolute(options.root / "site"), ec).lexically_normal().string();
  std::string target = fs::weakly_canonical(fs::absolute(out), ec).lexically_normal().string();
  bool inside = target == site || target.rfind(site + "/", 0) == 0;
  if (inside) {
    diags.error(out.generic_string(), 0, 0, "the audit report must not be written inside site/");
    return false;
  }
  fs::create_directories(out, ec);
  if (ec) {
    diags.error(out.generic_string(), 0, 0, "cannot create folder: " + ec.message());
    return false;
  }
  std::string salt = read_or_make_salt(out);

  std::vector<std::vector<AuditEntry>> entries(docs.size());
  std::vector<std::vector<AuditFlag>> flags(docs.size());
  std::vector<std::optional<ScrubbedDoc>> scrubbed(docs.size());
  parallel_for(docs.size(), options.jobs > 0 ? options.jobs : default_jobs(), [&](std::size_t i) {
    scrubbed[i].emplace(scrub_document(docs[i], config->allow, *rules, &entries[i], &flags[i]));
  });

  ordered_json report;
  report["site"] = config->title;
  report["revealed"] = options.reveal;
  std::map<std::string, std::size_t> by_category, by_rule;
  ordered_json documents = ordered_json::array();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const SourceDoc& doc = docs[i];
    ordered_json d;
    d["path"] = doc.path;
    d["id"] = doc.id;
    d["title"] = (*scrubbed[i])->title;
    d["status"] = doc.status;
    ordered_json reds = ordered_json::array();
    std::map<std::string, std::size_t> found_placeholders;
    for (const auto& e : entries[i]) {
      const std::string& text = field_text(doc, e.field);
      SourcePos lc = field_position(doc, e.field, e.redaction.start);
      ordered_json r;
      r["field"] = e.field;
      r["line"] = lc.line;
      r["col"] = lc.col;
      r["start"] = e.redaction.start;
      r["end"] = e.redaction.end;
      r["category"] = e.redaction.category;
      r["rule"] = e.redaction.rule;
      r["ground"] = e.redaction.ground;
      r["replacement"] = e.redaction.replacement;
      r["context"] = context_around(text, entries[i], e.field, e.redaction.start, e.redaction.end);
      r[options.reveal ? "original" : "hash"] =
          options.reveal ? e.original : salted_hash(salt, e.original);
      reds.push_back(std::move(r));
      ++by_category[e.redaction.category];
      ++by_rule[e.redaction.rule];
      ++found_placeholders[e.redaction.replacement];
    }
    ordered_json fl = ordered_json::array();
    for (const auto& f : flags[i]) {
      const std::string& text = field_text(doc, f.field);
      fl.push_back(
          {{"field", f.field},
           {"term", f.flag.term},
           {"category", f.flag.category},
           {"context", context_around(text, entries[i], f.field, f.flag.start, f.flag.end)}});
    }
    ordered_json missing = ordered_json::array();
    auto placeholders = anonymizer::person_placeholders(doc.persons);
    for (std::size_t k = 0; k < doc.persons.size(); ++k)
      if (!found_placeholders.count(placeholders[k]))
        missing.push_back(
            {{"placeholder", placeholders[k]},
             {options.reveal ? "name" : "hash",
              options.reveal ? doc.persons[k].name : salted_hash(salt, doc.persons[k].name)}});
    totals.redactions += reds.size();
    totals.flags += fl.size();
    totals.persons_not_found += missing.size();
    if (reds.empty()) ++totals.unredacted_documents;
    d["redactions"] = std::move(reds);
    d["flags"] = std::move(fl);
    d["personsNotFound"] = std::move(missing);
    documents.push_back(std::move(d));
  }
  totals.documents = docs.size();
  report["totals"] = {{"documents", totals.documents},
                      {"redactions", totals.redactions},
                      {"flags", totals.flags},
                      {"documentsWithoutRedactions", totals.unredacted_documents},
                      {"personsNotFound", totals.persons_not_found},
                      {"byCategory", by_category},
                      {"byRule", by_rule}};
  report["documents"] = std::move(documents);

  std::string bytes;
  if (options.format == "json") {
    bytes = report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (options.format == "csv") {
    bytes = "path,id,status,field,line,col,start,end,category,rule,ground,replacement," +
            std::string(options.reveal ? "original" : "hash") + ",context\n";
    for (const auto& d : report["documents"])
      for (const auto& r : d["redactions"]) {
        bytes += csv_cell(d["path"]) + "," + csv_cell(d["id"]) + "," + csv_cell(d["status"]) + "," +
                 csv_cell(r["field"]) + "," + std::to_string(r["line"].get<int>()) + "," +
                 std::to_string(r["col"].get<int>()) + "," +
                 std::to_string(r["start"].get<std::size_t>()) + "," +
                 std::to_string(r["end"].get<std::size_t>()) + "," + csv_cell(r["category"]) + "," +
                 csv_cell(r["rule"]) + "," + csv_cell(r["ground"]) + "," +
                 csv_cell(r["replacement"]) + "," +
                 csv_cell(r[options.reveal ? "original" : "hash"]) + "," + csv_cell(r["context"]) +
                 "\n";
      }
  } else {
    bytes = html_report(report);
  }
  totals.file = out / ("audit." + options.format);
  std::ofstream file(totals.file, std::ios::binary | std::ios::trunc);
  file << bytes;
  if (!file) {
    diags.error(totals.file.generic_string(), 0, 0, "cannot write the report");
    return false;
  }
  return !diags.has_errors();
}

namespace {

std::string html_report(const ordered_json& report) {
  auto esc = [](const ordered_json& v) {
    return html_escape(v.is_string() ? v.get<std::string>() : v.dump());
  };
  bool revealed = report["revealed"].get<bool>();
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"robots\" content=\"noindex\">\n<title>Anonimiseringsrapport – " +
      esc(report["site"]) +
      "</title>\n<style>\n"
      "body{font-family:system-ui,sans-serif;margin:0 "
      "auto;max-width:80rem;padding:1rem;color:#1a1a1a;line-height:1.5}\n"
      "table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid "
      "#999;padding:.25rem .5rem;text-align:left;vertical-align:top}\n"
      "th{background:#e8eef5}caption{text-align:left;font-weight:bold}.warn{background:#fff4ce;"
      "border-left:.4rem solid #8a6100;padding:.5rem 1rem}\n"
      ".reveal{background:#fde7e9;border:2px solid #a4262c;padding:.5rem "
      "1rem}code{font-size:.9em}\n"
      "details{margin:.5rem "
      "0}summary{cursor:pointer;font-weight:bold}\n</style>\n</head>\n<body>\n<main>\n";
  h += "<h1>Anonimiseringsrapport: " + esc(report["site"]) + "</h1>\n";
  if (revealed)
    h += "<p class=\"reveal\"><strong>Vertrouwelijk:</strong> dit rapport bevat de oorspronkelijke "
         "gegevens. "
         "Alleen voor de Woo-coördinator; niet delen of publiceren.</p>\n";
  else
    h += "<p>Oorspronkelijke waarden staan alleen als gezouten hash in dit rapport: gelijke hashes "
         "zijn gelijke "
         "waarden.</p>\n";
  const auto& t = report["totals"];
  h += "<h2>Totalen</h2>\n<ul>\n<li>Documenten: " + esc(t["documents"]) +
       "</li>\n<li>Weglakkingen: " + esc(t["redactions"]) +
       "</li>\n<li>Gemarkeerde termen (bijzondere persoonsgegevens): " + esc(t["flags"]) +
       "</li>\n<li>Documenten zonder weglakking: " + esc(t["documentsWithoutRedactions"]) +
       "</li>\n<li>Personen opgegeven maar niet gevonden: " + esc(t["personsNotFound"]) +
       "</li>\n</ul>\n";
  for (const char* key : {"byCategory", "byRule"}) {
    h += std::string("<table>\n<caption>Per ") +
         (std::string(key) == "byCategory" ? "categorie" : "regel") +
         "</caption>\n<thead><tr><th scope=\"col\">" +
         (std::string(key) == "byCategory" ? "categorie" : "regel") +
         "</th><th scope=\"col\">aantal</th></tr></thead>\n<tbody>\n";
    for (const auto& [k, v] : t[key].items())
      h += "<tr><td>" + html_escape(k) + "</td><td>" + esc(v) + "</td></tr>\n";
    h += "</tbody>\n</table>\n";
  }
  h += "<h2>Documenten</h2>\n";
  for (const auto& d : report["documents"]) {
    h += "<section>\n<h3>" + esc(d["title"]) + " <small>(" + esc(d["path"]) + ", " +
         esc(d["status"]) + ")</small></h3>\n";
    if (d["redactions"].empty())
      h += "<p class=\"warn\"><strong>Let op:</strong> in dit document is niets weggelakt. "
           "Controleer of dat klopt.</p>\n";
    if (!d["personsNotFound"].empty()) {
      h += "<p class=\"warn\"><strong>Let op:</strong> opgegeven personen die niet in de tekst "
           "voorkomen (is de naam "
           "in het dossier goed gespeld?): ";
      bool first = true;
      for (const auto& p : d["personsNotFound"]) {
        h += (first ? "" : ", ") + esc(p["placeholder"]) + " <code>" +
             esc(revealed ? p["name"] : p["hash"]) + "</code>";
        first = false;
      }
      h += "</p>\n";
    }
    if (!d["redactions"].empty()) {
      h += "<table>\n<caption>Weglakkingen</caption>\n<thead><tr><th scope=\"col\">veld</th><th "
           "scope=\"col\">regel:kolom</th>"
           "<th scope=\"col\">categorie</th><th scope=\"col\">regel</th><th "
           "scope=\"col\">grond</th><th scope=\"col\">vervanging</th>"
           "<th scope=\"col\">" +
           std::string(revealed ? "origineel" : "hash") +
           "</th><th scope=\"col\">context</th></tr></thead>\n<tbody>\n";
      for (const auto& r : d["redactions"])
        h += "<tr><td>" + esc(r["field"]) + "</td><td>" + esc(r["line"]) + ":" + esc(r["col"]) +
             "</td><td>" + esc(r["category"]) + "</td><td>" + esc(r["rule"]) + "</td><td>" +
             esc(r["ground"]) + "</td><td>" + esc(r["replacement"]) + "</td><td><code>" +
             esc(r[revealed ? "original" : "hash"]) + "</code></td><td>" + esc(r["context"]) +
             "</td></tr>\n";
      h += "</tbody>\n</table>\n";
    }
    if (!d["flags"].empty()) {
      h += "<table>\n<caption>Gemarkeerd, niet weggelakt (beoordeel art. 5.1 lid 1 onder d "
           "Woo)</caption>\n<thead><tr>"
           "<th scope=\"col\">veld</th><th scope=\"col\">term</th><th "
           "scope=\"col\">categorie</th><th scope=\"col\">context</th></tr></thead>\n<tbody>\n";
      for (const auto& f : d["flags"])
        h += "<tr><td>" + esc(f["field"]) + "</td><td>" + esc(f["term"]) + "</td><td>" +
             esc(f["category"]) + "</td><td>" + esc(f["context"]) + "</td></tr>\n";
      h += "</tbody>\n</table>\n";
    }
    h += "</section>\n";
  }
  h += "</main>\n</body>\n</html>\n";
  return h;
}

}  // namespace

}  // namespace generator
