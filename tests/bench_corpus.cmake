# The Hugo comparison benchmark's corpus generator (bench/): unit tests, and a small corpus built
# with ombudsite (and Hugo when installed) and checked for leaks of its planted values.
add_executable(bench_tests test_main.cc ${CMAKE_CURRENT_SOURCE_DIR}/bench/planted_ids_test.cc
                           ${CMAKE_CURRENT_SOURCE_DIR}/bench/zaak_text_test.cc)
target_link_libraries(bench_tests PRIVATE bench_corpus anonymizer Catch2::Catch2)
catch_discover_tests(bench_tests TEST_PREFIX "bench: ")

add_test(NAME bench-corpus
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/bench/gen_corpus_test.sh $<TARGET_FILE:gen_corpus>
                 $<TARGET_FILE:ombudsite> ${PROJECT_SOURCE_DIR})
set_tests_properties(bench-corpus PROPERTIES TIMEOUT 60)
