# embed_files(OUT_VAR NAMESPACE FUNC BASE_DIR FILES...) writes a .cc that maps paths relative to
# BASE_DIR to file contents, so the binary carries its defaults and needs no install tree.
# The bytes come in through the assembler's .incbin: fast to compile even for large word lists.
function(embed_files out_var namespace func base_dir)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${func}_embedded.cc")
  set(inputs ${ARGN})
  list(SORT inputs)
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/${func}_files.txt")
  string(REPLACE ";" "\n" lines "${inputs}")
  file(WRITE "${list_file}.new" "${lines}\n")
  file(COPY_FILE "${list_file}.new" "${list_file}" ONLY_IF_DIFFERENT)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${namespace} -DFUNC=${func}
            -DBASE=${base_dir} -DLIST_FILE=${list_file} -P ${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake
    DEPENDS ${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake "${list_file}"
    COMMENT "Embedding ${func}"
    VERBATIM)
  # The generated source names the files only, so recompile it when any of them changes.
  set_source_files_properties("${out}" PROPERTIES OBJECT_DEPENDS "${inputs}")
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()
