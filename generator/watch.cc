#include "generator/watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace generator {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::uint32_t kFolderEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE |
                                        IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF;

bool editor_leftover(const std::string& name) {
  auto ends_with = [&](std::string_view tail) {
    return name.size() >= tail.size() &&
           name.compare(name.size() - tail.size(), tail.size(), tail.data(), tail.size()) == 0;
  };
  return name.empty() || name[0] == '.' || ends_with("~") || name == "4913" || ends_with(".swp") ||
         ends_with(".swx");
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty()) return name;
  return name.empty() ? dir : dir + "/" + name;
}

}  // namespace

Watcher::Watcher(WatchOptions options, Callback on_change)
    : options_(std::move(options)), on_change_(std::move(on_change)) {}

Watcher::~Watcher() {
  stop();
}

bool Watcher::add_tree(const fs::path& dir, const std::string& rel) {
  int wd = ::inotify_add_watch(inotify_, dir.c_str(), kFolderEvents | IN_ONLYDIR);
  if (wd < 0) return false;
  watches_[wd] = rel;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!editor_leftover(name) && it->is_directory(ec)) add_tree(it->path(), join(rel, name));
  }
  return true;
}

bool Watcher::relevant(const std::string& dir, const std::string& name, bool is_dir) const {
  if (editor_leftover(name)) return false;
  if (!dir.empty()) return true;
  const auto& list = is_dir ? options_.folders : options_.files;
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool Watcher::start(std::string* error) {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (inotify_ < 0 || wake_ < 0) {
    if (error) *error = std::string("cannot watch for changes: ") + std::strerror(errno);
    stop();
    return false;
  }
  // The root itself, without recursion: ombudsite.json and top folders created later.
  int wd = ::inotify_add_watch(inotify_, options_.root.c_str(), kFolderEvents | IN_ONLYDIR);
  if (wd < 0) {
    if (error) *error = "cannot watch " + options_.root.string() + ": " + std::strerror(errno);
    stop();
    return false;
  }
  watches_[wd] = "";
  for (const auto& folder : options_.folders) {
    std::error_code ec;
    if (fs::is_directory(options_.root / folder, ec)) add_tree(options_.root / folder, folder);
  }
  thread_ = std::thread([this] { run(); });
  return true;
}

void Watcher::stop() {
  if (thread_.joinable()) {
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_, &one, sizeof one);
    thread_.join();
  }
  if (inotify_ >= 0) ::close(inotify_);
  if (wake_ >= 0) ::close(wake_);
  inotify_ = wake_ = -1;
  watches_.clear();
}

void Watcher::run() {
  std::set<std::string> changed;
  Clock::time_point deadline{};
  alignas(inotify_event) char buf[16384];
  while (true) {
    int timeout = -1;
    if (!changed.empty()) {
      auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
      timeout = static_cast<int>(std::max<long long>(0, left));
    }
    pollfd fds[2] = {{wake_, POLLIN, 0}, {inotify_, POLLIN, 0}};
    int ready = ::poll(fds, 2, timeout);
    if (ready < 0 && errno != EINTR) return;
    if (fds[0].revents & POLLIN) return;
    if (fds[1].revents & POLLIN) {
      bool any = false;
      for (ssize_t len; (len = ::read(inotify_, buf, sizeof buf)) > 0;) {
        for (char* p = buf; p < buf + len;) {
          auto* e = reinterpret_cast<inotify_event*>(p);
          p += sizeof(inotify_event) + e->len;
          if (e->mask & IN_Q_OVERFLOW) {  // events were lost: rebuild anyway
            changed.insert("");
            any = true;
            continue;
          }
          auto it = watches_.find(e->wd);
          if (it == watches_.end()) continue;
          std::string dir = it->second;
          if (e->mask & IN_IGNORED) {
            watches_.erase(it);
            continue;
          }
          std::string name = e->len > 0 ? std::string(e->name) : "";
          bool is_dir = (e->mask & IN_ISDIR) != 0;
          if (!relevant(dir, name, is_dir)) continue;
          std::string rel = join(dir, name);
          if (is_dir && (e->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(options_.root / rel, rel);
          changed.insert(rel);
          any = true;
        }
      }
      if (any) deadline = Clock::now() + options_.debounce;
    }
    if (!changed.empty() && Clock::now() >= deadline) {
      std::vector<std::string> paths(changed.begin(), changed.end());
      changed.clear();
      on_change_(paths);
    }
  }
}

}  // namespace generator
