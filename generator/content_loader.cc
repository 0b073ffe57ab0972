#include "generator/content_loader.h"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <system_error>
#include <utility>

#include "generator/frontmatter.h"
#include "generator/json_positions.h"
#include "generator/parallel.h"
#include "generator/validate.h"

namespace generator {
namespace {

namespace fs = std::filesystem;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

DocKind kind_of(std::string_view path) {
  if (starts_with(path, "content/zaken/")) return DocKind::kZaak;
  if (starts_with(path, "content/rapporten/")) return DocKind::kRapport;
  return DocKind::kPagina;
}

// "content/over.md" -> "over", "content/kinderen/index.md" -> "kinderen",
// "content/rapporten/jaarverslag-2024.md" -> "jaarverslag-2024"; "content/index.md" stays "index".
std::string default_id(std::string_view path, DocKind kind) {
  std::string_view rel = path;
  if (starts_with(rel, "content/")) rel.remove_prefix(8);
  if (kind == DocKind::kRapport) rel.remove_prefix(std::string_view("rapporten/").size());
  if (kind == DocKind::kZaak) rel.remove_prefix(std::string_view("zaken/").size());
  if (auto dot = rel.rfind('.'); dot != std::string_view::npos && rel.find('/', dot) == rel.npos) {
    rel = rel.substr(0, dot);
  }
  if (ends_with(rel, "/index")) rel.remove_suffix(std::string_view("/index").size());
  return std::string(rel);
}

// Not documents: the glossary, data files, and README.md notes for authors in any folder.
bool is_data_file(std::string_view rel) {
  std::string_view name = rel.substr(rel.rfind('/') + 1);
  return rel == "content/woordenlijst.json" || starts_with(rel, "content/data/") ||
         name == "README.md";
}

bool is_hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// True when `target` lies inside `dir`; both already canonical.
bool is_inside(const fs::path& target, const fs::path& dir) {
  fs::path rel = target.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

// Lists the document files under ROOT/content, as paths relative to ROOT, sorted.
std::vector<std::string> list_documents(const fs::path& root, Diagnostics& diags) {
  std::vector<std::string> files;
  const fs::path content = root / "content";
  std::error_code ec;
  if (!fs::is_directory(content, ec)) {
    diags.error("content", 0, 0, "the site has no content/ folder");
    return files;
  }
  const fs::path content_real = fs::canonical(content, ec);
  auto it =
      fs::recursive_directory_iterator(content, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code entry_ec;  // a failed query on one entry must not end the walk
    std::string rel = entry.path().lexically_relative(root).generic_string();
    if (is_hidden(entry.path())) {
      if (entry.is_directory(entry_ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(entry_ec)) {
      fs::path target = fs::canonical(entry.path(), entry_ec);
      if (entry_ec) {
        diags.error(rel, 0, 0, "broken symbolic link; skipped");
        continue;
      }
      if (!is_inside(target, content_real)) {
        diags.error(rel, 0, 0, "symbolic link points outside content/; skipped");
        continue;
      }
      if (fs::is_directory(target, entry_ec)) {
        diags.warning(rel, 0, 0, "symbolic link to a folder is not followed");
        continue;
      }
    } else if (entry.is_directory(entry_ec)) {
      if (rel == "content/data") it.disable_recursion_pending();
      continue;
    }
    if (!ends_with(rel, ".md") && !ends_with(rel, ".json")) continue;
    if (is_data_file(rel)) continue;
    if (!entry.is_regular_file(entry_ec)) continue;
    files.push_back(std::move(rel));
  }
  if (ec) diags.error("content", 0, 0, "cannot list the content folder: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

SourcePos id_position(const SourceDoc& doc) {
  for (const char* key : {"id", "slug"}) {
    if (auto it = doc.positions.find(key); it != doc.positions.end()) return it->second;
  }
  return {1, 1};
}

}  // namespace

const std::vector<std::string>& known_outcomes() {
  static const std::vector<std::string> kOutcomes = {"gegrond",    "ongegrond", "deels gegrond",
                                                     "bemiddeld",  "opgelost",  "geen oordeel",
                                                     "ingetrokken"};
  return kOutcomes;
}

std::optional<SourceDoc> parse_document(std::string_view text, const std::string& path,
                                        Diagnostics& diags) {
  try {
    std::string prepared(text);
    if (!prepare_text(prepared, path, diags)) return std::nullopt;
    DocContext context;
    context.path = path;
    context.kind = kind_of(path);
    context.default_id = default_id(path, context.kind);

    if (ends_with(path, ".json")) {
      auto parsed = parse_json_with_positions(prepared, path, diags);
      if (!parsed) return std::nullopt;
      if (!parsed->value.is_object()) {
        diags.error(path, 1, 1, "a JSON record must be an object");
        return std::nullopt;
      }
      context.body_in_fields = true;
      return validate_document(parsed->value, parsed->positions, context, diags);
    }
    auto front = parse_frontmatter(prepared, path, diags);
    if (!front) return std::nullopt;
    auto doc = validate_document(front->fields, front->positions, context, diags);
    if (!doc) return std::nullopt;
    doc->body = std::move(front->body);
    doc->body_line = front->body_line;
    return doc;
  } catch (const std::exception& e) {
    // Libraries throw on resource exhaustion; the file is reported, the run goes on.
    diags.error(path, 0, 0, std::string("cannot load: ") + e.what());
    return std::nullopt;
  }
}

std::vector<SourceDoc> load_content(const std::filesystem::path& root, Diagnostics& diags,
                                    int jobs) {
  std::vector<std::string> files = list_documents(root, diags);
  // Reading and parsing (YAML above all) on every core; duplicates are decided in file order.
  std::vector<std::optional<SourceDoc>> parsed(files.size());
  parallel_for(files.size(), jobs > 0 ? jobs : default_jobs(), [&](std::size_t i) {
    if (auto text = read_source_file(root / files[i], files[i], diags)) {
      parsed[i] = parse_document(*text, files[i], diags);
    }
  });
  std::vector<SourceDoc> docs;
  docs.reserve(files.size());
  std::map<std::pair<DocKind, std::string>, std::string> first_use;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::optional<SourceDoc>& doc = parsed[i];
    if (!doc) continue;
    const std::string& rel = files[i];
    auto [it, inserted] = first_use.emplace(std::pair(doc->kind, doc->id), rel);
    if (!inserted) {
      SourcePos at = id_position(*doc);
      diags.error(rel, at.line, at.col,
                  "duplicate id '" + doc->id + "' (first used in " + it->second + ")");
      continue;
    }
    docs.push_back(std::move(*doc));
  }
  return docs;
}

}  // namespace generator
