#pragma once
// Glossary marking for child pages: the first use of each glossary term in a body becomes a link
// to its entry on the glossary page, described by a visible explanation in a "Moeilijke woorden"
// list at the end of the body. No JavaScript, no tooltips: the explanation is on the page.
//
//   <p>Je mag een klacht indienen.</p>
//   -> <p>Je mag een <a class="kind-term" href="../../woordenlijst/#klacht"
//         aria-describedby="kind-uitleg-klacht">klacht</a> indienen.</p>
//      <section class="kind-words" aria-labelledby="kind-woorden-titel">
//      <h2 id="kind-woorden-titel">Moeilijke woorden</h2>
//      <dl><dt><dfn>klacht</dfn></dt><dd id="kind-uitleg-klacht">Je zegt dat …</dd></dl>
//      </section>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace generator {

struct GlossaryTerm {
  std::string term;    // "klacht", as written in the glossary
  std::string id;      // "klacht": the fragment of its entry on the glossary page
  std::string uitleg;  // the explanation, plain text
};

/// The entries of content/woordenlijst.json ([{term, uitleg}]) that have a term and an
/// explanation, in file order.
std::vector<GlossaryTerm> glossary_terms(const nlohmann::json& glossary);

/// The lower-case word forms that count as a use of `term`: the term itself and its simple
/// plurals and inflections ("klacht" -> klachten, "oordeel" -> oordelen, "wet" -> wetten,
/// "gemeente" -> gemeenten, gemeentes). Longest first.
std::vector<std::string> term_forms(std::string_view term);

struct GlossaryMarking {
  std::string html;               // the body with marked terms and the explanation list
  std::vector<std::string> used;  // ids of the marked terms, in order of first use
};

/// Marks the first use of each term in the text of `html` (word boundaries, case-insensitive,
/// simple inflections; the longest term wins, so "deels gegrond" before "gegrond"). Text inside
/// tags, links, headings, code, <dfn> and <abbr> is left alone. `glossary_url` is the glossary
/// page relative to the page ("../../woordenlijst/"). When a term was marked, the explanation
/// list is appended.
GlossaryMarking mark_glossary_terms(std::string_view html, const std::vector<GlossaryTerm>& terms,
                                    std::string_view glossary_url);

}  // namespace generator
