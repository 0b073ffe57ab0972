#include "generator/readability_report.h"

#include <cmath>
#include <cstdio>

#include "generator/readability.h"

namespace generator {

namespace {

std::string format_number(const char* format, double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// A sentence quoted in a note: at most about 60 bytes, cut at a space.
std::string excerpt(const std::string& text) {
  constexpr std::size_t kMax = 60;
  if (text.size() <= kMax) return "'" + text + "'";
  std::size_t cut = text.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) cut = kMax;
  return "'" + text.substr(0, cut) + " \xE2\x80\xA6'";
}

bool is_json_record(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0;
}

}  // namespace

int check_readability(const SiteModel& model, const SiteConfig& config,
                      const ReadabilityOptions& options, Diagnostics& diags) {
  if (!config.kinderen_enabled) return 0;
  int below = 0;
  for (const DocPage& page : model.pages) {
    const PublicFields& f = page.doc->fields();
    if (!f.kinderen) continue;
    Readability r = analyse_markdown(f.kinderen->body);
    // Lines of the Markdown are lines of the file from the body's first line on; a JSON record
    // holds its body on one line, so everything points there.
    int first = f.kinderen->body_line;
    auto line_of = [&](int markdown_line) {
      if (first <= 0) return 0;
      return is_json_record(f.path) ? first : first + markdown_line - 1;
    };
    std::string score = format_number("%.1f", r.score);
    if (options.notes) {
      diags.add({f.path, 0, 0, Severity::kNote,
                 "readability " + score + ", " + format_number("%.1f", r.words_per_sentence) +
                     " words per sentence, " + std::to_string(r.sentences) +
                     (r.sentences == 1 ? " sentence" : " sentences") + " (kinderen)"});
      for (const Sentence& s : r.long_sentences)
        diags.add({f.path, line_of(s.line), 0, Severity::kNote,
                   "sentence of " + std::to_string(s.words) + " words (more than " +
                       std::to_string(kLongSentence) + "): " + excerpt(s.text)});
      for (const LongWord& w : r.long_words)
        diags.add({f.path, line_of(w.line), 0, Severity::kNote,
                   "word of " + std::to_string(w.syllables) + " syllables (more than " +
                       std::to_string(kLongWord) + "): '" + w.word + "'"});
    }
    // Compared as shown, so "70.0 is below the minimum 70" cannot happen.
    if (r.words == 0 || std::round(r.score * 10) / 10 >= config.kinderen_min_readability) continue;
    ++below;
    std::string message = "readability " + score + " is below the minimum " +
                          format_number("%g", config.kinderen_min_readability) + " (kinderen)";
    if (options.strict)
      diags.error(f.path, 0, 0, message);
    else
      diags.warning(f.path, 0, 0, message);
  }
  return below;
}

}  // namespace generator
