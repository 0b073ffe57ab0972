#include "anonymizer/placeholder.h"

#include "anonymizer/utf8.h"

namespace anonymizer {

std::size_t placeholder_end(std::string_view text, std::size_t open) {
  constexpr std::size_t kMaxInner = 48;
  bool word_start = true;      // the next letter starts a word
  bool capital_start = false;  // the current word started with a capital
  for (std::size_t i = open + 1; i < text.size() && i <= open + 1 + kMaxInner;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ']') return i > open + 1 ? i + 1 : 0;
    if (c == ' ' || c == '-') {
      word_start = true;
      capital_start = false;
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    const bool digit = c >= '0' && c <= '9';
    if (!digit && !utf8::is_word_char(d.cp)) return 0;
    if (word_start) {
      capital_start = utf8::is_upper(d.cp);
    } else if (capital_start && utf8::is_lower(d.cp)) {
      return 0;  // "Maria": a capitalised word is a possible name, never a placeholder
    }
    word_start = false;
    i += d.length;
  }
  return 0;
}

}  // namespace anonymizer
