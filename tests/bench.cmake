# Benchmarks: built with the tests, never run by ctest. Run build/tests/scrub_bench by hand.
find_package(benchmark REQUIRED)

add_executable(scrub_bench ${CMAKE_CURRENT_SOURCE_DIR}/bench/scrub_bench.cc)
target_link_libraries(scrub_bench PRIVATE anonymizer benchmark::benchmark)
