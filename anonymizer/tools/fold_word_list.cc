// Build step: folds Debian's wdutch list once, so that the anonymizer starts without sorting or
// folding 400,000 words. Writes two files of folded words, one a line, sorted bytewise and
// unique: the lower-case entries (ordinary words) and the capitalised ones (places, brands,
// names). Entries of several words are left out.
//
//   fold_word_list /usr/share/dict/dutch words.txt proper.txt

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "anonymizer/utf8.h"

namespace {

std::string_view strip(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

bool write_sorted(const std::string& path, std::vector<std::string>& words) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::ofstream out(path, std::ios::binary);
  for (const std::string& w : words) out << w << '\n';
  out.close();
  if (!out) std::cerr << path << ": error: cannot write file\n";
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: fold_word_list WORD_LIST WORDS_OUT PROPER_OUT\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << argv[1] << ": error: cannot read file\n";
    return 1;
  }
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> words, proper;
  std::size_t pos = 0;
  while (pos < data.size()) {
    std::size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string_view line = strip(std::string_view(data).substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty() || line.front() == '#' || line.find(' ') != std::string_view::npos) continue;
    if (!anonymizer::utf8::is_valid(line)) continue;
    bool upper = anonymizer::utf8::is_upper(anonymizer::utf8::decode(line, 0).cp);
    std::string folded = anonymizer::utf8::fold(line);
    if (folded.empty()) continue;
    (upper ? proper : words).push_back(std::move(folded));
  }
  return write_sorted(argv[2], words) && write_sorted(argv[3], proper) ? 0 : 1;
}
