#pragma once
// Words of a text for the name detectors: split once, folded once, looked up by hash. A word is
// a run of letters and digits; everything else (spaces, apostrophes, hyphens, dots) separates
// words and is described by the Gap between two of them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anonymizer {

struct NameToken {
  std::uint32_t start = 0;  // byte offsets into the text
  std::uint32_t end = 0;
  std::uint32_t key = 0;  // folded form: NameTokens::key(i)
  std::uint32_t key_len = 0;
  std::uint32_t hash = 0;      // word_hash(key), for WordTable lookups
  std::uint32_t classes = 0;   // Lexicon::classes(key)
  bool upper_initial = false;  // starts with an upper-case letter
  bool all_upper = false;      // every letter upper-case
  bool has_digit = false;
  bool scrubbed = false;        // inside a placeholder such as "[verzoeker]": never a name
  bool sentence_start = false;  // first word of the text, a line or a sentence
};

/// What separates two adjacent words.
enum class Gap : std::uint8_t {
  kSpace,       // spaces or tabs, at most one line break
  kHyphen,      // "Jansen-de Wit", "Jan-Willem" (no spaces)
  kDot,         // "M.J." or "M. J." or "dhr. Jansen": a dot, then optional spaces
  kApostrophe,  // "van 't Hek", "d'Sluis", "Maria's"
  kSlash,       // "v/d"
  kUnderscore,  // file names: "maria_de_vries"
  kComma,       // "haar zoon, Daan"
  kOther,       // anything else: the words do not belong to one name
};

class NameTokens {
 public:
  /// Splits `text` (kept by reference: it must outlive this object). Without `classify`, the
  /// lexicon is not consulted: every token's classes are 0 and sentence_start is false (the leak
  /// scanner looks classes up only where a name matched, see classes_of).
  explicit NameTokens(std::string_view text, bool classify = true);
  bool classified() const { return classified_; }
  /// Lexicon::classes of token i, looked up now when the tokens were not classified.
  std::uint32_t classes_of(std::size_t i) const;

  std::size_t size() const { return tokens_.size(); }
  const NameToken& operator[](std::size_t i) const { return tokens_[i]; }
  std::string_view text() const { return text_; }

  /// The folded form of token i ("Öztürk" -> "ozturk").
  std::string_view key(std::size_t i) const {
    return std::string_view(keys_).substr(tokens_[i].key, tokens_[i].key_len);
  }

  /// The source bytes of token i.
  std::string_view word(std::size_t i) const {
    return text_.substr(tokens_[i].start, tokens_[i].end - tokens_[i].start);
  }

  /// What stands between token i-1 and token i (i >= 1).
  Gap gap_before(std::size_t i) const;

  /// The source bytes between token i-1 and token i (i >= 1).
  std::string_view between(std::size_t i) const {
    return text_.substr(tokens_[i - 1].end, tokens_[i].start - tokens_[i - 1].end);
  }

 private:
  std::string_view text_;
  std::vector<NameToken> tokens_;
  std::string keys_;
  bool classified_ = true;
};

/// The tokens of `text`, shared by the detectors that scrub() runs one after another on the same
/// text: the last result is kept per thread and reused while the bytes at that address are equal.
/// The reference is valid until the next call on this thread.
const NameTokens& tokens_for(std::string_view text);

/// Folds a short word the way NameTokens does (for building tables from names and lists).
std::vector<std::string> fold_words(std::string_view text);

}  // namespace anonymizer
