#pragma once
// Recognises the placeholders scrub() writes ("[verzoeker]", "[kind 2]", "[BSN]"), so that
// scrubbing scrubbed text changes nothing. Anything that could be a name is not a placeholder:
// "[Maria de Vries]" (a Markdown link text, say) must still be scrubbed.

#include <cstddef>
#include <string_view>

namespace anonymizer {

/// If a placeholder opens at `text[open]` (a '['), the offset just past its ']'; otherwise 0.
/// A placeholder holds at most 48 bytes of letters, digits, spaces and hyphens, and no word
/// that starts with a capital followed by a small letter.
std::size_t placeholder_end(std::string_view text, std::size_t open);

}  // namespace anonymizer
