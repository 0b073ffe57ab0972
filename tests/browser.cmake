# Browser tests: the built site in headless Chromium through playwright-core (tests/browser/).
# Skipped (exit 77) when node, npm or Chromium is missing; playwright-core is installed from
# tests/browser/package-lock.json on first use.
foreach(browser_test IN ITEMS search serve)
  add_test(NAME "browser: ${browser_test}"
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/browser/run.sh ${browser_test}.mjs
                   $<TARGET_FILE:ombudsite> ${PROJECT_SOURCE_DIR})
  set_tests_properties("browser: ${browser_test}" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300
                       LABELS browser)
endforeach()
