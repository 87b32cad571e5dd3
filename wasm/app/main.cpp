// The app's runtime: GLFW window on the page's canvas, ImGui, fonts at the device pixel ratio,
// and the idle policy (frames are drawn only after something changed).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include "app.hpp"
#include "fonts.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "platform.hpp"

namespace dyad::app {
namespace {

/// Frames drawn after any event: ImGui needs a couple to settle hover, popups and auto-sizing.
constexpr int kFramesPerWake = 3;

struct Runtime {
  GLFWwindow* window = nullptr;
  App app;
  int frames_left = 0;
  std::uint64_t frames_drawn = 0;
  std::uint64_t loop_ticks = 0;
  float font_dpr = 0;           ///< device pixel ratio the atlas was built for
  bool gl_objects_ready = false;
  ImGuiMouseCursor cursor = ImGuiMouseCursor_COUNT;
  // ImGui 1.86 has no input queue: a key pressed and released before the next frame would be
  // lost (ocornut/imgui#2787), which happens to fast typists on a busy machine since frames only
  // run after input. Such releases wait until a frame has seen the press.
  struct KeyRelease {
    int key, scancode, mods;
  };
  std::vector<KeyRelease> deferred_releases;
  std::vector<std::uint64_t> pressed_in_frame = std::vector<std::uint64_t>(GLFW_KEY_LAST + 1, ~std::uint64_t{0});
};

Runtime* g_runtime = nullptr;  // lives for the page's lifetime (the main loop outlives main())

void wake(int frames = kFramesPerWake) { g_runtime->frames_left = std::max(g_runtime->frames_left, frames); }

// [SECTION] GLFW callbacks, installed before ImGui's backend (which chains to them): any input
// wakes the renderer. Mouse motion has no ImGui callback in 1.86 (it polls), so ours is the only one.
void on_cursor_pos(GLFWwindow*, double, double) { wake(); }
void on_mouse_button(GLFWwindow*, int, int, int) { wake(); }
void on_key(GLFWwindow*, int, int, int, int) { wake(); }
void on_char(GLFWwindow*, unsigned int) { wake(); }
void on_cursor_enter(GLFWwindow*, int) { wake(); }
void on_focus(GLFWwindow*, int) { wake(); }
void on_window_size(GLFWwindow*, int, int) { wake(); }

/// Replaces ImGui's key callback (after its backend is initialised) and forwards to it, holding
/// back releases of keys no frame has seen pressed yet.
void on_key_for_imgui(GLFWwindow* window, int key, int scancode, int action, int mods) {
  Runtime& rt = *g_runtime;
  wake();
  const bool known = key >= 0 && key <= GLFW_KEY_LAST;
  if (action == GLFW_RELEASE &&
      (!rt.deferred_releases.empty() || (known && rt.pressed_in_frame[static_cast<std::size_t>(key)] == rt.frames_drawn))) {
    rt.deferred_releases.push_back({key, scancode, mods});
    return;
  }
  // Outside text fields Tab walks the suggestions; ImGui would also move the keyboard into the
  // next text field of the focused panel (so the next letter typed would edit an actor's name).
  if (key == GLFW_KEY_TAB && !ImGui::GetIO().WantTextInput) {
    if (action != GLFW_RELEASE) rt.app.key_tab((mods & GLFW_MOD_SHIFT) != 0);
    return;
  }
  if (action == GLFW_PRESS && known) rt.pressed_in_frame[static_cast<std::size_t>(key)] = rt.frames_drawn;
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void release_deferred_keys() {
  Runtime& rt = *g_runtime;
  if (rt.deferred_releases.empty()) return;
  std::vector<Runtime::KeyRelease> releases;
  releases.swap(rt.deferred_releases);
  for (const auto& r : releases) ImGui_ImplGlfw_KeyCallback(rt.window, r.key, r.scancode, GLFW_RELEASE, r.mods);
  wake();
}

const char* css_cursor(ImGuiMouseCursor c) {
  switch (c) {
    case ImGuiMouseCursor_None: return "none";
    case ImGuiMouseCursor_TextInput: return "text";
    case ImGuiMouseCursor_ResizeAll: return "move";
    case ImGuiMouseCursor_ResizeNS: return "ns-resize";
    case ImGuiMouseCursor_ResizeEW: return "ew-resize";
    case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
    case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
    case ImGuiMouseCursor_Hand: return "pointer";
    case ImGuiMouseCursor_NotAllowed: return "not-allowed";
    default: return "default";
  }
}

float clamp_dpr(double dpr) { return static_cast<float>(std::clamp(dpr, 0.5, 4.0)); }

// [SECTION] One animation frame

/// Keeps the canvas backing store at CSS size x DPR and the font atlas at the DPR.
void follow_canvas() {
  Runtime& rt = *g_runtime;
  const platform::CanvasMetrics m = platform::canvas_metrics();
  const float dpr = clamp_dpr(m.device_pixel_ratio);
  if (m.css_width >= 1 && m.css_height >= 1) {
    const int w = static_cast<int>(std::lround(m.css_width * dpr));
    const int h = static_cast<int>(std::lround(m.css_height * dpr));
    int cw = 0;
    int ch = 0;
    glfwGetFramebufferSize(rt.window, &cw, &ch);
    if (w != cw || h != ch) {
      platform::set_canvas_size(w, h);  // never glfwSetWindowSize: it may go fullscreen
      wake();
    }
  }
  if (dpr != rt.font_dpr) {
    ImFont* font = build_font_atlas(dpr);
    if (rt.gl_objects_ready) {
      ImGui_ImplOpenGL3_DestroyFontsTexture();
      ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    rt.font_dpr = dpr;
    rt.app.set_font(font, dpr);
    wake();
  }
}

/// The built-in lexicons are parsed on first use (a few hundred ms in wasm): do it right after
/// the first frame is on screen, not when the first article is pasted.
void warm_up() {
  static bool done = false;
  if (done || g_runtime->frames_drawn == 0) return;
  done = true;
  (void)Lexicons::builtin();
}

void tick() {
  Runtime& rt = *g_runtime;
  ++rt.loop_ticks;
  follow_canvas();
  warm_up();
  if (rt.app.background(platform::now_ms())) wake(1);
  if (rt.frames_left <= 0) return;  // idle: no ImGui frame, no GL call; the last image stays
  --rt.frames_left;

  const double t0 = platform::now_ms();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGui::NewFrame();
  rt.app.frame();
  ImGui::Render();
  const double t1 = platform::now_ms();
  if (rt.app.animating()) wake(1);

  int w = 0;
  int h = 0;
  glfwGetFramebufferSize(rt.window, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  rt.app.note_frame_time(t1 - t0, platform::now_ms() - t1);
  rt.gl_objects_ready = true;
  ++rt.frames_drawn;
  release_deferred_keys();

  const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
  if (cursor != rt.cursor) {
    rt.cursor = cursor;
    platform::set_cursor(css_cursor(cursor));
  }
  if (rt.frames_drawn == 1) platform::page_ready();
}


// [SECTION] Start

bool start() {
  if (!glfwInit()) {
    platform::fail("dyad could not start its window system (GLFW).");
    return false;
  }
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // An opaque canvas without depth/stencil/MSAA: ImGui needs none of them.
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_SAMPLES, 0);

  const platform::CanvasMetrics m = platform::canvas_metrics();
  const float dpr = clamp_dpr(m.device_pixel_ratio);
  const int w = std::max(1, static_cast<int>(std::lround(m.css_width * dpr)));
  const int h = std::max(1, static_cast<int>(std::lround(m.css_height * dpr)));
  GLFWwindow* window = glfwCreateWindow(w, h, "dyad", nullptr, nullptr);
  if (window == nullptr) {
    platform::fail("dyad needs WebGL 2, which this browser does not support or has turned off "
                   "(check that hardware acceleration is enabled).");
    return false;
  }
  glfwMakeContextCurrent(window);

  g_runtime = new Runtime();  // never freed: the page owns it until it closes
  g_runtime->window = window;

  glfwSetCursorPosCallback(window, on_cursor_pos);
  glfwSetMouseButtonCallback(window, on_mouse_button);
  glfwSetKeyCallback(window, on_key);
  glfwSetCharCallback(window, on_char);
  glfwSetCursorEnterCallback(window, on_cursor_enter);
  glfwSetWindowFocusCallback(window, on_focus);
  glfwSetWindowSizeCallback(window, on_window_size);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep drawing frames
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;  // CSS cursor is set in tick()
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  glfwSetKeyCallback(window, on_key_for_imgui);  // ImGui's, with short presses kept (see Runtime)
  ImGui_ImplOpenGL3_Init("#version 300 es");

  // GLFW's clipboard is a stub in emscripten 3.1.6: keep our own copy, filled by paste events.
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_runtime->app.set_clipboard(text ? text : "");
    platform::set_clipboard_text(g_runtime->app.clipboard());
  };
  io.GetClipboardTextFn = [](void*) -> const char* { return g_runtime->app.clipboard().c_str(); };
  io.ClipboardUserData = nullptr;

  platform::AppHooks hooks;
  hooks.tick = tick;
  hooks.paste = [](std::string text) {
    g_runtime->app.paste(std::move(text));
    wake();
  };
  hooks.load_article = [](std::string text) {
    g_runtime->app.load_article(std::move(text));
    wake();
  };
  hooks.wheel = [](double dx, double dy) {
    ImGuiIO& wio = ImGui::GetIO();
    wio.MouseWheelH += static_cast<float>(dx);
    wio.MouseWheel += static_cast<float>(dy);
    wake();
  };
  hooks.wake = [] { wake(); };
  hooks.open_file = [](std::string name, std::string contents) {
    g_runtime->app.open_file(name, std::move(contents));
    wake();
  };
  hooks.text_too_large = [](double bytes, std::string source) {
    g_runtime->app.refuse_too_large(bytes, source);
    wake();
  };
  hooks.file_unreadable = [](std::string name) {
    g_runtime->app.file_unreadable(name);
    wake();
  };
  hooks.page_hide = [] { g_runtime->app.page_hide(); };
  hooks.page_hidden = [] { g_runtime->app.page_hidden(); };
  hooks.page_show = [] { g_runtime->app.page_show(); };
  hooks.autosave_done = [](double seq, int result) {
    g_runtime->app.autosave_done(seq, result);
    wake();
  };
  hooks.took_over = [](std::string record) {
    g_runtime->app.took_over(record);
    wake();
  };
  hooks.tab_lost = [] {
    g_runtime->app.tab_lost();
    wake();
  };
  hooks.item_rect = [](std::string key) { return g_runtime->app.item_rect(key); };
  hooks.document_json = [] { return g_runtime->app.document_json(); };
  hooks.state_json = [] { return g_runtime->app.state_json(); };
  hooks.frames_drawn = [] { return g_runtime->frames_drawn; };
  hooks.loop_ticks = [] { return g_runtime->loop_ticks; };
  hooks.frames_pending = [] { return g_runtime->frames_left > 0 || g_runtime->app.animating(); };
  platform::install(std::move(hooks));
  platform::set_text_limit(static_cast<double>(kMaxTextBytes));

  follow_canvas();
  g_runtime->app.start_session();
  wake();
  return true;
}

}  // namespace
}  // namespace dyad::app

int main() {
  if (!dyad::app::start()) return 1;
  dyad::app::platform::run_main_loop();
  return 0;
}
