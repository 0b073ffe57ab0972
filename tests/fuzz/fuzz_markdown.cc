// Fuzz target: the Markdown stage. Whatever the input, the HTML holds no raw HTML from the
// content: no <script>, <iframe> or <style> element, no event handler attribute and no
// javascript: or vbscript: URL.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "generator/markdown.h"

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void require_absent(const std::string& html, std::string_view needle) {
  if (html.find(needle) != std::string::npos) {
    std::fprintf(stderr, "unsafe HTML: found '%.*s' in:\n%s\n", static_cast<int>(needle.size()),
                 needle.data(), html.c_str());
    std::abort();
  }
}

// An on...= attribute inside a tag, outside quoted values; text such as "gemeen onload=" is fine.
void require_no_event_handler(const std::string& html) {
  for (std::size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<' || !std::isalpha(static_cast<unsigned char>(html[i + 1]))) continue;
    char quote = 0;
    for (std::size_t j = i + 1; j < html.size() && (quote || html[j] != '>'); ++j) {
      char c = html[j];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (std::isspace(static_cast<unsigned char>(c)) && html.compare(j + 1, 2, "on") == 0) {
        std::size_t k = j + 3;
        while (k < html.size() && std::isalpha(static_cast<unsigned char>(html[k]))) ++k;
        if (k > j + 3 && k < html.size() && html[k] == '=') {
          std::fprintf(stderr, "unsafe HTML: event handler attribute in:\n%s\n", html.c_str());
          std::abort();
        }
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;  // the stage is linear; big inputs only slow the fuzzer down
  std::string_view text(reinterpret_cast<const char*>(data), size);
  generator::RenderedMarkdown out = generator::render_markdown(text);
  const std::string html = lower(out.html);
  for (std::string_view bad :
       {"<script", "<iframe", "<style", "<object", "<embed",
        "href=\"javascript:", "src=\"javascript:", "href=\"vbscript:", "href=\"data:text"})
    require_absent(html, bad);
  require_no_event_handler(html);
  return 0;
}
