// End-to-end tests of the command line: exit codes, messages, and what lands on disk.

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "cli_support.h"

using namespace cli_test;
namespace fs = std::filesystem;

TEST_CASE("--help and --version", "[cli]") {
  auto help = run("--help");
  CHECK(help.status == 0);
  for (const char* cmd : {"build", "check", "verify", "audit", "scrub"})
    CHECK(help.out.find(std::string("ombudsite ") + cmd) != std::string::npos);
  auto version = run("--version");
  CHECK(version.status == 0);
  CHECK(version.out.rfind("ombudsite ", 0) == 0);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  auto [args, message] = GENERATE(table<std::string, std::string>({
      {"", "ombudsite: no command given\nTry 'ombudsite --help'.\n"},
      {"frobnicate", "ombudsite: unknown command 'frobnicate'\nTry 'ombudsite --help'.\n"},
      {"build --bogus", "ombudsite: unknown option '--bogus'\nTry 'ombudsite --help'.\n"},
      {"build -j nul", "ombudsite: -j needs a number, not 'nul'\nTry 'ombudsite --help'.\n"},
      {"scrub --format xml",
       "ombudsite: scrub --format is json or text\nTry 'ombudsite --help'.\n"},
  }));
  CAPTURE(args);
  auto r = run(args);
  CHECK(r.status == 2);
  CHECK(r.err == message);
}

TEST_CASE("scrub reads stdin and prints JSON with byte offsets", "[cli]") {
  fs::path dir = temp_dir("scrub");
  std::ofstream(dir / "persons.json") << R"([{"name": "Maria de Vries", "role": "verzoeker"}])";
  auto r = run("scrub --persons persons.json --format json", dir, "Mevrouw Maria de Vries belde.");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "{\"text\":\"Mevrouw [verzoeker] "
        "belde.\",\"redactions\":[{\"start\":8,\"end\":22,\"category\":\"naam\","
        "\"rule\":\"declared-person\",\"ground\":\"5.1.2e\",\"replacement\":\"[verzoeker]\"}]}\n");
  auto text = run("scrub --format text", dir, "Mijn BSN is 123456782.");
  CHECK(text.out == "Mijn BSN is [BSN].");
  fs::remove_all(dir);
}

TEST_CASE("scrub --allow keeps public persons, terms and e-mail addresses", "[cli]") {
  fs::path dir = temp_dir("scrub-allow");
  std::ofstream(dir / "allow.json")
      << R"(["Anne Mulder", "Plantage Middenlaan 52, 1018 DH Amsterdam", "info@ombudsman.nl"])";
  const std::string input =
      "Ombudsman Anne Mulder schreef vanaf Plantage Middenlaan 52, 1018 DH Amsterdam naar "
      "info@ombudsman.nl en naar Kees de Vries, Javastraat 12, 1094 HJ Amsterdam.";
  auto kept = run("scrub --allow allow.json --format text", dir, input);
  CHECK(kept.status == 0);
  CHECK(kept.out ==
        "Ombudsman Anne Mulder schreef vanaf Plantage Middenlaan 52, 1018 DH Amsterdam naar "
        "info@ombudsman.nl en naar [naam], [adres], [postcode] Amsterdam.");
  auto plain = run("scrub --format text", dir, input);
  CHECK(plain.out.find("Middenlaan 52") == std::string::npos);
  CHECK(plain.out.find("info@ombudsman.nl") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("scrub rejects invalid UTF-8 and invalid JSON", "[cli]") {
  fs::path dir = temp_dir("scrub-bad");
  std::ofstream(dir / "bad.json") << "[{\"name\": ";
  auto utf8 = run("scrub", dir, "ab\ncd\xff");
  CHECK(utf8.status == 1);
  CHECK(utf8.err == "<stdin>:2:3: error: invalid UTF-8\n");
  auto json = run("scrub --persons bad.json", dir, "x");
  CHECK(json.status == 1);
  CHECK(json.err.rfind("bad.json:1:", 0) == 0);
  fs::remove_all(dir);
}
