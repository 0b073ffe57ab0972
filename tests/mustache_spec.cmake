# The Mustache spec suite: every case of ../shared/spec/mustache/*.json through render_string.
# The runner exits non-zero on any failure and when the spec folder is missing or empty.
add_executable(mustache_spec ${CMAKE_CURRENT_SOURCE_DIR}/spec/mustache_spec_main.cc)
target_link_libraries(mustache_spec PRIVATE generator nlohmann_json::nlohmann_json)
target_compile_definitions(mustache_spec PRIVATE OMBUDSITE_SHARED_DIR="${OMBUDSITE_SHARED_DIR}")
add_test(NAME mustache-spec COMMAND mustache_spec)
set_tests_properties(mustache-spec PROPERTIES TIMEOUT 60)
