#pragma once
// Checks that a built HTML page is safe whatever the content was: a Content-Security-Policy
// meta tag first in <head> that allows no inline script, no inline <script> element (only
// <script src="..."></script> of the site's own files), no event handler attribute and no
// javascript:, vbscript: or data: URL in an attribute. Returns the problems, empty when safe.

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

namespace html_safety {

inline std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  return s;
}

inline std::vector<std::string> problems(const std::string& html) {
  std::vector<std::string> out;
  const std::string text = lower(html);
  static const std::regex csp_tag(
      R"re(<meta http-equiv="content-security-policy" content="([^"]*)">)re");
  std::smatch csp;
  const auto head_end = text.find("</head>");
  if (!std::regex_search(text, csp, csp_tag) || head_end == std::string::npos ||
      static_cast<std::size_t>(csp.position(0)) > head_end) {
    out.push_back("no Content-Security-Policy meta tag in <head>");
    return out;
  }
  const std::string policy = csp[1].str();
  const auto first_link = std::min(text.find("<link"), text.find("<script"));
  if (static_cast<std::size_t>(csp.position(0)) > first_link)
    out.push_back("the policy comes after a <link> or <script> it should govern");
  const bool self_scripts = policy.find("script-src 'self'") != std::string::npos;
  if (!self_scripts && policy.find("script-src 'none'") == std::string::npos)
    out.push_back("script-src is neither 'none' nor 'self': " + policy);
  for (const char* bad : {"unsafe-inline", "unsafe-eval", "unsafe-hashes", "*"})
    if (policy.find(bad) != std::string::npos) out.push_back("policy allows " + std::string(bad));
  if (policy.find("object-src 'none'") == std::string::npos ||
      policy.find("base-uri 'none'") == std::string::npos)
    out.push_back("policy lacks object-src 'none' or base-uri 'none'");

  static const std::regex own_script(R"re(<script src="[^":]*\.js"( defer)?></script>)re");
  for (auto at = text.find("<script"); at != std::string::npos; at = text.find("<script", at + 1)) {
    std::smatch m;
    std::string rest = text.substr(at, 200);
    if (!std::regex_search(rest, m, own_script) || m.position(0) != 0)
      out.push_back("inline or foreign <script> at byte " + std::to_string(at));
    else if (!self_scripts)
      out.push_back("a <script> on a page whose policy forbids scripts");
  }
  // Attribute values are skipped, so escaped text such as content="&quot; onclick=" is no hit.
  static const std::regex handler(
      R"re(<[a-z][a-z0-9-]*(?:\s+[^\s"'>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s+on[a-z]+\s*=)re",
      std::regex::icase);
  if (std::regex_search(text, handler)) out.push_back("an event handler attribute");
  static const std::regex script_url(R"re(=\s*["']?\s*(javascript|vbscript|data):)re");
  if (std::regex_search(text, script_url)) out.push_back("a javascript:, vbscript: or data: URL");
  return out;
}

}  // namespace html_safety
