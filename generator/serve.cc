#include "generator/serve.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <condition_variable>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "generator/build.h"
#include "generator/live_html.h"
#include "generator/watch.h"

namespace generator {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path serve_output(const ServeOptions& options) {
  return options.out.empty() ? options.root / ".ombudsite-cache" / "serve" : options.out;
}

namespace {

const char* content_type(const fs::path& file) {
  static const std::map<std::string, const char*> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".pdf", "application/pdf"}};
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

std::optional<std::string> slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// A request path as a relative path inside the output, or nullopt when it tries to leave it.
std::optional<std::string> relative_request(const std::string& path) {
  if (path.empty() || path[0] != '/') return std::nullopt;
  std::string rel = path.substr(1);
  if (rel.empty()) return rel;
  std::size_t start = 0;
  while (start < rel.size()) {
    std::size_t end = rel.find('/', start);
    if (end == std::string::npos) end = rel.size();
    std::string_view seg(rel.data() + start, end - start);
    if (seg == ".." || seg == "." || seg.find('\\') != std::string_view::npos ||
        seg.find('\0') != std::string_view::npos)
      return std::nullopt;
    start = end + 1;
  }
  return rel;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// The Host header of a request to a loopback server: a loopback name with our port.
bool allowed_host(const std::string& header, const std::string& host, int port) {
  std::string p = ":" + std::to_string(port);
  std::string own = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  for (const std::string& name :
       {std::string("127.0.0.1"), std::string("localhost"), std::string("[::1]"), own})
    if (header == name + p || header == name) return true;
  return false;
}

}  // namespace

struct LiveServer::Impl {
  ServeOptions options;
  fs::path out;
  httplib::Server http;
  std::thread listener;
  std::unique_ptr<Watcher> watcher;
  std::mutex build_mutex;  // one build at a time
  int port = 0;

  mutable std::mutex mutex;  // guards what follows
  std::condition_variable changed;
  std::string nonce;
  int count = 0;
  bool stopping = false;
  std::vector<Diagnostic> errors;  // of the last build, when it failed
  std::shared_ptr<const PreviewPages> preview = std::make_shared<PreviewPages>();

  std::string generation_locked() const { return nonce + "-" + std::to_string(count); }

  void build() {
    std::lock_guard build_lock(build_mutex);
    BuildOptions b;
    b.root = options.root;
    b.out = out;
    b.jobs = options.jobs;
    b.preview = true;
    Diagnostics diags;
    BuildSummary summary;
    bool ok = build_site(b, diags, summary);
    std::vector<Diagnostic> all = diags.sorted();
    {
      std::lock_guard lock(mutex);
      ++count;
      if (ok) {
        errors.clear();
        preview = std::make_shared<PreviewPages>(std::move(summary.preview));
      } else {
        errors = all;
      }
    }
    changed.notify_all();
    if (options.errors)
      for (const auto& d : all) *options.errors << d.format() << "\n";
    if (options.log && ok) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.2f", summary.seconds);
      std::size_t pages = 0;
      for (const auto& [kind, n] : summary.pages_by_kind) pages += n;
      *options.log << "built: " << pages << " documents, " << summary.files << " files ("
                   << summary.written << " written) in " << secs << " s" << std::endl;
    }
    if (options.errors && !ok)
      *options.errors << "serve: " << diags.error_count()
                      << " error(s); the browser shows them over the last good site" << std::endl;
  }

  void page(const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    std::optional<std::string> rel = relative_request(req.path);
    if (!rel) {
      res.status = 400;
      res.set_content("bad path\n", "text/plain; charset=utf-8");
      return;
    }
    fs::path file = out / *rel;
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
      if (!rel->empty() && rel->back() != '/') {
        res.set_redirect(req.path + "/");
        return;
      }
      file /= "index.html";
    }
    std::optional<std::string> bytes = fs::is_regular_file(file, ec) ? slurp(file) : std::nullopt;
    std::string key;  // the page's URL as the preview knows it
    if (bytes) {
      key = fs::relative(file, out, ec).generic_string();
      if (key == "index.html") key.clear();
      if (key.size() > 11 && key.compare(key.size() - 11, 11, "/index.html") == 0)
        key.resize(key.size() - 10);
    } else {
      res.status = 404;
      bool child = rel->rfind("kinderen/", 0) == 0;
      bytes = slurp(out / (child ? "kinderen/404.html" : "404.html"));
      if (!bytes) bytes = placeholder_page();
      file = "404.html";
    }
    if (file.extension() != ".html") {
      res.set_content(*bytes, content_type(file));
      return;
    }
    LivePage live;
    std::shared_ptr<const PreviewPages> pages;
    std::vector<Diagnostic> failed;
    {
      std::lock_guard lock(mutex);
      live.generation = generation_locked();
      pages = preview;
      failed = errors;
    }
    if (res.status != 404)
      if (auto it = pages->find(key); it != pages->end()) live.preview = &it->second;
    live.errors = &failed;
    res.set_content(inject_live(*bytes, live), "text/html; charset=utf-8");
  }

  void events(httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto sent = std::make_shared<std::string>();
    res.set_chunked_content_provider(
        "text/event-stream", [this, sent](std::size_t, httplib::DataSink& sink) {
          std::unique_lock lock(mutex);
          // Wakes for a new build, for stop(), or after a while to send a keep-alive.
          changed.wait_for(lock, 10s, [&] { return stopping || generation_locked() != *sent; });
          if (stopping) return false;
          std::string message;
          if (generation_locked() != *sent) {
            if (sent->empty()) message = "retry: 1000\n";
            *sent = generation_locked();
            message += "event: build\ndata: " + *sent + "\n\n";
          } else {
            message = ": keep-alive\n\n";
          }
          lock.unlock();
          return sink.write(message.data(), message.size());
        });
  }

  void routes() {
    http.new_task_queue = [] { return new httplib::ThreadPool(16); };
    http.set_keep_alive_timeout(1);  // stop() waits for idle keep-alive connections
    // httplib's default adds SO_REUSEPORT, which would let a second serve share the port.
    http.set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // DNS rebinding: another site's script must not read drafts and removed originals.
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!is_loopback(options.host) ||
          allowed_host(req.get_header_value("Host"), options.host, port))
        return httplib::Server::HandlerResponse::Unhandled;
      res.status = 403;
      res.set_content("serve answers only to 127.0.0.1 and localhost\n",
                      "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    });
    std::string prefix(kLivePrefix);
    http.Get(prefix + "live.js", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-store");
      res.set_content(std::string(kLiveJs), "text/javascript; charset=utf-8");
    });
    http.Get(prefix + "live.css", [](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-store");
      res.set_content(std::string(kLiveCss), "text/css; charset=utf-8");
    });
    http.Get(prefix + "events",
             [this](const httplib::Request&, httplib::Response& res) { events(res); });
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { page(req, res); });
  }
};

LiveServer::LiveServer(ServeOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->out = serve_output(impl_->options);
}

LiveServer::~LiveServer() {
  stop();
}

bool LiveServer::start(std::string* error) {
  Impl& s = *impl_;
  s.nonce = std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count());
  s.routes();
  WatchOptions watch;
  watch.root = s.options.root;
  watch.debounce = s.options.debounce;
  // Builds run on the watcher's thread, one at a time.
  s.watcher =
      std::make_unique<Watcher>(watch, [&s](const std::vector<std::string>&) { s.build(); });
  if (!s.watcher->start(error)) return false;
  if (s.options.port == 0) {
    s.port = s.http.bind_to_any_port(s.options.host);
  } else {
    s.port = s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port <= 0) {
    if (error)
      *error = "cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) +
               " (in use? try --port 0 for any free port)";
    s.watcher->stop();
    return false;
  }
  s.build();
  s.listener = std::thread([&s] { s.http.listen_after_bind(); });
  return true;
}

void LiveServer::stop() {
  Impl& s = *impl_;
  if (s.watcher) s.watcher->stop();  // waits for a build that is running
  {
    std::lock_guard lock(s.mutex);
    s.stopping = true;
  }
  s.changed.notify_all();
  if (s.listener.joinable()) {
    // stop() only acts once the listening loop runs; it starts right after start().
    for (int i = 0; i < 2000 && !s.http.is_running(); ++i) std::this_thread::sleep_for(1ms);
    s.http.stop();
    s.listener.join();
  }
}

int LiveServer::port() const {
  return impl_->port;
}

std::string LiveServer::generation() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->generation_locked();
}

int LiveServer::builds() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->count;
}

int run_serve(const ServeOptions& options_in, std::ostream& out, std::ostream& err) {
  ServeOptions options = options_in;
  if (!options.log) options.log = &out;
  if (!options.errors) options.errors = &err;
  // Signals are taken by sigwait below, not by whichever thread they hit: block them first,
  // so that every thread started from here inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a closed browser tab must not end the server

  if (!is_loopback(options.host))
    err << "ombudsite: warning: serving on " << options.host
        << " shows drafts and the removed personal data to everyone who can reach it\n";
  LiveServer server(options);
  std::string error;
  if (!server.start(&error)) {
    err << "ombudsite: " << error << "\n";
    return 1;
  }
  std::string host =
      options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  out << "Serving " << options.root.generic_string() << " at http://" << host << ":"
      << server.port() << "/\n"
      << "drafts and the redaction preview are shown; Ctrl-C stops" << std::endl;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  out << "stopping" << std::endl;
  server.stop();
  return 0;
}

}  // namespace generator
