#pragma once
// Hand-written scanners for the simplest patterns of the built-in rules (long numbers, BSN,
// postcode, IBAN, e-mail, phone numbers). RE2 scans a text at a few nanoseconds a byte and a call
// costs more than these patterns need; a scanner finds exactly what RE2 would: the leftmost-first
// match in text[pos, end). A rule uses one only when its pattern is, byte for byte, the pattern the
// scanner implements; tests/anonymizer/pattern_scanners_test.cc holds them to RE2 on random text.

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace anonymizer {

/// A byte span [first, second) of the text.
using ScanMatch = std::optional<std::pair<std::size_t, std::size_t>>;

/// The leftmost-first match of one pattern in text[pos, end), as RE2::Match(text, pos, end,
/// UNANCHORED) finds it.
using PatternScanner = ScanMatch (*)(std::string_view text, std::size_t pos, std::size_t end);

/// The scanner that implements exactly `pattern` (RE2 syntax), or nullptr.
PatternScanner scanner_for(std::string_view pattern);

}  // namespace anonymizer
