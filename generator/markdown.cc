#include "generator/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "anonymizer/scrub.h"
#include "generator/scrubbed_doc.h"
#include "generator/text_util.h"

namespace generator {

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;
using ParserPtr = std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)>;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES |
                         CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8;

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

std::string node_text(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev != CMARK_EVENT_ENTER) continue;
    auto type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      if (const char* lit = cmark_node_get_literal(n)) text += lit;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text += ' ';
    }
  }
  cmark_iter_free(iter);
  return strip_marks(text);
}

// Redaction markers become spans in text and vanish inside tags (an href or title attribute),
// including their percent-encoded form in URLs.
std::string mark_up_redactions(std::string_view html) {
  std::string out;
  out.reserve(html.size() + 256);
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') in_tag = true;
    if (c == '>') in_tag = false;
    if (i + 2 < html.size() && static_cast<unsigned char>(c) == 0xEE &&
        static_cast<unsigned char>(html[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(html[i + 2]) & 0xF0) == 0x80) {
      auto code = static_cast<unsigned char>(html[i + 2]) & 0x0F;
      i += 3;
      if (in_tag) continue;
      if (code == 0x0) continue;  // the open marker; the ground char that follows opens the span
      if (code == 0xF) {
        out += "</span>";
        continue;
      }
      const char* ground = code == 2 ? "5.1.1e" : code == 3 ? "5.1.1d" : "5.1.2e";
      out += "<span class=\"redactie\" title=\"Weggelakt: ";
      out += anonymizer::ground_label(ground);
      out += "\"><span class=\"visually-hidden\">weggelakt: </span>";
      continue;
    }
    if (in_tag && c == '%' && i + 8 < html.size() && html.compare(i, 7, "%EE%80%") == 0) {
      i += 9;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

// Inserts id="…" into the n-th <hN> tag, in document order (the renderer writes no ids).
std::string add_heading_ids(std::string_view html, const std::vector<std::string>& ids) {
  std::string out;
  out.reserve(html.size() + ids.size() * 24);
  std::size_t next = 0, pos = 0;
  while (pos < html.size()) {
    std::size_t at = html.find("<h", pos);
    if (at == std::string_view::npos || at + 3 >= html.size()) break;
    char level = html[at + 2];
    if (level >= '1' && level <= '6' && html[at + 3] == '>' && next < ids.size()) {
      out.append(html, pos, at + 3 - pos);
      out += " id=\"" + ids[next++] + "\"";
      pos = at + 3;
    } else {
      out.append(html, pos, at + 2 - pos);
      pos = at + 2;
    }
  }
  out.append(html, pos);
  return out;
}

// "<p>Tabel 1. …</p>\n<table>" -> "<table>\n<caption>Tabel 1. …</caption>".
std::string captions_from_paragraphs(std::string html) {
  std::size_t pos = 0;
  while ((pos = html.find("</p>\n<table>", pos)) != std::string::npos) {
    std::size_t start = html.rfind("<p>", pos);
    std::string_view para(html.data() + start + 3, pos - start - 3);
    bool is_caption = start != std::string::npos &&
                      (para.rfind("Tabel ", 0) == 0 || para.rfind("<strong>Tabel ", 0) == 0);
    if (!is_caption || para.find("<p>") != std::string_view::npos) {
      pos += 4;
      continue;
    }
    std::string caption = "<table>\n<caption>" + std::string(para) + "</caption>";
    html.replace(start, pos + 12 - start, caption);
    pos = start + caption.size();
  }
  return html;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
}

// Only http(s), mailto and tel links, relative links and fragments survive: cmark's safe mode
// drops javascript: and friends, and this also refuses unknown or disguised schemes.
bool allowed_url(std::string_view url) {
  std::size_t colon = url.find(':');
  std::size_t stop = url.find_first_of("/?#");
  if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon))
    return true;
  std::string scheme;
  for (char c : url.substr(0, colon))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

std::string allowlist_urls(std::string html) {
  for (std::string_view attr : {" href=\"", " src=\""}) {
    for (std::size_t pos = 0; (pos = html.find(attr, pos)) != std::string::npos;) {
      std::size_t start = pos + attr.size();
      std::size_t end = html.find('"', start);
      if (end == std::string::npos) break;
      if (!allowed_url(std::string_view(html).substr(start, end - start)))
        html.erase(start, end - start);
      pos = start;
    }
  }
  return html;
}

// Wide tables scroll in their own keyboard-reachable region; cmark's English footnote labels
// become Dutch text that contains the visible arrow (WCAG 2.5.3, label in name).
std::string finish_html(std::string html) {
  std::size_t pos = 0;
  int n = 0;
  while ((pos = html.find("<table>", pos)) != std::string::npos) {
    std::size_t end = html.find("</table>", pos);
    if (end == std::string::npos) break;
    std::string label = "Tabel";
    std::size_t cap = html.find("<caption>", pos);
    if (cap != std::string::npos && cap < end) {
      std::size_t cap_end = html.find("</caption>", cap);
      label.clear();
      bool tag = false;
      for (std::size_t i = cap + 9; i < cap_end; ++i) {
        if (html[i] == '<') tag = true;
        if (!tag) label += html[i];
        if (html[i] == '>') tag = false;
      }
    } else if (n > 0) {
      label += " " + std::to_string(n + 1);
    }
    ++n;
    std::string open =
        "<div class=\"ombu-table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"" + label +
        "\">\n";
    html.insert(pos, open);
    end += open.size() + 8;
    html.insert(end, "\n</div>");
    pos = end;
  }
  replace_all(html, " aria-label=\"Back to content\">\u21a9",
              ">\u21a9<span class=\"visually-hidden\"> terug naar de tekst</span>");
  return html;
}

}  // namespace

RenderedMarkdown render_markdown(std::string_view marked) {
  register_extensions();
  ParserPtr parser(cmark_parser_new(kOptions), cmark_parser_free);
  cmark_llist* extensions = nullptr;
  cmark_mem* mem = cmark_get_default_mem_allocator();
  for (const char* name : kExtensions) {
    cmark_syntax_extension* ext = cmark_find_syntax_extension(name);
    if (!ext) throw std::logic_error(std::string("cmark-gfm extension missing: ") + name);
    cmark_parser_attach_syntax_extension(parser.get(), ext);
    extensions = cmark_llist_append(mem, extensions, ext);
  }
  cmark_parser_feed(parser.get(), marked.data(), marked.size());
  NodePtr doc(cmark_parser_finish(parser.get()), cmark_node_free);

  RenderedMarkdown out;
  std::vector<cmark_node*> headings;
  bool has_h1 = false;
  cmark_iter* iter = cmark_iter_new(doc.get());
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HEADING) {
      headings.push_back(n);
      has_h1 = has_h1 || cmark_node_get_heading_level(n) == 1;
    }
  }
  cmark_iter_free(iter);

  std::map<std::string, int> seen;
  std::vector<std::string> ids;
  for (cmark_node* h : headings) {
    int level = cmark_node_get_heading_level(h);
    if (has_h1 && level < 6) cmark_node_set_heading_level(h, ++level);
    std::string title = squash_space(node_text(h));
    std::string id = slugify(title);
    // Templates own ids that start with these prefixes.
    if (id.rfind("ombu-", 0) == 0 || id.rfind("kind-", 0) == 0) id = "h-" + id;
    int n = ++seen[id];
    if (n > 1) id += "-" + std::to_string(n);
    ids.push_back(id);
    if (level == 2 || level == 3) out.toc.push_back({id, title, level});
  }

  char* html = cmark_render_html(doc.get(), kOptions, extensions);
  std::string rendered = add_heading_ids(html, ids);
  std::free(html);
  out.html = allowlist_urls(
      finish_html(mark_up_redactions(captions_from_paragraphs(std::move(rendered)))));

  char* plain = cmark_render_plaintext(doc.get(), kOptions, 0);
  out.plain_text = strip_marks(plain);
  std::free(plain);
  cmark_llist_free(mem, extensions);

  bool in_word = false;
  for (char c : out.plain_text) {
    bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++out.word_count;
    in_word = !space;
  }
  return out;
}

}  // namespace generator
