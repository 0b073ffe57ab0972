// Fuzz target: the document loader (front matter YAML, JSON records, validation). It must never
// crash, hang or throw; a rejected document must come with at least one error.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "generator/content_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the kind of file, the rest is its text.
  static const char* const kPaths[] = {"content/zaken/2025-00001.md", "content/rapporten/r.md",
                                       "content/over.md", "content/zaken/2025-00002.json"};
  const std::string path = kPaths[data[0] % 4];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  generator::Diagnostics diags;
  auto doc = generator::parse_document(text, path, diags);
  if (!doc && !diags.has_errors()) std::abort();  // rejected without saying why
  if (doc) {
    for (const auto& d : diags.sorted()) {
      if (d.path != path) std::abort();  // every diagnostic names the file
    }
  }
  return 0;
}
