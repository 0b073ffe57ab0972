// gen_corpus: writes a benchmark corpus of N generated zaakverslagen as an ombudsite site root,
// optionally a Hugo site that reads the same Markdown files, and the list of planted values
// that the public site must not contain. Deterministic for a given seed.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "bench/rng.h"
#include "bench/zaak_text.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    R"(Usage: gen_corpus [--seed S] [--kinderen PERCENT] [--page-size N] [--hugo DIR] N OUT

Writes N zaakverslagen into a new folder OUT:
  OUT/ombudsite/       a site root: ombudsite.json, content/index.md, content/zaken/<id>.md
  OUT/hugo/            with --hugo DIR: a copy of the Hugo site DIR (bench/hugo), which mounts
                       ../ombudsite/content/zaken as its content
  OUT/planted.txt      every planted identifier and person-name form, one per line, sorted
Options:
  --seed S             random seed (default 1); the same seed gives the same files
  --kinderen PERCENT   share of cases with a child-friendly version (default 0)
  --page-size N        list items per page, pagination.size in ombudsite.json (default 10;
                       Hugo's is its paginate setting, HUGO_PAGINATE=N)
)";

constexpr const char* kConfig = R"json({
  "title": "Ombudsman Metropool Amsterdam - benchmark",
  "baseURL": "https://ombudsman.example.nl/",
  "language": "nl",
  "publisher": {
    "name": "Ombudsman Metropool Amsterdam",
    "tooi": "https://identifier.overheid.nl/tooi/id/so/so1045"
  },
  "contact": {
    "phone": "0800 020 5050",
    "email": "info@ombudsman.example.nl",
    "address": "Postbus 20202, 1000 HE Amsterdam",
    "formUrl": "https://ombudsman.example.nl/klacht-indienen/"
  },
  "allow": {
    "persons": ["Arjen Doorduin", "A. Doorduin", "Doorduin"],
    "emails": ["info@ombudsman.example.nl"],
    "terms": ["Postbus 20202, 1000 HE Amsterdam", "Postbus 20202", "1000 HE Amsterdam", "1000 HE"]
  },
  "pagination": {"size": PAGE_SIZE},
  "params": {
    "municipalities": ["Amsterdam", "Almere", "Zaanstad", "Amstelveen", "Diemen", "Ouder-Amstel",
                       "Waterland", "Landsmeer"]
  }
}
)json";

constexpr const char* kHome = R"(---
title: "Ombudsman Metropool Amsterdam"
date: 2025-01-06
menu: true
weight: 1
---
Heeft u een klacht over de gemeente? Wij luisteren en zoeken naar een oplossing.
)";

bool write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) std::cerr << "gen_corpus: cannot write " << path.generic_string() << "\n";
  return static_cast<bool>(out);
}

int usage_error(const std::string& message) {
  std::cerr << "gen_corpus: " << message << "\n" << kUsage;
  return 2;
}

bool parse_number(const std::string& text, unsigned long long& out) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) return false;
  try {
    out = std::stoull(text);
  } catch (...) {
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned long long seed = 1;
  unsigned long long kinderen = 0;
  unsigned long long page_size = 10;
  std::string hugo;
  std::vector<std::string> operands;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--seed" || arg == "--kinderen" || arg == "--page-size" || arg == "--hugo") {
      if (i + 1 >= argc) return usage_error(arg + " needs a value");
      std::string value = argv[++i];
      if (arg == "--hugo") {
        hugo = value;
      } else if (arg == "--seed") {
        if (!parse_number(value, seed)) return usage_error("--seed needs a number");
      } else if (arg == "--kinderen") {
        if (!parse_number(value, kinderen) || kinderen > 100)
          return usage_error("--kinderen needs a number 0..100");
      } else if (!parse_number(value, page_size) || page_size < 1 || page_size > 10000) {
        return usage_error("--page-size needs a number 1..10000");
      }
    } else if (!arg.empty() && arg[0] == '-') {
      return usage_error("unknown option '" + arg + "'");
    } else {
      operands.push_back(arg);
    }
  }
  unsigned long long n = 0;
  if (operands.size() != 2) return usage_error("needs N and OUT");
  if (!parse_number(operands[0], n) || n < 1 || n > bench::kMaxCases)
    return usage_error("N must be 1.." + std::to_string(bench::kMaxCases));
  const fs::path out = operands[1];
  const fs::path site = out / "ombudsite";
  std::error_code ec;
  if (fs::exists(site, ec) || fs::exists(out / "hugo", ec)) {
    std::cerr << "gen_corpus: " << out.generic_string()
              << " already holds a corpus; remove it first\n";
    return 1;
  }

  auto started = std::chrono::steady_clock::now();
  fs::create_directories(site / "content" / "zaken", ec);
  if (ec) {
    std::cerr << "gen_corpus: cannot create " << (site / "content" / "zaken").generic_string()
              << ": " << ec.message() << "\n";
    return 1;
  }
  if (!hugo.empty()) {
    fs::copy(hugo, out / "hugo", fs::copy_options::recursive, ec);
    if (ec) {
      std::cerr << "gen_corpus: cannot copy " << hugo << ": " << ec.message() << "\n";
      return 1;
    }
  }
  std::string config = kConfig;
  config.replace(config.find("PAGE_SIZE"), 9, std::to_string(page_size));
  if (!write_file(site / "ombudsite.json", config) ||
      !write_file(site / "content" / "index.md", kHome))
    return 1;

  bench::Rng rng(seed);
  bench::CaseOptions options;
  options.kinderen_percent = static_cast<int>(kinderen);
  std::set<std::string> planted;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < n; ++i) {
    bench::Case c = bench::make_case(rng, i, options);
    if (!write_file(site / "content" / "zaken" / (c.id + ".md"), c.markdown)) return 1;
    bytes += c.markdown.size();
    planted.insert(c.planted.begin(), c.planted.end());
  }
  std::string list;
  for (const auto& value : planted) list += value + "\n";
  if (!write_file(out / "planted.txt", list)) return 1;

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("gen_corpus: %llu cases (%.1f MB Markdown), %zu planted values in %.2f s -> %s\n", n,
              static_cast<double>(bytes) / 1e6, planted.size(), seconds,
              out.generic_string().c_str());
  return 0;
}
