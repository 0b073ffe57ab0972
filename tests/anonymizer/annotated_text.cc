#include "tests/anonymizer/annotated_text.h"

#include <algorithm>
#include <cctype>

namespace anonymizer::eval {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_list(std::string_view value) {
  std::vector<std::string> items;
  while (!value.empty()) {
    auto semi = value.find(';');
    auto item = trim(value.substr(0, semi));
    if (!item.empty()) items.emplace_back(item);
    if (semi == std::string_view::npos) break;
    value.remove_prefix(semi + 1);
  }
  return items;
}

struct Cursor {
  std::string_view name;
  std::string* error;
  bool fail(int line, const std::string& message) {
    if (error) *error = std::string(name) + ":" + std::to_string(line) + ": " + message;
    return false;
  }
};

bool parse_header_line(std::string_view line, int line_no, AnnotatedText& doc, Cursor& cur) {
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return cur.fail(line_no, "expected 'key: value'");
  auto key = trim(line.substr(0, colon));
  auto value = trim(line.substr(colon + 1));
  if (key == "persons") {
    for (const auto& item : split_list(value)) {
      auto eq = item.find('=');
      if (eq == std::string::npos) return cur.fail(line_no, "person '" + item + "' has no =role");
      Person p{std::string(trim(std::string_view(item).substr(0, eq))),
               std::string(trim(std::string_view(item).substr(eq + 1)))};
      if (p.name.empty() || p.role.empty()) return cur.fail(line_no, "empty person name or role");
      doc.persons.push_back(std::move(p));
    }
  } else if (key == "allow-persons") {
    doc.allow.persons = split_list(value);
  } else if (key == "allow-emails") {
    doc.allow.emails = split_list(value);
  } else if (key == "allow-terms") {
    doc.allow.terms = split_list(value);
  } else if (key == "profile") {
    if (value == "public") {
      doc.profile = Profile::kPublic;
    } else if (value == "kinderen") {
      doc.profile = Profile::kKinderen;
    } else {
      return cur.fail(line_no,
                      "profile must be public or kinderen, not '" + std::string(value) + "'");
    }
  } else {
    return cur.fail(line_no, "unknown header key '" + std::string(key) + "'");
  }
  return true;
}

// Parses one markup construct that starts at `line[i]`; appends its text to the plain text.
bool parse_markup(std::string_view line, std::size_t& i, int line_no, AnnotatedText& doc,
                  Cursor& cur) {
  std::string_view open = line.substr(i, 2);
  std::string_view close = open == "{{" ? "}}" : open == "<<" ? ">>" : "]]";
  auto end = line.find(close, i + 2);
  if (end == std::string_view::npos) {
    return cur.fail(line_no, "'" + std::string(open) + "' is not closed on the same line");
  }
  std::string_view inner = line.substr(i + 2, end - i - 2);
  ExpectedSpan span;
  span.line = line_no;
  if (open == "<<") {
    span.kind = SpanKind::kKeep;
    span.category = "keep";
  } else {
    auto colon = inner.find(':');
    if (colon == std::string_view::npos) {
      return cur.fail(
          line_no, "expected '" + std::string(open) + "category:text" + std::string(close) + "'");
    }
    std::string category(inner.substr(0, colon));
    inner.remove_prefix(colon + 1);
    if (open == "[[") {
      if (category != "flag") return cur.fail(line_no, "only [[flag:...]] is known");
      span.kind = SpanKind::kFlag;
    } else if (category == "naam?") {
      span.kind = SpanKind::kDetect;
      category = "naam";
    } else {
      const auto& known = known_categories();
      if (std::find(known.begin(), known.end(), category) == known.end()) {
        return cur.fail(line_no, "unknown category '" + category + "'");
      }
      span.kind = SpanKind::kRedact;
    }
    span.category = category;
  }
  if (inner.empty() || inner.find_first_of("{}<>[]") != std::string_view::npos) {
    return cur.fail(line_no, "empty or nested markup");
  }
  span.start = doc.text.size();
  doc.text.append(inner);
  span.end = doc.text.size();
  span.text = std::string(inner);
  doc.spans.push_back(std::move(span));
  i = end + 2;
  return true;
}

bool parse_body_line(std::string_view line, int line_no, AnnotatedText& doc, Cursor& cur) {
  std::size_t i = 0;
  while (i < line.size()) {
    auto two = line.substr(i, 2);
    if (two == "{{" || two == "<<" || two == "[[") {
      if (!parse_markup(line, i, line_no, doc, cur)) return false;
    } else if (two == "}}" || two == ">>" || two == "]]") {
      return cur.fail(line_no, "'" + std::string(two) + "' closes nothing");
    } else {
      doc.text.push_back(line[i++]);
    }
  }
  doc.text.push_back('\n');
  return true;
}

}  // namespace

const std::vector<std::string>& known_categories() {
  static const std::vector<std::string> kCategories = {
      "naam",     "bsn",           "iban",     "telefoon", "email",   "adres",
      "postcode", "geboortedatum", "kenteken", "kenmerk",  "leeftijd"};
  return kCategories;
}

std::optional<AnnotatedText> parse_annotated(std::string_view source, std::string_view name,
                                             std::string* error) {
  AnnotatedText doc;
  doc.name = std::string(name);
  Cursor cur{name, error};
  bool in_body = false;
  int line_no = 0;
  while (!source.empty()) {
    ++line_no;
    auto nl = source.find('\n');
    std::string_view line = source.substr(0, nl);
    source.remove_prefix(nl == std::string_view::npos ? source.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (in_body) {
      if (!parse_body_line(line, line_no, doc, cur)) return std::nullopt;
    } else if (trim(line) == "---") {
      in_body = true;
    } else if (!trim(line).empty() && trim(line).front() != '#') {
      if (!parse_header_line(line, line_no, doc, cur)) return std::nullopt;
    }
  }
  if (!in_body) {
    cur.fail(line_no, "no '---' line between header and text");
    return std::nullopt;
  }
  return doc;
}

std::size_t count_words(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace anonymizer::eval
