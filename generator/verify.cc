#include "generator/verify.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <unordered_map>

#include "generator/cache_io.h"
#include "generator/site_model.h"

namespace generator {

namespace {

using SegmentKey = VerifiedSegments::Key;
constexpr std::string_view kVerifiedMagic = "ombudsite verified segments 1";

// File names are slugs: "zaken/maria-de-vries.css" is scanned as "Zaken Maria De Vries Css" too,
// so a lower-cased surname in a name is still found.
std::string words_of_path(std::string_view path) {
  std::string out;
  bool start = true;
  for (char c : path) {
    if (c == '/' || c == '-' || c == '_' || c == '.') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  return out;
}

// Splits at "\n" between a '>' and a '<' (indented or not): no name (its words join by spaces,
// hyphens, dots and apostrophes) and no identifier pattern crosses a tag boundary, so each
// segment can be scanned on its own. Text without such boundaries (JSON, a search index) is one
// segment.
std::vector<std::pair<std::size_t, std::size_t>> segments_of(std::string_view bytes) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t start = 0;
  for (std::size_t nl = bytes.find('\n'); nl != std::string_view::npos;
       nl = bytes.find('\n', nl + 1)) {
    if (nl <= start || bytes[nl - 1] != '>') continue;
    std::size_t next = bytes.find_first_not_of(" \t", nl + 1);
    if (next != std::string_view::npos && bytes[next] == '<') {
      out.emplace_back(start, nl + 1);
      start = nl + 1;
    }
  }
  if (start < bytes.size()) out.emplace_back(start, bytes.size());
  return out;
}

// Scans the segments of `bytes` not yet seen clean, each distinct one once, joined in one text
// (the joints are still ">\n<"), and maps each leak back to every offset in `bytes` where its
// segment occurs.
std::vector<anonymizer::Leak> scan_content(std::string_view bytes,
                                           const anonymizer::LeakScanner& scanner,
                                           VerifiedSegments& clean) {
  struct Piece {
    std::size_t from;    // offset in `joined`
    std::size_t source;  // offset in `bytes`
    SegmentKey key;
  };
  struct KeyHash {
    std::size_t operator()(const SegmentKey& k) const { return k.first; }
  };
  std::vector<Piece> pieces;
  std::unordered_map<SegmentKey, std::size_t, KeyHash> index;  // piece of each key in this file
  std::vector<std::pair<std::size_t, std::size_t>> repeats;    // (piece, offset in `bytes`)
  std::string joined;
  for (auto [s, e] : segments_of(bytes)) {
    std::string_view segment = bytes.substr(s, e - s);
    SegmentKey key = VerifiedSegments::key_of(segment);
    if (clean.contains(key)) continue;
    auto [it, first] = index.try_emplace(key, pieces.size());
    if (!first) {  // a sitemap repeats most of its lines: scanned once, reported at each
      repeats.emplace_back(it->second, s);
      continue;
    }
    pieces.push_back({joined.size(), s, key});
    joined += segment;
  }
  std::vector<anonymizer::Leak> found = scanner.scan(joined);
  std::vector<std::vector<anonymizer::Leak>> by_piece(pieces.size());  // offsets in the piece
  for (auto& leak : found) {
    auto it = std::upper_bound(pieces.begin(), pieces.end(), leak.offset,
                               [](std::size_t off, const Piece& p) { return off < p.from; });
    std::size_t i = static_cast<std::size_t>(std::prev(it) - pieces.begin());
    leak.offset -= pieces[i].from;
    by_piece[i].push_back(leak);
  }
  std::vector<anonymizer::Leak> leaks;
  auto report = [&](std::size_t piece, std::size_t source) {
    for (anonymizer::Leak leak : by_piece[piece]) {
      leak.offset += source;
      leaks.push_back(std::move(leak));
    }
  };
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (by_piece[i].empty()) clean.insert(pieces[i].key);
    report(i, pieces[i].source);
  }
  for (auto [piece, source] : repeats) report(piece, source);
  std::sort(leaks.begin(), leaks.end(), [](const anonymizer::Leak& a, const anonymizer::Leak& b) {
    return a.offset < b.offset;
  });
  return leaks;
}

}  // namespace

VerifiedSegments::Key VerifiedSegments::key_of(std::string_view bytes) {
  return content_hash128(bytes);
}

bool VerifiedSegments::contains(const Key& key) {
  Shard& shard = shards_[(key.first >> 32) % kShards];  // KeySet probes by the low bits
  std::lock_guard lock(shard.mutex);
  if (shard.seen.contains(key)) return true;
  if (!loaded_.contains(key)) return false;
  shard.seen.insert(key);  // still clean, and part of this run's set
  return true;
}

void VerifiedSegments::insert(const Key& key) {
  Shard& shard = shards_[(key.first >> 32) % kShards];
  std::lock_guard lock(shard.mutex);
  shard.seen.insert(key);
}

void VerifiedSegments::load(const std::filesystem::path& file, const std::string& fingerprint) {
  auto bytes = read_cache_file(file);
  if (!bytes) return;
  CacheReader r(*bytes);
  if (r.str() != kVerifiedMagic || r.str() != fingerprint) return;
  KeySet keys;
  for (auto n = r.count(16); n > 0 && r.ok(); --n) {
    std::uint64_t first = r.u64();
    keys.insert({first, r.u64()});
  }
  if (r.ok() && r.at_end()) loaded_ = std::move(keys);
}

bool VerifiedSegments::save(const std::filesystem::path& file,
                            const std::string& fingerprint) const {
  CacheWriter w;
  w.str(kVerifiedMagic);
  w.str(fingerprint);
  std::size_t n = 0;
  for (const Shard& shard : shards_) n += shard.seen.size();
  w.u64(n);
  for (const Shard& shard : shards_) {
    shard.seen.for_each([&](const Key& k) {
      w.u64(k.first);
      w.u64(k.second);
    });
  }
  return write_cache_file(file, w.bytes());
}

OutputVerifier::OutputVerifier(const anonymizer::LeakScanner& scanner, const std::string& label,
                               Diagnostics& diags, VerifiedSegments* known)
    : scanner_(scanner),
      prefix_(label.empty() || label.back() == '/' ? label : label + "/"),
      diags_(diags),
      clean_(known ? known : &local_) {}

// File and folder names are scanned one segment at a time: a leak never spans a '/', and
// "thema/wonen/pagina/4" must not read as "wonen ... 4", an address. Each distinct segment is
// scanned once per run.
std::string OutputVerifier::name_leak(std::string_view segment) {
  {
    std::lock_guard lock(names_mutex_);
    if (auto it = names_.find(segment); it != names_.end()) return it->second;
  }
  auto leaks = scanner_.scan(segment);
  if (leaks.empty()) leaks = scanner_.scan(words_of_path(segment));
  std::string category = leaks.empty() ? std::string() : leaks.front().category;
  std::lock_guard lock(names_mutex_);
  names_.emplace(std::string(segment), category);
  return category;
}

std::size_t OutputVerifier::check(const OutputFile& file) {
  std::size_t count = 0;
  std::string where = prefix_ + file.path;
  for (std::size_t start = 0; start <= file.path.size();) {
    std::size_t end = std::min(file.path.find('/', start), file.path.size());
    std::string category = name_leak(std::string_view(file.path).substr(start, end - start));
    if (!category.empty()) {
      diags_.error(where, 0, 0, "leak of " + category + " in the file name");
      ++count;
    }
    start = end + 1;
  }
  for (const auto& leak : scan_content(file.bytes, scanner_, *clean_)) {
    LineCol lc = line_col_at(file.bytes, leak.offset);
    diags_.error(where, lc.line, lc.col,
                 "leak of " + leak.category + " (byte offset " + std::to_string(leak.offset) + ")");
    ++count;
  }
  leaks_ += count;
  return count;
}

std::size_t verify_files(const OutputFiles& files, const anonymizer::LeakScanner& scanner,
                         const std::string& label, Diagnostics& diags, int jobs,
                         VerifiedSegments* known) {
  OutputVerifier verifier(scanner, label, diags, known);
  parallel_for(files.size(), jobs, [&](std::size_t i) { verifier.check(files[i]); });
  return verifier.leaks();
}

OutputFiles read_tree(const std::filesystem::path& dir, Diagnostics& diags) {
  namespace fs = std::filesystem;
  OutputFiles files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error(dir.generic_string(), 0, 0, "no such folder");
    return files;
  }
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    files.push_back({fs::relative(it->path(), dir, ec).generic_string(), buf.str()});
  }
  if (ec) diags.error(dir.generic_string(), 0, 0, "cannot read folder: " + ec.message());
  std::sort(files.begin(), files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace generator
