#include "generator/frontmatter.h"

#include <yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

namespace generator {
namespace {

std::string_view trim_right(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line) {
  return trim_right(line) == "---";
}

// The conversion recurses once per nesting level; a look at the raw text rejects deep flow
// nesting and long runs of block indicators ("- - - - x") before the parser sees them. Returns the
// 0-based offending line.
std::optional<int> too_deep_line(std::string_view yaml, int max_depth) {
  int flow = 0;
  int line = 0;
  bool line_start = true;
  std::size_t prefix = 0;
  const std::size_t max_prefix = static_cast<std::size_t>(max_depth) * 4;
  for (char c : yaml) {
    if (c == '\n') {
      ++line;
      line_start = true;
      prefix = 0;
      continue;
    }
    if (line_start) {
      if (c == ' ' || c == '\t' || c == '-' || c == '?') {
        if (++prefix > max_prefix) return line;
      } else {
        line_start = false;
      }
    }
    if (c == '[' || c == '{') {
      if (++flow > max_depth) return line;
    } else if ((c == ']' || c == '}') && flow > 0) {
      --flow;
    }
  }
  return std::nullopt;
}

bool is_decimal_int(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_float(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  std::size_t i = 0;
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    std::size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

// libyaml's events, one at a time, freed when the next one is read.
class EventReader {
 public:
  explicit EventReader(std::string_view yaml) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()),
                                 yaml.size());
  }
  ~EventReader() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  EventReader(const EventReader&) = delete;
  EventReader& operator=(const EventReader&) = delete;

  // False on a syntax error: problem() and problem_mark() say what and where.
  bool next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    return has_event_;
  }
  const yaml_event_t& event() const { return event_; }
  std::string problem() const {
    std::string what = parser_.problem ? parser_.problem : "unreadable";
    if (parser_.context) what = std::string(parser_.context) + ": " + what;
    return what;
  }
  yaml_mark_t problem_mark() const { return parser_.problem_mark; }

 private:
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

// Turns the event stream of one YAML document into JSON, recording the line:col of every field
// and enforcing the limits; aliases are expanded and count as often as they are used.
class Converter {
 public:
  Converter(EventReader& events, const std::string& path, int first_line,
            const FrontMatterLimits& limits, FieldPositions& positions, Diagnostics& diags)
      : events_(events),
        path_(path),
        first_line_(first_line),
        limits_(limits),
        positions_(positions),
        diags_(diags) {}

  // Reads the node that starts with the current event. False once the input proved broken, too
  // large or too deep: the caller stops using it.
  bool convert(const std::string& field, int depth, nlohmann::json& out) {
    const yaml_event_t& ev = events_.event();
    SourcePos at = pos(ev.start_mark);
    if (ev.type == YAML_ALIAS_EVENT) return expand_alias(at, out);
    if (!count(at, 1)) return false;
    if (depth > limits_.max_depth) {
      return abort(at, "front matter too deeply nested (more than " +
                           std::to_string(limits_.max_depth) + " levels)");
    }
    std::string anchor = anchor_of(ev);
    std::size_t visited_before = visited_;
    bool ok = true;
    switch (ev.type) {
    case YAML_SCALAR_EVENT: {
      std::string text(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
      // An untagged plain scalar is resolved by the core schema; quoted or tagged ones are text.
      out = ev.data.scalar.plain_implicit ? resolve_plain_scalar(text) : nlohmann::json(text);
      break;
    }
    case YAML_SEQUENCE_START_EVENT:
      ok = convert_sequence(field, depth, out);
      break;
    case YAML_MAPPING_START_EVENT:
      ok = convert_mapping(field, depth, out);
      break;
    default:
      return abort(at, "invalid YAML: unexpected event");
    }
    if (ok && !anchor.empty()) anchors_[anchor] = {out, visited_ - visited_before};
    return ok;
  }

  // Reads the next event; a syntax error is reported and ends the conversion.
  bool advance() {
    if (events_.next()) return true;
    yaml_mark_t mark = events_.problem_mark();
    return abort(pos(mark), "invalid YAML: " + events_.problem());
  }

  bool failed() const { return failed_; }

  SourcePos pos(const yaml_mark_t& mark) const {
    return {static_cast<int>(mark.line) + first_line_, static_cast<int>(mark.column) + 1};
  }

 private:
  struct Anchored {
    nlohmann::json value;
    std::size_t values = 0;  // nodes it holds, counted again at each use
  };

  static std::string anchor_of(const yaml_event_t& ev) {
    const yaml_char_t* a = nullptr;
    if (ev.type == YAML_SCALAR_EVENT) a = ev.data.scalar.anchor;
    if (ev.type == YAML_SEQUENCE_START_EVENT) a = ev.data.sequence_start.anchor;
    if (ev.type == YAML_MAPPING_START_EVENT) a = ev.data.mapping_start.anchor;
    return a ? std::string(reinterpret_cast<const char*>(a)) : std::string();
  }

  bool count(SourcePos at, std::size_t n) {
    visited_ += n;
    if (visited_ <= limits_.max_values) return true;
    return abort(at, "front matter too large (more than " + std::to_string(limits_.max_values) +
                         " values, aliases included)");
  }

  bool expand_alias(SourcePos at, nlohmann::json& out) {
    const yaml_event_t& ev = events_.event();
    std::string name(reinterpret_cast<const char*>(ev.data.alias.anchor));
    auto it = anchors_.find(name);
    // Also an alias inside its own anchor's node ("&a [*a]"): that node is not finished yet.
    if (it == anchors_.end()) {
      return abort(at, "invalid YAML: alias '*" + name + "' refers to no anchor defined before it");
    }
    if (!count(at, std::max<std::size_t>(1, it->second.values))) return false;
    out = it->second.value;
    return true;
  }

  bool convert_sequence(const std::string& field, int depth, nlohmann::json& out) {
    out = nlohmann::json::array();
    for (std::size_t index = 0;; ++index) {
      if (!advance()) return false;
      if (events_.event().type == YAML_SEQUENCE_END_EVENT) return true;
      std::string child_field = field_path(field, index);
      SourcePos child_at = pos(events_.event().start_mark);
      positions_[child_field] = {child_at, child_at};
      nlohmann::json value;
      if (!convert(child_field, depth + 1, value)) return false;
      out.push_back(std::move(value));
    }
  }

  bool convert_mapping(const std::string& field, int depth, nlohmann::json& out) {
    out = nlohmann::json::object();
    std::map<std::string, int, std::less<>> seen;
    for (;;) {
      if (!advance()) return false;
      const yaml_event_t& key_ev = events_.event();
      if (key_ev.type == YAML_MAPPING_END_EVENT) return true;
      SourcePos key_at = pos(key_ev.start_mark);
      if (key_ev.type != YAML_SCALAR_EVENT) {
        error(key_at, "a front matter key must be a plain name");
        nlohmann::json ignored;  // the key and its value are read and dropped
        if (!convert(field, depth + 1, ignored) || !advance() ||
            !convert(field, depth + 1, ignored)) {
          return false;
        }
        continue;
      }
      if (!count(key_at, 1)) return false;
      std::string key(reinterpret_cast<const char*>(key_ev.data.scalar.value),
                      key_ev.data.scalar.length);
      std::string child_field = field_path(field, key);
      if (!advance()) return false;
      const yaml_event_t& value_ev = events_.event();
      // An empty value has no place of its own: it is reported at its key.
      bool empty = value_ev.type == YAML_SCALAR_EVENT && value_ev.data.scalar.length == 0 &&
                   value_ev.data.scalar.plain_implicit;
      SourcePos value_at = empty ? key_at : pos(value_ev.start_mark);
      nlohmann::json value;
      if (auto [seen_it, inserted] = seen.emplace(key, key_at.line); !inserted) {
        error(key_at, "duplicate field '" + child_field + "' (first at line " +
                          std::to_string(seen_it->second) + ")");
        if (!convert(child_field, depth + 1, value)) return false;
        continue;
      }
      positions_[child_field] = {key_at, value_at};
      if (!convert(child_field, depth + 1, value)) return false;
      out[key] = std::move(value);
    }
  }

  void error(SourcePos at, std::string message) {
    failed_ = true;
    diags_.error(path_, at.line, at.col, std::move(message));
  }

  bool abort(SourcePos at, std::string message) {
    error(at, std::move(message));
    return false;
  }

  EventReader& events_;
  const std::string& path_;
  int first_line_;
  const FrontMatterLimits& limits_;
  FieldPositions& positions_;
  Diagnostics& diags_;
  std::map<std::string, Anchored, std::less<>> anchors_;
  std::size_t visited_ = 0;
  bool failed_ = false;
};

}  // namespace

nlohmann::json resolve_plain_scalar(const std::string& text) {
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return nullptr;
  }
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (is_decimal_int(text)) {
    const char* first = text.data() + (text[0] == '+' ? 1 : 0);
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(first, text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) return value;
    return text;  // beyond 64 bits: keep the digits
  }
  if (is_float(text)) {
    double value = std::strtod(text.c_str(), nullptr);
    if (std::isfinite(value)) return value;
    return text;
  }
  return text;
}

std::optional<FrontMatter> parse_frontmatter(std::string_view text, const std::string& path,
                                             Diagnostics& diags, const FrontMatterLimits& limits) {
  std::size_t first_end = text.find('\n');
  std::string_view first_line = text.substr(0, first_end);
  if (!is_fence(first_line)) {
    diags.error(path, 1, 1, "missing front matter: the file must start with a '---' line");
    return std::nullopt;
  }
  if (first_end == std::string_view::npos) {
    diags.error(path, 1, 1, "front matter is not closed: no '---' line after the opening one");
    return std::nullopt;
  }

  std::size_t yaml_begin = first_end + 1;
  std::size_t cursor = yaml_begin;
  int line = 2;
  std::optional<std::size_t> close_begin;
  std::size_t close_end = text.size();
  while (cursor < text.size()) {
    std::size_t end = text.find('\n', cursor);
    std::string_view current =
        text.substr(cursor, end == std::string_view::npos ? end : end - cursor);
    if (is_fence(current)) {
      close_begin = cursor;
      close_end = end == std::string_view::npos ? text.size() : end + 1;
      break;
    }
    if (end == std::string_view::npos) break;
    cursor = end + 1;
    ++line;
  }
  if (!close_begin) {
    diags.error(path, 1, 1, "front matter is not closed: no '---' line after the opening one");
    return std::nullopt;
  }

  FrontMatter result;
  result.positions[""] = {{1, 1}, {1, 1}};
  result.body = std::string(text.substr(close_end));
  result.body_line = line + 1;

  std::string_view yaml = text.substr(yaml_begin, *close_begin - yaml_begin);
  if (yaml.size() > limits.max_bytes) {
    diags.error(
        path, 2, 1,
        "front matter too large (more than " + std::to_string(limits.max_bytes) + " bytes)");
    return std::nullopt;
  }
  if (auto deep = too_deep_line(yaml, limits.max_depth)) {
    diags.error(path, *deep + 2, 1,
                "front matter too deeply nested (more than " + std::to_string(limits.max_depth) +
                    " levels)");
    return std::nullopt;
  }

  // The first document of the stream; nothing but comments gives no fields.
  EventReader events(yaml);
  Converter converter(events, path, 2, limits, result.positions, diags);
  bool started = false;
  while (!started) {
    if (!converter.advance()) return std::nullopt;
    switch (events.event().type) {
    case YAML_STREAM_END_EVENT:
      return result;
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_START_EVENT:
      break;
    default:
      started = true;
    }
  }
  const yaml_event_t& root = events.event();
  SourcePos root_at = converter.pos(root.start_mark);
  bool empty_root =
      root.type == YAML_SCALAR_EVENT && root.data.scalar.plain_implicit &&
      resolve_plain_scalar(std::string(reinterpret_cast<const char*>(root.data.scalar.value),
                                       root.data.scalar.length))
          .is_null();
  if (empty_root) return result;
  if (root.type != YAML_MAPPING_START_EVENT) {
    diags.error(path, root_at.line, root_at.col,
                "front matter must be a list of 'field: value' lines");
    return std::nullopt;
  }
  nlohmann::json fields;
  if (!converter.convert("", 0, fields) || converter.failed()) return std::nullopt;
  // The document must end well-formed; later documents are not read.
  do {
    if (!converter.advance()) return std::nullopt;
  } while (events.event().type != YAML_DOCUMENT_END_EVENT &&
           events.event().type != YAML_STREAM_END_EVENT);
  result.fields = std::move(fields);
  return result;
}

}  // namespace generator
