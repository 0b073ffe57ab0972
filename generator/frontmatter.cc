#include "generator/frontmatter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
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

// yaml-cpp bounds its own recursion, but only at a depth whose stack use is not small under
// sanitizers; a look at the raw text rejects deep flow nesting and long runs of block
// indicators ("- - - - x") before the parser sees them. Returns the 0-based offending line.
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

class Converter {
 public:
  Converter(const std::string& path, int first_line, const FrontMatterLimits& limits,
            FieldPositions& positions, Diagnostics& diags)
      : path_(path),
        first_line_(first_line),
        limits_(limits),
        positions_(positions),
        diags_(diags) {}

  // False once the tree proved too large or too deep: the caller stops using it.
  bool convert(const YAML::Node& node, const std::string& field, int depth, SourcePos fallback,
               nlohmann::json& out) {
    if (aborted_) return false;
    SourcePos at = pos(node.Mark(), fallback);
    if (++visited_ > limits_.max_values) {
      return abort(at, "front matter too large (more than " + std::to_string(limits_.max_values) +
                           " values, aliases included)");
    }
    if (depth > limits_.max_depth) {
      return abort(at, "front matter too deeply nested (more than " +
                           std::to_string(limits_.max_depth) + " levels)");
    }
    switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out = node.Tag() == "?" ? resolve_plain_scalar(node.Scalar()) : nlohmann::json(node.Scalar());
      return true;
    case YAML::NodeType::Sequence: {
      out = nlohmann::json::array();
      std::size_t index = 0;
      for (const YAML::Node& child : node) {
        std::string child_field = field_path(field, index++);
        SourcePos child_at = pos(child.Mark(), at);
        positions_[child_field] = {child_at, child_at};
        nlohmann::json value;
        if (!convert(child, child_field, depth + 1, child_at, value)) return false;
        out.push_back(std::move(value));
      }
      return true;
    }
    case YAML::NodeType::Map: {
      out = nlohmann::json::object();
      std::map<std::string, int> seen;
      for (auto it = node.begin(); it != node.end(); ++it) {
        SourcePos key_at = pos(it->first.Mark(), at);
        if (!it->first.IsScalar()) {
          error(key_at, "a front matter key must be a plain name");
          continue;
        }
        const std::string& key = it->first.Scalar();
        std::string child_field = field_path(field, key);
        if (auto [seen_it, inserted] = seen.emplace(key, key_at.line); !inserted) {
          error(key_at, "duplicate field '" + child_field + "' (first at line " +
                            std::to_string(seen_it->second) + ")");
          continue;
        }
        // yaml-cpp marks an empty value at the next token, often on the next line.
        SourcePos value_at = it->second.IsNull() ? key_at : pos(it->second.Mark(), key_at);
        positions_[child_field] = {key_at, value_at};
        nlohmann::json value;
        if (!convert(it->second, child_field, depth + 1, value_at, value)) return false;
        out[key] = std::move(value);
      }
      return true;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      out = nullptr;
      return true;
    }
    out = nullptr;
    return true;
  }

  bool failed() const { return failed_; }

 private:
  SourcePos pos(const YAML::Mark& mark, SourcePos fallback) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return fallback;
    return {mark.line + first_line_, mark.column + 1};
  }

  void error(SourcePos at, std::string message) {
    failed_ = true;
    diags_.error(path_, at.line, at.col, std::move(message));
  }

  bool abort(SourcePos at, std::string message) {
    error(at, std::move(message));
    aborted_ = true;
    return false;
  }

  const std::string& path_;
  int first_line_;
  const FrontMatterLimits& limits_;
  FieldPositions& positions_;
  Diagnostics& diags_;
  std::size_t visited_ = 0;
  bool failed_ = false;
  bool aborted_ = false;
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

  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    int err_line = e.mark.is_null() ? 2 : e.mark.line + 2;
    int err_col = e.mark.is_null() ? 1 : e.mark.column + 1;
    diags.error(path, err_line, err_col, "invalid YAML: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(path, 2, 1, std::string("invalid YAML: ") + e.what());
    return std::nullopt;
  }

  if (root.IsNull() || !root.IsDefined()) return result;  // only comments or nothing
  if (!root.IsMap()) {
    SourcePos at{2, 1};
    if (!root.Mark().is_null()) at = {root.Mark().line + 2, root.Mark().column + 1};
    diags.error(path, at.line, at.col, "front matter must be a list of 'field: value' lines");
    return std::nullopt;
  }
  try {
    Converter converter(path, 2, limits, result.positions, diags);
    nlohmann::json fields;
    if (!converter.convert(root, "", 0, {1, 1}, fields) || converter.failed()) return std::nullopt;
    result.fields = std::move(fields);
  } catch (const std::exception& e) {
    diags.error(path, 2, 1, std::string("invalid YAML: ") + e.what());
    return std::nullopt;
  }
  return result;
}

}  // namespace generator
