// The child-friendly variant end to end: the readability gate of build, build --strict and
// check, glossary marking and the child menu on the example site.

#include <catch2/catch.hpp>

#include "cli_support.h"

using namespace cli_test;
namespace fs = std::filesystem;

namespace {

// A one-case site whose child version reads too hard: 2 sentences, 7 words, 17 syllables,
// Flesch-Douma 206.835 - 0.93 * 3.5 - 77 * 17 / 7 = 16.6.
fs::path hard_site(const std::string& name, const std::string& config_extra = "") {
  fs::path root = temp_dir(name);
  fs::create_directories(root / "content" / "zaken");
  std::ofstream(root / "ombudsite.json")
      << R"({"title": "Test", "baseURL": "https://ombudsman.example.nl/",
    "publisher": {"name": "Ombudsman Test", "tooi": "https://identifier.overheid.nl/tooi/id/so/so1045"})"
      << config_extra << "}";
  std::ofstream(root / "content" / "zaken" / "2025-00001.md")
      << "---\n"                                           // 1
         "id: \"2025-00001\"\n"                            // 2
         "title: Een klacht over parkeren\n"               // 3
         "date: 2025-03-14\n"                              // 4
         "status: approved\n"                              // 5
         "municipality: Diemen\n"                          // 6
         "themes: [parkeren]\n"                            // 7
         "outcome: gegrond\n"                              // 8
         "kinderen:\n"                                     // 9
         "  title: Een verhaal\n"                          // 10
         "  body: |\n"                                     // 11
         "    Dat is jammer.\n"                            // 12
         "\n"                                              // 13
         "    De gemeenteraad besliste onherroepelijk.\n"  // 14
         "---\n"
         "De gemeente reageerde niet op de klacht.\n";
  return root;
}

const char* kPath = "content/zaken/2025-00001.md";

}  // namespace

TEST_CASE("a child page below the minimum: build warns, build --strict fails", "[cli][kinderen]") {
  fs::path root = hard_site("kinderen-hard");
  fs::path out = root / "out";
  const std::string message = "readability 16.6 is below the minimum 70 (kinderen)";

  auto plain = run("build -s '" + root.string() + "' -o '" + out.string() + "'");
  INFO(plain.err);
  CHECK(plain.status == 0);
  CHECK(plain.err.find(std::string(kPath) + ": warning: " + message + "\n") != std::string::npos);
  CHECK(fs::exists(out / "kinderen" / "zaken" / "2025-00001" / "index.html"));

  fs::path strict_out = root / "strict";
  auto strict = run("build --strict -s '" + root.string() + "' -o '" + strict_out.string() + "'");
  INFO(strict.err);
  CHECK(strict.status == 1);
  CHECK(strict.err == std::string(kPath) + ": error: " + message +
                          "\nombudsite: 1 error(s); nothing was written\n");
  CHECK(strict.out.empty());
  CHECK_FALSE(fs::exists(strict_out));
}

TEST_CASE("kinderen.minReadability sets the threshold", "[cli][kinderen]") {
  fs::path root = hard_site("kinderen-threshold", R"(, "kinderen": {"minReadability": 15})");
  auto r =
      run("build --strict --quiet -s '" + root.string() + "' -o '" + (root / "out").string() + "'");
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
}

TEST_CASE("check lists readability, long sentences and long words by path:line",
          "[cli][kinderen]") {
  fs::path root = hard_site("kinderen-check");
  std::ofstream(root / "content" / "zaken" / "2025-00002.md")
      << "---\nid: \"2025-00002\"\ntitle: Nog een klacht\ndate: 2025-03-15\nstatus: approved\n"
         "municipality: Diemen\nthemes: [parkeren]\noutcome: gegrond\n"
         "kinderen:\n  title: Lang\n  body: |\n"
         "    Het is een heel lange zin met veel te veel woorden erin, zodat je\n"
         "    hem niet meer in een keer goed kan lezen.\n"
         "---\nTekst.\n";
  // 2025-00002: 1 sentence, 23 words, 28 syllables: 206.835 - 0.93 * 23 - 77 * 28 / 23 = 91.7.
  auto r = run("check -s '" + root.string() + "'");
  INFO(r.err);
  CHECK(r.status == 0);
  const std::string p2 = "content/zaken/2025-00002.md";
  CHECK(r.err == std::string(kPath) +
                     ": note: readability 16.6, 3.5 words per sentence, 2 sentences "
                     "(kinderen)\n" +
                     kPath + ": warning: readability 16.6 is below the minimum 70 (kinderen)\n" +
                     kPath + ":14: note: word of 5 syllables (more than 4): 'onherroepelijk'\n" +
                     p2 +
                     ": note: readability 91.7, 23.0 words per sentence, 1 sentence "
                     "(kinderen)\n" +
                     p2 +
                     ":12: note: sentence of 23 words (more than 15): 'Het is een heel lange "
                     "zin met veel te veel woorden erin, \xE2\x80\xA6'\n");
  // check writes nothing and also knows --strict.
  CHECK_FALSE(fs::exists(root / "site"));
  CHECK(run("check --strict -s '" + root.string() + "'").status == 1);
}

TEST_CASE("the example site passes build --strict with glossary terms and the child menu",
          "[cli][kinderen][site]") {
  fs::path out = temp_dir("kinderen-example") / "site";
  auto r = run("build --strict -s '" + source_dir().string() + "' -o '" + out.string() + "'");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("readability") == std::string::npos);

  std::string page = slurp(out / "kinderen" / "kinderombudsman" / "index.html");
  // The first "gemeente" in the body links to the glossary, described by its explanation.
  CHECK(page.find("<a class=\"kind-term\" href=\"../../kinderen/woordenlijst/#gemeente\" "
                  "aria-describedby=\"kind-uitleg-gemeente\">gemeente</a>") != std::string::npos);
  CHECK(page.find("<dd id=\"kind-uitleg-gemeente\">De organisatie die veel dingen regelt") !=
        std::string::npos);
  // The child menu leads to the Kinderombudsman page.
  CHECK(page.find("href=\"../../kinderen/kinderombudsman/\" aria-current=\"page\"") !=
        std::string::npos);

  std::string home = slurp(out / "kinderen" / "index.html");
  CHECK(home.find("href=\"../kinderen/kinderombudsman/\"") != std::string::npos);
  CHECK(home.find("Wij luisteren naar je.") != std::string::npos);

  std::string words = slurp(out / "kinderen" / "woordenlijst" / "index.html");
  CHECK(words.find("kind-term") == std::string::npos);  // the glossary page itself is plain
}

TEST_CASE("--help documents --strict for build and check", "[cli][kinderen]") {
  auto r = run("--help");
  CHECK(r.status == 0);
  CHECK(r.out.find("ombudsite build  [-s ROOT] [-o OUT] [-j N] [--quiet] [--verbose] [--strict]") !=
        std::string::npos);
  CHECK(r.out.find("ombudsite check  [-s ROOT] [-j N] [--strict]") != std::string::npos);
  CHECK(r.out.find("kinderen.minReadability") != std::string::npos);
}
