// The annotated corpus (tests/anonymizer/corpus/): policy thresholds over ~50 Dutch texts, with a
// table of figures per category and every miss listed as file:line.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "anonymizer/rules.h"
#include "anonymizer/scrub.h"
#include "tests/anonymizer/annotated_text.h"

namespace anonymizer::eval {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpusDir = fs::path(OMBUDSITE_SOURCE_DIR) / "tests/anonymizer/corpus";

const std::vector<std::string> kStructured = {"bsn",           "iban",     "telefoon",
                                              "email",         "adres",    "postcode",
                                              "geboortedatum", "kenteken", "kenmerk"};

struct Run {
  AnnotatedText doc;
  ScrubResult result;
  std::string error;  // what scrub() threw, if it did
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<AnnotatedText> load_corpus() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kCorpusDir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<AnnotatedText> docs;
  for (const auto& file : files) {
    std::string error;
    auto doc = parse_annotated(read_file(file), "corpus/" + file.filename().string(), &error);
    INFO(error);
    REQUIRE(doc.has_value());
    docs.push_back(std::move(*doc));
  }
  return docs;
}

// Scrubbed once and shared by the test cases below.
const std::vector<Run>& corpus_runs() {
  static const std::vector<Run> runs = [] {
    std::vector<Run> out;
    for (auto& doc : load_corpus()) {
      ScrubOptions options;
      options.profile = doc.profile;
      Run run{std::move(doc), {}, {}};
      // One throwing text must not hide the figures of all the others.
      try {
        run.result = scrub(run.doc.text, run.doc.persons, run.doc.allow, options);
      } catch (const std::exception& e) {
        run.error = e.what();
      }
      out.push_back(std::move(run));
    }
    return out;
  }();
  return runs;
}

bool is_valid_bsn(std::string_view digits) {
  if (digits.size() != 9) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(digits[i]))) return false;
    sum += (digits[i] - '0') * (i == 8 ? -1 : 9 - i);
  }
  return sum % 11 == 0;
}

bool is_valid_iban(std::string_view iban) {
  std::string compact;
  for (char c : iban) {
    if (c != ' ') compact.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (compact.size() < 15 || compact.size() > 34) return false;
  std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z') {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c))) d.push_back(c);
  }
  return d;
}

// Latin letters with diacritics seen in Dutch, Turkish, Polish and Surinamese names:
// lower case, upper case, and the plain letter they fold to.
struct Letter {
  std::string_view lower, upper, plain;
};
constexpr Letter kLetters[] = {
    {"á", "Á", "a"}, {"à", "À", "a"}, {"â", "Â", "a"}, {"ä", "Ä", "a"}, {"ą", "Ą", "a"},
    {"ç", "Ç", "c"}, {"ć", "Ć", "c"}, {"é", "É", "e"}, {"è", "È", "e"}, {"ê", "Ê", "e"},
    {"ë", "Ë", "e"}, {"ę", "Ę", "e"}, {"ğ", "Ğ", "g"}, {"í", "Í", "i"}, {"ï", "Ï", "i"},
    {"ı", "I", "i"}, {"ł", "Ł", "l"}, {"ñ", "Ñ", "n"}, {"ń", "Ń", "n"}, {"ó", "Ó", "o"},
    {"ô", "Ô", "o"}, {"ö", "Ö", "o"}, {"ş", "Ş", "s"}, {"ś", "Ś", "s"}, {"ú", "Ú", "u"},
    {"ü", "Ü", "u"}, {"ż", "Ż", "z"}, {"ź", "Ź", "z"},
};

std::string map_letters(std::string_view word, bool to_upper, bool fold) {
  std::string out;
  for (std::size_t i = 0; i < word.size();) {
    bool done = false;
    for (const auto& l : kLetters) {
      for (auto form : {l.lower, l.upper}) {
        if (word.substr(i, form.size()) == form) {
          std::string plain(l.plain);
          if (to_upper) plain[0] = static_cast<char>(std::toupper(plain[0]));
          out += fold ? plain : std::string(to_upper ? l.upper : form);
          i += form.size();
          done = true;
          break;
        }
      }
      if (done) break;
    }
    if (done) continue;
    char c = word[i++];
    out.push_back(to_upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
  }
  return out;
}

bool is_particle(std::string_view word) {
  static const std::vector<std::string_view> kParticles = {
      "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "la", "le", "du"};
  std::string lower;
  for (char c : word)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return std::find(kParticles.begin(), kParticles.end(), lower) != kParticles.end();
}

// The name parts of a declared person that must never survive, in every written form the
// policy lists: as written, ALL CAPS, without diacritics. Parts of two letters are left out.
std::vector<std::string> leak_forms(const Person& person) {
  std::vector<std::string> forms;
  std::string name = person.name;
  std::replace(name.begin(), name.end(), '-', ' ');
  std::istringstream words(name);
  for (std::string word; words >> word;) {
    if (is_particle(word) || word.size() < 3) continue;
    for (auto form : {word, map_letters(word, true, false), map_letters(word, false, true),
                      map_letters(word, true, true)}) {
      if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
    }
  }
  return forms;
}

bool is_letter(unsigned char c) {
  return std::isalpha(c) || c >= 0x80;
}

// A whole-word occurrence, also as a possessive ("Ahmeds", "Maria's").
bool contains_word(std::string_view text, std::string_view word) {
  for (auto pos = text.find(word); pos != std::string_view::npos; pos = text.find(word, pos + 1)) {
    if (pos > 0 && is_letter(text[pos - 1])) continue;
    std::size_t after = pos + word.size();
    auto letter_at = [&](std::size_t i) { return i < text.size() && is_letter(text[i]); };
    if (!letter_at(after)) return true;
    if (text[after] == 's' && !letter_at(after + 1)) return true;
  }
  return false;
}

// Every non-blank byte of the span lies inside some redaction.
bool covered(const ExpectedSpan& span, const std::vector<Redaction>& redactions) {
  for (std::size_t i = span.start; i < span.end; ++i) {
    if (span.text[i - span.start] == ' ') continue;
    bool inside = std::any_of(redactions.begin(), redactions.end(),
                              [&](const Redaction& r) { return r.start <= i && i < r.end; });
    if (!inside) return false;
  }
  return true;
}

bool touched(const ExpectedSpan& span, const std::vector<Redaction>& redactions) {
  return std::any_of(redactions.begin(), redactions.end(),
                     [&](const Redaction& r) { return r.start < span.end && span.start < r.end; });
}

bool category_matches(const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  if (expected == "postcode") return actual == "adres";
  if (expected == "leeftijd") return actual == "naam";
  return false;
}

struct Tally {
  int total = 0;
  int found = 0;
  int wrong_category = 0;
  double recall() const { return total == 0 ? 1.0 : static_cast<double>(found) / total; }
};

struct Report {
  std::map<std::string, Tally> rows;  // "naam (declared)", "bsn", ..., "keep", "flag"
  std::vector<std::string> misses;
  std::vector<std::string> notes;  // wrong categories: found, but under another category
  int declared_variant_leaks = 0;

  Tally sum(const std::vector<std::string>& keys) const {
    Tally t;
    for (const auto& k : keys) {
      auto it = rows.find(k);
      if (it == rows.end()) continue;
      t.total += it->second.total;
      t.found += it->second.found;
    }
    return t;
  }
};

// The output with every untouched keep span blanked out: an allowlisted "Anne Mulder" may stay
// although a declared "Gert-Jan Mulder" must not.
std::string masked_keep_spans(const Run& run) {
  std::string output = run.result.text;
  const auto& reds = run.result.redactions;
  for (const auto& span : run.doc.spans) {
    if ((span.kind != SpanKind::kKeep && span.kind != SpanKind::kFlag) || touched(span, reds)) {
      continue;
    }
    std::ptrdiff_t shift = 0;
    for (const auto& r : reds) {
      if (r.end > span.start) break;
      shift += static_cast<std::ptrdiff_t>(r.replacement.size()) -
               static_cast<std::ptrdiff_t>(r.end - r.start);
    }
    auto out_start = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(span.start) + shift);
    if (out_start + (span.end - span.start) <= output.size()) {
      output.replace(out_start, span.end - span.start, span.end - span.start, ' ');
    }
  }
  return output;
}

std::string where(const AnnotatedText& doc, const ExpectedSpan& span) {
  return doc.name + ":" + std::to_string(span.line) + ": ";
}

void evaluate(const Run& run, Report& report) {
  const auto& doc = run.doc;
  const auto& reds = run.result.redactions;
  for (const auto& span : doc.spans) {
    std::string row = span.category;
    if (span.kind == SpanKind::kRedact && span.category == "naam") row = "naam (declared)";
    if (span.kind == SpanKind::kDetect) row = "naam (detected)";
    Tally& tally = report.rows[row];
    ++tally.total;
    bool ok = false;
    std::string miss;
    switch (span.kind) {
    case SpanKind::kRedact:
    case SpanKind::kDetect:
      ok = covered(span, reds);
      miss = row + " '" + span.text + "' not redacted";
      if (ok) {
        bool any = std::any_of(reds.begin(), reds.end(), [&](const Redaction& r) {
          return r.start < span.end && span.start < r.end &&
                 category_matches(span.category, r.category);
        });
        if (!any) {
          ++tally.wrong_category;
          report.notes.push_back(where(doc, span) + row + " '" + span.text +
                                 "' redacted under another category");
        }
      }
      break;
    case SpanKind::kKeep:
      ok = !touched(span, reds);
      miss = "keep '" + span.text + "' was redacted";
      break;
    case SpanKind::kFlag: {
      const auto& flags = run.result.flags;
      ok = std::any_of(flags.begin(), flags.end(),
                       [&](const Flag& f) { return f.start < span.end && span.start < f.end; });
      miss = "flag '" + span.text + "' not flagged";
      Tally& kept = report.rows["keep"];
      ++kept.total;
      if (touched(span, reds)) {
        report.misses.push_back(where(doc, span) + "keep '" + span.text +
                                "' (a flagged term) was redacted");
      } else {
        ++kept.found;
      }
      break;
    }
    }
    if (ok) {
      ++tally.found;
    } else {
      report.misses.push_back(where(doc, span) + miss);
    }
  }
  std::string output = masked_keep_spans(run);
  for (const auto& person : doc.persons) {
    for (const auto& form : leak_forms(person)) {
      if (contains_word(output, form)) {
        ++report.declared_variant_leaks;
        report.misses.push_back(doc.name + ": declared person '" + person.name + "' leaks as '" +
                                form + "' in the output");
      }
    }
  }
}

// "at byte N: '…expected…' became '…actual…'", with a little context; empty when equal.
std::string first_difference(const std::string& expected, const std::string& actual) {
  if (expected == actual) return "";
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
  std::size_t from = i < 30 ? 0 : i - 30;
  return "at byte " + std::to_string(i) + ": '" + expected.substr(from, 60) + "' became '" +
         actual.substr(from, 60) + "'";
}

void print_report(const Report& report) {
  std::printf("\ncorpus evaluation (%zu texts)\n", corpus_runs().size());
  std::printf("  %-18s %7s %7s %8s %9s\n", "category", "found", "total", "recall", "other-cat");
  for (const auto& [row, t] : report.rows) {
    std::printf("  %-18s %7d %7d %8.3f %9d\n", row.c_str(), t.found, t.total, t.recall(),
                t.wrong_category);
  }
  std::printf("  declared-name variants left in output: %d\n", report.declared_variant_leaks);
  std::printf("misses (%zu):\n", report.misses.size());
  for (const auto& m : report.misses) std::printf("  %s\n", m.c_str());
  if (!report.notes.empty()) {
    std::printf("found under another category (%zu):\n", report.notes.size());
    for (const auto& n : report.notes) std::printf("  %s\n", n.c_str());
  }
  std::fflush(stdout);
}

TEST_CASE("annotated text markup", "[corpus]") {
  auto [source, plain, kind, category, span_text, line] =
      GENERATE(table<std::string, std::string, SpanKind, std::string, std::string, int>({
          {"profile: public\n---\nBel {{telefoon:06-12345678}} nu.", "Bel 06-12345678 nu.\n",
           SpanKind::kRedact, "telefoon", "06-12345678", 3},
          {"---\nZie {{naam?:mevrouw Bakker}}.", "Zie mevrouw Bakker.\n", SpanKind::kDetect, "naam",
           "mevrouw Bakker", 2},
          {"# comment\n\n---\nA\nde <<Anne Frankstraat>>", "A\nde Anne Frankstraat\n",
           SpanKind::kKeep, "keep", "Anne Frankstraat", 5},
          {"---\nhaar [[flag:verslaving]]", "haar verslaving\n", SpanKind::kFlag, "flag",
           "verslaving", 2},
      }));
  std::string error;
  auto doc = parse_annotated(source, "t.txt", &error);
  INFO(error);
  REQUIRE(doc.has_value());
  CHECK(doc->text == plain);
  REQUIRE(doc->spans.size() == 1);
  const auto& span = doc->spans[0];
  CHECK(span.kind == kind);
  CHECK(span.category == category);
  CHECK(span.text == span_text);
  CHECK(doc->text.substr(span.start, span.end - span.start) == span_text);
  CHECK(span.line == line);
}

TEST_CASE("annotated text header", "[corpus]") {
  std::string error;
  auto doc = parse_annotated(
      "persons: Maria de Vries=verzoeker; Daan de Vries = kind\n"
      "allow-persons: Anne Mulder; mevrouw Mulder\nallow-emails: info@ombudsman.example.nl\n"
      "allow-terms: Jacob Bontiusplaats\nprofile: kinderen\n---\ntekst\n",
      "t.txt", &error);
  INFO(error);
  REQUIRE(doc.has_value());
  REQUIRE(doc->persons.size() == 2);
  CHECK(doc->persons[1].name == "Daan de Vries");
  CHECK(doc->persons[1].role == "kind");
  CHECK(doc->allow.persons == std::vector<std::string>{"Anne Mulder", "mevrouw Mulder"});
  CHECK(doc->allow.emails == std::vector<std::string>{"info@ombudsman.example.nl"});
  CHECK(doc->allow.terms == std::vector<std::string>{"Jacob Bontiusplaats"});
  CHECK(doc->profile == Profile::kKinderen);
}

TEST_CASE("annotated text errors name file and line", "[corpus]") {
  auto [source, message] = GENERATE(table<std::string, std::string>({
      {"---\nBel {{telefoon:06-1234", "t.txt:2: '{{' is not closed on the same line"},
      {"---\nBel {{fax:06-1234}}", "t.txt:2: unknown category 'fax'"},
      {"---\nok\nzo >> niet", "t.txt:3: '>>' closes nothing"},
      {"persons: Maria\n---\n", "t.txt:1: person 'Maria' has no =role"},
      {"profile: kids\n---\n", "t.txt:1: profile must be public or kinderen, not 'kids'"},
      {"kleur: rood\n---\n", "t.txt:1: unknown header key 'kleur'"},
      {"profile: public\n", "t.txt:1: no '---' line between header and text"},
      {"---\n[[gezondheid:astma]]", "t.txt:2: only [[flag:...]] is known"},
  }));
  std::string error;
  CHECK_FALSE(parse_annotated(source, "t.txt", &error).has_value());
  CHECK(error == message);
}

TEST_CASE("the harness's own checksums", "[corpus]") {
  auto [value, bsn, iban] = GENERATE(table<std::string, bool, bool>({
      {"123456782", true, false},
      {"111222333", true, false},
      {"123456789", false, false},
      {"NL91 ABNA 0417 1643 00", false, true},
      {"NL91ABNA0417164301", false, false},
      {"BE68539007547034", false, true},
  }));
  CAPTURE(value);
  CHECK(is_valid_bsn(value) == bsn);
  CHECK(is_valid_iban(value) == iban);
}

TEST_CASE("the corpus covers the policy", "[corpus]") {
  const auto docs = load_corpus();
  CHECK(docs.size() >= 45);
  std::map<std::string, int> counts;
  int kinderen = 0;
  for (const auto& doc : docs) {
    INFO(doc.name);
    auto words = count_words(doc.text);
    CHECK(words >= 80);
    CHECK(words <= 300);
    if (doc.profile == Profile::kKinderen) ++kinderen;
    for (const auto& span : doc.spans) {
      INFO(doc.name << ":" << span.line << ": " << span.text);
      std::string key = span.kind == SpanKind::kDetect ? "naam?" : span.category;
      ++counts[key];
      if (span.kind == SpanKind::kRedact && span.category == "bsn") {
        CHECK(is_valid_bsn(digits_of(span.text)));
      }
      if (span.kind == SpanKind::kRedact && span.category == "iban") {
        CHECK(is_valid_iban(span.text));
      }
    }
    // Every number that passes the elfproef must be a BSN the corpus expects to be redacted.
    for (std::size_t i = 0; i + 9 <= doc.text.size(); ++i) {
      auto digit = [&](std::size_t k) {
        return k < doc.text.size() && std::isdigit(static_cast<unsigned char>(doc.text[k]));
      };
      if ((i > 0 && digit(i - 1)) || digit(i + 9)) continue;
      std::string nine = doc.text.substr(i, 9);
      if (digits_of(nine).size() != 9 || !is_valid_bsn(nine)) continue;
      bool expected = std::any_of(doc.spans.begin(), doc.spans.end(), [&](const ExpectedSpan& s) {
        return s.kind == SpanKind::kRedact && s.start <= i && i + 9 <= s.end;
      });
      INFO("unannotated valid BSN " << nine);
      CHECK(expected);
    }
  }
  CHECK(kinderen >= 4);
  for (const auto& category : kStructured) {
    INFO(category);
    CHECK(counts[category] >= 5);
  }
  CHECK(counts["naam"] >= 100);
  CHECK(counts["naam?"] >= 30);
  CHECK(counts["leeftijd"] >= 3);
  CHECK(counts["keep"] >= 150);
  CHECK(counts["flag"] >= 15);
}

TEST_CASE("corpus: scrub meets the policy thresholds", "[corpus][eval]") {
  Report report;
  for (const auto& run : corpus_runs()) {
    INFO(run.doc.name);
    CHECK(run.error.empty());
    if (!run.error.empty()) report.misses.push_back(run.doc.name + ": scrub threw " + run.error);
    evaluate(run, report);
  }
  print_report(report);

  Tally declared = report.rows["naam (declared)"];
  Tally structured = report.sum(kStructured);
  Tally detected = report.sum({"naam (detected)", "leeftijd"});
  Tally keep = report.rows["keep"];
  Tally flag = report.rows["flag"];
  std::printf("  declared names %d/%d, structured %.3f, detected %.3f, keep %.3f, flags %d/%d\n",
              declared.found, declared.total, structured.recall(), detected.recall(), keep.recall(),
              flag.found, flag.total);

  CHECK(declared.found == declared.total);
  CHECK(report.declared_variant_leaks == 0);
  CHECK(structured.recall() >= 0.99);
  CHECK(detected.recall() >= 0.90);
  CHECK(keep.recall() >= 0.95);
  CHECK(flag.found == flag.total);
}

TEST_CASE("corpus: redactions reproduce the output and scrubbing is idempotent", "[corpus][eval]") {
  for (const auto& run : corpus_runs()) {
    INFO(run.doc.name);
    CHECK(run.error.empty());
    if (!run.error.empty()) continue;
    const auto& input = run.doc.text;
    const auto& result = run.result;
    std::string rebuilt;
    std::size_t pos = 0;
    for (const auto& r : result.redactions) {
      INFO("redaction at " << r.start << ".." << r.end << " (" << r.rule << ")");
      REQUIRE(r.start >= pos);
      REQUIRE(r.end > r.start);
      REQUIRE(r.end <= input.size());
      CHECK_FALSE(r.category.empty());
      CHECK_FALSE(r.rule.empty());
      CHECK_FALSE(r.ground.empty());
      rebuilt += input.substr(pos, r.start - pos);
      rebuilt += r.replacement;
      pos = r.end;
    }
    rebuilt += input.substr(pos);
    INFO("rebuilt output differs " << first_difference(result.text, rebuilt));
    CHECK(rebuilt == result.text);

    ScrubOptions options;
    options.profile = run.doc.profile;
    ScrubResult again;
    CHECK_NOTHROW(again = scrub(result.text, run.doc.persons, run.doc.allow, options));
    INFO("second scrub changes the output " << first_difference(result.text, again.text));
    CHECK(again.text == result.text);
  }
}

TEST_CASE("corpus: every rule match holds a character the rule says it needs", "[corpus][rules]") {
  // needs_one_of lets detect() skip text without those characters: a rule that matched without
  // one would be skipped where it should not. The same rules without the skip must agree.
  std::string error;
  auto unskipped = RuleSet::with_extra(nlohmann::json::parse(R"([{"id": "zonder-needs",
      "category": "test", "pattern": "nooit-gezien-f7c1", "ground": "5.1.2e",
      "replacement": "[x]"}])"),
                                       &error);
  REQUIRE(unskipped);
  const RuleSet& rules = RuleSet::builtin();
  std::size_t checked = 0;
  for (const auto& doc : load_corpus()) {
    for (Profile profile : {Profile::kPublic, Profile::kKinderen}) {
      auto found = rules.detect(doc.text, doc.allow, profile);
      CHECK(found.size() == unskipped->detect(doc.text, doc.allow, profile).size());
      for (const auto& c : found) {
        auto spec = std::find_if(rules.specs().begin(), rules.specs().end(),
                                 [&](const RuleSpec& s) { return s.id == c.rule; });
        REQUIRE(spec != rules.specs().end());
        std::string span = doc.text.substr(c.start, c.end - c.start);
        CAPTURE(doc.name, c.rule, span);
        CHECK(span.find_first_of(spec->needs_one_of) != std::string::npos);
        ++checked;
      }
    }
  }
  CHECK(checked > 200);
}

}  // namespace
}  // namespace anonymizer::eval
