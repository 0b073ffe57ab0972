// Fuzz target: the leak scanner that verify runs over every output file. The input is a
// published file (HTML, JSON, XML: any bytes). Properties: every leak lies inside the input;
// a declared name put into the file, as it is or entity-escaped, is reported at its place.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "anonymizer/leak_scan.h"
#include "anonymizer/rules.h"

namespace {

const anonymizer::LeakScanner& scanner() {
  static const anonymizer::Persons persons = {{"Maria de Vries", "verzoeker"},
                                              {"Ahmed El Amrani", "buurman"}};
  static const anonymizer::LeakScanner s(persons, {}, anonymizer::RuleSet::builtin());
  return s;
}

[[noreturn]] void fail(const char* what, const std::string& text) {
  std::fprintf(stderr, "%s in:\n%s\n", what, text.c_str());
  std::abort();
}

// Whether a leak starts at `at` and covers at least `length` bytes.
bool reported(const std::vector<anonymizer::Leak>& leaks, std::size_t at, std::size_t length) {
  for (const auto& l : leaks) {
    if (l.offset <= at && at + length <= l.offset + l.length) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 16 * 1024) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  for (const auto& l : scanner().scan(text)) {
    if (l.offset > text.size() || l.length > text.size() - l.offset)
      fail("leak out of range", text);
  }
  // The name between two paragraphs of the input: nothing before or after can hide it.
  for (std::string_view name : {"Maria de Vries", "M&#97;ria de Vries", "Ahmed El &#x41;mrani"}) {
    std::string planted = "<p>" + text + "</p>\n<p>";
    std::size_t at = planted.size();
    planted += std::string(name) + "</p>\n";
    if (!reported(scanner().scan(planted), at, name.size())) fail("planted name missed", planted);
  }
  return 0;
}
