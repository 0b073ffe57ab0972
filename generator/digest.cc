#include "generator/digest.h"

#include <openssl/evp.h>

#include <cstdint>
#include <fstream>

namespace generator {

Digest::Digest() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr);
}

Digest::~Digest() {
  EVP_MD_CTX_free(ctx_);
}

Digest& Digest::add(std::uint64_t number) {
  unsigned char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(number >> (8 * i));
  EVP_DigestUpdate(ctx_, bytes, sizeof bytes);
  return *this;
}

Digest& Digest::add(std::string_view bytes) {
  add(static_cast<std::uint64_t>(bytes.size()));
  EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
  return *this;
}

bool Digest::add_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    add(std::string_view("\0unreadable", 11));
    return false;
  }
  char buf[1 << 16];
  std::uint64_t total = 0;
  while (in) {
    in.read(buf, sizeof buf);
    auto n = static_cast<std::size_t>(in.gcount());
    EVP_DigestUpdate(ctx_, buf, n);
    total += n;
  }
  add(total);
  return true;
}

std::string Digest::raw() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_, digest, &len);
  return std::string(reinterpret_cast<const char*>(digest), len);
}

std::string Digest::hex() {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw()) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

const std::string& binary_digest() {
  static const std::string digest = [] {
    Digest d;
    if (!d.add_file("/proc/self/exe")) return std::string();  // no cache without it
    return d.hex();
  }();
  return digest;
}

}  // namespace generator
