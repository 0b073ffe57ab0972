#include "bench/zaak_text.h"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("a case's id and year follow from its index", "[bench]") {
  auto [index, id] = GENERATE(table<std::size_t, std::string>({
      {0, "2016-00001"},
      {9, "2025-00001"},
      {10, "2016-00002"},
      {bench::kMaxCases - 1, "2025-99999"},
  }));
  bench::Rng rng(1);
  bench::Case c = bench::make_case(rng, index, {});
  CHECK(c.id == id);
  CHECK(c.markdown.find("id: \"" + id + "\"\n") != std::string::npos);
  CHECK(c.markdown.find("date: " + id.substr(0, 4) + "-") != std::string::npos);
}

TEST_CASE("a case is front matter and 2-3 KB of prose that holds its planted values", "[bench]") {
  bench::Rng rng(5);
  for (std::size_t i = 0; i < 100; ++i) {
    bench::Case c = bench::make_case(rng, i, {});
    CAPTURE(c.id);
    REQUIRE(c.markdown.rfind("---\n", 0) == 0);
    std::size_t body = c.markdown.find("\n---\n", 4);
    REQUIRE(body != std::string::npos);
    std::size_t bytes = c.markdown.size() - body - 5;
    CHECK(bytes >= 2000);
    CHECK(bytes < 3400);
    CHECK(c.markdown.find("persons:\n  - name: ") != std::string::npos);
    CHECK(c.markdown.find("kinderen:") == std::string::npos);
    // Seven identifiers, and the verzoeker's full name, first name and surname.
    std::size_t present = 0;
    for (const auto& value : c.planted)
      if (c.markdown.find(value, body) != std::string::npos) ++present;
    CHECK(present >= 7 + 3);
  }
}

TEST_CASE("the share of child-friendly versions follows the option", "[bench]") {
  auto [percent, low, high] =
      GENERATE(table<int, int, int>({{0, 0, 0}, {50, 35, 65}, {100, 100, 100}}));
  bench::Rng rng(9);
  bench::CaseOptions options;
  options.kinderen_percent = percent;
  int with = 0;
  for (std::size_t i = 0; i < 100; ++i)
    if (bench::make_case(rng, i, options).markdown.find("\nkinderen:\n") != std::string::npos)
      ++with;
  CHECK(with >= low);
  CHECK(with <= high);
}

TEST_CASE("the same seed gives the same case", "[bench]") {
  bench::Rng a(1), b(1), c(2);
  bench::Case x = bench::make_case(a, 3, {});
  CHECK(x.markdown == bench::make_case(b, 3, {}).markdown);
  CHECK(x.markdown != bench::make_case(a, 3, {}).markdown);  // the generator has moved on
  CHECK(x.markdown != bench::make_case(c, 3, {}).markdown);
}
