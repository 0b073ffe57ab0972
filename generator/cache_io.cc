#include "generator/cache_io.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace generator {

void CacheWriter::u64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out_ += static_cast<char>(v >> (8 * i));
}

void CacheWriter::str(std::string_view s) {
  u64(s.size());
  out_.append(s);
}

std::uint64_t CacheReader::u64() {
  if (!ok_ || in_.size() - pos_ < 8) {
    ok_ = false;
    return 0;
  }
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v |= std::uint64_t{static_cast<unsigned char>(in_[pos_ + i])} << (8 * i);
  pos_ += 8;
  return v;
}

std::string CacheReader::str() {
  std::uint64_t n = u64();
  if (!ok_ || n > in_.size() - pos_) {
    ok_ = false;
    return std::string();
  }
  std::string s(in_.substr(pos_, n));
  pos_ += n;
  return s;
}

std::uint64_t CacheReader::count(std::size_t min_item) {
  std::uint64_t n = u64();
  if (ok_ && min_item > 0 && n > (in_.size() - pos_) / min_item) ok_ = false;
  return ok_ ? n : 0;
}

std::optional<std::string> read_cache_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return buf.str();
}

bool write_cache_file(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::filesystem::path tmp = path;
  tmp += ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return false;
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) std::filesystem::remove(tmp, ec);
  return !ec;
}

}  // namespace generator
