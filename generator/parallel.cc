#include "generator/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace generator {

void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn) {
  std::size_t threads = std::min<std::size_t>(jobs < 1 ? 1 : jobs, n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  for (auto& th : pool) th.join();
}

int default_jobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace generator
