#include "generator/json_positions.h"

#include <exception>
#include <vector>

namespace generator {
namespace {

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct Duplicate {
  std::string path;
  SourcePos at;
  SourcePos first;
};

// Walks text that nlohmann already accepted, so it only tracks positions and never validates;
// every read is still bounds-checked. Iterative, so deep nesting cannot exhaust the stack.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void run() {
    skip_ws();
    begin_value("", here());
    while (!stack_.empty() && i_ < text_.size()) {
      skip_ws();
      char c = peek();
      if (c == '}' || c == ']') {
        advance();
        stack_.pop_back();
        continue;
      }
      if (c == ',') {
        advance();
        skip_ws();
      }
      Frame& frame = stack_.back();
      if (frame.object) {
        SourcePos key_pos = here();
        std::string key = read_string();
        skip_ws();
        if (peek() == ':') advance();
        skip_ws();
        std::string path = field_path(frame.path, key);
        auto [it, inserted] = frame.keys.emplace(key, key_pos);
        if (!inserted) duplicates.push_back({path, key_pos, it->second});
        begin_value(path, key_pos);
      } else {
        std::string path = field_path(frame.path, frame.index++);
        SourcePos pos = here();
        begin_value(path, pos);
      }
    }
  }

  FieldPositions positions;
  std::vector<Duplicate> duplicates;
  std::optional<SourcePos> too_deep;

 private:
  struct Frame {
    bool object = false;
    std::string path;
    std::size_t index = 0;
    std::map<std::string, SourcePos> keys;
  };

  char peek() const { return i_ < text_.size() ? text_[i_] : '\0'; }
  SourcePos here() const { return {line_, col_}; }

  void advance() {
    if (i_ >= text_.size()) return;
    if (text_[i_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++i_;
  }

  void skip_ws() {
    while (i_ < text_.size() &&
           (text_[i_] == ' ' || text_[i_] == '\t' || text_[i_] == '\n' || text_[i_] == '\r')) {
      advance();
    }
  }

  void begin_value(const std::string& path, SourcePos key_pos) {
    SourcePos value_pos = here();
    positions[path] = {key_pos, value_pos};
    char c = peek();
    if (c == '{' || c == '[') {
      if (stack_.size() >= static_cast<std::size_t>(kMaxNesting)) {
        if (!too_deep) too_deep = value_pos;
        i_ = text_.size();  // positions below this depth are never needed: stop here
        return;
      }
      advance();
      stack_.push_back(Frame{c == '{', path, 0, {}});
    } else if (c == '"') {
      read_string();
    } else {
      while (i_ < text_.size()) {
        char s = text_[i_];
        if (s == ',' || s == ']' || s == '}' || s == ' ' || s == '\t' || s == '\n' || s == '\r') {
          break;
        }
        advance();
      }
    }
  }

  unsigned read_hex4() {
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
      int h = hex_value(peek());
      if (h < 0) return 0xFFFD;
      value = value * 16 + static_cast<unsigned>(h);
      advance();
    }
    return value;
  }

  std::string read_string() {
    std::string out;
    if (peek() != '"') return out;
    advance();
    while (i_ < text_.size() && text_[i_] != '"') {
      char c = text_[i_];
      advance();
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = peek();
      advance();
      switch (e) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        unsigned cp = read_hex4();
        if (cp >= 0xD800 && cp < 0xDC00 && peek() == '\\') {
          advance();
          advance();  // the 'u' of the low surrogate
          unsigned low = read_hex4();
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        break;
      }
      default:
        out += e;
        break;
      }
    }
    advance();  // closing quote
    return out;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  int line_ = 1;
  int col_ = 1;
  std::vector<Frame> stack_;
};

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error ..."; the position is ours to report, so keep only the explanation.
std::string parse_error_text(const std::string& what) {
  std::string text = what;
  auto at = text.find("parse error");
  if (at != std::string::npos) {
    auto colon = text.find(": ", at);
    if (colon != std::string::npos) text = text.substr(colon + 2);
  } else if (auto bracket = text.find("] "); bracket != std::string::npos) {
    text = text.substr(bracket + 2);
  }
  constexpr std::size_t kMaxLength = 160;
  if (text.size() > kMaxLength) text = text.substr(0, kMaxLength) + "...";
  return text;
}

// nlohmann reports the last byte it read: the end of the offending token. A reader looks for
// the token's start, so step back over a string or a bare word.
std::size_t token_start(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return offset;
  auto is_word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '+' || c == '-';
  };
  if (text[offset] == '"') {
    for (std::size_t i = offset; i-- > 0;) {
      if (text[i] == '\n') return offset;
      if (text[i] != '"') continue;
      std::size_t backslashes = 0;
      for (std::size_t k = i; k-- > 0 && text[k] == '\\';) ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
    return offset;
  }
  if (!is_word(text[offset])) return offset;
  while (offset > 0 && is_word(text[offset - 1])) --offset;
  return offset;
}

}  // namespace

std::string field_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + '.' + key;
}

std::string field_path(const std::string& parent, std::size_t index) {
  return parent + '[' + std::to_string(index) + ']';
}

SourcePos position_of(const FieldPositions& positions, const std::string& path, bool key,
                      SourcePos fallback) {
  auto it = positions.find(path);
  if (it == positions.end()) return fallback;
  return key ? it->second.key : it->second.value;
}

LineCol json_error_position(std::string_view text, std::size_t byte) {
  return line_col_at(text, token_start(text, byte > 0 ? byte - 1 : 0));
}

std::optional<ParsedJson> parse_json_with_positions(std::string_view text, const std::string& path,
                                                    Diagnostics& diags) {
  ParsedJson parsed;
  try {
    parsed.value = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    LineCol lc = json_error_position(text, e.byte);
    diags.error(path, lc.line, lc.col, "invalid JSON: " + parse_error_text(e.what()));
    return std::nullopt;
  } catch (const std::exception& e) {
    diags.error(path, 0, 0, "invalid JSON: " + parse_error_text(e.what()));
    return std::nullopt;
  }

  Scanner scanner(text);
  scanner.run();
  if (scanner.too_deep) {
    diags.error(path, scanner.too_deep->line, scanner.too_deep->col,
                "nested more than " + std::to_string(kMaxNesting) + " levels deep");
    return std::nullopt;
  }
  for (const Duplicate& d : scanner.duplicates) {
    diags.error(
        path, d.at.line, d.at.col,
        "duplicate key '" + d.path + "' (first at line " + std::to_string(d.first.line) + ")");
  }
  if (!scanner.duplicates.empty()) return std::nullopt;
  parsed.positions = std::move(scanner.positions);
  return parsed;
}

}  // namespace generator
