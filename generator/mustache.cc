#include "generator/mustache.h"

#include <charconv>
#include <optional>
#include <utility>

namespace generator::mustache {

std::string Error::format() const {
  std::string out = template_name;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (col > 0) out += ':' + std::to_string(col);
  }
  return out + ": error: " + message;
}

namespace {

using detail::Kind;
using detail::Node;
using detail::Template;
using json = nlohmann::json;
using TemplateMap = std::map<std::string, std::unique_ptr<const Template>, std::less<>>;

// Sections, inverted sections, blocks and inclusions nest at most this deep while rendering, so
// the recursive renderer stays far from the end of a thread's stack, even under ASan.
constexpr int kMaxNesting = 1000;

bool truthy(const json* v) {
  if (v == nullptr || v->is_null()) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_array()) return !v->empty();
  return true;
}

// Renders one template into `out`. Holds only pointers into the caller's data and the
// library's immutable trees, so concurrent renders share nothing mutable.
class Renderer {
 public:
  Renderer(const TemplateMap& templates, const RenderOptions& options, std::vector<Error>& errors,
           std::string& out)
      : templates_(templates), options_(options), errors_(errors), out_(out) {}

  /// Renders `tmpl` against `data`; false when rendering was aborted by a limit.
  bool run(const Template& tmpl, const json& data) {
    stack_.reserve(32);
    stack_.push_back(&data);
    render_range(tmpl, 0, static_cast<std::uint32_t>(tmpl.nodes.size()), nullptr);
    return !aborted_;
  }

 private:
  // The arguments of one parent tag pair being rendered; outer frames are the callers'.
  struct Frame {
    const Frame* outer;
    const Template* tmpl;
    std::uint32_t parent;
  };

  void render_range(const Template& t, std::uint32_t i, std::uint32_t end, const Frame* frame);
  void descend(const Template& t, std::uint32_t begin, std::uint32_t end, const Frame* frame,
               const Template& cause_tmpl, const Node& cause);
  void render_section(const Template& t, std::uint32_t i, const Frame* frame);
  void render_inclusion(const Template& t, std::uint32_t i, const Frame* frame);
  void render_block(const Template& t, std::uint32_t i, const Frame* frame);
  const Template* resolve(const Template& t, const Node& n, std::string& name);
  const json* lookup(const Node& n) const;
  void enter_line(std::string_view indent);
  void write_text(std::string_view s);
  void write_value(const json& v, bool escape);
  void write_string(std::string_view s, bool escape);
  void fail(const Template& t, const Node& n, std::string message);

  const TemplateMap& templates_;
  const RenderOptions& options_;
  std::vector<Error>& errors_;
  std::string& out_;
  std::vector<const json*> stack_;
  std::string indent_;   // prefix for every template line started from here on
  bool pending_ = true;  // at the start of a line: the next output gets `indent_` first
  bool aborted_ = false;
  int depth_ = 0;    // partials and parents being expanded
  int nesting_ = 0;  // every recursive descent
  std::uint64_t steps_ = 0;
};

void Renderer::fail(const Template& t, const Node& n, std::string message) {
  errors_.push_back({t.name, n.line, n.col, std::move(message)});
  aborted_ = true;
}

void Renderer::render_range(const Template& t, std::uint32_t i, std::uint32_t end,
                            const Frame* frame) {
  while (i < end && !aborted_) {
    const Node& n = t.nodes[i];
    if (++steps_ > options_.max_steps) {
      fail(t, n, "rendering took more than " + std::to_string(options_.max_steps) + " steps");
      return;
    }
    if (out_.size() > options_.max_output) {
      fail(t, n, "output is larger than " + std::to_string(options_.max_output) + " bytes");
      return;
    }
    switch (n.kind) {
    case Kind::kText:
      write_text(n.text);
      break;
    case Kind::kEscaped:
    case Kind::kRaw:
      if (const json* v = lookup(n)) write_value(*v, n.kind == Kind::kEscaped);
      break;
    case Kind::kSection:
      render_section(t, i, frame);
      break;
    case Kind::kInverted:
      if (!truthy(lookup(n))) descend(t, i + 1, n.end, frame, t, n);
      break;
    case Kind::kPartial:
    case Kind::kParent:
      render_inclusion(t, i, frame);
      break;
    case Kind::kBlock:
      render_block(t, i, frame);
      break;
    }
    i = n.end;
  }
}

void Renderer::descend(const Template& t, std::uint32_t begin, std::uint32_t end,
                       const Frame* frame, const Template& cause_tmpl, const Node& cause) {
  if (nesting_ >= kMaxNesting) {
    fail(cause_tmpl, cause,
         "templates nested deeper than " + std::to_string(kMaxNesting) + " levels");
    return;
  }
  ++nesting_;
  render_range(t, begin, end, frame);
  --nesting_;
}

void Renderer::render_section(const Template& t, std::uint32_t i, const Frame* frame) {
  const Node& n = t.nodes[i];
  const json* v = lookup(n);
  if (v != nullptr && v->is_array()) {
    for (const json& item : *v) {
      stack_.push_back(&item);
      descend(t, i + 1, n.end, frame, t, n);
      stack_.pop_back();
      if (aborted_) return;
    }
  } else if (truthy(v)) {
    stack_.push_back(v);
    descend(t, i + 1, n.end, frame, t, n);
    stack_.pop_back();
  }
}

const Template* Renderer::resolve(const Template& t, const Node& n, std::string& name) {
  const char* what = n.kind == Kind::kParent ? "parent" : "partial";
  if (n.dynamic) {
    const json* v = lookup(n);
    if (v != nullptr && v->is_string()) {
      name = v->get_ref<const std::string&>();
    } else if (v != nullptr && v->is_number()) {
      name = v->dump();
    } else {
      if (options_.strict_partials) {
        errors_.push_back({t.name, n.line, n.col,
                           std::string("dynamic ") + what + " name '" + n.text +
                               "' does not resolve to a template name"});
      }
      return nullptr;
    }
  } else {
    name = n.text;
  }
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    if (options_.strict_partials) {
      errors_.push_back({t.name, n.line, n.col, std::string(what) + " '" + name + "' not found"});
    }
    return nullptr;
  }
  return it->second.get();
}

void Renderer::render_inclusion(const Template& t, std::uint32_t i, const Frame* frame) {
  const Node& n = t.nodes[i];
  std::string name;
  const Template* target = resolve(t, n, name);
  if (target == nullptr) return;
  if (depth_ >= options_.max_depth) {
    fail(t, n,
         std::string(n.kind == Kind::kParent ? "parent '" : "partial '") + name +
             "' nested deeper than " + std::to_string(options_.max_depth) + " levels");
    return;
  }
  const Frame arguments{frame, &t, i};
  const std::size_t saved = indent_.size();
  if (n.standalone) enter_line(n.indent);
  ++depth_;
  descend(*target, 0, static_cast<std::uint32_t>(target->nodes.size()),
          n.kind == Kind::kParent ? &arguments : frame, t, n);
  --depth_;
  indent_.resize(saved);
}

void Renderer::render_block(const Template& t, std::uint32_t i, const Frame* frame) {
  const Node& n = t.nodes[i];
  const Template* source = nullptr;
  std::uint32_t at = 0;
  // The outermost override wins: a child template has the last word over its ancestors.
  for (const Frame* f = frame; f != nullptr; f = f->outer) {
    const std::vector<Node>& nodes = f->tmpl->nodes;
    for (std::uint32_t j = f->parent + 1; j < nodes[f->parent].end; j = nodes[j].end) {
      if (nodes[j].kind == Kind::kBlock && nodes[j].text == n.text) {
        source = f->tmpl;
        at = j;
      }
    }
  }
  if (source == nullptr) {
    descend(t, i + 1, n.end, frame, t, n);
    return;
  }
  const std::size_t saved = indent_.size();
  if (n.standalone) {
    enter_line(n.indent);
  } else {
    indent_ += n.indent;  // the first line's indentation is already in the text before
  }
  descend(*source, at + 1, source->nodes[at].end, frame, t, n);
  indent_.resize(saved);
}

const json* Renderer::lookup(const Node& n) const {
  if (n.path.empty()) return stack_.back();
  const json* v = nullptr;
  for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
    if (!(*it)->is_object()) continue;
    auto found = (*it)->find(n.path.front());
    if (found != (*it)->end()) {
      v = &*found;
      break;
    }
  }
  for (std::size_t k = 1; v != nullptr && k < n.path.size(); ++k) {
    if (!v->is_object()) return nullptr;
    auto found = v->find(n.path[k]);
    v = found == v->end() ? nullptr : &*found;
  }
  return v;
}

// A standalone tag's lines get `indent` on top of the current prefix. Its first line may start
// in the middle of an output line (a block placed after text); then only its own part is added.
void Renderer::enter_line(std::string_view indent) {
  if (!pending_) out_ += indent;
  indent_ += indent;
}

void Renderer::write_text(std::string_view s) {
  if (s.empty()) return;
  if (indent_.empty()) {
    out_ += s;
    pending_ = s.back() == '\n';
    return;
  }
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t nl = s.find('\n', i);
    const std::size_t stop = nl == std::string_view::npos ? s.size() : nl + 1;
    // Empty lines stay empty rather than gaining trailing whitespace.
    const bool empty_line = s[i] == '\n' || (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n');
    if (pending_ && !empty_line) out_ += indent_;
    out_.append(s.data() + i, stop - i);
    pending_ = nl != std::string_view::npos;
    i = stop;
  }
}

void Renderer::write_value(const json& v, bool escape) {
  switch (v.type()) {
  case json::value_t::null:
  case json::value_t::discarded:
    return;
  case json::value_t::string:
    write_string(v.get_ref<const std::string&>(), escape);
    return;
  case json::value_t::boolean:
    write_string(v.get<bool>() ? "true" : "false", false);
    return;
  case json::value_t::number_integer:
  case json::value_t::number_unsigned: {
    char buf[24];
    auto result = v.is_number_unsigned()
                      ? std::to_chars(buf, buf + sizeof buf, v.get<std::uint64_t>())
                      : std::to_chars(buf, buf + sizeof buf, v.get<std::int64_t>());
    write_string(std::string_view(buf, static_cast<std::size_t>(result.ptr - buf)), false);
    return;
  }
  default:
    write_string(v.dump(), escape);
    return;
  }
}

void Renderer::write_string(std::string_view s, bool escape) {
  if (s.empty()) return;
  if (pending_) {
    out_ += indent_;
    pending_ = false;
  }
  if (!escape) {
    out_ += s;
    return;
  }
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char* entity = nullptr;
    switch (s[i]) {
    case '&':
      entity = "&amp;";
      break;
    case '<':
      entity = "&lt;";
      break;
    case '>':
      entity = "&gt;";
      break;
    case '"':
      entity = "&quot;";
      break;
    case '\'':
      if (options_.html_escape_apostrophe) entity = "&#39;";
      break;
    default:
      break;
    }
    if (entity != nullptr) {
      out_.append(s.data() + run, i - run);
      out_ += entity;
      run = i + 1;
    }
  }
  out_.append(s.data() + run, s.size() - run);
}

}  // namespace

Library::Library() = default;
Library::~Library() = default;
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&&) noexcept = default;

bool Library::add(const std::string& name, std::string_view source, std::vector<Error>& errors) {
  std::optional<Template> parsed = detail::parse(name, source, errors);
  if (!parsed) return false;
  templates_.insert_or_assign(name, std::make_unique<const Template>(std::move(*parsed)));
  return true;
}

bool Library::has(const std::string& name) const {
  return templates_.count(name) > 0;
}

std::string Library::render(const std::string& name, const nlohmann::json& data,
                            std::vector<Error>& errors, const Options& options) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) {
    errors.push_back({name, 0, 0, "template not found"});
    return {};
  }
  return render_template(*it->second, data, errors, options);
}

std::string Library::render_template(const detail::Template& tmpl, const nlohmann::json& data,
                                     std::vector<Error>& errors, const Options& options) const {
  std::string out;
  Renderer renderer(templates_, options, errors, out);
  if (!renderer.run(tmpl, data)) out.clear();
  return out;
}

std::string render_string(std::string_view tmpl, const nlohmann::json& data,
                          const nlohmann::json& partials, std::vector<Error>& errors) {
  Library library;
  if (partials.is_object()) {
    for (const auto& [name, source] : partials.items()) {
      if (source.is_string()) library.add(name, source.get_ref<const std::string&>(), errors);
    }
  }
  std::optional<Template> parsed = detail::parse("template", tmpl, errors);
  if (!parsed) return {};
  return library.render_template(*parsed, data, errors, {});
}

}  // namespace generator::mustache
