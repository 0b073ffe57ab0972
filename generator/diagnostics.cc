#include "generator/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace generator {

std::string Diagnostic::format() const {
  std::string out = path;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (col > 0) out += ':' + std::to_string(col);
  }
  switch (severity) {
  case Severity::kError:
    out += ": error: ";
    break;
  case Severity::kWarning:
    out += ": warning: ";
    break;
  case Severity::kNote:
    out += ": note: ";
    break;
  }
  out += message;
  // Control characters from content (an id or a file name with ESC or NUL in it) are shown
  // escaped, so a diagnostic can neither drive the terminal nor forge a line of its own.
  std::string shown;
  shown.reserve(out.size());
  for (char c : out) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      shown += "\\x";
      shown += kHex[byte >> 4];
      shown += kHex[byte & 0xF];
    } else {
      shown += c;
    }
  }
  return shown;
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string path, int line, int col, std::string message) {
  add({std::move(path), line, col, Severity::kError, std::move(message)});
}

void Diagnostics::warning(std::string path, int line, int col, std::string message) {
  add({std::move(path), line, col, Severity::kWarning, std::move(message)});
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

std::size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kWarning; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> copy;
  {
    std::lock_guard lock(mutex_);
    copy = items_;
  }
  std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.line, a.col) < std::tie(b.path, b.line, b.col);
  });
  return copy;
}

LineCol line_col_at(std::string_view text, std::size_t offset) {
  LineCol lc;
  offset = std::min(offset, text.size());
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++lc.line;
      lc.col = 1;
    } else {
      ++lc.col;
    }
  }
  return lc;
}

}  // namespace generator
