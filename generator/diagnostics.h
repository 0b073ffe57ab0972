#pragma once
// Errors are values with a position; a run collects all of them and prints them at the end.

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace generator {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  std::string path;  // as the user wrote it or relative to the site root
  int line = 0;      // 1-based; 0 when the problem has no position
  int col = 0;
  Severity severity = Severity::kError;
  std::string message;

  /// "path:line:col: error: message" (line and col left out when unknown).
  std::string format() const;
};

/// Thread-safe sink that stages push to; nobody stops at the first problem.
class Diagnostics {
 public:
  void error(std::string path, int line, int col, std::string message);
  void warning(std::string path, int line, int col, std::string message);
  void add(Diagnostic d);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  /// A copy sorted by path, line, col (stable for equal positions), for deterministic output.
  std::vector<Diagnostic> sorted() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
};

struct LineCol {
  int line = 1;
  int col = 1;
};

/// 1-based line and column (in bytes) of `offset` in `text`.
LineCol line_col_at(std::string_view text, std::size_t offset);

}  // namespace generator
