#pragma once
// progress: what a build shows while it runs. On a terminal one stderr line is redrawn in place,
//
//   [########----------------]  35%  scrub 120/400
//
// and cleared at the end; elsewhere (CI logs) each stage prints one plain line when it starts,
//
//   [2/6] scrub (400)
//
// and only with --verbose. The build reports through BuildOptions::progress (see build.h).

#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace generator {

/// Called by the build: `stage` started (done == 0) or has finished `done` of `total` items
/// (total 0: the stage has no countable items). May be called from worker threads.
using ProgressFn = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

/// The stages of build_site, in order: load, scrub, render, template, verify, write.
const std::vector<std::string>& build_stages();

class ProgressPrinter {
 public:
  enum class Mode {
    kBar,    // a terminal: one line redrawn with '\r'
    kLines,  // a log: one line per stage
    kSilent,
  };

  ProgressPrinter(std::ostream& out, Mode mode, std::vector<std::string> stages = build_stages());

  /// Thread-safe. Redraws the bar when its text changes; prints a line when a stage starts.
  void update(std::string_view stage, std::size_t done, std::size_t total);
  /// Clears the bar so that the summary starts on a clean line. Idempotent.
  void finish();
  /// A function that forwards to update(), for BuildOptions::progress.
  ProgressFn callback();

  /// The bar text (without '\r') for item `done` of `total` in stage number `index` of `count`.
  static std::string bar(std::size_t index, std::size_t count, std::string_view stage,
                         std::size_t done, std::size_t total);

 private:
  std::ostream& out_;
  Mode mode_;
  std::vector<std::string> stages_;
  std::mutex mutex_;
  std::string last_stage_;
  std::string last_bar_;
  bool drawn_ = false;
};

}  // namespace generator
