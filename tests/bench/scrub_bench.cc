// scrub() throughput, single-threaded, so bytes_per_second is MB/s per core. Target: >= 50 MB/s.
// BM_ScrubZaakverslagen: the bodies of the Hugo comparison's corpus (bench/zaak_text), 2-4
// declared persons each (/500/0) or five (/500/5); BM_ScrubCaseSummaries: a denser stress text, an
// identifier in nearly every paragraph and five declared persons. Run: build/tests/scrub_bench
// [--benchmark_filter=...]

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "anonymizer/scrub.h"
#include "bench/rng.h"
#include "bench/zaak_text.h"
#include "bench_corpus.h"

namespace {

using bench::allowlist;

void add_min_max(benchmark::internal::Benchmark* b) {
  b->Repetitions(5)
      ->ComputeStatistics(
          "min", [](const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); })
      ->ComputeStatistics(
          "max", [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); })
      ->DisplayAggregatesOnly(true)
      ->Unit(benchmark::kMillisecond);
}

// 200 case summaries of ~4 KB, each with its own five declared persons.
void BM_ScrubCaseSummaries(benchmark::State& state) {
  auto docs = bench::case_summaries(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (const auto& doc : docs) bytes += doc.text.size();
  anonymizer::ScrubOptions options;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      auto result = anonymizer::scrub(doc.text, doc.persons, allowlist(), options);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ScrubCaseSummaries)->Arg(4096)->Apply(add_min_max);

// 500 zaakverslagen as bench/compare-hugo builds them: the Markdown body with its persons (2-4),
// or with at least range(1) declared persons: the next cases' persons fill up the list, as in a
// record that declares more persons than the text names.
void BM_ScrubZaakverslagen(benchmark::State& state) {
  ::bench::Rng rng(1);
  std::vector<bench::Document> docs;
  std::vector<anonymizer::Persons> own;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(state.range(0)); ++i) {
    ::bench::Case c = ::bench::make_case(rng, i, {});
    bench::Document doc{std::move(c.body), {}};
    for (auto& [name, role] : c.persons) doc.persons.push_back(anonymizer::Person{name, role});
    own.push_back(doc.persons);
    bytes += doc.text.size();
    docs.push_back(std::move(doc));
  }
  const auto at_least = static_cast<std::size_t>(state.range(1));
  for (std::size_t i = 0; i < docs.size(); ++i) {
    for (std::size_t next = i + 1; docs[i].persons.size() < at_least; ++next) {
      for (const auto& p : own[next % own.size()]) {
        if (docs[i].persons.size() < at_least) docs[i].persons.push_back(p);
      }
    }
  }
  anonymizer::ScrubOptions options;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      auto result = anonymizer::scrub(doc.text, doc.persons, allowlist(), options);
      benchmark::DoNotOptimize(result);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_ScrubZaakverslagen)->Args({500, 0})->Args({500, 5})->Apply(add_min_max);

// One long report (1 MB) with undeclared names only.
void BM_ScrubLongReport(benchmark::State& state) {
  std::string text = bench::long_report(static_cast<std::size_t>(state.range(0)));
  anonymizer::ScrubOptions options;
  for (auto _ : state) {
    auto result = anonymizer::scrub(text, {}, allowlist(), options);
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ScrubLongReport)->Arg(1 << 20)->Apply(add_min_max);

}  // namespace

BENCHMARK_MAIN();
