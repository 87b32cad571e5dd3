// The browser side of platform.hpp: every EM_JS and the app's embind block live here.

#include "platform.hpp"

#include <cstdlib>
#include <utility>

#include <emscripten.h>
#include <emscripten/bind.h>

namespace dyad::app::platform {
namespace {

AppHooks g_hooks;

void tick_trampoline() {
  if (g_hooks.tick) g_hooks.tick();
}

// [SECTION] JavaScript

// Text enters the app only through admit(): it makes the string well-formed (a lone surrogate,
// e.g. from a paste cut inside an emoji, would otherwise be paired with the next code unit by
// emscripten 3.1.6's UTF-8 encoder) and refuses text above the limit before copying it into
// wasm memory. Module.loadArticle (the paste box, embedders, tests) goes through it too.
EM_JS(void, dyad_js_install_text_entry, (), {
  function wellFormed(s) {
    if (typeof s.toWellFormed === 'function') return s.toWellFormed();
    var out = "";
    var from = 0;
    for (var i = 0; i < s.length; ++i) {
      var c = s.charCodeAt(i);
      if (c < 0xD800 || c > 0xDFFF) continue;
      var d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) { ++i; continue; }
      out += s.slice(from, i) + String.fromCharCode(0xFFFD);
      from = i + 1;
    }
    return from === 0 ? s : out + s.slice(from);
  }
  function admit(text, source) {
    text = wellFormed(String(text));
    var bytes = lengthBytesUTF8(text);
    if (bytes > Module['dyadTextLimit']) {
      Module['platformTextTooLarge'](bytes, source);
      return null;
    }
    return text;
  }
  Module['loadArticle'] = function(text) {
    var t = admit(text, 'The text');
    if (t !== null) Module['platformLoadArticle'](t);
  };
  Module['dyadAdmitText'] = admit;
});

EM_JS(void, dyad_js_set_text_limit, (double bytes), { Module['dyadTextLimit'] = bytes; });

// Document-level paste (Ctrl+V / Cmd+V / context menu anywhere) and a canvas wheel handler that
// replaces GLFW's: 3.1.6 passes raw deltaY (+100 per notch down in Chrome, +3 in Firefox), while
// ImGui expects +1 per notch up. The wheel listener sits on window in the capture phase, so it
// runs before GLFW's canvas listener and can stop it. pagehide (reload, close, navigation) lets
// the app save and close its session cleanly; a hidden tab may be discarded without pagehide.
EM_JS(void, dyad_js_install_listeners, (), {
  document.addEventListener('paste', function(event) {
    var t = event.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    var data = event.clipboardData || window.clipboardData;
    if (!data) return;
    var text = data.getData('text/plain');
    if (!text) return;
    event.preventDefault();
    text = Module['dyadAdmitText'](text, 'The pasted text');
    if (text !== null) Module['platformPaste'](text);
  });
  window.addEventListener('wheel', function(event) {
    if (event.target !== Module['canvas']) return;
    var unit = event.deltaMode === 1 ? 1 / 3 : (event.deltaMode === 2 ? 1 : 1 / 100);
    Module['platformWheel'](-event.deltaX * unit, -event.deltaY * unit);
    event.preventDefault();
    event.stopImmediatePropagation();
  }, { capture: true, passive: false });
  window.addEventListener('pagehide', function() { Module['platformPageHide'](); });
  window.addEventListener('pageshow', function(event) { if (event.persisted) Module['platformPageShow'](); });
  document.addEventListener('visibilitychange', function() {
    if (document.visibilityState === 'hidden') Module['platformPageHidden']();
  });
});

// Files: a hidden <input type=file> for File > Open, and drag-and-drop anywhere on the page.
// GLFW also listens for drops on the canvas (to write them into its virtual FS): the window
// capture listener runs first and keeps them. Sizes are checked before a file is read: text
// against the text limit, JSON against a limit that keeps parsing within wasm memory.
EM_JS(void, dyad_js_install_file_listeners, (), {
  var jsonLimit = 64 * 1024 * 1024;
  function deliver(file) {
    var json = file.name.toLowerCase().endsWith('.json') || file.type === 'application/json';
    var limit = json ? jsonLimit : Module['dyadTextLimit'];
    if (file.size > limit) {
      Module['platformTextTooLarge'](file.size, json ? 'JSON:' + file.name : file.name);
      return;
    }
    file.text().then(function(text) {
      if (!json) {
        text = Module['dyadAdmitText'](text, file.name);
        if (text === null) return;
      }
      Module['platformOpenFile'](file.name, text);
    }, function() {
      Module['platformFileUnreadable'](file.name);
    });
  }
  window.addEventListener('dragover', function(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  }, true);
  window.addEventListener('drop', function(event) {
    var t = event.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    var dt = event.dataTransfer;
    if (!dt) return;
    if (dt.files && dt.files.length > 0) {
      deliver(dt.files[0]);
    } else {
      var text = dt.getData('text/plain');
      if (text) text = Module['dyadAdmitText'](text, 'The dropped text');
      if (text) Module['platformPaste'](text);
    }
  }, true);
  var input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,.txt,text/plain,application/json';
  input.id = 'dyad-file-input';
  input.hidden = true;
  input.addEventListener('change', function() {
    var file = input.files && input.files[0];
    if (file) deliver(file);
    input.value = "";
  });
  document.body.appendChild(input);
});

EM_JS(void, dyad_js_open_file_dialog, (), {
  var input = document.getElementById('dyad-file-input');
  if (input) input.click();
});

EM_JS(void, dyad_js_download, (const char* name, const char* data, size_t size, const char* mime), {
  // Copy the bytes out of the heap before anything can grow or reuse it.
  var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mime) });
  var url = URL.createObjectURL(blob);
  var a = document.createElement('a');
  a.href = url;
  a.download = UTF8ToString(name);
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function() { URL.revokeObjectURL(url); }, 10000);
});

// localStorage may be missing or throw (privacy modes, quota): every access is guarded.
EM_JS(char*, dyad_js_storage_get, (const char* key), {
  try {
    var v = window.localStorage.getItem(UTF8ToString(key));
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1;
    var p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
  } catch (e) {
    return 0;
  }
});

// 0 = written, 1 = storage full (the old value stays), 2 = no storage or another error.
EM_JS(int, dyad_js_storage_set, (const char* key, const char* value), {
  var storage = null;
  try {
    storage = window.localStorage;
  } catch (e) {
  }
  if (!storage) return 2;
  try {
    storage.setItem(UTF8ToString(key), UTF8ToString(value));
    return 0;
  } catch (e) {
    var full = e && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
                     e.code === 22 || e.code === 1014);
    return full ? 1 : 2;
  }
});

EM_JS(void, dyad_js_storage_remove, (const char* key), {
  try {
    window.localStorage.removeItem(UTF8ToString(key));
  } catch (e) {
  }
});

// The autosave store prepared by web/dyad-shell.js (window.dyadStore); without the shell (an
// embedder's page) there is no storage.
EM_JS(int, dyad_js_store_backend, (), {
  var s = window['dyadStore'];
  if (!s) return 2;
  var b = s.state.backend;
  return b === 'indexeddb' ? 0 : (b === 'localstorage' ? 1 : 2);
});

EM_JS(int, dyad_js_store_tab, (), {
  var s = window['dyadStore'];
  if (!s) return 0;
  return s.state.tab === 'other' ? 1 : (s.state.tab === 'lost' ? 2 : 0);
});

EM_JS(char*, dyad_js_store_problem, (), {
  var s = window['dyadStore'];
  var v = s ? s.state.problem : "";
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  stringToUTF8(v, p, n);
  return p;
});

// Hands over the record found at start and forgets it on the JS side (it can be megabytes).
EM_JS(char*, dyad_js_store_take_record, (), {
  var s = window['dyadStore'];
  if (!s || typeof s.state.record !== 'string') return 0;
  var v = s.state.record;
  s.state.record = null;
  var n = lengthBytesUTF8(v) + 1;
  var p = _malloc(n);
  if (!p) return 0;
  stringToUTF8(v, p, n);
  return p;
});

EM_JS(int, dyad_js_autosave_write, (const char* data, size_t size, double seq), {
  var s = window['dyadStore'];
  if (!s) return 2;
  return s.save(UTF8ToString(data, size), function(code) { Module['platformAutosaveDone'](seq, code); });
});

EM_JS(void, dyad_js_autosave_clear, (), {
  var s = window['dyadStore'];
  if (s) s.clear();
});

EM_JS(void, dyad_js_take_over, (), {
  var s = window['dyadStore'];
  if (s) s.takeOver();
  else Module['platformTookOver']("");
});

EM_JS(char*, dyad_js_local_time, (double ms), {
  var s = new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

// The screen-reader mirror is built with DOM nodes and textContent, never HTML strings.
EM_JS(void, dyad_js_set_mirror, (const char* json), {
  var root = document.getElementById('dyad-mirror');
  if (!root) return;
  var data = JSON.parse(UTF8ToString(json));
  root.textContent = "";
  data.paragraphs.forEach(function(segments) {
    var p = document.createElement('p');
    segments.forEach(function(seg) {
      if (seg[1] === null) {
        p.appendChild(document.createTextNode(seg[0]));
      } else {
        var mark = document.createElement('mark');
        mark.textContent = seg[0];
        mark.title = seg[1];
        var note = document.createElement('span');
        note.className = 'dyad-note';
        note.textContent = ' [' + seg[1] + ']';
        mark.appendChild(note);
        p.appendChild(mark);
      }
    });
    root.appendChild(p);
  });
  if (data.relations.length) {
    var h = document.createElement('h2');
    h.textContent = 'Relations';
    root.appendChild(h);
    var ul = document.createElement('ul');
    data.relations.forEach(function(line) {
      var li = document.createElement('li');
      li.textContent = line;
      ul.appendChild(li);
    });
    root.appendChild(ul);
  }
});

EM_JS(double, dyad_js_epoch_ms, (), { return Date.now(); });

EM_JS(void, dyad_js_canvas_metrics, (double* out), {
  var r = Module['canvas'].getBoundingClientRect();
  HEAPF64[out >> 3] = r.width;
  HEAPF64[(out >> 3) + 1] = r.height;
  HEAPF64[(out >> 3) + 2] = window.devicePixelRatio || 1;
});

EM_JS(void, dyad_js_set_cursor, (const char* css), {
  Module['canvas'].style.cursor = UTF8ToString(css);
});

EM_JS(void, dyad_js_write_clipboard, (const char* text), {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(UTF8ToString(text)).catch(function() {});
  }
});

EM_JS(void, dyad_js_shell_call, (const char* method, const char* arg), {
  var shell = window['dyadShell'];
  var name = UTF8ToString(method);
  if (shell && shell[name]) shell[name](arg ? UTF8ToString(arg) : undefined);
});

EM_JS(void, dyad_js_set_page_theme, (int dark), {
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  document.body.classList.toggle('dyad-light', !dark);
});

// [SECTION] Calls from JavaScript (embind: strings are malloc'ed, not put on the 5 MiB stack)

void js_paste(std::string text) {
  if (g_hooks.paste) g_hooks.paste(std::move(text));
}
void js_text_too_large(double bytes, std::string source) {
  if (g_hooks.text_too_large) g_hooks.text_too_large(bytes, std::move(source));
}
void js_file_unreadable(std::string name) {
  if (g_hooks.file_unreadable) g_hooks.file_unreadable(std::move(name));
}
void js_page_hide() {
  if (g_hooks.page_hide) g_hooks.page_hide();
}
void js_page_show() {
  if (g_hooks.page_show) g_hooks.page_show();
}
void js_page_hidden() {
  if (g_hooks.page_hidden) g_hooks.page_hidden();
}
void js_load_article(std::string text) {
  if (g_hooks.load_article) g_hooks.load_article(std::move(text));
}
void js_wheel(double dx, double dy) {
  if (g_hooks.wheel) g_hooks.wheel(dx, dy);
}
void js_open_file(std::string name, std::string contents) {
  if (g_hooks.open_file) g_hooks.open_file(std::move(name), std::move(contents));
}
void js_autosave_done(double seq, int code) {
  if (g_hooks.autosave_done) g_hooks.autosave_done(seq, code);
}
void js_took_over(std::string record) {
  if (g_hooks.took_over) g_hooks.took_over(std::move(record));
}
void js_tab_lost() {
  if (g_hooks.tab_lost) g_hooks.tab_lost();
}
void js_wake() {
  if (g_hooks.wake) g_hooks.wake();
}
std::string js_document_json() { return g_hooks.document_json ? g_hooks.document_json() : std::string("null"); }
std::string js_item_rect(std::string key) { return g_hooks.item_rect ? g_hooks.item_rect(key) : std::string("null"); }
std::string js_state_json() { return g_hooks.state_json ? g_hooks.state_json() : std::string("null"); }
// Counters as doubles: exact up to 2^53, and 3.1.6 embind has no BigInt by default.
double js_frames_drawn() { return g_hooks.frames_drawn ? static_cast<double>(g_hooks.frames_drawn()) : 0.0; }
bool js_frames_pending() { return g_hooks.frames_pending ? g_hooks.frames_pending() : false; }
double js_loop_ticks() { return g_hooks.loop_ticks ? static_cast<double>(g_hooks.loop_ticks()) : 0.0; }

}  // namespace

EMSCRIPTEN_BINDINGS(dyad_app) {
  namespace em = emscripten;
  // Module.loadArticle(text) (the paste box, anyone embedding the page) is defined in
  // dyad_js_install_text_entry and calls this after checking the text.
  em::function("platformLoadArticle", &js_load_article);
  // Used by the listeners above.
  em::function("platformPaste", &js_paste);
  em::function("platformTextTooLarge", &js_text_too_large);
  em::function("platformFileUnreadable", &js_file_unreadable);
  em::function("platformPageHide", &js_page_hide);
  em::function("platformPageHidden", &js_page_hidden);
  em::function("platformPageShow", &js_page_show);
  em::function("platformWheel", &js_wheel);
  em::function("platformWake", &js_wake);
  em::function("platformOpenFile", &js_open_file);
  // Used by the autosave store (web/dyad-shell.js, via the EM_JS above).
  em::function("platformAutosaveDone", &js_autosave_done);
  em::function("platformTookOver", &js_took_over);
  em::function("platformTabLost", &js_tab_lost);
  // Test hooks (tests/e2e).
  em::function("testDocumentJson", &js_document_json);
  em::function("testStateJson", &js_state_json);
  em::function("testItemRect", &js_item_rect);
  em::function("testFramesDrawn", &js_frames_drawn);
  em::function("testLoopTicks", &js_loop_ticks);
  em::function("testFramesPending", &js_frames_pending);
}

// [SECTION] platform.hpp

void install(AppHooks hooks) {
  g_hooks = std::move(hooks);
  dyad_js_install_text_entry();
  dyad_js_install_listeners();
  dyad_js_install_file_listeners();
}

void run_main_loop() {
  // fps 0 = requestAnimationFrame; don't simulate an infinite loop: main() returns and the
  // runtime stays alive (EXIT_RUNTIME=0).
  emscripten_set_main_loop(tick_trampoline, 0, false);
}

CanvasMetrics canvas_metrics() {
  double v[3] = {0, 0, 1};
  dyad_js_canvas_metrics(v);
  return {v[0], v[1], v[2]};
}

void set_canvas_size(int width, int height) {
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
  // Deprecated, but the variant GLFW listens to: Browser.setCanvasSize -> GLFW resize listener.
  emscripten_set_canvas_size(width, height);
#pragma clang diagnostic pop
}

void set_cursor(const char* css_cursor) { dyad_js_set_cursor(css_cursor); }

void set_clipboard_text(const std::string& text) { dyad_js_write_clipboard(text.c_str()); }

void open_paste_box() { dyad_js_shell_call("openPasteBox", nullptr); }

void page_ready() { dyad_js_shell_call("ready", nullptr); }

void fail(const std::string& message) { dyad_js_shell_call("fail", message.c_str()); }

void set_page_theme(bool dark) { dyad_js_set_page_theme(dark ? 1 : 0); }

void announce(const std::string& message) { dyad_js_shell_call("announce", message.c_str()); }

double now_ms() { return emscripten_get_now(); }

double epoch_ms() { return dyad_js_epoch_ms(); }

void download(const std::string& filename, const std::string& content, const char* mime) {
  dyad_js_download(filename.c_str(), content.data(), content.size(), mime);
}

void open_file_dialog() { dyad_js_open_file_dialog(); }

void set_mirror(const std::string& json) { dyad_js_set_mirror(json.c_str()); }

std::optional<std::string> storage_get(const std::string& key) {
  char* p = dyad_js_storage_get(key.c_str());
  if (p == nullptr) return std::nullopt;
  std::string value(p);
  std::free(p);
  return value;
}

StorageResult storage_set(const std::string& key, const std::string& value) {
  switch (dyad_js_storage_set(key.c_str(), value.c_str())) {
    case 0: return StorageResult::ok;
    case 1: return StorageResult::full;
    default: return StorageResult::unavailable;
  }
}

StorageStart storage_start() {
  StorageStart st;
  switch (dyad_js_store_backend()) {
    case 0: st.backend = AutosaveBackend::indexeddb; break;
    case 1: st.backend = AutosaveBackend::localstorage; break;
    default: st.backend = AutosaveBackend::none; break;
  }
  switch (dyad_js_store_tab()) {
    case 1: st.tab = TabStatus::other; break;
    case 2: st.tab = TabStatus::lost; break;
    default: st.tab = TabStatus::owner; break;
  }
  if (char* p = dyad_js_store_problem()) {
    st.problem = p;
    std::free(p);
  }
  if (char* p = dyad_js_store_take_record()) {
    st.record = std::string(p);
    std::free(p);
  }
  return st;
}

std::optional<StorageResult> autosave_write(const std::string& record, double seq) {
  switch (dyad_js_autosave_write(record.data(), record.size(), seq)) {
    case -1: return std::nullopt;
    case 0: return StorageResult::ok;
    case 1: return StorageResult::full;
    default: return StorageResult::unavailable;
  }
}

void autosave_clear() { dyad_js_autosave_clear(); }

void take_over() { dyad_js_take_over(); }

void set_text_limit(double bytes) { dyad_js_set_text_limit(bytes); }

void storage_remove(const std::string& key) { dyad_js_storage_remove(key.c_str()); }

std::string local_time_hhmm(double ms) {
  char* p = dyad_js_local_time(ms);
  std::string s(p ? p : "");
  std::free(p);
  return s;
}

}  // namespace dyad::app::platform
