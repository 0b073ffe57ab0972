#pragma once
// Data parallelism for the build's stages: plain index loops over the cores.

#include <cstddef>
#include <functional>

namespace generator {

/// Runs fn(i) for i in [0, n) on `jobs` threads (1: inline). Output order is the caller's.
void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn);

/// Default job count: the number of cores.
int default_jobs();

}  // namespace generator
