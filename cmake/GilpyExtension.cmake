# gilpy_add_extension(NAME SOURCES...): build a C++ extension module NAME.so for gilpy.
#
# The module is a shared library (MODULE) named exactly NAME.so, compiled against gilpy's public
# headers (include/gilpy/) and written to <build dir>/ext/, a directory gilpy searches after
# sys.path for top-level imports, so `import NAME` works with the gilpy of the same build tree.
# Copy NAME.so anywhere on sys.path to use it elsewhere. The library does not link the runtime:
# its gilpy::api symbols resolve against the gilpy executable when it is loaded (the executable
# exports them), so one NAME.so works with any gilpy of the same API major version built by the
# same compiler.
#
#   include(cmake/GilpyExtension.cmake)
#   gilpy_add_extension(primes primes.cpp)
set(GILPY_EXTENSION_INCLUDE_DIR "${CMAKE_CURRENT_LIST_DIR}/../include" CACHE INTERNAL "")

function(gilpy_add_extension NAME)
  if(NOT ARGN)
    message(FATAL_ERROR "gilpy_add_extension(${NAME}): no sources given")
  endif()
  add_library(${NAME} MODULE ${ARGN})
  target_include_directories(${NAME} PRIVATE ${GILPY_EXTENSION_INCLUDE_DIR})
  target_compile_features(${NAME} PRIVATE cxx_std_20)
  set_target_properties(${NAME} PROPERTIES
    PREFIX ""
    SUFFIX ".so"
    OUTPUT_NAME ${NAME}
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/ext
    CXX_VISIBILITY_PRESET hidden          # only gilpy_module_init_NAME is exported
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
  if(APPLE)
    target_link_options(${NAME} PRIVATE -undefined dynamic_lookup)
  endif()
  # Built whenever gilpy is, so the interpreter of this tree always finds it.
  if(TARGET gilpy)
    add_dependencies(gilpy ${NAME})
  endif()
endfunction()
