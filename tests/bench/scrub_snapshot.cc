// Everything scrub() decides on the benchmark texts and the annotated corpus, one line per
// redaction and flag, so that a change made for speed can be shown to change nothing:
//
//   build/tests/scrub_snapshot > before.txt     (at the old revision)
//   build/tests/scrub_snapshot > after.txt      (at the new one)
//   cmp before.txt after.txt
//
// Applying the redactions reproduces the output text, so they record it completely.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "anonymizer/scrub.h"
#include "bench_corpus.h"
#include "tests/anonymizer/annotated_text.h"

namespace {

using anonymizer::Allowlist;
using anonymizer::Persons;
using anonymizer::Profile;

void record(const std::string& name, std::string_view text, const Persons& persons,
            const Allowlist& allow, Profile profile) {
  auto result = anonymizer::scrub(text, persons, allow, {.profile = profile});
  std::printf("== %s %s: %zu redactions, %zu flags\n", name.c_str(),
              profile == Profile::kKinderen ? "kinderen" : "public", result.redactions.size(),
              result.flags.size());
  for (const auto& r : result.redactions) {
    std::printf("r %zu %zu %s %s %s %s\n", r.start, r.end, r.category.c_str(), r.rule.c_str(),
                r.ground.c_str(), r.replacement.c_str());
  }
  for (const auto& f : result.flags) {
    std::printf("f %zu %zu %s %s\n", f.start, f.end, f.term.c_str(), f.category.c_str());
  }
}

}  // namespace

int main() {
  namespace fs = std::filesystem;
  auto docs = bench::case_summaries();
  for (std::size_t i = 0; i < docs.size(); ++i) {
    for (Profile p : {Profile::kPublic, Profile::kKinderen}) {
      record("summary " + std::to_string(i), docs[i].text, docs[i].persons, bench::allowlist(), p);
    }
  }
  record("report", bench::long_report(1 << 16), {}, bench::allowlist(), Profile::kPublic);

  std::vector<fs::path> files;
  for (const auto& entry :
       fs::directory_iterator(fs::path(OMBUDSITE_SOURCE_DIR) / "tests/anonymizer/corpus")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream source;
    source << in.rdbuf();
    std::string error;
    auto doc = anonymizer::eval::parse_annotated(source.str(), file.filename().string(), &error);
    if (!doc) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    for (Profile p : {Profile::kPublic, Profile::kKinderen}) {
      record(file.filename().string(), doc->text, doc->persons, doc->allow, p);
    }
  }
  return 0;
}
