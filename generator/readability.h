#pragma once
// Readability of Dutch text: the Flesch-Douma score and the sentences and words that pull it
// down, each with its line, so `check` can point at them.
//
//   score = 206.835 - 0.93 * words per sentence - 77 * syllables per word
//
// "De kat zit op de mat. Hij slaapt." -> 2 sentences, 8 words, 8 syllables: score 126.1
// (not capped: very easy text scores above 100).

#include <string>
#include <string_view>
#include <vector>

namespace generator {

/// Syllables of one Dutch word by its vowel groups: a double vowel or a diphthong (aa ee oo uu
/// ie oe eu ui ei ij ou au ieu eeuw ieuw ooi oei aai) is one syllable, a vowel with a diaeresis
/// (ë ï ö ü) starts a new one, a trailing "'s" adds none ("auto's"), and every word has at
/// least one ("st").
int dutch_syllables(std::string_view word);

/// One sentence of the text and where it starts.
struct Sentence {
  int line = 1;  // line in the analysed Markdown, 1-based
  int words = 0;
  std::string text;  // the sentence as read, single-spaced
};

struct LongWord {
  int line = 1;
  int syllables = 0;
  std::string word;
};

struct Readability {
  int sentences = 0;
  int words = 0;
  int syllables = 0;
  double score = 0;                      // Flesch-Douma; 0 for a text without words
  double words_per_sentence = 0;         // average sentence length
  std::vector<Sentence> long_sentences;  // more than kLongSentence words
  std::vector<LongWord> long_words;      // more than kLongWord syllables, first use only
};

inline constexpr int kLongSentence = 15;  // words
inline constexpr int kLongWord = 4;       // syllables

/// Splits plain text into sentences (at . ! ? followed by a space and a capital or digit, or at
/// the end of the text) and counts words (tokens with a letter; numbers, e-mail addresses and
/// web addresses are skipped). `first_line` is the line of the text's first character; newlines
/// in the text advance it.
std::vector<Sentence> split_sentences(std::string_view text, int first_line = 1);

/// Scores plain text (see split_sentences).
Readability analyse_text(std::string_view text);

/// Scores the readable text of Markdown (with or without redaction markers): paragraphs, list
/// items, block quotes and table cells; headings and code are left out. Each block ends a
/// sentence, so a list item without a full stop is one sentence. Lines are those of
/// `markdown`, 1-based.
Readability analyse_markdown(std::string_view markdown);

/// Flesch-Douma from counts; 0 when there are no words.
double flesch_douma(int sentences, int words, int syllables);

}  // namespace generator
