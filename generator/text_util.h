#pragma once
// Small text helpers shared by the output stages: escaping per context, slugs, Dutch dates.

#include <string>
#include <string_view>

namespace generator {

/// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);

/// Escapes & < > " ' for XML text and attributes.
std::string xml_escape(std::string_view text);

/// A URL path segment: lower-case ASCII letters, digits and '-', diacritics folded
/// ("Ouder-Amstel" -> "ouder-amstel", "Wmo 2015" -> "wmo-2015"). Never empty: "-" stays "n-a".
std::string slugify(std::string_view text);

/// "2025-06-10" -> "10 juni 2025"; returns the input when it is not a date.
std::string dutch_date(std::string_view iso_date);

/// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

/// Byte offset of the first malformed UTF-8 sequence, or npos when the text is valid.
std::size_t invalid_utf8_offset(std::string_view text);

/// Escapes < > & in serialised JSON as \u003c \u003e \u0026 (still the same JSON), so the file
/// is inert even if a browser or a page ever reads it as HTML.
std::string json_html_safe(std::string_view json);

/// Collapses runs of whitespace to one space and trims.
std::string squash_space(std::string_view text);

}  // namespace generator
