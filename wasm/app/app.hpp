#pragma once
/// The annotator: owns the document (through the model's undo history) and the views, builds one
/// ImGui frame at a time, applies the commands the views emit, and autosaves.
/// Platform-free: the browser side (platform.hpp) feeds it text and asks it for JSON.
///
/// Documents in and out, autosave and crash recovery live in app_documents.cpp; the frame, menus
/// and dialogs in app.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <dyad/dyad.hpp>
#include <dyad/export.hpp>
#include <dyad/history.hpp>

#include "article_view.hpp"
#include "document_index.hpp"
#include "extraction_job.hpp"
#include "platform.hpp"
#include "side_panel.hpp"
#include "theme.hpp"
#include "ui_state.hpp"

struct ImFont;

namespace dyad::app {

class App {
 public:
  App();

  // [SECTION] Getting documents in and out (app_documents.cpp)
  /// Replaces the document with the extraction of `text` (a paste, the paste box, a .txt file).
  /// Long texts are extracted over several frames with a progress dialog (extraction_job.hpp);
  /// text over kMaxTextBytes is refused with a message. The current work stays until the new
  /// document is ready.
  void load_article(std::string text);
  /// A paste anywhere on the page: loads it as the article unless an ImGui text field has focus
  /// (then the text only becomes ImGui's clipboard, which the field pastes from).
  void paste(std::string text);
  /// A file opened or dropped: .json is loaded as dyad/1 (errors leave the current work alone),
  /// anything else is extracted as an article.
  void open_file(const std::string& name, std::string contents);
  /// The page refused text or a file of `bytes` bytes before it reached the app.
  void refuse_too_large(double bytes, const std::string& source);
  /// A chosen or dropped file could not be read.
  void file_unreadable(const std::string& name);
  /// The built-in sample article.
  void load_sample();
  /// Saves the document as "<title or first words>.dyad.json", after checking that the file
  /// reads back as valid dyad/1.
  void download_json();
  /// "Download as": the document in an export format (docs/export.md) as "<stem>.tsv", ".ann",
  /// ".conll" or ".jsonl"; the export's warnings go to the status line. Reads the document only.
  void download_export(ExportFormat format);
  /// The document's text exactly (UTF-8, nothing added) as "<stem>.txt": brat's half of a
  /// .ann/.txt pair.
  void download_text();
  /// Copies the document JSON to the system clipboard.
  void copy_json();
  /// Forgets the document and the autosave.
  void start_fresh();

  // [SECTION] Sessions and autosave (app_documents.cpp)
  /// At start-up: view settings, then the autosaved document — restored at once after a clean
  /// close, offered ("Restore unsaved work from …?") after a crash. Marks the session open.
  void start_session();
  /// The page is going away (reload, close): saves pending changes and closes the session.
  void page_hide();
  /// The tab was hidden (and may be discarded without notice): saves pending changes.
  void page_hidden();
  /// The page came back from the back/forward cache: the session is open again.
  void page_show();
  /// An autosave that completed after autosave_write returned (IndexedDB): its result.
  void autosave_done(double seq, int result);
  /// This tab took the work over from another one: `record` is what that tab last saved ("" = none).
  void took_over(const std::string& record);
  /// Another tab took the work over: this one stops saving and becomes read-only.
  void tab_lost();
  /// True while this tab may not change the work (it is open in another tab).
  bool read_only() const { return tab_ != platform::TabStatus::owner; }

  // [SECTION] Frames
  /// Builds the UI for one frame (between ImGui::NewFrame and ImGui::Render), then applies the
  /// commands the views emitted.
  void frame();
  /// Work between frames (extraction blocks, autosave, screen-reader mirror). Returns true if the
  /// UI should redraw.
  bool background(double now_ms);
  /// True while something moves (a drag in progress, an extraction running): keep drawing frames.
  bool animating() const;
  /// Time of the last frame: building the UI (ImGui) and submitting its draw data to WebGL
  /// (which can include waiting for the GPU process), for tests and benchmarks.
  void note_frame_time(double ui_ms, double submit_ms);

  /// Tab or Shift+Tab outside text fields: the next / previous suggestion. (Kept from ImGui,
  /// whose own Tab would move the keyboard into the next text field of the focused panel.)
  void key_tab(bool shift);

  /// The fonts were rebuilt (device pixel ratio changed): re-apply the style, re-layout.
  void set_font(ImFont* font, float dpr);
  void set_theme(Theme theme);

  /// ImGui's clipboard (the browser gives no synchronous read): what was last pasted or copied.
  const std::string& clipboard() const { return clipboard_; }
  void set_clipboard(std::string text) { clipboard_ = std::move(text); }

  // [SECTION] Test hooks
  /// The document as dyad/1 JSON.
  std::string document_json() const;
  /// UI state: layout numbers, selection, hover, theme, timings, autosave (JSON object).
  std::string state_json() const;
  /// Rectangle of a named widget or "mention:<id>" in physical pixels (JSON), or "null".
  std::string item_rect(const std::string& key) const;

  const Document& document() const { return history_.document(); }
  bool has_document() const { return has_document_; }

 private:
  /// What became of the last autosave attempt.
  enum class SaveState { none, saved, full, unavailable, too_large };

  void set_document(Document doc, std::string notice);
  void document_changed();
  void finish_extraction();
  void apply_pending();
  void handle_shortcuts();
  void select_next_suggestion(int direction);
  void undo();
  void redo();
  void save_now();
  void note_save_result(platform::StorageResult r, double saved_at);
  bool refuse_if_read_only();
  void start_opening(const std::string& name, std::string contents);
  void finish_opening();
  void save_prefs();
  void load_prefs();
  void restore_now();
  void show_problem(std::string title, std::string heading, std::vector<std::string> lines);
  void show_load_errors(const std::string& name, const std::vector<Diagnostic>& diags);
  bool recovery_pending() const { return recovery_.has_value(); }

  void draw_menu_bar();
  void draw_notice();
  void draw_welcome(float height);
  void draw_status_bar();
  void draw_modals();
  void draw_recovery_modal();
  void draw_progress_modal();
  void draw_opening_modal();
  void draw_tab_modal();

  History history_;
  DocumentIndex index_;
  bool has_document_ = false;
  std::uint64_t revision_ = 0;   ///< bumped on every document change
  UiState ui_;
  CommandQueue pending_;
  ArticleView article_;
  SidePanel side_;
  HistoryView history_view_;
  ImFont* font_ = nullptr;
  std::string clipboard_;
  double extract_ms_ = 0;
  std::uint64_t articles_loaded_ = 0;
  std::uint64_t commands_applied_ = 0;
  std::size_t suggestions_ = 0;  ///< suggested mentions + relations, counted on each change
  bool has_rtl_ = false;         ///< the text has right-to-left letters
  bool rtl_notice_ = false;      ///< the "shown unshaped" notice is showing
  std::vector<int> tab_steps_;  ///< Tab presses since the last frame: +1 forward, -1 back
  double last_frame_ms_ = 0;   ///< UI build
  double last_submit_ms_ = 0;  ///< WebGL submission
  double max_frame_ms_ = 0;    ///< UI build, since the last document change

  // Messages.
  std::string notice_;                 ///< one line under the menu bar ("Restored …")
  bool notice_offers_fresh_start_ = false;
  std::string status_message_;         ///< last command error or action, in the status bar
  std::string problem_title_;          ///< the error dialog: title, first line, details
  std::string load_error_title_;
  std::vector<std::string> load_errors_;
  bool open_load_errors_ = false;
  bool open_help_ = false;

  // Screen-reader mirror, rebuilt shortly after changes.
  double mirror_due_ms_ = -1;

  // Extraction of long texts over several frames.
  ExtractionJob job_;
  double job_started_ms_ = 0;
  bool open_progress_ = false;
  std::uint64_t extractions_cancelled_ = 0;
  bool cancel_hovered_ = false;  ///< the pointer is on the progress dialog's Cancel (tests)

  // A large dyad/1 file waits a couple of frames (so "Opening …" is on screen) before the
  // blocking parse; Esc / Cancel in that time keeps the current work without parsing.
  std::string opening_name_;
  std::string opening_contents_;
  bool opening_ = false;
  bool open_opening_ = false;
  int opening_frames_ = 0;
  double opening_ms_ = 0;      ///< how long the last open took (parse + check)
  std::uint64_t opens_cancelled_ = 0;

  // Autosave and sessions.
  platform::AutosaveBackend backend_ = platform::AutosaveBackend::none;
  std::string storage_notice_;         ///< IndexedDB unavailable: autosave falls back to localStorage
  platform::TabStatus tab_ = platform::TabStatus::owner;
  bool open_tab_dialog_ = false;
  std::uint64_t read_only_refusals_ = 0;
  double save_seq_ = 0;                ///< sequence number of the last autosave_write
  double pending_save_at_ = 0;         ///< saved-at time of the write in flight
  std::uint64_t saves_in_flight_ = 0;
  double save_due_ms_ = -1;            ///< when the pending save runs, -1 = none
  double last_saved_epoch_ms_ = 0;
  std::string last_saved_hhmm_;
  SaveState save_state_ = SaveState::none;
  bool saved_with_tokens_ = true;
  std::uint64_t saves_ = 0;
  std::uint64_t save_failures_ = 0;
  bool crashed_session_ = false;       ///< the last session ended without closing
  std::optional<Document> recovery_;   ///< found after a crash, waiting for "Restore" / "Start fresh"
  std::string recovery_hhmm_;
  double recovery_saved_at_ = 0;
  bool open_recovery_ = false;
  bool refused_during_recovery_ = false;
  std::string damaged_autosave_;       ///< a record that could not be restored, offered as a file
  Theme saved_theme_ = Theme::dark;    ///< view settings as last stored
  bool saved_show_all_arcs_ = true;
};

}  // namespace dyad::app
