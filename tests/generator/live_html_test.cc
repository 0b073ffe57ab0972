#include "generator/live_html.h"

#include <catch2/catch.hpp>

using namespace generator;

namespace {

const std::string kPage =
    "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src "
    "'none'; object-src 'none'; base-uri 'none'; form-action 'self'\">\n<title>T</title>\n"
    "</head>\n<body class=\"ombu-page\">\n<main id=\"inhoud\">\n<h1>Titel</h1>\n</main>\n"
    "</body>\n</html>\n";

std::size_t at(const std::string& html, const std::string& what) {
  std::size_t pos = html.find(what);
  INFO(what);
  REQUIRE(pos != std::string::npos);
  return pos;
}

}  // namespace

TEST_CASE("allow_self lets serve's script, style and event stream through the CSP", "[live]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      // The site's policy: only script-src is closed; the rest falls back to default-src.
      {"default-src 'self'; script-src 'none'; object-src 'none'",
       "default-src 'self'; script-src 'self'; object-src 'none'"},
      // zoeken/ already allows its own script.
      {"default-src 'self'; script-src 'self'", "default-src 'self'; script-src 'self'"},
      // A closed default-src: each needed directive is added.
      {"default-src 'none'",
       "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'"},
      // Hosts are kept; 'self' joins them.
      {"default-src 'none'; style-src https://cdn.example; img-src 'self'",
       "default-src 'none'; style-src 'self' https://cdn.example; img-src 'self'; script-src "
       "'self'; connect-src 'self'"},
      // Names and keywords are case-insensitive; stray semicolons and spaces are tidied.
      {"  Script-Src 'NONE' ;; default-src 'self'", "script-src 'self'; default-src 'self'"},
  }));
  INFO(input);
  CHECK(allow_self(input) == expected);
}

TEST_CASE("inject_live adds the script in <head> and keeps the page otherwise", "[live]") {
  LivePage live;
  live.generation = "17-3";
  std::string html = inject_live(kPage, live);
  CHECK(html.find("script-src 'self'") != std::string::npos);
  CHECK(html.find("script-src 'none'") == std::string::npos);
  std::size_t script =
      at(html, "<script src=\"/__ombudsite/live.js\" data-generation=\"17-3\" defer></script>");
  CHECK(at(html, "/__ombudsite/live.css") < script);
  CHECK(script < at(html, "</head>"));
  // Nothing else appears: no overlay, no banner, no preview.
  CHECK(html.find("ombudsite-overlay") == std::string::npos);
  CHECK(html.find("ombudsite-draft") == std::string::npos);
  CHECK(html.find("ombudsite-preview") == std::string::npos);
  // Taking the additions out again gives the original bytes (CSP aside).
  std::string back = html;
  back.erase(at(back, "<link rel=\"stylesheet\" href=\"/__ombudsite/"),
             at(back, "</head>") - at(back, "<link rel=\"stylesheet\" href=\"/__ombudsite/"));
  std::string original = kPage;
  original.replace(original.find("script-src 'none'"), 17, "script-src 'self'");
  CHECK(back == original);
}

TEST_CASE("inject_live keeps an HTML-escaped policy escaped", "[live]") {
  std::string page =
      "<head><meta http-equiv=\"content-security-policy\" "
      "content=\"script-src &#39;none&#39;\"></head><body></body>";
  std::string html = inject_live(page, {});
  CHECK(html.find("content=\"script-src &#39;self&#39;\"") != std::string::npos);
}

TEST_CASE("The overlay lists every diagnostic, escaped", "[live]") {
  std::vector<Diagnostic> errors = {
      {"content/zaken/<b>x</b>.md", 4, 7, Severity::kError, "month 13 is not a \"month\" & more"},
      {"content/index.md", 2, 1, Severity::kError, "<script>alert(1)</script>"},
      {"content/rapporten/x.md", 0, 0, Severity::kWarning, "a warning"},
  };
  std::string overlay = overlay_html(errors);
  CHECK(overlay.find("Build mislukt: 2 fouten") != std::string::npos);
  CHECK(overlay.find("<code>content/zaken/&lt;b&gt;x&lt;/b&gt;.md:4:7: error: month 13 is not a "
                     "&quot;month&quot; &amp; more</code>") != std::string::npos);
  CHECK(overlay.find("content/index.md:2:1: error: &lt;script&gt;alert(1)&lt;/script&gt;") !=
        std::string::npos);
  CHECK(overlay.find("<script>") == std::string::npos);
  CHECK(overlay.find("content/rapporten/x.md: warning: a warning") != std::string::npos);

  LivePage live;
  live.errors = &errors;
  std::string html = inject_live(kPage, live);
  // Right after <body>, above the last good page.
  CHECK(at(html, "<body class=\"ombu-page\">") < at(html, "id=\"ombudsite-overlay\""));
  CHECK(at(html, "id=\"ombudsite-overlay\"") < at(html, "<main id=\"inhoud\">"));
}

TEST_CASE("The draft banner and the redaction preview go where they are seen", "[live]") {
  PagePreview preview;
  preview.source = "content/zaken/2025-00002.md";
  preview.draft = true;
  preview.redactions = {{"body", "content/zaken/2025-00002.md:14:9", "naam", "declared-person",
                         "5.1.2e", "[verzoeker]", "Petra <de> Boer"},
                        {"kinderen.body", "content/zaken/2025-00002.md:20", "leeftijd", "child-age",
                         "5.1.2e", "", "7 jaar"}};
  LivePage live;
  live.preview = &preview;
  std::string html = inject_live(kPage, live);
  CHECK(at(html, "<body class=\"ombu-page\">") < at(html, "class=\"ombudsite-draft\""));
  CHECK(at(html, "<main id=\"inhoud\">") < at(html, "class=\"ombudsite-preview\""));
  CHECK(at(html, "class=\"ombudsite-preview\"") < at(html, "<h1>Titel</h1>"));
  CHECK(html.find("Redactievoorbeeld: 2 weglakkingen") != std::string::npos);
  CHECK(html.find("data-category=\"naam\" data-rule=\"declared-person\"") != std::string::npos);
  CHECK(html.find("<del>Petra &lt;de&gt; Boer</del>") != std::string::npos);
  CHECK(html.find("<td>[verzoeker]</td><td>naam</td><td><code>declared-person</code></td>"
                  "<td>art. 5.1 lid 2 onder e Woo</td>") != std::string::npos);
  CHECK(html.find("(zonder spoor)") != std::string::npos);  // a redaction without placeholder

  preview.redactions.clear();
  preview.draft = false;
  html = inject_live(kPage, live);
  CHECK(html.find("ombudsite-draft") == std::string::npos);
  CHECK(html.find("niets weggelakt") != std::string::npos);
}

TEST_CASE("inject_live copes with pages that lack head, body or main", "[live]") {
  PagePreview preview;
  preview.source = "content/x.md";
  preview.draft = true;
  LivePage live;
  live.generation = "1-1";
  live.preview = &preview;
  auto [page, script_before] = GENERATE(table<std::string, std::string>({
      {"<p>just a fragment</p>", "<p>"},
      {"<html><body><p>no head</p></body></html>", "<html>"},
      {"<html><head><title>t</title></head><body><p>no main</p></body></html>", "</head>"},
      {"<html><head></head><bodyx><body data-x=\"a>b\"></body></html>", "</head>"},
  }));
  INFO(page);
  std::string html = inject_live(page, live);
  CHECK(at(html, "/__ombudsite/live.js") < at(html, script_before));
  CHECK(html.find("ombudsite-draft") != std::string::npos);
  CHECK(html.find("ombudsite-preview") != std::string::npos);
  CHECK(inject_live(placeholder_page(), live).find("/__ombudsite/live.js") != std::string::npos);
}
