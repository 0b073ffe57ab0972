#include "generator/live_html.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "anonymizer/scrub.h"
#include "generator/text_util.h"

namespace generator {

namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Case-insensitive find of an ASCII needle.
std::size_t find_ci(std::string_view hay, std::string_view needle, std::size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (std::size_t i = from; i + needle.size() <= hay.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

// The end (one past '>') of the first start tag `<name ...>`, or npos.
std::size_t after_start_tag(std::string_view html, std::string_view name) {
  std::string open = "<" + std::string(name);
  for (std::size_t at = find_ci(html, open); at != std::string_view::npos;
       at = find_ci(html, open, at + 1)) {
    std::size_t next = at + open.size();
    if (next >= html.size()) return std::string_view::npos;
    char c = html[next];
    if (c != '>' && c != '/' && !std::isspace(static_cast<unsigned char>(c))) continue;
    // The tag ends at the first '>' outside a quoted attribute value.
    char quote = 0;
    for (std::size_t i = next; i < html.size(); ++i) {
      char ch = html[i];
      if (quote) {
        if (ch == quote) quote = 0;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '>') {
        return i + 1;
      }
    }
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
    s.replace(p, from.size(), to);
}

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return std::string(s.substr(a, b - a));
}

struct Directive {
  std::string name;  // lower case
  std::vector<std::string> sources;
};

std::vector<Directive> parse_csp(std::string_view csp) {
  std::vector<Directive> out;
  std::size_t pos = 0;
  while (pos <= csp.size()) {
    std::size_t semi = csp.find(';', pos);
    if (semi == std::string_view::npos) semi = csp.size();
    std::string part = trim(csp.substr(pos, semi - pos));
    pos = semi + 1;
    if (part.empty()) continue;
    Directive d;
    std::size_t i = 0;
    auto word = [&] {
      while (i < part.size() && std::isspace(static_cast<unsigned char>(part[i]))) ++i;
      std::size_t start = i;
      while (i < part.size() && !std::isspace(static_cast<unsigned char>(part[i]))) ++i;
      return part.substr(start, i - start);
    };
    d.name = word();
    std::transform(d.name.begin(), d.name.end(), d.name.begin(), lower);
    for (std::string s = word(); !s.empty(); s = word()) d.sources.push_back(s);
    out.push_back(std::move(d));
  }
  return out;
}

// Keywords such as 'self' and 'none' are case-insensitive.
bool is_keyword(const std::string& source, std::string_view keyword) {
  return source.size() == keyword.size() &&
         std::equal(source.begin(), source.end(), keyword.begin(),
                    [](char a, char b) { return lower(a) == b; });
}

bool allows_self(const Directive& d) {
  return std::any_of(d.sources.begin(), d.sources.end(),
                     [](const std::string& s) { return is_keyword(s, "'self'"); });
}

// The CSP meta tag's content attribute: [start, end) of its value, or npos.
std::pair<std::size_t, std::size_t> csp_value(std::string_view html) {
  for (std::size_t at = find_ci(html, "<meta"); at != std::string_view::npos;
       at = find_ci(html, "<meta", at + 1)) {
    std::size_t end = html.find('>', at);
    if (end == std::string_view::npos) break;
    std::string_view tag = html.substr(at, end - at);
    if (find_ci(tag, "content-security-policy") == std::string_view::npos) continue;
    std::size_t attr = find_ci(tag, "content=");
    if (attr == std::string_view::npos || attr + 8 >= tag.size()) continue;
    char quote = tag[attr + 8];
    if (quote != '"' && quote != '\'') continue;
    std::size_t close = tag.find(quote, attr + 9);
    if (close == std::string_view::npos) continue;
    return {at + attr + 9, at + close};
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

std::string allow_self(std::string_view csp) {
  std::vector<Directive> directives = parse_csp(csp);
  const Directive* fallback = nullptr;
  for (const auto& d : directives)
    if (d.name == "default-src") fallback = &d;
  bool fallback_allows = !fallback || allows_self(*fallback);
  std::vector<Directive> added;
  for (const char* name : {"script-src", "style-src", "connect-src"}) {
    auto it = std::find_if(directives.begin(), directives.end(),
                           [&](const Directive& d) { return d.name == name; });
    if (it == directives.end()) {
      if (!fallback_allows) added.push_back({name, {"'self'"}});
      continue;
    }
    auto& s = it->sources;
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](const std::string& x) { return is_keyword(x, "'none'"); }),
            s.end());
    if (!allows_self(*it)) s.insert(s.begin(), "'self'");
  }
  directives.insert(directives.end(), added.begin(), added.end());
  std::string out;
  for (const auto& d : directives) {
    if (!out.empty()) out += "; ";
    out += d.name;
    for (const auto& s : d.sources) out += " " + s;
  }
  return out;
}

std::string overlay_html(const std::vector<Diagnostic>& errors) {
  std::size_t count = 0;
  for (const auto& d : errors)
    if (d.severity == Severity::kError) ++count;
  std::string h =
      "<section id=\"ombudsite-overlay\" class=\"ombudsite-overlay\" role=\"alert\" "
      "aria-labelledby=\"ombudsite-overlay-title\">\n<h2 id=\"ombudsite-overlay-title\">Build "
      "mislukt: " +
      std::to_string(count) + (count == 1 ? " fout" : " fouten") +
      "</h2>\n<p>Hieronder staat de laatste versie die wel lukte. Los de fouten op en sla op: de "
      "pagina laadt dan vanzelf opnieuw.</p>\n<ul class=\"ombudsite-overlay__list\">\n";
  for (const auto& d : errors) h += "<li><code>" + html_escape(d.format()) + "</code></li>\n";
  h += "</ul>\n<button type=\"button\" class=\"ombudsite-overlay__close\" "
       "data-ombudsite-close>Verbergen</button>\n</section>\n";
  return h;
}

std::string preview_html(const PagePreview& preview) {
  std::size_t n = preview.redactions.size();
  // Open when there is something to review.
  std::string h = "<details class=\"ombudsite-preview\"" + std::string(n > 0 ? " open" : "") +
                  ">\n<summary>Redactievoorbeeld: " + std::to_string(n) +
                  (n == 1 ? " weglakking" : " weglakkingen") + " in <code>" +
                  html_escape(preview.source) +
                  "</code> (alleen in serve, niet op de site)</summary>\n";
  if (n == 0) {
    h += "<p class=\"ombudsite-preview__none\">In dit document is niets weggelakt. Klopt dat? "
         "Staat iedere privépersoon onder <code>persons</code>?</p>\n</details>\n";
    return h;
  }
  h += "<table>\n<thead><tr><th scope=\"col\">plaats</th><th scope=\"col\">veld</th>"
       "<th scope=\"col\">weggelakt</th><th scope=\"col\">wordt</th>"
       "<th scope=\"col\">categorie</th><th scope=\"col\">regel</th>"
       "<th scope=\"col\">Woo-grond</th></tr></thead>\n<tbody>\n";
  for (const auto& r : preview.redactions) {
    h += "<tr class=\"ombudsite-preview__redaction\" data-category=\"" + html_escape(r.category) +
         "\" data-rule=\"" + html_escape(r.rule) + "\"><td><code>" + html_escape(r.location) +
         "</code></td><td>" + html_escape(r.field) + "</td><td><del>" + html_escape(r.original) +
         "</del></td><td>" +
         (r.replacement.empty() ? std::string("<em>(zonder spoor)</em>")
                                : html_escape(r.replacement)) +
         "</td><td>" + html_escape(r.category) + "</td><td><code>" + html_escape(r.rule) +
         "</code></td><td>" + html_escape(anonymizer::ground_label(r.ground)) + "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n</details>\n";
  return h;
}

std::string draft_banner_html() {
  return "<div class=\"ombudsite-draft\" role=\"note\"><strong>Concept</strong> "
         "(<code>status: draft</code>): deze pagina staat alleen in de voorvertoning en komt pas "
         "op de site met <code>status: approved</code>.</div>\n";
}

std::string placeholder_page() {
  return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">\n"
         "<title>ombudsite serve</title>\n</head>\n<body>\n<main>\n<h1>Nog geen site</h1>\n"
         "<p>De eerste build is niet gelukt.</p>\n</main>\n</body>\n</html>\n";
}

std::string inject_live(std::string_view html_in, const LivePage& page) {
  std::string html(html_in);
  auto [csp_start, csp_end] = csp_value(html);
  if (csp_start != std::string::npos) {
    // The attribute value is HTML: the policy's quotes may be written as &#39;.
    std::string csp = html.substr(csp_start, csp_end - csp_start);
    bool encoded = csp.find("&#39;") != std::string::npos;
    if (encoded) replace_all(csp, "&#39;", "'");
    csp = allow_self(csp);
    if (encoded) replace_all(csp, "'", "&#39;");
    html.replace(csp_start, csp_end - csp_start, csp);
  }

  std::string head =
      "<link rel=\"stylesheet\" href=\"/__ombudsite/live.css\">\n"
      "<script src=\"/__ombudsite/live.js\" data-generation=\"" +
      html_escape(page.generation) + "\" defer></script>\n";
  std::string top;
  if (page.preview && page.preview->draft) top += draft_banner_html();
  if (page.errors && !page.errors->empty()) top += overlay_html(*page.errors);
  std::string panel = page.preview ? preview_html(*page.preview) : "";

  // Offset -> text; equal offsets keep the order head, top, panel. Inserted from the back.
  std::map<std::size_t, std::string> inserts;
  std::size_t body_at = after_start_tag(html, "body");
  std::size_t main_at = after_start_tag(html, "main");
  std::size_t head_at = find_ci(html, "</head");
  if (head_at == std::string::npos || (body_at != std::string::npos && head_at > body_at))
    head_at = 0;
  if (body_at == std::string::npos) body_at = 0;
  if (main_at == std::string::npos || main_at < body_at) main_at = body_at;
  inserts[head_at] += head;
  inserts[body_at] += top.empty() ? "" : "\n" + top;
  inserts[main_at] += panel.empty() ? "" : "\n" + panel;
  for (auto it = inserts.rbegin(); it != inserts.rend(); ++it) html.insert(it->first, it->second);
  return html;
}

const std::string_view kLiveJs =
    R"(// ombudsite serve: reload when a new build is ready (server-sent events).
(function () {
  'use strict';
  var script = document.currentScript;
  var shown = script ? script.getAttribute('data-generation') : null;
  var events = new EventSource('/__ombudsite/events');
  events.addEventListener('build', function (e) {
    if (e.data !== shown) location.reload();
  });
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('[data-ombudsite-close]') : null;
    var overlay = document.getElementById('ombudsite-overlay');
    if (button && overlay) overlay.hidden = true;
  });
})();
)";

const std::string_view kLiveCss =
    R"(/* ombudsite serve: overlay, draft banner and redaction preview (never on the site). */
.ombudsite-overlay {
  position: fixed; inset: 1rem 1rem auto 1rem; z-index: 2147483647; max-height: 80vh;
  overflow: auto; padding: 1rem 1.5rem; background: #fff; color: #1a1a1a;
  border: 4px solid #a4262c; border-radius: 4px; box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.4);
  font: 1rem/1.5 system-ui, sans-serif;
}
.ombudsite-overlay[hidden] { display: none; }
.ombudsite-overlay h2 { margin: 0 0 0.5rem; color: #a4262c; font-size: 1.25rem; }
.ombudsite-overlay__list { margin: 0.5rem 0; padding-left: 1.25rem; }
.ombudsite-overlay__list code { font: 0.9rem/1.4 ui-monospace, monospace; white-space: pre-wrap; }
.ombudsite-overlay__close { font: inherit; padding: 0.25rem 0.75rem; cursor: pointer; }
.ombudsite-draft {
  padding: 0.5rem 1rem; background: #fff4ce; color: #1a1a1a; border-bottom: 4px solid #8a6100;
  font: 1rem/1.5 system-ui, sans-serif; text-align: center;
}
.ombudsite-preview {
  margin: 1rem; padding: 0.5rem 1rem; background: #f3f3f3; color: #1a1a1a;
  border-left: 0.4rem solid #5c5c5c; font: 0.9rem/1.4 system-ui, sans-serif;
}
.ombudsite-preview summary { cursor: pointer; font-weight: bold; }
.ombudsite-preview table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
.ombudsite-preview th, .ombudsite-preview td {
  border: 1px solid #b4b4b4; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top;
}
.ombudsite-preview del { background: #fde7e9; color: #7a1c21; }
)";

}  // namespace generator
