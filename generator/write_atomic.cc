#include "generator/write_atomic.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace generator {

namespace fs = std::filesystem;

bool is_safe_output_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(start, end - start);
    if (seg.empty() || seg == "." || seg == "..") return false;
    for (char c : seg)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F || c == '\\') return false;
    start = end + 1;
  }
  return true;
}

class LockFile {
 public:
  explicit LockFile(const fs::path& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~LockFile() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
  }
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

namespace {

// One open, fstat and read: this runs for every output file of every build.
bool same_bytes(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  struct stat st {};
  bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              static_cast<std::size_t>(st.st_size) == bytes.size();
  std::string existing(same ? bytes.size() : 0, '\0');
  for (std::size_t done = 0; same && done < existing.size();) {
    ssize_t n = ::read(fd, existing.data() + done, existing.size() - done);
    if (n <= 0) same = false;
    done += n > 0 ? static_cast<std::size_t>(n) : 0;
  }
  ::close(fd);
  return same && existing == bytes;
}

// errno tells why when it fails (ENOENT: the folder is missing).
bool write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return false;
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    done += ok ? static_cast<std::size_t>(n) : 0;
  }
  int saved = errno;  // of a failed write, before close may change it
  bool closed = ::close(fd) == 0;
  if (!ok) errno = saved;
  return ok && closed;
}

// Runs `op` (a write or link into `target`); when its folder is missing, makes it and runs `op`
// again. Folders are made as files first need them: no lock between the writing threads.
template <typename Op>
bool with_folder(const fs::path& target, Op op, std::string& error) {
  if (op()) return true;
  if (errno != ENOENT) {
    error = std::strerror(errno);
    return false;
  }
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) {
    error = "cannot create its folder: " + ec.message();
    return false;
  }
  if (op()) return true;
  error = std::strerror(errno);
  return false;
}

}  // namespace

namespace {

// Leftovers of builds that were killed midway; the caller holds the lock, so nobody uses them.
void remove_leftovers(const fs::path& parent, const std::string& name) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    std::string n = entry.path().filename().string();
    if (n.rfind("." + name + ".staging-", 0) == 0 || n.rfind("." + name + ".old-", 0) == 0)
      fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

void remove_stale_staging(const fs::path& out_arg) {
  std::error_code ec;
  fs::path out = fs::absolute(out_arg, ec).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();
  std::string name = out.filename().string();
  LockFile lock(out.parent_path() / ("." + name + ".lock"));
  if (lock.held()) remove_leftovers(out.parent_path(), name);
}

StagedSite::StagedSite(const fs::path& out_arg, Diagnostics& diags)
    : diags_(diags), label_(out_arg.generic_string()) {
  std::error_code ec;
  out_ = fs::absolute(out_arg, ec).lexically_normal();
  if (!out_.has_filename()) out_ = out_.parent_path();
  fs::path parent = out_.parent_path();
  std::string name = out_.filename().string();
  fs::create_directories(parent, ec);
  if (fs::exists(out_, ec) && !fs::is_directory(out_, ec)) {
    diags_.error(label_, 0, 0, "output exists and is not a folder");
    return;
  }
  live_ = fs::is_directory(out_, ec);
  lock_ = std::make_unique<LockFile>(parent / ("." + name + ".lock"));
  if (!lock_->held()) {
    diags_.error(label_, 0, 0, "another build is writing this output (lock ." + name + ".lock)");
    return;
  }
  remove_leftovers(parent, name);
  staging_ = parent / ("." + name + ".staging-" + std::to_string(::getpid()));
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec)) {
    diags_.error(label_, 0, 0, "cannot create staging folder: " + ec.message());
    staging_.clear();
    return;
  }
  ok_ = true;
}

StagedSite::~StagedSite() {
  std::error_code ec;
  if (!staging_.empty()) fs::remove_all(staging_, ec);  // not committed: the live site stays
}

bool StagedSite::fail(const std::string& message) {
  diags_.error(label_, 0, 0, message);
  ok_ = false;
  return false;
}

bool StagedSite::put(const OutputFile& file) {
  if (!ok_) return false;
  if (!is_safe_output_path(file.path)) return fail("unsafe output path refused: " + file.path);
  fs::path target = staging_ / file.path;
  std::string error;
  if (live_) {
    fs::path live = out_ / file.path;
    // Unchanged files keep their inode and mtime, so rsync and CDN uploads see nothing new.
    if (same_bytes(live, file.bytes) &&
        with_folder(
            target, [&] { return ::link(live.c_str(), target.c_str()) == 0; }, error)) {
      ++kept_;
      return true;
    }
  }
  if (!with_folder(
          target, [&] { return write_file(target, file.bytes); }, error))
    return fail("cannot write " + file.path + ": " + error);
  ++written_;
  return true;
}

bool StagedSite::commit() {
  if (!ok_) return false;
  std::error_code ec;
  if (fs::exists(out_, ec)) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
      return fail(std::string("cannot swap in the new site: ") + std::strerror(errno));
    // staging_ now holds the previous site; the destructor removes it.
  } else if (::rename(staging_.c_str(), out_.c_str()) != 0) {
    return fail(std::string("cannot move the new site in place: ") + std::strerror(errno));
  } else {
    staging_.clear();
  }
  ok_ = false;  // done: nothing more may be put
  return true;
}

WriteStats StagedSite::stats() const {
  return {written_.load(), kept_.load()};
}

bool write_atomic(const fs::path& out, const OutputFiles& files, Diagnostics& diags,
                  WriteStats* stats) {
  StagedSite site(out, diags);
  for (const auto& file : files)
    if (!site.put(file)) return false;
  if (!site.commit()) return false;
  if (stats) *stats = site.stats();
  return true;
}

}  // namespace generator
