// List pages link the first and last page and two either side of the current one: with 14 pages
// of one case each, page 7 shows 1 … 5 6 7 8 9 … 14, and page 3 shows 1 2 3 4 5 … 14.

#include <catch2/catch.hpp>
#include <regex>

#include "cli_support.h"

namespace fs = std::filesystem;

namespace {

// The page numbers and gaps of a list page's pagination, as "1 … 5 6 [7] 8 9 … 14".
std::string pagination_of(const std::string& html) {
  std::string out;
  std::regex item(
      R"re(ombudsite-none|ombu-pagination__gap|aria-current="page"><span class="visually-hidden">Pagina </span>(\d+)|<span class="visually-hidden">Pagina </span>(\d+))re");
  for (std::sregex_iterator it(html.begin(), html.end(), item), end; it != end; ++it) {
    if (!out.empty()) out += ' ';
    if ((*it)[1].matched)
      out += "[" + (*it)[1].str() + "]";
    else if ((*it)[2].matched)
      out += (*it)[2].str();
    else
      out += "…";
  }
  return out;
}

}  // namespace

TEST_CASE("list pages show a window of page links", "[pagination][site]") {
  fs::path root = cli_test::copy_of("pagination", {"ombudsite.json", "content"});
  std::string config = cli_test::slurp(root / "ombudsite.json");
  auto at = config.find("\"size\": 10");
  REQUIRE(at != std::string::npos);
  config.replace(at, 10, "\"size\": 1");
  std::ofstream(root / "ombudsite.json", std::ios::trunc) << config;
  REQUIRE(cli_test::run("build --quiet --no-cache", root).status == 0);

  std::size_t total = 0;
  while (fs::exists(root / "site/zaken/pagina" / std::to_string(total + 2))) ++total;
  total += 1;
  REQUIRE(total == 14);  // the example site's 14 published zaakverslagen
  auto page = [&](int n) {
    fs::path p = n == 1 ? root / "site/zaken/index.html"
                        : root / "site/zaken/pagina" / std::to_string(n) / "index.html";
    return pagination_of(cli_test::slurp(p));
  };
  CHECK(page(1) == "[1] 2 3 … 14");
  CHECK(page(3) == "1 2 [3] 4 5 … 14");
  CHECK(page(4) == "1 2 3 [4] 5 6 … 14");
  CHECK(page(7) == "1 … 5 6 [7] 8 9 … 14");
  CHECK(page(14) == "1 … 12 13 [14]");
  fs::remove_all(root);
}
