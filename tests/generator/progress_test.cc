// Progress while a build runs, and the summary after it.

#include "generator/progress.h"

#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "cli_support.h"

using generator::ProgressPrinter;
namespace fs = std::filesystem;

TEST_CASE("the progress bar text", "[progress]") {
  auto [index, stage, done, total, expected] =
      GENERATE(table<std::size_t, std::string, std::size_t, std::size_t, std::string>({
          {0, "load", 0, 0, "[------------------------]   0%  load"},
          {1, "scrub", 120, 400, "[#####-------------------]  21%  scrub 120/400"},
          {1, "scrub", 400, 400, "[########----------------]  33%  scrub 400/400"},
          {4, "verify", 999, 10, "[####################----]  83%  verify 10/10"},  // clamped
          {5, "write", 10, 10, "[########################] 100%  write 10/10"},
      }));
  CAPTURE(stage, done, total);
  CHECK(ProgressPrinter::bar(index, 6, stage, done, total) == expected);
}

TEST_CASE("without a terminal, one line per stage", "[progress]") {
  std::ostringstream out;
  ProgressPrinter p(out, ProgressPrinter::Mode::kLines);
  p.update("load", 0, 0);
  p.update("scrub", 0, 3);
  for (std::size_t i = 1; i <= 3; ++i) p.update("scrub", i, 3);
  p.update("render", 0, 0);
  p.finish();
  CHECK(out.str() == "[1/6] load\n[2/6] scrub (3)\n[3/6] render\n");
}

TEST_CASE("on a terminal, the bar is redrawn in place and cleared", "[progress]") {
  std::ostringstream out;
  ProgressPrinter p(out, ProgressPrinter::Mode::kBar, {"a", "b"});
  p.update("a", 0, 0);
  p.update("b", 0, 200);
  p.update("b", 1, 200);    // 50.25%: the same percentage, not redrawn
  p.update("b", 100, 200);  // 75%
  p.update("b", 200, 200);  // the last item is always drawn
  p.finish();
  std::string blank(42, ' ');
  CHECK(out.str() ==
        "\r[------------------------]   0%  a"
        "\r[############------------]  50%  b 0/200"
        "\r[##################------]  75%  b 100/200"
        "\r[########################] 100%  b 200/200"
        "\r" +
            blank + "\r");
}

TEST_CASE("silent progress prints nothing", "[progress]") {
  std::ostringstream out;
  ProgressPrinter p(out, ProgressPrinter::Mode::kSilent);
  p.callback()("load", 0, 0);
  p.finish();
  CHECK(out.str().empty());
}

TEST_CASE("build prints stage lines with --verbose and a two-line summary", "[progress][cli]") {
  fs::path dir = cli_test::minimal_site("summary");

  auto quiet_ci = cli_test::run("build", dir);
  REQUIRE(quiet_ci.status == 0);
  CHECK(quiet_ci.err.empty());  // no terminal and no --verbose: no progress at all
  std::regex first(
      R"(built: 3 documents \(1 pagina, 1 rapport, 1 zaakverslag\), \d+ files \(\d+ written, 0 unchanged\), 1 redactions in \d+\.\d\d s)");
  auto newline = quiet_ci.out.find('\n');
  REQUIRE(newline != std::string::npos);
  CHECK(std::regex_match(quiet_ci.out.substr(0, newline), first));
  CHECK(quiet_ci.out.substr(newline + 1) == "redactions by category: naam 1; warnings: 0\n");

  auto verbose = cli_test::run("build --verbose --no-cache", dir);  // every stage runs
  REQUIRE(verbose.status == 0);
  CHECK(std::regex_search(verbose.err, std::regex(R"(^\[1/6\] load
\[2/6\] scrub \(3\)
\[3/6\] render
\[4/6\] template
\[5/6\] verify \(\d+\)
\[6/6\] write \(\d+\)
  load: )")));

  auto check = cli_test::run("check --verbose", dir);
  REQUIRE(check.status == 0);
  CHECK(check.err.find("[6/6] write") == std::string::npos);  // check writes nothing
  CHECK(check.out.find("\nredactions by category: naam 1; warnings: 0\n") != std::string::npos);

  auto quiet = cli_test::run("build --quiet --verbose", dir);
  CHECK(quiet.status == 0);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.find("[1/6]") == std::string::npos);
  fs::remove_all(dir);
}
