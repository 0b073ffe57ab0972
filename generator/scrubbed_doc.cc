#include "generator/scrubbed_doc.h"

#include "anonymizer/rules.h"
#include "generator/scrub_memo.h"

namespace generator {

std::string_view ground_mark(std::string_view ground) {
  if (ground == "5.1.1e") return "\xEE\x80\x82";
  if (ground == "5.1.1d") return "\xEE\x80\x83";
  return "\xEE\x80\x81";
}

std::string strip_marks(std::string_view marked) {
  std::string out;
  out.reserve(marked.size());
  // U+E000..U+E00F encode as EE 80 80..8F: copy the runs between them whole.
  std::size_t from = 0;
  for (std::size_t i = marked.find('\xEE'); i != std::string_view::npos;
       i = marked.find('\xEE', i + 1)) {
    if (i + 2 < marked.size() && static_cast<unsigned char>(marked[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(marked[i + 2]) & 0xF0) == 0x80) {
      out.append(marked.substr(from, i - from));
      from = i + 3;
      i += 2;
    }
  }
  out.append(marked.substr(from));
  return out;
}

namespace {

// Markdown would read "[verzoeker](" or "[kind 1]:" as link syntax; escaped brackets stay text.
std::string markdown_literal(std::string_view replacement) {
  std::string out;
  for (char c : replacement) {
    if (c == '[' || c == ']' || c == '*' || c == '_' || c == '\\' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

struct FieldScrubber {
  const anonymizer::Persons& persons;
  const anonymizer::Allowlist& allow;
  const anonymizer::RuleSet& rules;
  std::vector<AuditEntry>* audit;
  std::vector<AuditFlag>* flags;
  ScrubMemo* memo;
  int count = 0;

  // Input may carry our own marker characters; they are removed so nobody can forge markup.
  std::string scrub(const std::string& name, const std::string& raw, anonymizer::Profile profile,
                    bool markdown) {
    std::string text = strip_marks(raw);
    anonymizer::ScrubOptions options;
    options.profile = profile;
    options.rules = &rules;
    anonymizer::ScrubResult result;
    std::string key = memo ? ScrubMemo::key(text, persons, profile) : std::string();
    if (auto remembered = memo ? memo->find(key) : std::nullopt) {
      result = std::move(*remembered);
    } else {
      result = anonymizer::scrub(text, persons, allow, options);
      if (memo) memo->put(key, result);
    }
    count += static_cast<int>(result.redactions.size());
    if (flags)
      for (auto& f : result.flags) flags->push_back({name, f});
    if (audit)
      for (auto& r : result.redactions)
        audit->push_back({name, r, text.substr(r.start, r.end - r.start)});
    if (!markdown) return std::move(result.text);
    std::string out;
    std::size_t pos = 0;
    for (const auto& r : result.redactions) {
      out.append(text, pos, r.start - pos);
      pos = r.end;
      if (r.replacement.empty()) continue;  // e.g. a child's age, dropped without a trace
      out += kMarkOpen;
      out += ground_mark(r.ground);
      out += markdown_literal(r.replacement);
      out += kMarkClose;
    }
    out.append(text, pos);
    return out;
  }
};

}  // namespace

ScrubbedDoc scrub_document(const SourceDoc& doc, const anonymizer::Allowlist& allow,
                           const anonymizer::RuleSet& rules, std::vector<AuditEntry>* audit,
                           std::vector<AuditFlag>* flags, ScrubMemo* memo) {
  using anonymizer::Profile;
  FieldScrubber s{doc.persons, allow, rules, audit, flags, memo};
  PublicFields f;
  f.path = doc.path;
  f.kind = doc.kind;
  f.id = doc.id;
  f.date = doc.date;
  f.updated = doc.updated;
  f.body_line = doc.body_line;
  f.layout = doc.layout;
  if (auto it = doc.positions.find("layout"); it != doc.positions.end()) f.layout_pos = it->second;
  f.woo = doc.woo;
  f.weight = doc.weight;
  f.menu = doc.menu;
  f.draft = !doc.published();
  f.report_number = doc.report_number;
  f.title = s.scrub("title", doc.title, Profile::kPublic, false);
  f.summary = s.scrub("summary", doc.summary, Profile::kPublic, false);
  f.body_marked = s.scrub("body", doc.body, Profile::kPublic, true);
  f.municipality = s.scrub("municipality", doc.municipality, Profile::kPublic, false);
  f.outcome = doc.outcome;
  for (std::size_t i = 0; i < doc.themes.size(); ++i)
    f.themes.push_back(
        s.scrub("themes[" + std::to_string(i) + "]", doc.themes[i], Profile::kPublic, false));
  if (doc.kinderen) {
    KinderenVersion k;
    k.title = s.scrub("kinderen.title", doc.kinderen->title, Profile::kKinderen, false);
    k.summary = s.scrub("kinderen.summary", doc.kinderen->summary, Profile::kKinderen, false);
    k.body = s.scrub("kinderen.body", doc.kinderen->body, Profile::kKinderen, true);
    k.body_line = doc.kinderen->body_line;
    f.kinderen = std::move(k);
  }
  f.redaction_count = s.count;
  return ScrubbedDoc(ScrubbedDoc::Key(), std::move(f));
}

}  // namespace generator
