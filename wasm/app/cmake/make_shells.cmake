# cmake -P script: writes the page shells from the one template web/index.html.
#   served page:  WEB_OUT/index.html loads dyad-app.js; dyad.css and dyad-shell.js are copied.
#   single file:  SINGLE_SHELL has dyad.css and dyad-shell.js inlined and keeps {{{ SCRIPT }}}
#                 for emcc (-sSINGLE_FILE=1 --shell-file), so dyad.html needs nothing else.
# Note for the template: emcc runs its JS preprocessor over the single-file shell, so outside
# <style> no line may start with '#'.
if(NOT WEB_SRC OR NOT WEB_OUT OR NOT SINGLE_SHELL)
  message(FATAL_ERROR "make_shells.cmake needs -DWEB_SRC=... -DWEB_OUT=... -DSINGLE_SHELL=...")
endif()
set(css_tag [[<link rel="stylesheet" href="dyad.css">]])
set(js_tag [[<script src="dyad-shell.js"></script>]])
set(script_marker [[{{{ SCRIPT }}}]])

file(READ "${WEB_SRC}/index.html" template)
file(READ "${WEB_SRC}/dyad.css" css)
file(READ "${WEB_SRC}/dyad-shell.js" js)
foreach(needle IN ITEMS css_tag js_tag script_marker)
  string(FIND "${template}" "${${needle}}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "web/index.html must contain ${${needle}}")
  endif()
endforeach()

string(REPLACE "${script_marker}" [[<script async src="dyad-app.js"></script>]] served "${template}")
file(WRITE "${WEB_OUT}/index.html" "${served}")
file(COPY_FILE "${WEB_SRC}/dyad.css" "${WEB_OUT}/dyad.css")
file(COPY_FILE "${WEB_SRC}/dyad-shell.js" "${WEB_OUT}/dyad-shell.js")

# The served page's policy allows the page's own files ('self'); the single file has everything
# inline, so its policy names the inline scripts and styles by hash once emcc has written them
# (single_file_csp.cmake), and allows the data: URL the inlined wasm is read from.
set(csp_served [[script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:; connect-src 'self';]])
set(csp_single [[script-src @DYAD_SCRIPT_HASHES@ 'wasm-unsafe-eval'; style-src @DYAD_STYLE_HASHES@; img-src data:; connect-src data:;]])
string(FIND "${template}" "${csp_served}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "web/index.html must contain the Content-Security-Policy ${csp_served}")
endif()
string(REPLACE "${csp_served}" "${csp_single}" single "${template}")
string(REPLACE "${css_tag}" "<style>\n${css}</style>" single "${single}")
string(REPLACE "${js_tag}" "<script>\n${js}</script>" single "${single}")
file(WRITE "${SINGLE_SHELL}" "${single}")
