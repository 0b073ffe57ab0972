// Evaluation on the regression cases of the Dutch de-identification tool deduce
// (../shared/eval/deduce, see its README): recall and false positives per file, with empty persons
// and allowlist. deduce was made for medical records, so some of its labels fall outside our
// policy; those are excluded below with the reason, and the test prints them.

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "anonymizer/scrub.h"

namespace anonymizer {
namespace {

namespace fs = std::filesystem;

const fs::path kDeduceDir = fs::path(OMBUDSITE_SHARED_DIR) / "eval/deduce";

struct Annotation {
  std::size_t start = 0;  // bytes
  std::size_t end = 0;
  std::string tag;
  std::string text;
};

struct Example {
  int id = 0;
  std::string text;
  std::vector<Annotation> annotations;
};

/// Examples left out of a file's recall, and why.
struct Exclusion {
  std::set<int> ids;
  std::string reason;
};

struct FileSpec {
  std::string file;
  std::string tag;  // the annotations that count for recall
  double min_recall = 0.95;
  std::string other_tags_reason;  // why annotations with another tag do not count
  std::vector<Exclusion> excluded;
  std::set<int> kinderen;  // examples scored under the kinderen profile
  std::string kinderen_reason;
};

// Byte offset of code point `cp` in UTF-8 `text`.
std::size_t byte_offset(std::string_view text, std::size_t cp) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (seen == cp) return i;
    ++seen;
  }
  return text.size();
}

std::vector<Example> load_examples(const std::string& file) {
  std::ifstream in(kDeduceDir / file);
  REQUIRE(in.good());
  auto json = nlohmann::json::parse(in);
  std::vector<Example> examples;
  for (const auto& e : json.at("examples")) {
    Example ex;
    ex.id = e.at("id").get<int>();
    ex.text = e.at("text").get<std::string>();
    for (const auto& a : e.at("annotations")) {
      Annotation ann;
      ann.start = byte_offset(ex.text, a.at("start_char").get<std::size_t>());
      ann.end = byte_offset(ex.text, a.at("end_char").get<std::size_t>());
      ann.tag = a.at("tag").get<std::string>();
      ann.text = a.at("text").get<std::string>();
      REQUIRE(ex.text.substr(ann.start, ann.end - ann.start) == ann.text);
      ex.annotations.push_back(std::move(ann));
    }
    examples.push_back(std::move(ex));
  }
  return examples;
}

bool is_title_token(std::string_view token) {
  static const std::set<std::string> kTitles = {
      "dr", "prof", "mr",   "ir",       "ing",    "drs", "mevrouw",        "mevr",
      "mw", "dhr",  "heer", "mijnheer", "meneer", "de",  "weledelgeleerde"};
  std::string word;
  bool any = false;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    if (i == token.size() || token[i] == '.') {
      if (!word.empty()) {
        if (!kTitles.count(word)) return false;
        any = true;
      }
      word.clear();
    } else {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(token[i]))));
    }
  }
  return any;
}

// deduce marks titles as part of a name ("Dr. A.B. Visser"); the policy keeps honorifics and
// titles in the text ("mevrouw [naam]"), so the leading titles need not be covered.
std::size_t name_start(const Example& ex, const Annotation& a) {
  std::size_t pos = a.start;
  while (pos < a.end) {
    std::size_t next = pos;
    while (next < a.end && ex.text[next] != ' ') ++next;
    if (next == a.end || !is_title_token(std::string_view(ex.text).substr(pos, next - pos))) break;
    pos = next + 1;
  }
  return pos;
}

bool covered(std::size_t start, std::size_t end, const std::string& text,
             const std::vector<Redaction>& redactions) {
  for (std::size_t i = start; i < end; ++i) {
    if (text[i] == ' ') continue;
    bool inside = std::any_of(redactions.begin(), redactions.end(),
                              [&](const Redaction& r) { return r.start <= i && i < r.end; });
    if (!inside) return false;
  }
  return true;
}

struct FileResult {
  int total = 0, found = 0, excluded = 0;
  int fp_unannotated = 0;  // redactions on examples without any annotation
  int fp_outside = 0;      // redactions overlapping no annotation on annotated examples
  std::vector<std::string> misses, false_positives;
  double recall() const { return total == 0 ? 1.0 : static_cast<double>(found) / total; }
};

FileResult evaluate(const FileSpec& spec) {
  FileResult res;
  for (const auto& ex : load_examples(spec.file)) {
    ScrubOptions options;
    if (spec.kinderen.count(ex.id)) options.profile = Profile::kKinderen;
    auto result = scrub(ex.text, {}, {}, options);
    bool is_excluded = std::any_of(spec.excluded.begin(), spec.excluded.end(),
                                   [&](const Exclusion& x) { return x.ids.count(ex.id) > 0; });
    for (const auto& a : ex.annotations) {
      if (a.tag != spec.tag) continue;
      if (is_excluded) {
        ++res.excluded;
        continue;
      }
      ++res.total;
      std::size_t from = spec.tag == "persoon" ? name_start(ex, a) : a.start;
      if (covered(from, a.end, ex.text, result.redactions)) {
        ++res.found;
      } else {
        res.misses.push_back("id " + std::to_string(ex.id) + ": '" + a.text + "' in '" + ex.text +
                             "' -> '" + result.text + "'");
      }
    }
    for (const auto& r : result.redactions) {
      bool inside = std::any_of(ex.annotations.begin(), ex.annotations.end(),
                                [&](const auto& a) { return r.start < a.end && a.start < r.end; });
      if (inside) continue;
      (ex.annotations.empty() ? res.fp_unannotated : res.fp_outside)++;
      res.false_positives.push_back("id " + std::to_string(ex.id) + ": '" +
                                    ex.text.substr(r.start, r.end - r.start) + "' (" + r.rule +
                                    ") in '" + ex.text + "'");
    }
  }
  return res;
}

void print(const FileSpec& spec, const FileResult& res) {
  std::printf(
      "\ndeduce/%s (tag %s): recall %d/%d = %.3f (min %.2f), false positives: %d on "
      "unannotated examples, %d outside annotations\n",
      spec.file.c_str(), spec.tag.c_str(), res.found, res.total, res.recall(), spec.min_recall,
      res.fp_unannotated, res.fp_outside);
  if (!spec.other_tags_reason.empty()) {
    std::printf("  other tags not counted: %s\n", spec.other_tags_reason.c_str());
  }
  for (const auto& x : spec.excluded) {
    std::string ids;
    for (int id : x.ids) ids += (ids.empty() ? "" : ",") + std::to_string(id);
    std::printf("  excluded ids %s: %s\n", ids.c_str(), x.reason.c_str());
  }
  if (!spec.kinderen.empty()) std::printf("  kinderen profile: %s\n", spec.kinderen_reason.c_str());
  for (const auto& m : res.misses) std::printf("  miss %s\n", m.c_str());
  for (const auto& f : res.false_positives) std::printf("  false positive %s\n", f.c_str());
  std::fflush(stdout);
}

const std::string kNotByContext =
    "a surname alone, without honorific, relation word or first name: the policy finds "
    "undeclared names by context only (deduce uses a surname list from its medical setting)";

TEST_CASE("deduce evaluation", "[deduce][eval]") {
  const std::vector<FileSpec> specs = {
      {"names.json",
       "persoon",
       0.80,
       "",
       {{{24, 25, 26, 27, 28, 55, 56, 57, 76, 79, 120, 121, 122}, kNotByContext}},
       {40, 41, 42, 43, 82, 83, 117, 118, 119},
       "ids 40-43, 82, 83, 117-119 are lone first names; the public profile keeps a first name "
       "without context, the kinderen profile replaces every detected first name"},
      {"phone_numbers.json",
       "telefoonnummer",
       0.95,
       "",
       {{{35}, "0800 number: an organisational service number, kept by the policy"},
        {{42, 43}, "one digit too many or too few: not a Dutch telephone number"}},
       {},
       ""},
      {"emails.json", "emailadres", 0.95, "", {}, {}, ""},
      {"identifiers.json",
       "bsn",
       0.95,
       "tag 'id' (patient, serial and other bare numbers) is not covered: the policy redacts a "
       "bare number only as a BSN passing the elfproef, and file numbers only after a kenmerk "
       "word (klantnummer, dossiernummer, ...), because bare numbers cannot be told apart from "
       "amounts, counts and case ids",
       {},
       {},
       ""},
  };
  for (const auto& spec : specs) {
    SECTION(spec.file) {
      auto res = evaluate(spec);
      print(spec, res);
      CHECK(res.total > 0);
      CHECK(res.recall() >= spec.min_recall);
    }
  }
}

TEST_CASE("deduce offsets are code points", "[deduce]") {
  auto [text, cp, byte] = GENERATE(table<std::string, std::size_t, std::size_t>({
      {"abc", 1, 1},
      {"Öztürk belt", 6, 8},
      {"€ 5", 2, 4},
      {"Öz", 2, 3},
  }));
  CAPTURE(text, cp);
  CHECK(byte_offset(text, cp) == byte);
}

}  // namespace
}  // namespace anonymizer
