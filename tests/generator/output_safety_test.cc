// Output safety of the example site: every HTML page carries a Content-Security-Policy that
// allows no inline script, holds no inline <script> and no javascript: URL (html_safety.h).

#include <catch2/catch.hpp>

#include "cli_support.h"
#include "html_safety.h"

namespace fs = std::filesystem;

TEST_CASE("every page of the example site has the CSP and no inline script", "[safety][csp]") {
  fs::path out = cli_test::temp_dir("csp") / "site";
  auto r = cli_test::run("build -s '" + cli_test::source_dir().string() + "' -o '" + out.string() +
                         "' --quiet");
  REQUIRE(r.status == 0);
  std::size_t pages = 0;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".html") continue;
    ++pages;
    CAPTURE(entry.path().string());
    CHECK(html_safety::problems(cli_test::slurp(entry.path())) == std::vector<std::string>{});
  }
  CHECK(pages > 40);  // home, zaken, rapporten, taxonomies, kinderen, 404
  fs::remove_all(out.parent_path());
}
