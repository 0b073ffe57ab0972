# Fuzz targets (tests/fuzz/). With OMBUDSITE_FUZZ=ON (clang, see tests/fuzz/run.sh) each target
# links libFuzzer; otherwise it links a replay main and ctest runs every seed corpus file through
# it, so the targets and the properties they check are part of every test run.
option(OMBUDSITE_FUZZ "Link the fuzz targets with libFuzzer (clang only)" OFF)

set(fuzz_dir ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
foreach(target frontmatter mustache markdown scrub leak_scan)
  if(OMBUDSITE_FUZZ)
    add_executable(fuzz_${target} ${fuzz_dir}/fuzz_${target}.cc)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(fuzz_${target} ${fuzz_dir}/fuzz_${target}.cc ${fuzz_dir}/replay_main.cc)
    add_test(NAME fuzz-replay-${target} COMMAND fuzz_${target} ${fuzz_dir}/corpus/${target})
    set_tests_properties(fuzz-replay-${target} PROPERTIES TIMEOUT 300)
  endif()
  target_link_libraries(fuzz_${target} PRIVATE generator)
endforeach()
