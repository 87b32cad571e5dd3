# Dear ImGui 1.86 for the browser app: a static library built from the sources scripts/setup
# fetched into .deps/imgui (never committed), with the GLFW and OpenGL3 (WebGL2 / GLSL ES 3.00)
# backends. Only the wasm build uses it.
#   include(DyadImGui)  ->  target dyad_imgui
include_guard(GLOBAL)

set(DYAD_IMGUI_DIR "${PROJECT_SOURCE_DIR}/.deps/imgui" CACHE PATH "Dear ImGui 1.86 sources (fetched by scripts/setup)")

if(NOT EXISTS "${DYAD_IMGUI_DIR}/imgui.cpp" OR NOT EXISTS "${DYAD_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${DYAD_IMGUI_DIR}: run scripts/setup")
endif()

file(STRINGS "${DYAD_IMGUI_DIR}/imgui.h" _dyad_imgui_version_line REGEX "^#define IMGUI_VERSION ")
if(NOT _dyad_imgui_version_line MATCHES "\"1\\.86")
  message(WARNING "dyad is written against Dear ImGui 1.86; found: ${_dyad_imgui_version_line}")
endif()

add_library(dyad_imgui STATIC
  "${DYAD_IMGUI_DIR}/imgui.cpp"
  "${DYAD_IMGUI_DIR}/imgui_draw.cpp"
  "${DYAD_IMGUI_DIR}/imgui_tables.cpp"
  "${DYAD_IMGUI_DIR}/imgui_widgets.cpp"
  "${DYAD_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
  "${DYAD_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
  "${DYAD_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")     # InputText on std::string
# SYSTEM: third-party code never trips our warnings.
target_include_directories(dyad_imgui SYSTEM PUBLIC "${DYAD_IMGUI_DIR}" "${DYAD_IMGUI_DIR}/backends"
                                                   "${DYAD_IMGUI_DIR}/misc/cpp")
target_compile_definitions(dyad_imgui PUBLIC
  IMGUI_IMPL_OPENGL_ES3            # WebGL2 context, GLSL "#version 300 es"
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_FILE_FUNCTIONS)    # no imgui.ini, no log files: the app has no filesystem to speak of
if(EMSCRIPTEN)
  # emscripten's built-in GLFW (library_glfw.js; headers are in the sysroot) and a WebGL2 context.
  target_link_options(dyad_imgui PUBLIC "-sUSE_GLFW=3" "-sMIN_WEBGL_VERSION=2" "-sMAX_WEBGL_VERSION=2")
endif()
