// field_position: where a redaction in a scrubbed field stands in the content file, for the
// audit report and the serve preview.

#include "generator/source_doc.h"

#include <catch2/catch.hpp>
#include <string>

using generator::SourceDoc;

TEST_CASE("field_position maps a field offset to the source file", "[audit]") {
  SourceDoc doc;
  doc.path = "content/zaken/2025-00001.md";
  doc.body = "Eerste regel.\nTweede regel met Jansen.\n";
  doc.body_line = 9;
  doc.kinderen = generator::KinderenVersion{"Titel", "Kort", "Een.\nTwee Jansen.\n", 20};
  doc.positions["title"] = {2, 8};
  auto [field, offset, line, col] = GENERATE(table<std::string, std::size_t, int, int>({
      {"body", 0, 9, 1},
      {"body", 31, 10, 18},          // "Jansen" on the body's second line
      {"kinderen.body", 10, 21, 0},  // the line only: the block's indentation is unknown
      {"title", 5, 2, 8},            // front matter: where the value starts
      {"summary", 3, 0, 0},          // no position recorded
  }));
  CAPTURE(field, offset);
  auto at = generator::field_position(doc, field, offset);
  CHECK(at.line == line);
  CHECK(at.col == col);
}
