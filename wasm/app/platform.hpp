#pragma once
/// The browser behind the app: canvas size, the main loop, clipboard, page messages.
///
/// All EM_JS / EM_ASM and embind code lives in platform_web.cpp; the rest of the app calls
/// these functions and never includes emscripten headers.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace dyad::app::platform {

/// The canvas as the page lays it out: CSS pixels and the device pixel ratio.
struct CanvasMetrics {
  double css_width = 0;
  double css_height = 0;
  double device_pixel_ratio = 1;
};

/// What the page can ask of the app. Set once, before run_main_loop().
struct AppHooks {
  std::function<void()> tick;                          ///< once per animation frame
  std::function<void(std::string)> paste;              ///< text pasted anywhere on the page
  std::function<void(std::string)> load_article;       ///< text from the paste box or a test
  std::function<void(double, double)> wheel;           ///< wheel in ImGui units (+y = up)
  std::function<void()> wake;                          ///< something changed: draw a few frames
  std::function<void(std::string, std::string)> open_file;  ///< (name, contents) opened or dropped
  std::function<void(double, std::string)> text_too_large;  ///< (UTF-8 bytes, source) refused before copying it in
  std::function<void(std::string)> file_unreadable;  ///< a chosen or dropped file could not be read
  std::function<void()> page_hide;                     ///< the page is being unloaded (reload, close, navigation)
  std::function<void()> page_show;                     ///< the page came back from the back/forward cache
  std::function<void()> page_hidden;                   ///< the tab was hidden (it may be discarded without notice)
  std::function<std::string()> document_json;          ///< test hook: the document as dyad/1
  std::function<std::string()> state_json;             ///< test hook: UI state and layout
  std::function<std::string(std::string)> item_rect;   ///< test hook: where a widget/mention is
  std::function<std::uint64_t()> frames_drawn;         ///< test hook
  std::function<std::uint64_t()> loop_ticks;           ///< test hook
  std::function<bool()> frames_pending;                ///< test hook: more frames will be drawn
  std::function<void(double, int)> autosave_done;      ///< (seq, StorageResult) of an autosave_write that completed later
  std::function<void(std::string)> took_over;          ///< take_over() finished: the record the other tab last saved ("" = none)
  std::function<void()> tab_lost;                      ///< another tab took the work over: stop saving
};

/// Installs the page listeners (document paste, canvas wheel) and remembers the hooks.
void install(AppHooks hooks);

/// Runs hooks.tick from requestAnimationFrame forever. Returns at once in the browser (the
/// runtime keeps running).
void run_main_loop();

/// Canvas size in CSS pixels and the current device pixel ratio.
CanvasMetrics canvas_metrics();

/// Sets the canvas backing store to `width` x `height` physical pixels (GLFW follows).
void set_canvas_size(int width, int height);

/// Sets the CSS cursor over the canvas ("default", "text", "pointer", ...).
void set_cursor(const char* css_cursor);

/// Writes text to the system clipboard (needs a recent user gesture; failures are ignored).
void set_clipboard_text(const std::string& text);

/// Opens the DOM paste box (a textarea dialog: IME, mobile keyboards, screen readers).
void open_paste_box();

/// Hides the loading message: the first frame is on screen.
void page_ready();

/// Shows a fatal error over the page.
void fail(const std::string& message);

/// Matches the page around the canvas (background, dialogs) to the app's theme.
void set_page_theme(bool dark);

/// Starts a download of `content` as a file called `filename`.
void download(const std::string& filename, const std::string& content, const char* mime);

/// Shows the browser's file chooser (.txt, .json); the chosen file arrives via hooks.open_file.
void open_file_dialog();

/// Outcome of a storage write.
enum class StorageResult {
  ok,
  full,         ///< QuotaExceededError: the previous value under the key is still there
  unavailable,  ///< no localStorage (privacy settings, sandboxed frame) or another error
};

/// Where the autosave record lives (settled by the page before main() runs: web/dyad-shell.js).
enum class AutosaveBackend {
  indexeddb,     ///< IndexedDB: one transaction writes the record and flips the pointer to it
  localstorage,  ///< IndexedDB could not be opened: one setItem, ~5 MB per origin
  none,          ///< no browser storage at all
};

/// Whether this tab may save the work (Web Locks: one tab holds it).
enum class TabStatus {
  owner,  ///< this tab saves
  other,  ///< another tab had the work when this one started
  lost,   ///< another tab took the work over from this one
};

/// What the page found before the app started.
struct StorageStart {
  AutosaveBackend backend = AutosaveBackend::none;
  std::string problem;                ///< why IndexedDB is not used ("" if it is)
  std::optional<std::string> record;  ///< the stored autosave record, if any
  TabStatus tab = TabStatus::owner;
};

/// Takes what the page prepared (call once, at start).
StorageStart storage_start();

/// Starts writing the autosave record with sequence number `seq`. Returns the result when it is
/// known at once (localStorage), else nullopt and the result arrives through hooks.autosave_done.
/// Never leaves half a record: the previous one stays unless the new one was written whole.
std::optional<StorageResult> autosave_write(const std::string& record, double seq);

/// Deletes the autosave record (start fresh).
void autosave_clear();

/// Takes the work over from the tab that has it; hooks.took_over follows with its last save.
void take_over();

/// Small browser storage (localStorage) for the session marker and view settings. One set() is one setItem: it replaces the value
/// completely or not at all. All calls fail soft.
std::optional<std::string> storage_get(const std::string& key);
StorageResult storage_set(const std::string& key, const std::string& value);
void storage_remove(const std::string& key);

/// Wall-clock time as "HH:MM" in the user's locale, for "saved at" notices.
std::string local_time_hhmm(double epoch_ms);
/// Milliseconds since 1970 (Date.now()).
double epoch_ms();

/// Replaces the hidden DOM mirror of the article (see mirror.hpp for the JSON).
void set_mirror(const std::string& json);

/// Tells screen readers about a change (ARIA live region).
void announce(const std::string& message);

/// Milliseconds since an arbitrary start, for timings.
double now_ms();

/// Largest text (UTF-8 bytes) the page hands to the app; larger pastes and files are refused
/// in the page (hooks.text_too_large) without copying them into wasm memory.
void set_text_limit(double bytes);

}  // namespace dyad::app::platform
