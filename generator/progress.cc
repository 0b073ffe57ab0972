#include "generator/progress.h"

#include <algorithm>

namespace generator {

namespace {

constexpr std::size_t kBarWidth = 24;

}  // namespace

const std::vector<std::string>& build_stages() {
  static const std::vector<std::string> kStages = {"load",     "scrub",  "render",
                                                   "template", "verify", "write"};
  return kStages;
}

ProgressPrinter::ProgressPrinter(std::ostream& out, Mode mode, std::vector<std::string> stages)
    : out_(out), mode_(mode), stages_(std::move(stages)) {}

std::string ProgressPrinter::bar(std::size_t index, std::size_t count, std::string_view stage,
                                 std::size_t done, std::size_t total) {
  // Integer arithmetic, so that 2 of 6 stages is exactly a third of the bar.
  std::size_t num = total == 0 ? index : index * total + std::min(done, total);
  std::size_t den = std::max<std::size_t>(1, total == 0 ? count : count * total);
  num = std::min(num, den);
  std::size_t filled = num * kBarWidth / den;
  std::size_t percent = num * 100 / den;
  std::string line = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '-') + "] ";
  std::string pct = std::to_string(percent) + "%";
  line += std::string(4 - std::min<std::size_t>(pct.size(), 4), ' ') + pct + "  ";
  line += stage;
  if (total > 0) line += " " + std::to_string(std::min(done, total)) + "/" + std::to_string(total);
  return line;
}

void ProgressPrinter::update(std::string_view stage, std::size_t done, std::size_t total) {
  if (mode_ == Mode::kSilent) return;
  std::lock_guard lock(mutex_);
  auto it = std::find(stages_.begin(), stages_.end(), stage);
  auto index = static_cast<std::size_t>(it - stages_.begin());
  bool new_stage = stage != last_stage_;
  last_stage_ = stage;
  if (mode_ == Mode::kLines) {
    if (!new_stage) return;
    out_ << "[" << std::min(index + 1, stages_.size()) << "/" << stages_.size() << "] " << stage;
    if (total > 0) out_ << " (" << total << ")";
    out_ << "\n" << std::flush;
    return;
  }
  std::string text = bar(index, stages_.size(), stage, done, total);
  // Redraw on a new stage, a new percentage or the last item: not 10 000 times per stage.
  std::string percent = text.substr(0, text.find('%'));
  bool last_item = total > 0 && done >= total;
  if (!new_stage && !last_item && percent == last_bar_.substr(0, last_bar_.find('%'))) return;
  if (text == last_bar_) return;
  // Pad with spaces so a shorter line fully covers the previous one.
  std::string padded = text;
  if (padded.size() < last_bar_.size()) padded.append(last_bar_.size() - padded.size(), ' ');
  out_ << "\r" << padded << std::flush;
  last_bar_ = std::move(text);
  drawn_ = true;
}

void ProgressPrinter::finish() {
  std::lock_guard lock(mutex_);
  if (mode_ != Mode::kBar || !drawn_) return;
  out_ << "\r" << std::string(last_bar_.size(), ' ') << "\r" << std::flush;
  drawn_ = false;
  last_bar_.clear();
}

ProgressFn ProgressPrinter::callback() {
  return [this](std::string_view stage, std::size_t done, std::size_t total) {
    update(stage, done, total);
  };
}

}  // namespace generator
