# Whole-site checks on the example site, run by ctest.
add_test(NAME site-woo-sitemaps
         COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/site/validate_sitemaps.sh $<TARGET_FILE:ombudsite>
                 ${PROJECT_SOURCE_DIR} ${OMBUDSITE_SHARED_DIR})
set_tests_properties(site-woo-sitemaps PROPERTIES TIMEOUT 120)
