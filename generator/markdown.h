#pragma once
// Markdown stage: scrubbed Markdown (with redaction markers) to safe HTML via cmark-gfm.

#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"

namespace generator {

struct TocEntry {
  std::string id;
  std::string title;
  int level = 2;
};

struct RenderedMarkdown {
  std::string html;           // safe HTML: raw HTML omitted, unsafe URL schemes dropped
  std::string plain_text;     // the readable text, markers removed (search index, JSON)
  std::vector<TocEntry> toc;  // headings of level 2 and 3, with their ids
  int word_count = 0;
};

/// Renders GFM (tables, strikethrough, autolink, tagfilter, task lists, footnotes). Headings get
/// stable ids from their text ("wat-deed-de-ombudsman", "-2" on repeats); level-1 headings in
/// a body are demoted so the page keeps one h1; a paragraph "Tabel …" right before a table
/// becomes its caption; redaction markers become <span class="redactie">.
RenderedMarkdown render_markdown(std::string_view marked_markdown);

}  // namespace generator
