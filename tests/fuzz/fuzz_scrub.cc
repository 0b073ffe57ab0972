// Fuzz target: the scrubber. The first input byte picks a declared person, the rest is the text.
// Properties: no mention of the person's full name survives (as a whole word), applying the
// reported redactions to the input reproduces the output exactly, the flags are those of the
// walk over every byte, and skipping text by needs_one_of loses no rule match.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "anonymizer/rules.h"
#include "anonymizer/scrub.h"
#include "anonymizer/utf8.h"

namespace {

bool is_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// True when `name` occurs in `text` with no letter or digit right before or after it.
bool contains_word(std::string_view text, std::string_view name) {
  for (std::size_t pos = text.find(name); pos != std::string_view::npos;
       pos = text.find(name, pos + 1)) {
    const bool before = pos > 0 && is_word_byte(static_cast<unsigned char>(text[pos - 1]));
    const std::size_t end = pos + name.size();
    const bool after = end < text.size() && is_word_byte(static_cast<unsigned char>(text[end]));
    if (!before && !after) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 16 * 1024) return 0;
  static const anonymizer::Persons kPeople[] = {
      {{"Maria de Vries", "verzoeker"}},
      {{"Kim Jansen-de Wit", "verzoeker"}, {"Tommy Jansen", "kind"}},
      {{"Ahmed El Amrani", "buurman"}},
      {{"Karel Jansen", "verzoeker"}, {"Anna Jansen", "partner"}},
  };
  const anonymizer::Persons& persons = kPeople[data[0] % 4];
  const auto profile =
      (data[0] & 4) ? anonymizer::Profile::kKinderen : anonymizer::Profile::kPublic;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!anonymizer::utf8::is_valid(text)) return 0;  // callers check UTF-8 first
  anonymizer::Allowlist allow;
  allow.persons = {"Anne Mulder"};
  anonymizer::ScrubResult result = anonymizer::scrub(text, persons, allow, {.profile = profile});

  for (const auto& person : persons) {
    if (contains_word(result.text, person.name)) {
      std::fprintf(stderr, "declared name '%s' survived:\n%s\n", person.name.c_str(),
                   result.text.c_str());
      std::abort();
    }
  }
  std::string rebuilt;
  std::size_t at = 0;
  for (const auto& r : result.redactions) {
    if (r.start < at || r.end < r.start || r.end > text.size()) std::abort();  // unsorted/overlap
    rebuilt.append(text.substr(at, r.start - at));
    rebuilt.append(r.replacement);
    at = r.end;
  }
  rebuilt.append(text.substr(at));
  if (rebuilt != result.text) {
    std::fprintf(stderr, "redactions do not reproduce the output\n");
    std::abort();
  }
  // scrub() looks for flag terms at word starts only; the walk over every byte must agree.
  auto walk = anonymizer::RuleSet::builtin().flags(text);
  bool same_flags = walk.size() == result.flags.size();
  for (std::size_t i = 0; same_flags && i < walk.size(); ++i)
    same_flags = walk[i].start == result.flags[i].start && walk[i].end == result.flags[i].end &&
                 walk[i].term == result.flags[i].term;
  if (!same_flags) {
    std::fprintf(stderr, "flags differ from the byte walk's\n");
    std::abort();
  }
  // Text without a digit or '@' is not searched for the built-in rules (needs_one_of): the same
  // rules plus one that declares nothing, so that nothing is skipped, must find the same.
  static const auto unskipped = [] {
    std::string error;
    return anonymizer::RuleSet::with_extra(nlohmann::json::parse(R"([{"id": "zonder-needs",
        "category": "test", "pattern": "nooit-gezien-f7c1", "ground": "5.1.2e",
        "replacement": "[x]"}])"),
                                           &error);
  }();
  auto skipped = anonymizer::RuleSet::builtin().detect(text, allow, profile);
  auto searched = unskipped->detect(text, allow, profile);
  bool same_found = skipped.size() == searched.size();
  for (std::size_t i = 0; same_found && i < skipped.size(); ++i)
    same_found = skipped[i].start == searched[i].start && skipped[i].end == searched[i].end &&
                 skipped[i].rule == searched[i].rule;
  if (!same_found) {
    std::fprintf(stderr, "skipping text without the characters rules need lost a match\n");
    std::abort();
  }
  return 0;
}
