#pragma once
// Mustache templates over nlohmann::json, conforming to the whole Mustache spec except lambdas
// (comments, delimiters, interpolation, sections, inverted, partials, ~inheritance,
// ~dynamic-names). Templates are parsed once into an immutable tree; rendering is const, so many
// threads may render from one Library at the same time.
//
//   Library lib;
//   lib.add("base", "<title>{{title}}</title>\n{{$main}}{{/main}}\n", errors);
//   lib.add("zaak", "{{<base}}{{$main}}<p>{{summary}}</p>{{/main}}{{/base}}", errors);
//   std::string html = lib.render("zaak", page_json, errors, {.html_escape_apostrophe = true});
//
// Options, with their defaults:
//   strict_partials        (false)  a partial or parent that cannot be found is an error
//   html_escape_apostrophe (false)  {{x}} also escapes ' as &#39; (safe in single-quoted
//   attributes) max_depth              (64)     partials and parents nested deeper than this are an
//   error max_output     (1 GiB)          output growing past this many bytes is an error max_steps
//   (200 million)    visiting more template nodes than this is an error

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace generator::mustache {

struct Error {
  std::string template_name;  // the name the template was added under, often its path
  int line = 0;               // 1-based; 0 when the problem has no position
  int col = 0;
  std::string message;

  /// "name:line:col: error: message" (line and col left out when unknown).
  std::string format() const;
};

struct RenderOptions {
  bool strict_partials = false;
  bool html_escape_apostrophe = false;
  int max_depth = 64;
  std::size_t max_output = std::size_t{1} << 30;
  std::uint64_t max_steps = 200'000'000;
};

namespace detail {

// The parsed tree, shared by the parser and the renderer; not for use outside mustache*.cc.
// Nodes sit in one flat vector in document order; a node's subtree runs up to `end`, so
// nesting costs no recursion to build or destroy.
enum class Kind : std::uint8_t {
  kText,
  kEscaped,   // {{name}}
  kRaw,       // {{{name}}} and {{&name}}
  kSection,   // {{#name}}
  kInverted,  // {{^name}}
  kPartial,   // {{>name}}
  kParent,    // {{<name}}: its direct kBlock children are the arguments
  kBlock,     // {{$name}}
};

struct Node {
  Kind kind = Kind::kText;
  bool standalone = false;  // inclusion: indent each line; block: opening tag alone on its line
  bool line_start = false;  // text: starts at the beginning of a source line
  bool dynamic = false;     // inclusion named by `*dotted.name`
  bool argument = false;    // block directly inside a parent tag pair
  std::uint32_t end = 0;    // one past the last node of this subtree
  int line = 0;
  int col = 0;
  std::string text;               // literal text, or the name as written
  std::vector<std::string> path;  // dotted name split at '.'; empty for the implicit iterator
  std::string indent;             // inclusion or block: prefix for each line it expands to
};

struct Template {
  std::string name;
  std::vector<Node> nodes;
};

/// Parses `source`; nullopt after appending at least one Error naming `name`.
std::optional<Template> parse(const std::string& name, std::string_view source,
                              std::vector<Error>& errors);

}  // namespace detail

class Library {
 public:
  using Options = RenderOptions;

  Library();
  ~Library();
  Library(Library&&) noexcept;
  Library& operator=(Library&&) noexcept;
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  /// Parses `source` once under `name` (replacing a template of that name); on a syntax error
  /// appends Errors with the name and line:col, leaves the library unchanged and returns false.
  bool add(const std::string& name, std::string_view source, std::vector<Error>& errors);
  /// True when a template of that name was added.
  bool has(const std::string& name) const;
  /// Number of templates in the library.
  std::size_t size() const { return templates_.size(); }

  /// Renders template `name` with `data`. A missing partial renders empty (spec) unless
  /// options.strict_partials, where it is an Error naming the including template and line.
  /// Inclusion deeper than max_depth, or output or work past the limits, is an Error and the
  /// result is empty; it never crashes or hangs. Thread-safe: many threads may call it at once.
  std::string render(const std::string& name, const nlohmann::json& data,
                     std::vector<Error>& errors, const Options& options = {}) const;

 private:
  friend std::string render_string(std::string_view, const nlohmann::json&, const nlohmann::json&,
                                   std::vector<Error>&);
  /// Renders a parsed template that need not be in the library; partials come from the library.
  std::string render_template(const detail::Template& tmpl, const nlohmann::json& data,
                              std::vector<Error>& errors, const Options& options) const;

  std::map<std::string, std::unique_ptr<const detail::Template>, std::less<>> templates_;
};

/// Parses and renders `tmpl` (named "template" in errors) with `partials`, an object mapping
/// names to template sources; default options. Used by the spec runner and for one-off texts.
std::string render_string(std::string_view tmpl, const nlohmann::json& data,
                          const nlohmann::json& partials, std::vector<Error>& errors);

}  // namespace generator::mustache
