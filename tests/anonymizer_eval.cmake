# The corpus markup parser is shared by the corpus tests; it is not a *_test.cc, so add it here.
target_sources(anonymizer_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/anonymizer/annotated_text.cc)
