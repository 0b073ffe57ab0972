// Fuzz target: the Mustache parser and renderer. The input is a template; it is also added as a
// partial under the names "self" and "p" so that recursive inclusion and inheritance are reached.
// Rendering must end within the limits with output or an error, never crash or hang.

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "generator/mustache.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace generator::mustache;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  static const nlohmann::json kData = nlohmann::json::parse(R"({
    "title": "<b>\"Zaak\" & 'co'</b>", "n": 3, "t": true, "f": false, "nul": null,
    "list": [{"name": "a", "list": [1, 2]}, {"name": "b"}], "empty": [],
    "o": {"p": {"q": "diep"}}, "html": "<script>x</script>", "partial": "self"})");
  Library lib;
  std::vector<Error> errors;
  const bool ok = lib.add("main", source, errors);
  if (!ok && errors.empty()) std::abort();
  if (!ok) return 0;
  lib.add("self", source, errors);
  lib.add("p", "[{{title}}{{>self}}]", errors);
  RenderOptions options;
  options.max_steps = 200'000;
  options.max_output = 1 << 20;
  options.html_escape_apostrophe = true;
  for (bool strict : {false, true}) {
    options.strict_partials = strict;
    std::vector<Error> render_errors;
    std::string out = lib.render("main", kData, render_errors, options);
    if (out.size() > options.max_output) std::abort();
    // Escaped interpolation never lets the data's markup through. Only checked when the
    // template has no raw tag, no delimiter change and no markup of its own.
    std::string braces(source);
    for (std::size_t at = braces.find("{{"); at != std::string::npos; at = braces.find("{{", at))
      braces.erase(at, 2);
    if (braces.find_first_of("{&=<") == std::string::npos && out.find('<') != std::string::npos)
      std::abort();
  }
  return 0;
}
