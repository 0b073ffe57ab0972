#pragma once
// serve: a live preview of a site on 127.0.0.1. Builds (drafts included, redaction preview on)
// into its own folder, never ROOT/site; rebuilds when a source changes and reloads open pages
// through server-sent events. A failed build shows as an overlay over the last good site.

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

namespace generator {

struct ServeOptions {
  std::filesystem::path root = ".";
  std::filesystem::path out;  // default ROOT/.ombudsite-cache/serve
  std::string host = "127.0.0.1";
  int port = 1313;  // 0: any free port
  int jobs = 0;
  std::chrono::milliseconds debounce{100};
  std::ostream* log = nullptr;     // a line per successful build
  std::ostream* errors = nullptr;  // the diagnostics of every build
};

/// The folder serve builds into: options.out or ROOT/.ombudsite-cache/serve.
std::filesystem::path serve_output(const ServeOptions& options);

class LiveServer {
 public:
  explicit LiveServer(ServeOptions options);
  ~LiveServer();
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  /// Binds the port, watches the sources, builds once and starts serving. False (with a
  /// message) when the port cannot be bound or the sources cannot be watched.
  bool start(std::string* error);
  /// Stops serving and watching; open event streams end. Safe to call twice.
  void stop();

  int port() const;
  /// Changes with every finished build, failed or not: "<start time>-<count>".
  std::string generation() const;
  /// Number of builds finished so far.
  int builds() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// `ombudsite serve`: prints "Serving ROOT at http://HOST:PORT/", serves until SIGINT or
/// SIGTERM, then stops cleanly. Returns the exit status.
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace generator
