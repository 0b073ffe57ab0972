// Mustache parser: one pass over the source with an explicit stack of open sections, so deep
// nesting costs heap, not call stack. Standalone lines are resolved here, once, so rendering
// never looks at whitespace rules again.

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "generator/mustache.h"

namespace generator::mustache::detail {
namespace {

constexpr std::uint32_t kNoNode = std::numeric_limits<std::uint32_t>::max();
// Node indices are 32-bit; a template this large is a mistake, not a web page.
constexpr std::size_t kMaxSource = std::size_t{1} << 30;

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_space(char c) {
  return is_blank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool has_space(std::string_view s) {
  return std::any_of(s.begin(), s.end(), is_space);
}

// Leading blanks of the first line in `s` that holds anything else; nullopt when all blank.
std::optional<std::string_view> first_line_indent(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && is_blank(s[j])) ++j;
    if (j < s.size() && s[j] != '\n' && s[j] != '\r') return s.substr(i, j - i);
    const std::size_t nl = s.find('\n', j);
    if (nl == std::string_view::npos) break;
    i = nl + 1;
  }
  return std::nullopt;
}

// Removes from each line start of `text` as much of `prefix` as the line begins with.
void dedent_text(std::string& text, bool at_line_start, std::string_view prefix) {
  std::string out;
  out.reserve(text.size());
  bool bol = at_line_start;
  for (std::size_t i = 0; i < text.size();) {
    if (bol) {
      for (std::size_t k = 0; k < prefix.size() && i < text.size() && text[i] == prefix[k]; ++k)
        ++i;
      bol = false;
      continue;
    }
    out += text[i];
    bol = text[i] == '\n';
    ++i;
  }
  text = std::move(out);
}

void dedent_indent(std::string& indent, std::string_view prefix) {
  std::size_t k = 0;
  while (k < prefix.size() && k < indent.size() && indent[k] == prefix[k]) ++k;
  indent.erase(0, k);
}

// Tracks line:col for non-decreasing offsets without rescanning the source.
class Cursor {
 public:
  explicit Cursor(std::string_view src) : src_(src) {}
  std::pair<int, int> at(std::size_t offset) {
    for (; offset_ < offset && offset_ < src_.size(); ++offset_) {
      if (src_[offset_] == '\n') {
        ++line_;
        col_ = 1;
      } else {
        ++col_;
      }
    }
    return {line_, col_};
  }

 private:
  std::string_view src_;
  std::size_t offset_ = 0;
  int line_ = 1;
  int col_ = 1;
};

// Where a tag sits on its line; a standalone tag takes its line's blanks and newline with it.
struct Spot {
  std::size_t begin = 0;     // the opening delimiter
  std::size_t end = 0;       // one past the closing delimiter
  std::size_t ws_begin = 0;  // start of the blanks before the tag
  std::size_t after = 0;     // past the blanks and newline after the tag, when right_clear
  bool left_clear = false;   // only blanks between the line start and the tag
  bool right_clear = false;  // only blanks between the tag and the line end
  bool standalone() const { return left_clear && right_clear; }
};

class Parser {
 public:
  Parser(const std::string& name, std::string_view src, std::vector<Error>& errors)
      : src_(src), cursor_(src), errors_(errors) {
    tmpl_.name = name;
  }

  std::optional<Template> run();

 private:
  struct Open {
    std::uint32_t node;
    std::size_t content_begin;  // source offset where the section's content starts
    std::uint32_t text_before;  // parent: the text node just before its tag, or kNoNode
    Spot spot;
  };

  bool tag(std::size_t begin);
  bool set_delimiters(std::string_view content, std::size_t begin);
  void open(Node node, const Spot& s, std::size_t content_begin);
  void close(std::string_view name, const Spot& s);
  void finish(std::size_t open_index, const Spot& s);
  void dedent_argument(std::uint32_t block, std::string_view prefix);
  bool name_of(std::string_view raw, std::size_t at, Node& node, bool allow_dynamic);
  Spot locate(std::size_t begin, std::size_t end) const;
  void classic(const Spot& s);
  void flush(std::size_t text_end, std::size_t next);
  std::uint32_t push(Node node);
  bool inside_parent() const {
    return !open_.empty() && tmpl_.nodes[open_.back().node].kind == Kind::kParent;
  }
  void error(std::size_t at, std::string message);
  void error_at(const Node& node, std::string message) {
    errors_.push_back({tmpl_.name, node.line, node.col, std::move(message)});
    ok_ = false;
  }

  std::string_view src_;
  Cursor cursor_;
  std::vector<Error>& errors_;
  Template tmpl_;
  std::vector<Open> open_;
  std::string open_delim_ = "{{";
  std::string close_delim_ = "}}";
  std::size_t text_begin_ = 0;  // start of source text not yet turned into nodes
  std::uint32_t last_text_ = kNoNode;
  bool ok_ = true;
};

void Parser::error(std::size_t at, std::string message) {
  auto [line, col] = cursor_.at(at);
  errors_.push_back({tmpl_.name, line, col, std::move(message)});
  ok_ = false;
}

std::uint32_t Parser::push(Node node) {
  const auto index = static_cast<std::uint32_t>(tmpl_.nodes.size());
  node.end = index + 1;
  tmpl_.nodes.push_back(std::move(node));
  return index;
}

void Parser::flush(std::size_t text_end, std::size_t next) {
  last_text_ = kNoNode;
  // Text directly inside a parent tag pair is ignored by the spec; only its blocks count.
  if (text_begin_ < text_end && !inside_parent()) {
    Node text;
    text.kind = Kind::kText;
    text.line_start = text_begin_ == 0 || src_[text_begin_ - 1] == '\n';
    text.text = std::string(src_.substr(text_begin_, text_end - text_begin_));
    last_text_ = push(std::move(text));
  }
  text_begin_ = next;
}

void Parser::classic(const Spot& s) {
  if (s.standalone()) {
    flush(s.ws_begin, s.after);
  } else {
    flush(s.begin, s.end);
  }
}

Spot Parser::locate(std::size_t begin, std::size_t end) const {
  Spot s;
  s.begin = begin;
  s.end = end;
  s.ws_begin = begin;
  while (s.ws_begin > 0 && is_blank(src_[s.ws_begin - 1])) --s.ws_begin;
  s.left_clear = s.ws_begin == 0 || src_[s.ws_begin - 1] == '\n';
  std::size_t i = end;
  while (i < src_.size() && is_blank(src_[i])) ++i;
  s.right_clear = true;
  if (i == src_.size()) {
    s.after = i;
  } else if (src_[i] == '\n') {
    s.after = i + 1;
  } else if (src_[i] == '\r' && i + 1 < src_.size() && src_[i + 1] == '\n') {
    s.after = i + 2;
  } else {
    s.right_clear = false;
    s.after = end;
  }
  return s;
}

bool Parser::name_of(std::string_view raw, std::size_t at, Node& node, bool allow_dynamic) {
  std::string_view name = trim(raw);
  if (allow_dynamic && !name.empty() && name.front() == '*') {
    node.dynamic = true;
    name = trim(name.substr(1));
  }
  if (name.empty()) {
    error(at, "tag has no name");
    return false;
  }
  if (has_space(name)) {
    error(at, "invalid name '" + std::string(name) + "': names cannot contain spaces");
    return false;
  }
  node.text = node.dynamic ? "*" + std::string(name) : std::string(name);
  const bool needs_path = node.dynamic || (node.kind != Kind::kPartial &&
                                           node.kind != Kind::kParent && node.kind != Kind::kBlock);
  if (!needs_path || name == ".") return true;
  for (std::size_t start = 0;;) {
    const std::size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty()) {
      error(at, "invalid name '" + std::string(name) + "': empty part in a dotted name");
      return false;
    }
    node.path.emplace_back(part);
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

bool Parser::set_delimiters(std::string_view content, std::size_t begin) {
  content = trim(content);
  std::size_t split = 0;
  while (split < content.size() && !is_space(content[split])) ++split;
  const std::string_view first = content.substr(0, split);
  const std::string_view second = trim(content.substr(split));
  if (first.empty() || second.empty() || has_space(second) ||
      first.find('=') != std::string_view::npos || second.find('=') != std::string_view::npos) {
    error(begin,
          "invalid set-delimiter tag: expected two delimiters without '=' or spaces, as in " +
              open_delim_ + "=<% %>=" + close_delim_);
    return false;
  }
  open_delim_ = std::string(first);
  close_delim_ = std::string(second);
  return true;
}

void Parser::open(Node node, const Spot& s, std::size_t content_begin) {
  auto [line, col] = cursor_.at(s.begin);
  node.line = line;
  node.col = col;
  const std::uint32_t text_before = last_text_;
  const std::uint32_t index = push(std::move(node));
  open_.push_back({index, content_begin, text_before, s});
}

bool Parser::tag(std::size_t begin) {
  const std::size_t after_open = begin + open_delim_.size();
  const char sigil = after_open < src_.size() ? src_[after_open] : '\0';
  // Triple mustache and set-delimiter tags end in their sigil before the closing delimiter.
  std::string closer = close_delim_;
  std::size_t content_begin = after_open;
  if (sigil == '{' || sigil == '=') {
    closer.insert(closer.begin(), sigil == '{' ? '}' : '=');
    content_begin = after_open + 1;
  }
  const std::size_t close_at = src_.find(closer, content_begin);
  if (close_at == std::string_view::npos) {
    error(begin, "unclosed tag: expected '" + closer + "'");
    return false;
  }
  std::string_view content = src_.substr(content_begin, close_at - content_begin);
  const Spot s = locate(begin, close_at + closer.size());
  auto [line, col] = cursor_.at(begin);
  Node node;
  node.line = line;
  node.col = col;
  // A tag with a bad name becomes nothing; parsing goes on to report further errors.
  auto skip = [this](const Spot& spot) {
    flush(spot.begin, spot.end);
    return true;
  };
  switch (sigil) {
  case '!':
    classic(s);
    return true;
  case '=':
    classic(s);
    return set_delimiters(content, begin);
  case '#':
  case '^':
    node.kind = sigil == '#' ? Kind::kSection : Kind::kInverted;
    if (!name_of(content.substr(1), begin, node, false)) return skip(s);
    classic(s);
    open(std::move(node), s, text_begin_);
    return true;
  case '$': {
    node.kind = Kind::kBlock;
    if (!name_of(content.substr(1), begin, node, false)) return skip(s);
    node.argument = inside_parent();
    if (node.argument) {
      // An argument's left side is the parent's ignored text, so only its right side counts.
      node.standalone = s.right_clear;
      flush(s.begin, s.right_clear ? s.after : s.end);
    } else {
      node.standalone = s.standalone();
      if (s.left_clear) node.indent = std::string(src_.substr(s.ws_begin, s.begin - s.ws_begin));
      classic(s);
    }
    open(std::move(node), s, text_begin_);
    return true;
  }
  case '<':
    node.kind = Kind::kParent;
    if (!name_of(content.substr(1), begin, node, true)) return skip(s);
    // Whether the pair is standalone is known only at its closing tag.
    flush(s.begin, s.end);
    open(std::move(node), s, text_begin_);
    return true;
  case '/': {
    std::string_view name = trim(content.substr(1));
    std::string normalized = !name.empty() && name.front() == '*'
                                 ? "*" + std::string(trim(name.substr(1)))
                                 : std::string(name);
    close(normalized, s);
    return true;
  }
  case '>':
    node.kind = Kind::kPartial;
    if (!name_of(content.substr(1), begin, node, true)) return skip(s);
    if (s.standalone()) {
      node.standalone = true;
      node.indent = std::string(src_.substr(s.ws_begin, s.begin - s.ws_begin));
    }
    classic(s);
    push(std::move(node));
    return true;
  case '&':
  case '{':
    node.kind = Kind::kRaw;
    if (!name_of(sigil == '&' ? content.substr(1) : content, begin, node, false)) return skip(s);
    flush(s.begin, s.end);
    push(std::move(node));
    return true;
  default:
    node.kind = Kind::kEscaped;
    if (!name_of(content, begin, node, false)) return skip(s);
    flush(s.begin, s.end);
    push(std::move(node));
    return true;
  }
}

void Parser::close(std::string_view name, const Spot& s) {
  if (open_.empty()) {
    error(s.begin, "closing tag '" + std::string(name) + "' has no open section");
    classic(s);
    return;
  }
  std::size_t match = open_.size();
  while (match > 0 && tmpl_.nodes[open_[match - 1].node].text != name) --match;
  const Node& top = tmpl_.nodes[open_.back().node];
  if (match != open_.size()) {
    error(s.begin, "closing tag '" + std::string(name) + "' does not match '" + top.text +
                       "' opened at " + std::to_string(top.line) + ":" + std::to_string(top.col));
  }
  if (match == 0) {
    classic(s);
    return;
  }
  // After a mismatch, the sections opened inside the matching one end here too.
  while (open_.size() > match) {
    tmpl_.nodes[open_.back().node].end = static_cast<std::uint32_t>(tmpl_.nodes.size());
    open_.pop_back();
  }
  finish(match - 1, s);
}

void Parser::finish(std::size_t open_index, const Spot& s) {
  const Open o = open_[open_index];
  const Kind kind = tmpl_.nodes[o.node].kind;
  const bool argument = tmpl_.nodes[o.node].argument;
  std::optional<std::string_view> intrinsic;
  if (kind == Kind::kBlock && tmpl_.nodes[o.node].standalone && o.content_begin <= s.begin) {
    intrinsic = first_line_indent(src_.substr(o.content_begin, s.begin - o.content_begin));
  }
  if (kind == Kind::kParent) {
    const bool standalone = o.spot.left_clear && s.right_clear;
    flush(s.begin, standalone ? s.after : s.end);
    if (standalone) {
      const std::size_t ws = o.spot.begin - o.spot.ws_begin;
      Node& parent = tmpl_.nodes[o.node];
      parent.standalone = true;
      parent.indent = std::string(src_.substr(o.spot.ws_begin, ws));
      if (o.text_before != kNoNode) {
        std::string& before = tmpl_.nodes[o.text_before].text;
        before.resize(before.size() - std::min(ws, before.size()));
      }
    }
  } else if (argument) {
    // Closing an argument never takes the newline after it: that text belongs to the parent.
    flush(s.left_clear ? s.ws_begin : s.begin, s.end);
  } else {
    classic(s);
  }
  open_.pop_back();
  Node& node = tmpl_.nodes[o.node];
  node.end = static_cast<std::uint32_t>(tmpl_.nodes.size());
  if (kind != Kind::kBlock || !node.standalone) return;
  if (argument) {
    if (intrinsic && !intrinsic->empty()) dedent_argument(o.node, *intrinsic);
  } else if (intrinsic) {
    node.indent = std::string(*intrinsic);  // else the opening tag's own indentation
  }
}

// An argument's content is re-indented where it lands, so its own indentation goes now.
void Parser::dedent_argument(std::uint32_t block, std::string_view prefix) {
  std::vector<Node>& nodes = tmpl_.nodes;
  for (std::uint32_t i = block + 1; i < nodes[block].end;) {
    Node& n = nodes[i];
    if (n.kind == Kind::kBlock && n.argument && n.standalone) {
      i = n.end;  // already dedented against its own first line
      continue;
    }
    if (n.kind == Kind::kText) {
      dedent_text(n.text, n.line_start, prefix);
    } else if (!n.indent.empty()) {
      dedent_indent(n.indent, prefix);
    }
    ++i;
  }
}

std::optional<Template> Parser::run() {
  if (src_.size() > kMaxSource) {
    errors_.push_back({tmpl_.name, 0, 0, "template is larger than 1 GiB"});
    return std::nullopt;
  }
  for (std::size_t pos = 0;;) {
    const std::size_t begin = src_.find(open_delim_, pos);
    if (begin == std::string_view::npos) break;
    if (!tag(begin)) return std::nullopt;
    pos = std::max(text_begin_, begin + 1);
  }
  flush(src_.size(), src_.size());
  for (const Open& o : open_) {
    const Node& n = tmpl_.nodes[o.node];
    const char* what = n.kind == Kind::kInverted ? "inverted section"
                       : n.kind == Kind::kBlock  ? "block"
                       : n.kind == Kind::kParent ? "parent"
                                                 : "section";
    error_at(n, std::string("unclosed ") + what + " '" + n.text + "'");
  }
  if (!ok_) return std::nullopt;
  return std::move(tmpl_);
}

}  // namespace

std::optional<Template> parse(const std::string& name, std::string_view source,
                              std::vector<Error>& errors) {
  return Parser(name, source, errors).run();
}

}  // namespace generator::mustache::detail
