#include "generator/serve.h"

#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>

#include "generator/build.h"
#include "serve_support.h"

using namespace generator;
using namespace serve_test;

namespace {

ServeOptions options_for(const fs::path& root) {
  ServeOptions o;
  o.root = root;
  o.port = 0;
  o.jobs = 2;
  return o;
}

std::string get(int port, const std::string& path, int* status = nullptr) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  auto res = client.Get(path.c_str());
  if (status) *status = res ? res->status : -1;
  return res ? res->body : "";
}

// The text of the public build of `root` into `out`.
bool build_public(const fs::path& root, const fs::path& out) {
  BuildOptions b;
  b.root = root;
  b.out = out;
  b.jobs = 2;
  Diagnostics diags;
  BuildSummary summary;
  return build_site(b, diags, summary);
}

// The "data:" of every build event on /__ombudsite/events, read on its own thread.
class EventLog {
 public:
  explicit EventLog(LiveServer& server) : server_(server) {
    thread_ = std::thread([this] {
      httplib::Client client("127.0.0.1", server_.port());
      client.set_read_timeout(60, 0);
      std::string buffer;
      client.Get("/__ombudsite/events", [&](const char* data, std::size_t len) {
        buffer.append(data, len);
        for (std::size_t end; (end = buffer.find("\n\n")) != std::string::npos;) {
          std::string event = buffer.substr(0, end);
          buffer.erase(0, end + 2);
          if (auto at = event.find("event: build\ndata: "); at != std::string::npos) {
            std::lock_guard lock(mutex_);
            events_.push_back(event.substr(at + 19));
          }
        }
        return !done_;
      });
    });
  }
  // Stopping the server ends the stream, also when a REQUIRE left the test early.
  ~EventLog() {
    done_ = true;
    server_.stop();
    thread_.join();
  }
  bool seen(std::size_t n) {
    return eventually([&] {
      std::lock_guard lock(mutex_);
      return events_.size() >= n;
    });
  }
  std::string at(std::size_t i) {
    std::lock_guard lock(mutex_);
    return i < events_.size() ? events_[i] : "";
  }

 private:
  LiveServer& server_;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> events_;
  std::atomic<bool> done_{false};
};

}  // namespace

TEST_CASE("serve shows drafts, the redaction preview and the live script", "[serve]") {
  fs::path root = site_copy("pages");
  LiveServer server(options_for(root));
  std::string error;
  REQUIRE(server.start(&error));
  REQUIRE(server.port() > 0);
  CHECK(server.builds() == 1);

  int status = 0;
  std::string draft = get(server.port(), "/zaken/2025-00002/", &status);
  CHECK(status == 200);
  CHECK(draft.find("class=\"ombudsite-draft\"") != std::string::npos);
  CHECK(draft.find("data-generation=\"" + server.generation() + "\"") != std::string::npos);
  CHECK(draft.find("script-src 'self'") != std::string::npos);
  // Each redaction with where it stood, what it removed, its category and its rule.
  CHECK(draft.find("<code>content/zaken/2025-00002.md:14:9</code></td><td>body</td><td><del>"
                   "Petra de Boer</del></td><td>[verzoeker]</td><td>naam</td><td><code>"
                   "declared-person</code>") != std::string::npos);
  CHECK(draft.find("<del>06-12345678</del>") != std::string::npos);

  // An approved page: a preview, no banner; the child page previews the kinderen fields.
  std::string approved = get(server.port(), "/zaken/2025-00001/");
  CHECK(approved.find("ombudsite-draft") == std::string::npos);
  CHECK(approved.find("<del>Karel Jansen</del>") != std::string::npos);
  std::string child = get(server.port(), "/kinderen/zaken/2025-00001/");
  CHECK(child.find("Redactievoorbeeld") != std::string::npos);
  CHECK(child.find("Karel Jansen") == std::string::npos);

  // Folders redirect to their slash form; unknown pages are the site's 404; no way out.
  get(server.port(), "/zaken", &status);
  CHECK(status == 302);
  CHECK(get(server.port(), "/nope/", &status).find("/__ombudsite/live.js") != std::string::npos);
  CHECK(status == 404);
  get(server.port(), "/../ombudsite.json", &status);
  CHECK(status != 200);
  CHECK(get(server.port(), "/__ombudsite/live.js", &status).find("EventSource") !=
        std::string::npos);
  CHECK(status == 200);
  // Only loopback names: a page of another site, rebound to 127.0.0.1, reads nothing.
  {
    httplib::Client client("127.0.0.1", server.port());
    auto res = client.Get("/zaken/2025-00002/",
                          {{"Host", "evil.example:" + std::to_string(server.port())}});
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(res->body.find("Petra") == std::string::npos);
    res = client.Get("/", {{"Host", "localhost:" + std::to_string(server.port())}});
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  // Non-HTML files are served as they are.
  CHECK(get(server.port(), "/assets/ombudsman/main.css") ==
        slurp(root / ".ombudsite-cache" / "serve" / "assets" / "ombudsman" / "main.css"));
  server.stop();
  fs::remove_all(root);
}

TEST_CASE("serve rebuilds on a change, reports it as an event, and overlays errors", "[serve]") {
  fs::path root = site_copy("rebuild");
  ServeOptions o = options_for(root);
  LiveServer server(o);
  std::string error;
  REQUIRE(server.start(&error));
  const int port = server.port();
  const std::string first = server.generation();

  EventLog log(server);
  REQUIRE(log.seen(1));
  CHECK(log.at(0) == first);

  fs::path zaak = root / "content" / "zaken" / "2025-00001.md";
  std::string good = slurp(zaak);
  std::string edited = good;
  edited.replace(edited.find("pas in april"), 12, "pas in mei");
  write(zaak, edited);
  REQUIRE(log.seen(2));
  CHECK(log.at(1) != first);
  CHECK(log.at(1) == server.generation());
  CHECK(get(port, "/zaken/2025-00001/").find("pas in mei") != std::string::npos);

  // Invalid front matter: the last good page stays, with every error over it.
  std::string broken = edited;
  broken.replace(broken.find("date: 2025-03-14"), 16, "date: 2025-13-14");
  write(zaak, broken);
  REQUIRE(log.seen(3));
  std::string page = get(port, "/zaken/2025-00001/");
  CHECK(page.find("id=\"ombudsite-overlay\"") != std::string::npos);
  CHECK(page.find("content/zaken/2025-00001.md:4:7: error: month 13 is not a month") !=
        std::string::npos);
  CHECK(page.find("pas in mei") != std::string::npos);
  // Every page shows the overlay, also those of other documents.
  CHECK(get(port, "/").find("id=\"ombudsite-overlay\"") != std::string::npos);

  write(zaak, good);
  REQUIRE(log.seen(4));
  page = get(port, "/zaken/2025-00001/");
  CHECK(page.find("ombudsite-overlay") == std::string::npos);
  CHECK(page.find("pas in april") != std::string::npos);

  fs::remove_all(root);
}

TEST_CASE("serve never touches site/: a public build is byte-identical and preview-free",
          "[serve]") {
  fs::path root = site_copy("isolation");
  fs::path before = root.string() + "-before";
  REQUIRE(build_public(root, before));

  {
    LiveServer server(options_for(root));
    std::string error;
    REQUIRE(server.start(&error));
    CHECK(get(server.port(), "/zaken/2025-00002/").find("ombudsite-preview") != std::string::npos);
    server.stop();
  }
  CHECK_FALSE(fs::exists(root / "site"));
  REQUIRE(build_public(root, root / "site"));
  auto published = tree(root / "site");
  CHECK(published == tree(before));
  CHECK_FALSE(published.count("zaken/2025-00002/index.html"));  // the draft
  for (const auto& [path, bytes] : published) {
    INFO(path);
    CHECK(bytes.find("__ombudsite") == std::string::npos);
    CHECK(bytes.find("ombudsite-preview") == std::string::npos);
    CHECK(bytes.find("ombudsite-draft") == std::string::npos);
  }
  // serve's own folder has the draft, but neither the preview nor a removed original.
  auto served = tree(root / ".ombudsite-cache" / "serve");
  CHECK(served.count("zaken/2025-00002/index.html"));
  for (const auto& [path, bytes] : served) {
    INFO(path);
    CHECK(bytes.find("ombudsite-preview") == std::string::npos);
    CHECK(bytes.find("Petra de Boer") == std::string::npos);
    CHECK(bytes.find("Karel Jansen") == std::string::npos);
  }
  fs::remove_all(root);
  fs::remove_all(before);
}

TEST_CASE("serve with a broken site from the start shows the errors on a bare page", "[serve]") {
  fs::path root = site_copy("broken");
  write(root / "content" / "index.md", "---\ntitle: [unclosed\n---\nx\n");
  LiveServer server(options_for(root));
  std::string error;
  REQUIRE(server.start(&error));
  int status = 0;
  std::string page = get(server.port(), "/", &status);
  CHECK(status == 404);
  CHECK(page.find("Nog geen site") != std::string::npos);
  CHECK(page.find("content/index.md:3:1: error: invalid YAML") != std::string::npos);
  server.stop();
  fs::remove_all(root);
}

TEST_CASE("serve reports a port that is taken", "[serve]") {
  fs::path root = site_copy("port");
  LiveServer first(options_for(root));
  std::string error;
  REQUIRE(first.start(&error));
  ServeOptions o = options_for(root);
  o.port = first.port();
  LiveServer second(o);
  CHECK_FALSE(second.start(&error));
  CHECK(error.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())) !=
        std::string::npos);
  first.stop();
  fs::remove_all(root);
}
