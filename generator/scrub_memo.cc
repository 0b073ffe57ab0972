#include "generator/scrub_memo.h"

#include "generator/cache_io.h"
#include "generator/digest.h"

namespace generator {

namespace {

constexpr std::string_view kMagic = "ombudsite scrub memo 1";

void write_result(CacheWriter& w, const anonymizer::ScrubResult& r) {
  w.str(r.text);
  w.u64(r.redactions.size());
  for (const auto& x : r.redactions) {
    w.u64(x.start);
    w.u64(x.end);
    w.str(x.category);
    w.str(x.rule);
    w.str(x.ground);
    w.str(x.replacement);
  }
  w.u64(r.flags.size());
  for (const auto& f : r.flags) {
    w.u64(f.start);
    w.u64(f.end);
    w.str(f.term);
    w.str(f.category);
  }
}

anonymizer::ScrubResult read_result(CacheReader& r) {
  anonymizer::ScrubResult result;
  result.text = r.str();
  for (auto n = r.count(48); n > 0 && r.ok(); --n) {
    anonymizer::Redaction x;
    x.start = r.u64();
    x.end = r.u64();
    x.category = r.str();
    x.rule = r.str();
    x.ground = r.str();
    x.replacement = r.str();
    result.redactions.push_back(std::move(x));
  }
  for (auto n = r.count(32); n > 0 && r.ok(); --n) {
    anonymizer::Flag f;
    f.start = r.u64();
    f.end = r.u64();
    f.term = r.str();
    f.category = r.str();
    result.flags.push_back(std::move(f));
  }
  return result;
}

}  // namespace

std::string ScrubMemo::key(std::string_view text, const anonymizer::Persons& persons,
                           anonymizer::Profile profile) {
  Digest d;
  d.add(static_cast<std::uint64_t>(profile)).add(text).add(persons.size());
  for (const auto& p : persons) d.add(p.name).add(p.role);
  return d.raw();
}

void ScrubMemo::load(const std::filesystem::path& file) {
  auto bytes = read_cache_file(file);
  if (!bytes) return;
  CacheReader r(*bytes);
  if (r.str() != kMagic || r.str() != fingerprint_) return;
  std::unordered_map<std::string, Entry> loaded;
  for (auto n = r.count(40); n > 0 && r.ok(); --n) {
    std::string key = r.str();
    anonymizer::ScrubResult result = read_result(r);
    loaded.emplace(std::move(key), Entry{std::move(result), false});
  }
  if (!r.ok() || !r.at_end()) return;  // corrupt: start cold
  std::lock_guard lock(mutex_);
  entries_ = std::move(loaded);
}

bool ScrubMemo::save(const std::filesystem::path& file) const {
  CacheWriter w;
  w.str(kMagic);
  w.str(fingerprint_);
  std::lock_guard lock(mutex_);
  std::size_t used = 0;
  for (const auto& [key, entry] : entries_) used += entry.used;
  w.u64(used);
  for (const auto& [key, entry] : entries_) {
    if (!entry.used) continue;
    w.str(key);
    write_result(w, entry.result);
  }
  return write_cache_file(file, w.bytes());
}

std::optional<anonymizer::ScrubResult> ScrubMemo::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  it->second.used = true;
  return it->second.result;
}

void ScrubMemo::put(const std::string& key, const anonymizer::ScrubResult& result) {
  std::lock_guard lock(mutex_);
  entries_[key] = Entry{result, true};
}

}  // namespace generator
