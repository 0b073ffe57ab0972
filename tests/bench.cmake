# Benchmarks: built with the tests, never run by ctest. Run build/tests/scrub_bench by hand.
find_package(benchmark REQUIRED)

add_executable(scrub_bench ${CMAKE_CURRENT_SOURCE_DIR}/bench/scrub_bench.cc)
target_link_libraries(scrub_bench PRIVATE anonymizer bench_corpus benchmark::benchmark)
if(TARGET mimalloc)
  # The allocator of the ombudsite binary, so that scrub() is measured as a build runs it.
  target_link_libraries(scrub_bench PRIVATE mimalloc)
endif()

# The decisions of scrub() on the benchmark texts and the corpus, to compare two revisions.
add_executable(scrub_snapshot ${CMAKE_CURRENT_SOURCE_DIR}/bench/scrub_snapshot.cc
                              ${CMAKE_CURRENT_SOURCE_DIR}/anonymizer/annotated_text.cc)
target_link_libraries(scrub_snapshot PRIVATE anonymizer)
target_compile_definitions(scrub_snapshot PRIVATE OMBUDSITE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
