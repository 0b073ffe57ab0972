#include "generator/glossary.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "generator/text_util.h"

namespace generator {

namespace {

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool is_consonant(char c) {
  return c >= 'a' && c <= 'z' && !is_vowel(c);
}

// Letters, digits and every byte of a multi-byte UTF-8 letter are part of a word; an entity
// ("&amp;") or a hyphen is not.
bool is_word_byte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Length of the match of `form` at `at` in `text` (a space in the form matches any run of
// whitespace), or 0.
std::size_t match_at(std::string_view text, std::size_t at, std::string_view form) {
  std::size_t i = at;
  for (std::size_t k = 0; k < form.size(); ++k) {
    if (form[k] == ' ') {
      if (i >= text.size() || !is_space(text[i])) return 0;
      while (i < text.size() && is_space(text[i])) ++i;
      continue;
    }
    if (i >= text.size() || lower(text[i]) != form[k]) return 0;
    ++i;
  }
  if (i < text.size() && is_word_byte(text[i])) return 0;
  return i - at;
}

// Elements whose text is never marked: a link in a link is invalid, a heading stays plain, code
// is literal, and dfn/abbr already explain a term.
bool is_skipped_element(std::string_view name) {
  static const std::set<std::string, std::less<>> kSkipped = {
      "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "dfn", "abbr", "script", "style"};
  return kSkipped.count(name) > 0;
}

struct Candidate {
  std::string form;
  std::size_t term = 0;  // index into the terms
};

}  // namespace

std::vector<GlossaryTerm> glossary_terms(const nlohmann::json& glossary) {
  std::vector<GlossaryTerm> terms;
  if (!glossary.is_array()) return terms;
  for (const auto& entry : glossary) {
    if (!entry.is_object()) continue;
    auto term = entry.find("term");
    auto uitleg = entry.find("uitleg");
    if (term == entry.end() || uitleg == entry.end() || !term->is_string() || !uitleg->is_string())
      continue;
    std::string t = squash_space(term->get<std::string>());
    std::string u = squash_space(uitleg->get<std::string>());
    if (t.empty() || u.empty()) continue;
    std::string id = slugify(t);
    // Two entries with one slug would share an id on the glossary page; the first one wins.
    if (std::any_of(terms.begin(), terms.end(), [&](const GlossaryTerm& g) { return g.id == id; }))
      continue;
    terms.push_back({t, id, u});
  }
  return terms;
}

std::vector<std::string> term_forms(std::string_view term) {
  std::string t = lower(squash_space(term));
  std::vector<std::string> forms;
  if (t.empty()) return forms;
  forms.push_back(t);
  for (const char* suffix : {"e", "s", "en", "'s"}) forms.push_back(t + suffix);
  std::size_t n = t.size();
  char last = t[n - 1];
  if (last == 'e') forms.push_back(t + "n");  // gemeente -> gemeenten
  // A long vowel in a closed syllable is written single in an open one: oordeel -> oordelen.
  if (n >= 3 && is_consonant(last) && t[n - 2] == t[n - 3] && is_vowel(t[n - 2]) &&
      (n == 3 || t[n - 4] != t[n - 2]))
    forms.push_back(t.substr(0, n - 2) + last + "en");
  // A short vowel keeps its sound by a doubled consonant: wet -> wetten.
  if (n >= 2 && is_consonant(last) && last != 'w' && last != 'x' && last != 'y' &&
      is_vowel(t[n - 2]) && (n == 2 || !is_vowel(t[n - 3])))
    forms.push_back(t + last + "en");
  std::sort(forms.begin(), forms.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
  return forms;
}

GlossaryMarking mark_glossary_terms(std::string_view html, const std::vector<GlossaryTerm>& terms,
                                    std::string_view glossary_url) {
  std::vector<Candidate> candidates;
  for (std::size_t i = 0; i < terms.size(); ++i)
    for (auto& f : term_forms(terms[i].term)) candidates.push_back({std::move(f), i});
  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) { return a.form.size() > b.form.size(); });

  GlossaryMarking out;
  out.html.reserve(html.size() + 1024);
  std::vector<bool> used(terms.size(), false);
  int skip_depth = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html[i] == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) end = html.size() - 1;
      std::size_t k = i + 1;
      bool closing = k < html.size() && html[k] == '/';
      if (closing) ++k;
      std::size_t name_end = k;
      while (name_end < end && (std::isalnum(static_cast<unsigned char>(html[name_end])) != 0))
        ++name_end;
      std::string name = lower(html.substr(k, name_end - k));
      bool self_closing = end > i && html[end - 1] == '/';
      if (is_skipped_element(name) && !self_closing) skip_depth += closing ? -1 : 1;
      if (skip_depth < 0) skip_depth = 0;
      out.html.append(html, i, end + 1 - i);
      i = end + 1;
      continue;
    }
    // A word starts here when the byte before it is not part of a word.
    bool word_start = is_word_byte(html[i]) && (i == 0 || !is_word_byte(html[i - 1]));
    if (skip_depth > 0 || !word_start) {
      out.html += html[i++];
      continue;
    }
    const Candidate* hit = nullptr;
    std::size_t len = 0;
    for (const Candidate& c : candidates)
      if ((len = match_at(html, i, c.form)) > 0) {
        hit = &c;
        break;
      }
    if (!hit) {
      out.html += html[i++];
      continue;
    }
    const GlossaryTerm& term = terms[hit->term];
    if (used[hit->term]) {
      out.html.append(html, i, len);  // a later use: the longest match is kept as plain text
    } else {
      used[hit->term] = true;
      out.used.push_back(term.id);
      out.html += "<a class=\"kind-term\" href=\"";
      out.html += html_escape(glossary_url);
      out.html += '#' + term.id + "\" aria-describedby=\"kind-uitleg-" + term.id + "\">";
      out.html.append(html, i, len);
      out.html += "</a>";
    }
    i += len;
  }

  if (out.used.empty()) return out;
  out.html +=
      "\n<section class=\"kind-words\" aria-labelledby=\"kind-woorden-titel\">\n"
      "<h2 id=\"kind-woorden-titel\">Moeilijke woorden</h2>\n<dl>\n";
  for (const std::string& id : out.used) {
    auto it =
        std::find_if(terms.begin(), terms.end(), [&](const GlossaryTerm& t) { return t.id == id; });
    out.html += "<dt><dfn>" + html_escape(it->term) + "</dfn></dt>\n<dd id=\"kind-uitleg-" + id +
                "\">" + html_escape(it->uitleg) + "</dd>\n";
  }
  out.html += "</dl>\n</section>\n";
  return out;
}

}  // namespace generator
