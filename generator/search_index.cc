#include "generator/search_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "anonymizer/word_table.h"
#include "generator/text_util.h"

namespace generator {

namespace {

constexpr std::size_t kSummaryBytes = 240;

// Words of four letters or more that say nothing about a document. Shorter words are dropped
// anyway; "gemeente" and "ombudsman" occur in nearly every case.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> kWords = {
      "aldus",    "alle",         "alleen",   "alles",   "andere",  "anders",    "bent",
      "beide",    "bijvoorbeeld", "binnen",   "daar",    "daarbij", "daarin",    "daarna",
      "daarom",   "daarop",       "daarover", "dagen",   "deed",    "deden",     "dezelfde",
      "deze",     "doen",         "door",     "echter",  "eerder",  "eerst",     "eigen",
      "elke",     "enige",        "enkele",   "even",    "gaan",    "gaat",      "gedaan",
      "geen",     "gehad",        "gemeente", "geven",   "geweest", "gingen",    "ging",
      "haar",     "hadden",       "heeft",    "hebben",  "heel",    "hier",      "hierover",
      "hoewel",   "hunne",        "iedere",   "ieder",   "iemand",  "iets",      "jullie",
      "juist",    "kijken",       "komen",    "komt",    "konden",  "kreeg",     "kregen",
      "krijgt",   "kunnen",       "kwam",     "laat",    "later",   "maar",      "maken",
      "meer",     "mocht",        "moest",    "moesten", "moet",    "moeten",    "naar",
      "nadat",    "niet",         "niets",    "nooit",   "omdat",   "ombudsman", "onder",
      "ongeveer", "onze",         "ooit",     "over",    "pas",     "staat",     "steeds",
      "tegen",    "terwijl",      "toch",     "toen",    "tussen",  "vanaf",     "vaak",
      "veel",     "verder",       "vond",     "vonden",  "voor",    "vooral",    "waar",
      "waarbij",  "waardoor",     "waarin",   "waarom",  "waarop",  "want",      "waren",
      "werd",     "werden",       "weer",     "welke",   "wilde",   "wilden",    "worden",
      "wordt",    "zelf",         "zich",     "zien",    "zijn",    "zoals",     "zodat",
      "zonder",   "zou",          "zouden",   "zowel",   "zegt",    "zei",
  };
  return kWords;
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Byte length of a separator that starts at `i` (0 when the byte starts a word character):
// ASCII punctuation and space, no-break space, and the punctuation block U+2000..U+206F.
std::size_t separator_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_ascii_alnum(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) return 3;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x81) return 3;
  return 0;
}

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

// Calls fn(word) for each word of `text`, skipping [bracketed] redaction tokens.
template <typename Fn>
void for_each_word(std::string_view text, Fn fn) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '[') {
      auto close = text.find(']', i);
      i = close == std::string_view::npos ? text.size() : close + 1;
      continue;
    }
    if (std::size_t sep = separator_length(text, i)) {
      i += sep;
      continue;
    }
    std::size_t start = i;
    while (i < text.size() && text[i] != '[' && separator_length(text, i) == 0) ++i;
    fn(text.substr(start, i - start));
  }
}

// Length in code points, for "at least four letters".
std::size_t letters(std::string_view word) {
  return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::vector<std::string> search_keywords(std::string_view plain_text,
                                         const std::vector<std::string>& skip, std::size_t limit) {
  // Words are views into one lower-cased copy, counted in a flat table that keeps them in order
  // of first use: no string and no node per word.
  std::string lowered = lower_ascii(plain_text);
  anonymizer::WordTable<char> skipped;  // copies its keys
  for (const std::string& s : skip)
    for_each_word(lower_ascii(s), [&](std::string_view w) { skipped.insert(w); });
  anonymizer::WordTable<std::size_t> counts;
  for_each_word(lowered, [&](std::string_view word) {
    if (letters(word) < 4 || stop_words().contains(word)) return;
    if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
    ++counts.insert(word);
  });
  std::vector<std::pair<std::string_view, std::size_t>> ranked;
  ranked.reserve(counts.size());
  counts.for_each([&](std::string_view w, std::size_t n) {
    if (!skipped.find(w)) ranked.emplace_back(w, n);
  });
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && out.size() < limit; ++i)
    out.emplace_back(ranked[i].first);
  return out;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
  std::string flat = squash_space(text);
  if (flat.size() <= max_bytes) return flat;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  auto space = flat.rfind(' ', cut);
  if (space != std::string::npos && space > max_bytes / 2) cut = space;
  std::string out = flat.substr(0, cut);
  while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';'))
    out.pop_back();
  return out + "\xE2\x80\xA6";  // …
}

OutputFile search_index(const SiteModel& model, int jobs) {
  // Entries are made on `jobs` threads, then listed in page order.
  std::vector<nlohmann::ordered_json> entries(model.pages.size());
  parallel_for(model.pages.size(), jobs, [&](std::size_t i) {
    const DocPage& p = model.pages[i];
    if (&p == model.home || p.url.empty()) return;
    const PublicFields& f = p.doc->fields();
    std::vector<std::string> terms;
    if (f.kind == DocKind::kZaak) terms.push_back(f.id);
    if (!f.report_number.empty()) terms.push_back(f.report_number);
    if (!f.municipality.empty()) terms.push_back(f.municipality);
    if (!f.outcome.empty()) terms.push_back(f.outcome);
    terms.insert(terms.end(), f.themes.begin(), f.themes.end());
    std::vector<std::string> skip = terms;
    skip.push_back(f.title);
    nlohmann::ordered_json entry = {
        {"title", f.title},
        {"url", p.url},
        {"kind", kind_name(f.kind)},
        {"date", f.date},
        {"summary", shorten(f.summary, kSummaryBytes)},
        {"terms", terms},
        {"keywords", search_keywords(p.body.plain_text, skip)},
    };
    entries[i] = std::move(entry);
  });
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (auto& entry : entries) {
    if (!entry.is_null()) docs.push_back(std::move(entry));
  }
  nlohmann::ordered_json index = {{"version", 1}, {"documents", std::move(docs)}};
  return {
      std::string(kSearchIndexPath),
      json_html_safe(index.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + "\n"};
}

}  // namespace generator
