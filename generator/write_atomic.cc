#include "generator/write_atomic.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>
#include <vector>

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

// One open, fstat and read: this runs for every output file of every build. `st` receives the
// file's identity.
bool same_bytes(const fs::path& path, const std::string& bytes, struct stat& st) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
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

// errno tells why when it fails (ENOENT: the folder is missing). Never writes through an
// existing name: in a reused staging folder that may be a hard link of a live file.
bool write_file(const fs::path& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
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

// Makes room for a file at `target` inside `root` (a reused staging folder): a folder in its
// place goes, and so does a file where one of its folders must be.
void clear_way(const fs::path& root, const fs::path& target) {
  std::error_code ec;
  fs::path at = root;
  for (const auto& part : target.lexically_relative(root)) {
    at /= part;
    auto type = fs::symlink_status(at, ec).type();
    if (at == target) {
      if (type == fs::file_type::directory) fs::remove_all(at, ec);
    } else if (type != fs::file_type::directory && type != fs::file_type::not_found) {
      fs::remove(at, ec);
    }
  }
}

// Runs `op` (a write or link into `target`); when its folder is missing, makes it and runs `op`
// again. Folders are made as files first need them: no lock between the writing threads. In a
// reused staging folder (`reused_root` set) whatever stands in the way is removed first.
template <typename Op>
bool with_folder(const fs::path& target, Op op, std::string& error,
                 const fs::path* reused_root = nullptr) {
  if (op()) return true;
  int err = errno;
  if (reused_root && (err == ENOTDIR || err == EISDIR || err == EEXIST)) {
    clear_way(*reused_root, target);
    if (op()) return true;
    err = errno;
  }
  if (err != ENOENT) {
    error = std::strerror(err);
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

// Removes from the tree at `root` everything but folders and the regular files in `keep`
// (paths relative to root), then the folders left empty. `keep` null keeps every regular file.
// Returns the regular files kept, or nothing when the tree cannot be read.
std::optional<std::vector<std::string>> prune_tree(const fs::path& root,
                                                   const std::unordered_set<std::string>* keep) {
  std::error_code ec;
  std::vector<std::string> files;
  std::vector<fs::path> folders;
  std::vector<fs::path> doomed;
  fs::recursive_directory_iterator it(root, ec), end;
  if (ec) return std::nullopt;
  for (; it != end; it.increment(ec)) {
    if (ec) return std::nullopt;
    // The entry's type as the folder listing gives it: symbolic links are not followed.
    fs::file_type type = it->symlink_status(ec).type();
    if (ec) return std::nullopt;
    if (type == fs::file_type::directory) {
      folders.push_back(it->path());
      continue;
    }
    std::string rel = it->path().lexically_relative(root).generic_string();
    if (type == fs::file_type::regular && (!keep || keep->count(rel))) {
      files.push_back(std::move(rel));
    } else {
      doomed.push_back(it->path());
    }
  }
  for (const auto& p : doomed) fs::remove(p, ec);
  // Deepest first; a folder that still holds something stays (rmdir refuses it).
  for (auto f = folders.rbegin(); f != folders.rend(); ++f) ::rmdir(f->c_str());
  return files;
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
  previous_ = parent / ("." + name + ".previous");
  fs::remove_all(staging_, ec);
  // The previous site's tree becomes the staging folder: its folders exist already and most of
  // its files are hard links of the live ones, so a small change makes few file system calls
  // (on ext4, making thousands of folders just after deleting thousands costs seconds).
  if (fs::symlink_status(previous_, ec).type() == fs::file_type::directory && live_ &&
      ::rename(previous_.c_str(), staging_.c_str()) == 0) {
    if (auto files = prune_tree(staging_, nullptr)) {
      reused_.insert(files->begin(), files->end());
      reusing_ = true;
      ok_ = true;
      return;
    }
  }
  fs::remove_all(staging_, ec);
  fs::remove_all(previous_, ec);
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
  bool existed = false;  // the reused staging folder has a file of this name
  {
    std::lock_guard lock(paths_mutex_);
    outputs_.insert(file.path);
    if (reusing_) existed = reused_.erase(file.path) > 0;
  }
  const fs::path* reused_root = reusing_ ? &staging_ : nullptr;
  if (live_) {
    fs::path live = out_ / file.path;
    struct stat live_st {};
    // Unchanged files keep their inode and mtime, so rsync and CDN uploads see nothing new.
    if (same_bytes(live, file.bytes, live_st)) {
      struct stat st {};
      if (existed && ::lstat(target.c_str(), &st) == 0 && st.st_ino == live_st.st_ino &&
          st.st_dev == live_st.st_dev) {
        ++kept_;  // already a link of the live file
        return true;
      }
      if (existed) ::unlink(target.c_str());
      existed = false;
      if (with_folder(
              target, [&] { return ::link(live.c_str(), target.c_str()) == 0; }, error,
              reused_root)) {
        ++kept_;
        return true;
      }
    }
  }
  if (existed) ::unlink(target.c_str());
  if (!with_folder(
          target, [&] { return write_file(target, file.bytes); }, error, reused_root))
    return fail("cannot write " + file.path + ": " + error);
  ++written_;
  return true;
}

bool StagedSite::commit() {
  if (!ok_) return false;
  std::error_code ec;
  // What the reused folder held that this build did not put goes before the swap.
  if (reusing_) {
    for (const auto& path : reused_) {
      fs::path file = staging_ / path;
      fs::remove(file, ec);
      // Its folders go too when nothing else is left in them.
      for (fs::path dir = file.parent_path(); dir != staging_ && ::rmdir(dir.c_str()) == 0;
           dir = dir.parent_path()) {
      }
    }
  }
  if (fs::exists(out_, ec)) {
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
      return fail(std::string("cannot swap in the new site: ") + std::strerror(errno));
    // staging_ now holds the previous site. It is kept for the next build to reuse, but only the
    // files the new site has as well: a page withdrawn from the site must not linger beside it.
    if (prune_tree(staging_, &outputs_) && ::rename(staging_.c_str(), previous_.c_str()) == 0) {
      staging_.clear();
    }
    // Otherwise the destructor removes it.
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
