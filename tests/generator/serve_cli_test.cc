// `ombudsite serve` as a process: prints its URL, serves, stops cleanly on SIGTERM and SIGINT.

#include <httplib.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <regex>

#include "cli_support.h"
#include "serve_support.h"

extern char** environ;
namespace fs = std::filesystem;

namespace {

struct Process {
  pid_t pid = -1;
  int out = -1;  // the child's stdout
  std::string text;

  Process() = default;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  Process(Process&& o) noexcept : pid(o.pid), out(o.out), text(std::move(o.text)) {
    o.pid = o.out = -1;
  }
  // A test that stopped early leaves no server behind.
  ~Process() {
    if (pid > 0 && ::waitpid(pid, nullptr, WNOHANG) == 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
    if (out >= 0) ::close(out);
  }

  // Reads what stdout has within 100 ms; false at its end.
  bool read_some() {
    pollfd fd{out, POLLIN, 0};
    if (::poll(&fd, 1, 100) <= 0) return true;
    char buf[4096];
    ssize_t n = ::read(out, buf, sizeof buf);
    if (n <= 0) return false;
    text.append(buf, static_cast<std::size_t>(n));
    return true;
  }

  // Reads stdout until `pattern` matches, stdout ends or 30 s pass.
  std::smatch wait_for(const std::regex& pattern) {
    std::smatch m;
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!std::regex_search(text, m, pattern) && std::chrono::steady_clock::now() < until)
      if (!read_some()) break;
    return m;
  }

  // Waits up to 30 s for the exit; the exit status, or -1 after a signal or timeout.
  int wait_exit() {
    for (int i = 0; i < 3000; ++i) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) {
        pid = -1;
        while (read_some()) {  // what it printed last
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
    return -1;
  }
};

Process spawn_serve(const std::string& root) {
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  std::vector<std::string> args = {OMBUDSITE_BINARY, "serve", "-s", root, "--port", "0"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  Process p;
  int rc = ::posix_spawn(&p.pid, OMBUDSITE_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  REQUIRE(rc == 0);
  p.out = pipe_fds[0];
  return p;
}

}  // namespace

TEST_CASE("serve prints its URL and stops cleanly on a signal", "[serve][cli]") {
  auto sig = GENERATE(SIGTERM, SIGINT);
  fs::path root = serve_test::site_copy("cli-" + std::to_string(sig));
  Process p = spawn_serve(root.string());
  auto m = p.wait_for(std::regex("Serving (.*) at http://127\\.0\\.0\\.1:([0-9]+)/\n"));
  INFO(p.text);
  REQUIRE(m.size() == 3);
  CHECK(m[1].str() == root.string());
  int port = std::stoi(m[2].str());
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/zaken/2025-00002/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.find("ombudsite-draft") != std::string::npos);

  ::kill(p.pid, sig);
  CHECK(p.wait_exit() == 0);
  CHECK(p.text.find("stopping") != std::string::npos);
  CHECK_FALSE(fs::exists(root / "site"));
  fs::remove_all(root);
}

TEST_CASE("serve refuses wrong options as usage errors", "[serve][cli]") {
  auto args = GENERATE(as<std::string>{}, "serve -o out", "serve --port abc", "serve --port 70000",
                       "serve --port -1", "serve --port", "serve --host");
  auto r = cli_test::run(args);
  INFO(args << "\n" << r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find("Try 'ombudsite --help'") != std::string::npos);
}
