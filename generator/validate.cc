#include "generator/validate.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <limits>
#include <system_error>

#include "generator/content_loader.h"

namespace generator {
namespace {

using nlohmann::json;

constexpr unsigned kKindZaak = 1;
constexpr unsigned kKindRapport = 2;
constexpr unsigned kKindPagina = 4;
constexpr unsigned kAllKinds = kKindZaak | kKindRapport | kKindPagina;

struct FieldSpec {
  const char* name;
  unsigned kinds;
};

// Every front matter field and the kinds of document that use it.
constexpr FieldSpec kFields[] = {
    {"id", kAllKinds},
    {"slug", kKindRapport | kKindPagina},
    {"title", kAllKinds},
    {"date", kAllKinds},
    {"updated", kAllKinds},
    {"status", kAllKinds},
    {"municipality", kAllKinds},
    {"themes", kAllKinds},
    {"outcome", kAllKinds},
    {"summary", kAllKinds},
    {"report_number", kKindRapport},
    {"layout", kAllKinds},
    {"persons", kAllKinds},
    {"kinderen", kAllKinds},
    {"woo", kAllKinds},
    {"menu", kKindPagina},
    {"weight", kKindPagina},
};

unsigned kind_bit(DocKind kind) {
  switch (kind) {
  case DocKind::kZaak:
    return kKindZaak;
  case DocKind::kRapport:
    return kKindRapport;
  case DocKind::kPagina:
    return kKindPagina;
  }
  return kKindPagina;
}

const char* kind_plural(DocKind kind) {
  switch (kind) {
  case DocKind::kZaak:
    return "zaakverslagen";
  case DocKind::kRapport:
    return "rapporten";
  case DocKind::kPagina:
    return "pages";
  }
  return "pages";
}

bool is_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The first control character other than tab and line ends (NUL, ESC, DEL, ...) in a field
// value: none of them belongs in a web page.
std::optional<unsigned char> control_char(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) return byte;
  }
  return std::nullopt;
}

std::string control_char_message(const std::string& field, unsigned char byte) {
  static const char kHex[] = "0123456789ABCDEF";
  return "'" + field + "' contains a control character (U+00" + kHex[byte >> 4] + kHex[byte & 0xF] +
         ")";
}

std::string quoted_excerpt(std::string_view text) {
  constexpr std::size_t kMax = 60;
  std::string out(text.substr(0, kMax));
  if (text.size() > kMax) out += "...";
  return "'" + out + "'";
}

bool is_layout_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = std::min(name.find('/', start), name.size());
    std::string_view segment = name.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    for (char c : segment) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
      if (!ok) return false;
    }
    start = end + 1;
  }
  return true;
}

void read_persons(FieldReader& top, const FieldPositions& positions, const std::string& path,
                  Diagnostics& diags, SourceDoc& doc) {
  const json* list = top.get("persons");
  if (!list) return;
  if (!list->is_array()) {
    top.error_at("persons", "'persons' must be a list of {name, role} entries");
    return;
  }
  static const std::vector<std::string> kPersonKeys = {"name", "role"};
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string prefix = field_path("persons", i);
    const json& entry = (*list)[i];
    if (!entry.is_object()) {
      top.error(position_of(positions, prefix, false),
                "'" + prefix + "' must be a {name, role} entry");
      continue;
    }
    FieldReader reader(entry, prefix, positions, path, diags);
    warn_unknown_keys(entry, prefix, kPersonKeys, positions, path, diags);
    auto name = reader.string("name", true);
    auto role = reader.string("role", true);
    if (role && !is_role(*role)) {
      reader.error_at("role", "'" + prefix + ".role' must be a lower-case word such as " +
                                  "'verzoeker', not " + quoted_excerpt(*role));
      role.reset();
    }
    if (!reader.ok) top.ok = false;
    if (name && role) doc.persons.push_back({*name, *role});
  }
}

void read_kinderen(FieldReader& top, const FieldPositions& positions, const std::string& path,
                   Diagnostics& diags, SourceDoc& doc) {
  const json* object = top.object("kinderen");
  if (!object) return;
  static const std::vector<std::string> kKeys = {"title", "summary", "body"};
  warn_unknown_keys(*object, "kinderen", kKeys, positions, path, diags);
  FieldReader reader(*object, "kinderen", positions, path, diags);
  auto title = reader.string("title", true);
  auto summary = reader.string("summary", false);
  auto body = reader.string("body", true);
  if (!reader.ok) {
    top.ok = false;
    return;
  }
  doc.kinderen = KinderenVersion{*title, summary.value_or(""), *body, 0};
  // A multi-line body in front matter is a block scalar (`body: |`): its text starts on the
  // next line. In a JSON record the whole body stands on the line of its value.
  int line = position_of(positions, "kinderen.body", false).line;
  bool block = body->find('\n') != std::string::npos && path.size() > 3 &&
               path.compare(path.size() - 3, 3, ".md") == 0;
  doc.kinderen->body_line = line > 0 && block ? line + 1 : line;
}

void read_woo(FieldReader& top, const FieldPositions& positions, const std::string& path,
              Diagnostics& diags, SourceDoc& doc) {
  const json* object = top.object("woo");
  if (!object) return;
  static const std::vector<std::string> kKeys = {"category", "created", "modified"};
  warn_unknown_keys(*object, "woo", kKeys, positions, path, diags);
  FieldReader reader(*object, "woo", positions, path, diags);
  doc.woo.category =
      reader.one_of("category", false, "Woo category", known_woo_categories()).value_or("");
  doc.woo.created = reader.date("created", false).value_or("");
  doc.woo.modified = reader.date("modified", false).value_or("");
  if (!reader.ok) top.ok = false;
}

void read_id(FieldReader& reader, const DocContext& context, SourceDoc& doc) {
  if (context.kind == DocKind::kZaak) {
    auto id = reader.string("id", true);
    if (!id) return;
    if (auto problem = zaak_id_problem(*id)) {
      reader.error_at("id", *problem);
      return;
    }
    doc.id = *id;
    return;
  }
  if (reader.get("id") && reader.get("slug")) {
    reader.error_at("slug", "set either 'id' or 'slug', not both");
    return;
  }
  std::string key = reader.get("slug") ? "slug" : "id";
  if (reader.get(key)) {
    auto slug = reader.string(key, true);
    if (!slug) return;
    if (!is_slug_path(*slug)) {
      reader.error_at(key, "'" + key + "' must use only lower-case a-z, 0-9 and '-', not " +
                               quoted_excerpt(*slug));
      return;
    }
    doc.id = *slug;
    return;
  }
  if (!is_slug_path(context.default_id)) {
    reader.error(reader.object_pos(),
                 "file name " + quoted_excerpt(context.default_id) +
                     " is not a valid slug: use lower-case a-z, 0-9 and '-', or set 'slug'");
    return;
  }
  doc.id = context.default_id;
}

}  // namespace

FieldReader::FieldReader(const json& object, std::string prefix, const FieldPositions& positions,
                         const std::string& path, Diagnostics& diags)
    : object_(object),
      prefix_(std::move(prefix)),
      positions_(positions),
      path_(path),
      diags_(diags) {}

std::string FieldReader::name(const std::string& key) const {
  return field_path(prefix_, key);
}

const json* FieldReader::get(const std::string& key) const {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

SourcePos FieldReader::object_pos() const {
  return position_of(positions_, prefix_, false);
}

void FieldReader::error_at(const std::string& key, const std::string& message) {
  error(position_of(positions_, name(key), false, object_pos()), message);
}

void FieldReader::error(SourcePos at, const std::string& message) {
  ok = false;
  diags_.error(path_, at.line, at.col, message);
}

void FieldReader::warning_at(const std::string& key, bool at_key, const std::string& message) {
  SourcePos at = position_of(positions_, name(key), at_key, object_pos());
  diags_.warning(path_, at.line, at.col, message);
}

void FieldReader::missing(const std::string& key) {
  error(object_pos(), "missing required field '" + name(key) + "'");
}

std::optional<std::string> FieldReader::string(const std::string& key, bool required) {
  const json* value = get(key);
  if (!value) {
    if (required) missing(key);
    return std::nullopt;
  }
  if (!value->is_string()) {
    std::string message = "'" + name(key) + "' must be a string";
    if (value->is_number() || value->is_boolean()) message += " (put the value in quotes)";
    error_at(key, message);
    return std::nullopt;
  }
  const std::string& text = value->get_ref<const std::string&>();
  if (auto byte = control_char(text)) {
    error_at(key, control_char_message(name(key), *byte));
    return std::nullopt;
  }
  if (is_blank(text)) {
    if (required) {
      error_at(key, "'" + name(key) + "' must not be empty");
      return std::nullopt;
    }
    return std::string();
  }
  return text;
}

std::optional<std::string> FieldReader::date(const std::string& key, bool required) {
  const json* value = get(key);
  if (!value) {
    if (required) missing(key);
    return std::nullopt;
  }
  std::string text = value->is_string() ? value->get<std::string>() : value->dump();
  if (auto problem = date_problem(name(key), text)) {
    error_at(key, *problem);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> FieldReader::one_of(const std::string& key, bool required,
                                               const char* what,
                                               const std::vector<std::string>& allowed) {
  auto text = string(key, required);
  if (!text || text->empty()) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return text;
  std::string hint = did_you_mean(*text, allowed);
  if (hint.empty()) {
    hint = " (expected one of: ";
    for (std::size_t i = 0; i < allowed.size(); ++i) hint += (i ? ", " : "") + allowed[i];
    hint += ")";
  }
  error_at(key, std::string("unknown ") + what + " " + quoted_excerpt(*text) + hint);
  return std::nullopt;
}

std::optional<std::vector<std::string>> FieldReader::string_list(const std::string& key) {
  const json* value = get(key);
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    error_at(key, "'" + name(key) + "' must be a list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& item = (*value)[i];
    std::string item_name = field_path(name(key), i);
    SourcePos at = position_of(positions_, item_name, false, object_pos());
    if (!item.is_string()) {
      error(at, "'" + item_name + "' must be a string");
    } else if (is_blank(item.get_ref<const std::string&>())) {
      error(at, "'" + item_name + "' must not be empty");
    } else if (auto byte = control_char(item.get_ref<const std::string&>())) {
      error(at, control_char_message(item_name, *byte));
    } else {
      out.push_back(item.get<std::string>());
    }
  }
  return out;
}

std::optional<bool> FieldReader::boolean(const std::string& key) {
  const json* value = get(key);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    error_at(key, "'" + name(key) + "' must be true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<int> FieldReader::integer(const std::string& key) {
  const json* value = get(key);
  if (!value) return std::nullopt;
  constexpr auto kMin = static_cast<std::int64_t>(std::numeric_limits<int>::min());
  constexpr auto kMax = static_cast<std::int64_t>(std::numeric_limits<int>::max());
  bool fits = (value->is_number_integer() && !value->is_number_unsigned() &&
               value->get<std::int64_t>() >= kMin && value->get<std::int64_t>() <= kMax) ||
              (value->is_number_unsigned() &&
               value->get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax));
  if (!fits) {
    error_at(key, "'" + name(key) + "' must be a whole number");
    return std::nullopt;
  }
  return static_cast<int>(value->get<std::int64_t>());
}

std::optional<double> FieldReader::number(const std::string& key) {
  const json* value = get(key);
  if (!value) return std::nullopt;
  if (!value->is_number()) {
    error_at(key, "'" + name(key) + "' must be a number");
    return std::nullopt;
  }
  return value->get<double>();
}

const json* FieldReader::object(const std::string& key) {
  const json* value = get(key);
  if (!value) return nullptr;
  if (!value->is_object()) {
    error_at(key, "'" + name(key) + "' must be a mapping of fields");
    return nullptr;
  }
  return value;
}

std::optional<std::string> read_source_file(const std::filesystem::path& file,
                                            const std::string& display, Diagnostics& diags) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    diags.error(display, 0, 0, "cannot read file: " + ec.message());
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    diags.error(display, 0, 0,
                "file too large: " + std::to_string(size) + " bytes, the limit is 10 MB");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.error(display, 0, 0, "cannot open file");
    return std::nullopt;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    diags.error(display, 0, 0, "cannot read file");
    return std::nullopt;
  }
  return text;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;  // overlong
      if (b == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;  // overlong
      if (b == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      if (c < 0x80 || c > 0xBF) return i;
    }
    i += len;
  }
  return std::nullopt;
}

bool prepare_text(std::string& text, const std::string& path, Diagnostics& diags) {
  if (text.size() > kMaxFileBytes) {
    diags.error(path, 0, 0,
                "file too large: " + std::to_string(text.size()) + " bytes, the limit is 10 MB");
    return false;
  }
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diags.error(path, 0, 0, "empty file");
    return false;
  }
  if (auto bad = first_invalid_utf8(text)) {
    LineCol at = line_col_at(text, *bad);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[*bad]));
    diags.error(path, at.line, at.col, std::string("invalid UTF-8 (byte ") + hex + ")");
    return false;
  }
  if (text.find('\r') != std::string::npos) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
      out += text[i];
    }
    text = std::move(out);
  }
  return true;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  // Three rows suffice for the optimal-string-alignment recurrence.
  std::vector<std::size_t> before(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  constexpr std::size_t kMaxEdits = 2;
  if (word.size() > 64) return "";
  const std::string* best = nullptr;
  std::size_t best_distance = kMaxEdits + 1;
  for (const std::string& candidate : candidates) {
    std::size_t d = edit_distance(word, candidate);
    // Short words are all close to each other; demand that most of the word survives.
    if (d < best_distance && d <= kMaxEdits && d <= candidate.size() / 2) {
      best = &candidate;
      best_distance = d;
    }
  }
  return best ? ", did you mean '" + *best + "'?" : "";
}

std::optional<std::string> date_problem(std::string_view field, std::string_view text) {
  bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
               is_digits(text.substr(0, 4)) && is_digits(text.substr(5, 2)) &&
               is_digits(text.substr(8, 2));
  if (!shape) {
    return "'" + std::string(field) + "' must be a date written YYYY-MM-DD, not " +
           quoted_excerpt(text);
  }
  int year = to_int(text.substr(0, 4));
  int month = to_int(text.substr(5, 2));
  int day = to_int(text.substr(8, 2));
  if (year == 0) return "year 0 does not exist";
  if (month < 1 || month > 12) return "month " + std::to_string(month) + " is not a month";
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  if (day < 1 || day > days) return std::string(text) + " is not a calendar date";
  return std::nullopt;
}

std::optional<std::string> zaak_id_problem(std::string_view id) {
  bool shape =
      id.size() == 10 && id[4] == '-' && is_digits(id.substr(0, 4)) && is_digits(id.substr(5));
  if (!shape) return "'id' must be a case number like 2025-00142, not " + quoted_excerpt(id);
  int year = to_int(id.substr(0, 4));
  if (year < 1990 || year > 2100) {
    return "year " + std::to_string(year) + " of id '" + std::string(id) +
           "' is outside 1990..2100";
  }
  return std::nullopt;
}

bool is_slug_path(std::string_view text) {
  if (text.empty()) return false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find('/', start), text.size());
    std::string_view segment = text.substr(start, end - start);
    if (segment.empty()) return false;
    for (char c : segment) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    }
    start = end + 1;
  }
  return true;
}

bool is_role(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ') {
      if (text[i - 1] == ' ') return false;
    } else if (c < 'a' || c > 'z') {
      return false;
    }
  }
  return true;
}

const std::vector<std::string>& known_woo_categories() {
  static const std::vector<std::string> kCategories = {"klachtoordelen", "onderzoeksrapporten",
                                                       "jaarverslagen", "woo-besluiten"};
  return kCategories;
}

void warn_unknown_keys(const nlohmann::json& object, const std::string& parent,
                       const std::vector<std::string>& known, const FieldPositions& positions,
                       const std::string& path, Diagnostics& diags) {
  if (!object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
    std::string name = field_path(parent, it.key());
    SourcePos at = position_of(positions, name, true);
    diags.warning(path, at.line, at.col,
                  "unknown field " + quoted_excerpt(name) + did_you_mean(it.key(), known));
  }
}

std::optional<SourceDoc> validate_document(const nlohmann::json& fields,
                                           const FieldPositions& positions,
                                           const DocContext& context, Diagnostics& diags) {
  const std::string& path = context.path;
  if (!fields.is_object()) {
    SourcePos at = position_of(positions, "", false);
    diags.error(path, at.line, at.col, "a document must be a mapping of fields");
    return std::nullopt;
  }

  std::vector<std::string> all_fields;
  for (const FieldSpec& spec : kFields) all_fields.emplace_back(spec.name);
  if (context.body_in_fields) all_fields.emplace_back("body");
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    auto spec = std::find_if(std::begin(kFields), std::end(kFields),
                             [&](const FieldSpec& s) { return it.key() == s.name; });
    if (spec != std::end(kFields) && !(spec->kinds & kind_bit(context.kind))) {
      SourcePos at = position_of(positions, it.key(), true);
      diags.warning(path, at.line, at.col,
                    "field '" + it.key() + "' is not used for " + kind_plural(context.kind));
    }
  }
  warn_unknown_keys(fields, "", all_fields, positions, path, diags);

  SourceDoc doc;
  doc.path = path;
  doc.kind = context.kind;
  const bool zaak = context.kind == DocKind::kZaak;
  FieldReader reader(fields, "", positions, path, diags);

  read_id(reader, context, doc);
  doc.title = reader.string("title", true).value_or("");
  doc.date = reader.date("date", true).value_or("");
  doc.updated = reader.date("updated", false).value_or("");
  if (!doc.date.empty() && !doc.updated.empty() && doc.updated < doc.date) {
    reader.warning_at("updated", false,
                      "'updated' (" + doc.updated + ") is before 'date' (" + doc.date + ")");
  }
  static const std::vector<std::string> kStatuses = {"draft", "approved"};
  if (auto status = reader.one_of("status", zaak, "status", kStatuses)) doc.status = *status;
  doc.municipality = reader.string("municipality", zaak).value_or("");
  doc.themes = reader.string_list("themes").value_or(std::vector<std::string>{});
  doc.outcome = reader.one_of("outcome", zaak, "outcome", known_outcomes()).value_or("");
  doc.summary = reader.string("summary", false).value_or("");
  doc.report_number = reader.string("report_number", false).value_or("");
  if (auto layout = reader.string("layout", false); layout && !layout->empty()) {
    if (is_layout_name(*layout)) {
      doc.layout = *layout;
    } else {
      reader.error_at("layout", "'layout' must be a template name such as 'zaak', not " +
                                    quoted_excerpt(*layout));
    }
  }
  read_persons(reader, positions, path, diags, doc);
  read_kinderen(reader, positions, path, diags, doc);
  read_woo(reader, positions, path, diags, doc);
  doc.menu = reader.boolean("menu").value_or(false);
  doc.weight = reader.integer("weight").value_or(0);
  if (context.body_in_fields) {
    doc.body = reader.string("body", false).value_or("");
    doc.body_line = position_of(positions, "body", false).line;
  }

  for (const auto& [field, pos] : positions) {
    if (!field.empty()) doc.positions[field] = pos.value;
  }
  if (!reader.ok) return std::nullopt;
  return doc;
}

}  // namespace generator
