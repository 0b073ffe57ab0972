#pragma once
// Small UTF-8 helpers for the detectors: decoding that never fails, Latin case and diacritic
// folding, and word-character tests. Invalid bytes decode as U+FFFD of length 1, so every
// function is safe on arbitrary input.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace anonymizer::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

/// One decoded code point and the number of bytes it took (1..4; 1 for an invalid byte).
struct Decoded {
  char32_t cp = 0;
  std::size_t length = 0;
};

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid(std::string_view text);

/// The code point starting at byte `pos` (< text.size()); an invalid sequence gives U+FFFD, 1.
Decoded decode(std::string_view text, std::size_t pos);

/// The code point ending just before byte `pos` (> 0); an invalid sequence gives U+FFFD, 1.
Decoded decode_before(std::string_view text, std::size_t pos);

/// Appends the UTF-8 encoding of `cp` (U+FFFD for surrogates and values past U+10FFFF).
void append(std::string& out, char32_t cp);

/// `text` with every invalid byte replaced by U+FFFD.
std::string sanitize(std::string_view text);

/// Letters of the Latin, Greek and Cyrillic scripts and of the common other scripts.
bool is_letter(char32_t cp);

/// A letter or an ASCII digit: the characters a word is made of.
bool is_word_char(char32_t cp);

bool is_upper(char32_t cp);  ///< An upper-case letter (Latin, Greek, Cyrillic).
bool is_lower(char32_t cp);  ///< A lower-case letter (Latin, Greek, Cyrillic).

/// The lower-case form of a Latin, Greek or Cyrillic letter; other code points unchanged.
char32_t to_lower(char32_t cp);

/// The upper-case form of a Latin, Greek or Cyrillic letter; other code points unchanged.
char32_t to_upper(char32_t cp);

/// The Latin base letter without its diacritic ('é' -> 'e', 'Ö' -> 'O', 'ł' -> 'l'); ligatures
/// and other code points are returned unchanged.
char32_t strip_diacritic(char32_t cp);

/// Lower-cased text (invalid bytes become U+FFFD).
std::string lower(std::string_view text);

/// Upper-cased text (invalid bytes become U+FFFD).
std::string upper(std::string_view text);

/// Lower-cased, diacritics removed, ligatures spelled out ("Œ" -> "oe", "ß" -> "ss", "ĳ" -> "ij"),
/// typographic apostrophes made ASCII: the form to compare words in. Invalid bytes become U+FFFD.
std::string fold(std::string_view text);

/// fold() into `out`, which is overwritten; its capacity is reused.
void fold_into(std::string_view text, std::string& out);

/// Folded text plus, for every byte of it, the byte offset in the source where its character
/// starts; `source` has one extra entry, text.size() of the source, so spans map back exactly.
struct Folded {
  std::string text;
  std::vector<std::size_t> source;
};

/// Writes the folded form of one code point (as fold() spells it) to `out`, which must have room
/// for 4 bytes; returns the number of bytes written.
std::size_t fold_code_point(char32_t cp, char* out);

/// fold() that remembers where each folded byte came from.
Folded fold_with_offsets(std::string_view text);

/// fold() with a compact map back to the source: only characters that are not ASCII are
/// recorded, so that folding a mostly ASCII text costs little more than lower-casing it.
class FoldedText {
 public:
  explicit FoldedText(std::string_view source);

  const std::string& text() const { return text_; }

  /// The source offset of the character that folded byte `pos` belongs to, as
  /// Folded::source[pos]; text().size() maps to the size of the source.
  std::size_t source_offset(std::size_t pos) const;

  /// The first folded byte whose source offset is `pos` or more (text().size() past the end).
  std::size_t folded_offset(std::size_t pos) const;
  /// folded_offset() for positions that never go down: `cursor` (0 at first) keeps the place.
  std::size_t folded_offset_from(std::size_t pos, std::size_t& cursor) const;

 private:
  struct Change {            // one character that is not ASCII
    std::size_t folded = 0;  // where its folded bytes start
    std::size_t folded_length = 0;
    std::size_t source = 0;
    std::size_t source_length = 0;
  };
  std::string text_;
  std::vector<Change> changes_;  // in text order
};

/// True when a word character directly precedes byte `pos`.
bool word_char_before(std::string_view text, std::size_t pos);

/// True when a word character starts at byte `pos`.
bool word_char_at(std::string_view text, std::size_t pos);

/// True when [start, end) is a whole word: no word character touches it on either side.
bool is_whole_word(std::string_view text, std::size_t start, std::size_t end);

}  // namespace anonymizer::utf8
