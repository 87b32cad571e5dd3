# Header-only dependencies: nlohmann/json and doctest.
# Natively they come from Debian's packages. For em++ we never put /usr/include on the include
# path (glibc headers would leak in): scripts/setup copies the two header trees into
# .deps/shim-include and we point at that.
set(DYAD_SHIM_INCLUDE "${PROJECT_SOURCE_DIR}/.deps/shim-include" CACHE PATH "Header-only deps for em++")

add_library(dyad_json INTERFACE)
add_library(dyad_doctest INTERFACE)

if(EMSCRIPTEN)
  if(NOT EXISTS "${DYAD_SHIM_INCLUDE}/nlohmann/json.hpp")
    message(FATAL_ERROR "${DYAD_SHIM_INCLUDE}/nlohmann/json.hpp missing: run scripts/setup")
  endif()
  target_include_directories(dyad_json SYSTEM INTERFACE "${DYAD_SHIM_INCLUDE}")
  target_include_directories(dyad_doctest SYSTEM INTERFACE "${DYAD_SHIM_INCLUDE}")
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  target_link_libraries(dyad_json INTERFACE nlohmann_json::nlohmann_json)
  if(DYAD_BUILD_TESTS)
    find_package(doctest REQUIRED)
    target_link_libraries(dyad_doctest INTERFACE doctest::doctest)
  endif()
endif()
# The core API never throws; JSON is parsed with parse(s, nullptr, false) and dumped with the
# replace error handler, so library throws would be bugs.
target_compile_definitions(dyad_json INTERFACE JSON_NOEXCEPTION=1)
