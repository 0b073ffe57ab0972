#pragma once
// Watches a site's sources with inotify and calls back once a burst of changes has settled.

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace generator {

struct WatchOptions {
  std::filesystem::path root;
  std::vector<std::string> folders = {"content", "templates", "themes"};  // recursive
  std::vector<std::string> files = {"ombudsite.json"};                    // directly in root
  std::chrono::milliseconds debounce{100};  // quiet time before the callback runs
};

/// Runs `on_change` on its own thread (one call at a time) with the changed paths relative to
/// root, after `debounce` without further events. Folders created later (also a missing
/// `templates/`) are watched from then on. Editor leftovers (".name", "name~", vim's "4913")
/// are ignored.
class Watcher {
 public:
  using Callback = std::function<void(const std::vector<std::string>& changed)>;

  Watcher(WatchOptions options, Callback on_change);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// Adds the watches and starts the thread; false with a message when inotify fails.
  bool start(std::string* error);
  /// Stops the thread (waiting for a callback that is running) and closes the watches.
  void stop();

 private:
  void run();
  bool add_tree(const std::filesystem::path& dir, const std::string& rel);
  bool relevant(const std::string& dir, const std::string& name, bool is_dir) const;

  WatchOptions options_;
  Callback on_change_;
  int inotify_ = -1;
  int wake_ = -1;                       // eventfd: stop() wakes the thread
  std::map<int, std::string> watches_;  // descriptor -> folder relative to root ("" is root)
  std::thread thread_;
};

}  // namespace generator
