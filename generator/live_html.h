#pragma once
// What `serve` adds to a page on its way to the browser (never to the files on disk): the
// live-reload script and its stylesheet, with the page's Content-Security-Policy widened to
// allow them; the draft banner; the redaction preview; the overlay of a failed build.

#include <string>
#include <string_view>
#include <vector>

#include "generator/diagnostics.h"
#include "generator/preview.h"

namespace generator {

/// Where serve's own files live; the site never has a folder of this name.
inline constexpr std::string_view kLivePrefix = "/__ombudsite/";

struct LivePage {
  std::string generation;                           // the build the page belongs to
  const PagePreview* preview = nullptr;             // the page's document, if it has one
  const std::vector<Diagnostic>* errors = nullptr;  // the last build's, when it failed
};

/// The page with the script, banner, preview and overlay added.
std::string inject_live(std::string_view html, const LivePage& page);

/// A CSP (the content of the meta tag) that also allows same-origin scripts, styles and
/// connections; every other directive is kept.
std::string allow_self(std::string_view csp);

/// The overlay listing every diagnostic as "path:line:col: error: message", escaped.
std::string overlay_html(const std::vector<Diagnostic>& errors);

/// The table of a page's redactions: what was removed, category, rule, ground, replacement.
std::string preview_html(const PagePreview& preview);

/// The banner on a draft's page.
std::string draft_banner_html();

/// A bare page for when there is no built site yet (the first build failed).
std::string placeholder_page();

/// serve's script (reload on a new build, close the overlay) and stylesheet.
extern const std::string_view kLiveJs;
extern const std::string_view kLiveCss;

}  // namespace generator
