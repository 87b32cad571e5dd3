// The annotator's documents: getting them in (paste, files, long texts over several frames),
// out (download, copy), and kept (autosave, sessions, crash recovery).

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <utility>

#include "app.hpp"
#include "autosave.hpp"
#include "imgui.h"
#include "json_out.hpp"
#include "mirror.hpp"
#include "platform.hpp"

namespace dyad::app {

// Generated from web/sample-article.txt by wasm/app/cmake/embed_binary.cmake.
extern const unsigned char kSampleArticle[];
extern const std::size_t kSampleArticle_size;

namespace {

constexpr double kAutosaveDelayMs = 400;
/// Time given to extraction blocks per frame while a long text is extracted.
constexpr double kExtractionSliceMs = 30;
/// Largest record we try to store in localStorage (the fallback). Browsers give an origin 5-10 MB
/// there, so larger documents are not autosaved; the status bar says so and Download JSON keeps them.
constexpr std::size_t kAutosaveMaxBytes = 10u * 1024u * 1024u;
/// IndexedDB has room for far more (a share of the disk); the bound keeps each save's copies
/// (wasm heap, JS string, database) within reason.
constexpr std::size_t kIndexedDbAutosaveMaxBytes = 256u * 1024u * 1024u;
/// Above this, records in IndexedDB are written without tokens: serialising and storing tens of
/// megabytes after every edit would stall the page (tokens are rebuilt when the text is loaded).
constexpr std::size_t kIndexedDbTokensMaxBytes = 16u * 1024u * 1024u;
/// dyad/1 files above this are opened after an "Opening …" dialog is on screen (the parse blocks).
constexpr std::size_t kOpenInlineBytes = 512u * 1024u;
/// The mirror for screen readers covers this much of a long text (a DOM of every mention of a
/// book-length paste would stall the page for seconds).
constexpr std::size_t kMirrorMaxBytes = 256u * 1024u;

/// Clipboard text from Windows arrives with CRLF, old Mac text with lone CR; a pasted article
/// has no use for the CRs.
std::string normalise_newlines(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool ends_with(const std::string& s, const char* suffix) {
  const std::string_view x(suffix);
  return s.size() >= x.size() && std::equal(x.rbegin(), x.rend(), s.rbegin(),
                                            [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

/// "<title or first words>", safe on every file system (without the extension).
std::string file_stem(const Document& doc) {
  std::string base = doc.meta.title;
  if (base.empty()) {
    // First line if short, else the first six words.
    const std::size_t nl = doc.text.find('\n');
    std::string first = doc.text.substr(0, std::min<std::size_t>(nl, 200));
    int words = 0;
    bool in_word = false;
    for (char c : first) {
      const bool space = c == ' ' || c == '\t';
      if (!space && !in_word && ++words > 6) break;
      in_word = !space;
      base.push_back(c);
    }
  }
  std::string out;
  bool dash = false;
  for (char c : base) {
    const auto u = static_cast<unsigned char>(c);
    const bool bad = u < 0x20 || u == 0x7F || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
    if (c == ' ' || c == '\t' || bad || c == '.' || c == ',') {
      if (!out.empty() && !dash) out.push_back('-');
      dash = true;
    } else {
      out.push_back(c);
      dash = false;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 80) {
    out.resize(80);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // no split character
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  if (out.empty()) out = "article";
  return out;
}

/// True if the text has right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko ...).
bool has_rtl(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = decode_utf8(text, i);
    if ((c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) return true;
  }
  return false;
}

std::string megabytes(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
  return buf;
}

/// The first error of `diags`, for one-line messages.
std::string first_error(const std::vector<Diagnostic>& diags) {
  for (const Diagnostic& d : diags)
    if (d.severity == Severity::error) return d.path.empty() ? d.message : d.path + ": " + d.message;
  return "unknown problem";
}

/// A stored autosave record read back: the document and when it was saved, or why not.
struct RestoredRecord {
  std::optional<Document> document;
  double saved_at_ms = 0;
  std::string problem;  ///< set when there is no document
};

RestoredRecord restore_record(std::string stored) {
  RestoredRecord out;
  std::optional<AutosaveRecord> record = decode_autosave(std::move(stored), &out.problem);
  if (!record) return out;
  out.saved_at_ms = record->saved_at_ms;
  LoadResult r = from_json(record->document_json, "autosave");
  if (r.ok()) out.document = std::move(r.document);
  else out.problem = "the saved copy is not valid dyad/1 (" + first_error(r.diagnostics) + ")";
  return out;
}

}  // namespace

// [SECTION] Documents in

void App::load_article(std::string text) {
  if (refuse_if_read_only()) return;
  if (text.size() > kMaxTextBytes) {
    refuse_too_large(static_cast<double>(text.size()), "The text");
    return;
  }
  if (recovery_pending()) {
    // The restore question comes first: loading now would replace the unsaved work it offers.
    refused_during_recovery_ = true;
    open_recovery_ = true;
    platform::announce("Answer the question about your unsaved work first: the new text was not loaded.");
    return;
  }
  ++articles_loaded_;
  if (text.size() > ExtractionJob::kSingleCallBytes) {
    job_.start(std::move(text));
    job_started_ms_ = platform::now_ms();
    open_progress_ = true;
    platform::announce("Extracting actors and events from a long text. The current work stays until it is done.");
    return;
  }
  job_.cancel();
  const double t0 = platform::now_ms();
  Document doc = extract(text);
  extract_ms_ = platform::now_ms() - t0;
  set_document(std::move(doc), "");
  char msg[160];
  std::snprintf(msg, sizeof msg, "Article loaded: %zu actors, %zu mentions, %zu relations.", document().actors.size(),
                document().mentions.size(), document().relations.size());
  platform::announce(msg);
}

void App::finish_extraction() {
  Document doc = job_.finish();
  extract_ms_ = platform::now_ms() - job_started_ms_;
  // The blocks were joined here, not by the core: check the result before it becomes the work.
  const std::vector<Diagnostic> problems = validate(doc);
  if (has_errors(problems)) {
    show_problem("Could not annotate the text", "The annotations of this long text did not check out (a dyad bug); your current work is unchanged.",
                 {first_error(problems)});
    return;
  }
  set_document(std::move(doc), "");
  char msg[200];
  std::snprintf(msg, sizeof msg, "Long text annotated in %.1f s: %zu actors, %zu mentions, %zu relations.",
                extract_ms_ / 1000.0, document().actors.size(), document().mentions.size(), document().relations.size());
  status_message_ = msg;
  platform::announce(msg);
}

void App::paste(std::string text) {
  text = normalise_newlines(std::move(text));
  clipboard_ = text;
  if (ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput) return;
  load_article(std::move(text));
}

void App::open_file(const std::string& name, std::string contents) {
  if (refuse_if_read_only()) return;
  const bool json = ends_with(name, ".json") || (!contents.empty() && contents.front() == '{' && !ends_with(name, ".txt"));
  if (!json) {
    load_article(normalise_newlines(std::move(contents)));
    return;
  }
  if (recovery_pending()) {
    refused_during_recovery_ = true;
    open_recovery_ = true;
    return;
  }
  if (contents.empty()) {
    show_problem("Could not load the file", "Could not load " + name + " — your current work is unchanged.",
                 {"The file is empty."});
    return;
  }
  if (contents.size() > kOpenInlineBytes) {
    start_opening(name, std::move(contents));
    return;
  }
  opening_name_ = name;
  opening_contents_ = std::move(contents);
  finish_opening();
}

void App::start_opening(const std::string& name, std::string contents) {
  opening_name_ = name;
  opening_contents_ = std::move(contents);
  opening_ = true;
  open_opening_ = true;
  opening_frames_ = 0;
  platform::announce("Opening " + name + ". The current work stays until it is loaded.");
}

void App::finish_opening() {
  opening_ = false;
  const std::string name = std::move(opening_name_);
  const std::string contents = std::move(opening_contents_);
  opening_name_.clear();
  opening_contents_.clear();
  const double t0 = platform::now_ms();
  LoadResult r = from_json(contents, name);
  opening_ms_ = platform::now_ms() - t0;
  if (!r.ok()) {
    show_load_errors(name, r.diagnostics);
    return;
  }
  job_.cancel();
  ++articles_loaded_;
  extract_ms_ = 0;
  set_document(std::move(*r.document), "");
  status_message_ = "Loaded " + name;
  platform::announce("Loaded " + name);
}

void App::refuse_too_large(double bytes, const std::string& source) {
  const bool json = source.rfind("JSON:", 0) == 0;
  const std::string what = json ? source.substr(5) : source;
  std::vector<std::string> lines;
  if (json) {
    lines.push_back(what + " is " + megabytes(bytes) + "; dyad opens dyad/1 files of at most 64 MiB in the page.");
    lines.push_back("Use the command line (dyad validate, dyad extract) for larger files.");
  } else {
    char limit[64];
    std::snprintf(limit, sizeof limit, "%zu MiB", kMaxTextBytes / (1024 * 1024));
    lines.push_back(what + " is " + megabytes(bytes) + " of text; dyad annotates at most " + limit + " at a time.");
    lines.push_back("Split it into parts (an article each), or use the command line: dyad extract --jsonl.");
  }
  show_problem("Too large", "Not loaded — your current work is unchanged.", std::move(lines));
}

void App::file_unreadable(const std::string& name) {
  show_problem("Could not load the file", "Could not read " + name + " — your current work is unchanged.",
               {"The browser could not read the file (it may have been moved or be unreadable)."});
}

bool App::refuse_if_read_only() {
  if (!read_only()) return false;
  ++read_only_refusals_;
  open_tab_dialog_ = true;
  status_message_ = "Read-only: this work is open in another tab";
  platform::announce("Nothing was changed: this work is open in another dyad tab. Take it over here to edit it.");
  return true;
}

void App::load_sample() {
  load_article(std::string(reinterpret_cast<const char*>(kSampleArticle), kSampleArticle_size));
}

void App::set_document(Document doc, std::string notice) {
  history_.reset(std::move(doc));
  has_document_ = true;
  ui_.clear_selection();
  article_.reset_scroll();
  notice_ = std::move(notice);
  notice_offers_fresh_start_ = false;
  status_message_.clear();
  document_changed();
  rtl_notice_ = has_rtl_;
}

void App::document_changed() {
  ++revision_;
  max_frame_ms_ = 0;
  index_.build(history_.document());
  const Document& doc = history_.document();
  suggestions_ = 0;
  for (const Mention& m : doc.mentions) suggestions_ += m.status == Status::suggested;
  for (const Relation& r : doc.relations) suggestions_ += r.status == Status::suggested;
  has_rtl_ = has_rtl(doc.text);
  save_due_ms_ = platform::now_ms() + kAutosaveDelayMs;
  mirror_due_ms_ = platform::now_ms() + kAutosaveDelayMs;
}

void App::show_problem(std::string title, std::string heading, std::vector<std::string> lines) {
  problem_title_ = std::move(title);
  load_error_title_ = std::move(heading);
  load_errors_ = std::move(lines);
  open_load_errors_ = true;
  platform::announce(load_error_title_ + (load_errors_.empty() ? "" : " " + load_errors_.front()));
}

void App::show_load_errors(const std::string& name, const std::vector<Diagnostic>& diags) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diags) {
    if (d.severity != Severity::error) continue;
    std::string where = d.path;
    if (where.empty() && d.line > 0) where = "line " + std::to_string(d.line) + ", column " + std::to_string(d.column);
    lines.push_back(where.empty() ? d.message : where + ": " + d.message);
    if (lines.size() >= 200) break;
  }
  if (lines.empty()) lines.push_back("The file is not a dyad/1 document.");
  show_problem("Could not load the file", "Could not load " + name + " — your current work is unchanged.", std::move(lines));
}

// [SECTION] Documents out

void App::download_json() {
  if (!has_document_) return;
  const std::string name = file_stem(document()) + ".dyad.json";
  WriteOptions opts;
  opts.pretty = true;
  std::string json = to_json(document(), opts);
  // Only a file that reads back as valid dyad/1 leaves the page.
  const LoadResult check = from_json(json, name);
  if (!check.ok()) {
    show_problem("Could not download", "The document did not pass dyad/1 validation (a dyad bug), so no file was saved.",
                 {first_error(check.diagnostics)});
    return;
  }
  platform::download(name, json, "application/json");
  status_message_ = "Downloaded " + name;
  platform::announce(status_message_);
}

void App::download_export(ExportFormat format) {
  if (!has_document_) return;
  const char* ext = ".tsv";
  const char* mime = "text/tab-separated-values;charset=utf-8";
  switch (format) {
    case ExportFormat::events: break;
    case ExportFormat::brat: ext = ".ann"; mime = "text/plain;charset=utf-8"; break;
    case ExportFormat::conll: ext = ".conll"; mime = "text/plain;charset=utf-8"; break;
    case ExportFormat::jsonl_events: ext = ".jsonl"; mime = "application/jsonl;charset=utf-8"; break;
  }
  const std::string name = file_stem(document()) + ext;
  std::vector<Diagnostic> diags;
  const std::string out = export_document(document(), format, diags);
  platform::download(name, out, mime);
  status_message_ = "Downloaded " + name;
  if (format == ExportFormat::brat) status_message_ += " (brat also needs the text: Download as › brat text .txt)";
  std::size_t warnings = 0;
  const Diagnostic* first = nullptr;
  for (const Diagnostic& d : diags) {
    if (d.severity == Severity::info) continue;
    if (!first) first = &d;
    ++warnings;
  }
  if (first) {
    status_message_ += " — " + std::to_string(warnings) + (warnings == 1 ? " warning: " : " warnings, first: ");
    status_message_ += first->path.empty() ? first->message : first->path + ": " + first->message;
  }
  platform::announce(status_message_);
}

void App::download_text() {
  if (!has_document_) return;
  const std::string name = file_stem(document()) + ".txt";
  platform::download(name, document().text, "text/plain;charset=utf-8");
  status_message_ = "Downloaded " + name;
  platform::announce(status_message_);
}

void App::copy_json() {
  if (!has_document_) return;
  clipboard_ = to_json(document(), WriteOptions{true, true});
  platform::set_clipboard_text(clipboard_);
  status_message_ = "JSON copied to the clipboard";
  platform::announce(status_message_);
}

void App::start_fresh() {
  if (refuse_if_read_only()) return;
  job_.cancel();
  history_.reset(Document{});
  has_document_ = false;
  ui_.clear_selection();
  notice_.clear();
  status_message_.clear();
  save_due_ms_ = -1;
  save_state_ = SaveState::none;
  last_saved_hhmm_.clear();
  recovery_.reset();
  damaged_autosave_.clear();
  rtl_notice_ = false;
  has_rtl_ = false;
  platform::autosave_clear();
  platform::storage_remove(kLegacyAutosaveKey);
  platform::storage_remove(kLegacyAutosaveMetaKey);
  ++revision_;
  index_.build(history_.document());
  mirror_due_ms_ = platform::now_ms();
}

// [SECTION] Autosave

void App::save_now() {
  save_due_ms_ = -1;
  if (!has_document_ || read_only()) return;
  const Document& doc = document();
  const bool idb = backend_ == platform::AutosaveBackend::indexeddb;
  const std::size_t max_bytes = idb ? kIndexedDbAutosaveMaxBytes : kAutosaveMaxBytes;
  // A cheap size estimate first: serialising a book-length document only to be refused would
  // stall the page on every edit.
  const std::size_t estimate = doc.text.size() + doc.mentions.size() * 120 + doc.relations.size() * 260 + doc.actors.size() * 160;
  if (backend_ == platform::AutosaveBackend::none) {
    note_save_result(platform::StorageResult::unavailable, 0);
    return;
  }
  if (estimate > max_bytes) {
    const SaveState before = save_state_;
    save_state_ = SaveState::too_large;
    ++save_failures_;
    if (before != save_state_)
      platform::announce("This document is too large to autosave in the browser. Use Download JSON to keep it.");
    return;
  }
  const double now = platform::epoch_ms();
  // Tokens make the record much larger; they are kept if it stays small enough (IndexedDB) or
  // the quota allows (localStorage), else dropped (a document without tokens is still valid
  // dyad/1; drag-selection then snaps to characters).
  // (A token is ~100 bytes of JSON: decide before serialising tens of megabytes twice.)
  const std::size_t with_tokens = estimate + doc.tokens.size() * 100;
  std::string json;
  saved_with_tokens_ = with_tokens <= (idb ? kIndexedDbTokensMaxBytes : kAutosaveMaxBytes);
  if (saved_with_tokens_) {
    json = to_json(doc);
    saved_with_tokens_ = json.size() <= (idb ? kIndexedDbTokensMaxBytes : kAutosaveMaxBytes);
  }
  if (!saved_with_tokens_) json = to_json(doc, WriteOptions{false, false});
  save_seq_ += 1;
  std::optional<platform::StorageResult> r =
      json.size() <= max_bytes ? platform::autosave_write(encode_autosave(json, now), save_seq_) : platform::StorageResult::full;
  if (r == platform::StorageResult::full && saved_with_tokens_ && !idb) {
    json = to_json(doc, WriteOptions{false, false});
    saved_with_tokens_ = false;
    save_seq_ += 1;
    r = platform::autosave_write(encode_autosave(json, now), save_seq_);
  }
  if (!r) {
    // IndexedDB: the result comes back through autosave_done.
    ++saves_in_flight_;
    pending_save_at_ = now;
    return;
  }
  note_save_result(*r, now);
}

void App::autosave_done(double seq, int result) {
  if (saves_in_flight_ > 0) --saves_in_flight_;
  // Only the latest write decides what the status bar says (an older one may finish first).
  if (seq != save_seq_) return;
  const auto r = result == 0 ? platform::StorageResult::ok : result == 1 ? platform::StorageResult::full : platform::StorageResult::unavailable;
  note_save_result(r, pending_save_at_);
}

void App::note_save_result(platform::StorageResult r, double saved_at) {
  const SaveState before = save_state_;
  if (r == platform::StorageResult::ok) {
    save_state_ = SaveState::saved;
    last_saved_epoch_ms_ = saved_at;
    last_saved_hhmm_ = platform::local_time_hhmm(saved_at);
    ++saves_;
    // The old format's keys would otherwise be restored after a downgrade.
    platform::storage_remove(kLegacyAutosaveKey);
    platform::storage_remove(kLegacyAutosaveMetaKey);
    return;
  }
  save_state_ = r == platform::StorageResult::full ? SaveState::full : SaveState::unavailable;
  ++save_failures_;
  if (save_state_ == before) return;
  const std::string kept = last_saved_hhmm_.empty() ? "" : " Your save from " + last_saved_hhmm_ + " is kept.";
  if (save_state_ == SaveState::full)
    platform::announce("Not saved: browser storage is full." + kept + " Use Download JSON to keep this work.");
  else
    platform::announce("Not saved: browser storage is not available. Use Download JSON to keep this work.");
}

void App::save_prefs() {
  saved_theme_ = ui_.theme;
  saved_show_all_arcs_ = ui_.show_all_arcs;
  JsonOut j;
  j.begin_object().field("theme", ui_.theme == Theme::dark ? "dark" : "light").field("showAllArcs", ui_.show_all_arcs).end_object();
  platform::storage_set(kPrefsKey, j.str());
}

void App::load_prefs() {
  const auto stored = platform::storage_get(kPrefsKey);
  if (!stored) return;
  // Written by save_prefs (compact, in this order); anything else keeps the defaults.
  const std::string& p = *stored;
  if (p.find("\"theme\":\"light\"") != std::string::npos) set_theme(Theme::light);
  else if (p.find("\"theme\":\"dark\"") != std::string::npos) set_theme(Theme::dark);
  if (p.find("\"showAllArcs\":true") != std::string::npos) ui_.show_all_arcs = true;
  else if (p.find("\"showAllArcs\":false") != std::string::npos) ui_.show_all_arcs = false;
  saved_theme_ = ui_.theme;
  saved_show_all_arcs_ = ui_.show_all_arcs;
}

// [SECTION] Sessions

void App::start_session() {
  load_prefs();
  platform::StorageStart st = platform::storage_start();
  backend_ = st.backend;
  tab_ = st.tab;
  if (backend_ == platform::AutosaveBackend::localstorage) {
    storage_notice_ = "This browser does not let dyad use its database (IndexedDB" +
                      (st.problem.empty() ? std::string() : ": " + st.problem) +
                      "), so autosave uses the small localStorage: long documents may not be saved.";
    platform::announce(storage_notice_);
  }
  if (read_only()) {
    // The work is open in another tab: show what it last saved, change nothing, say so. (The
    // session marker is that tab's.)
    open_tab_dialog_ = true;
    if (st.record) {
      RestoredRecord shown = restore_record(std::move(*st.record));
      if (shown.document) {
        set_document(std::move(*shown.document), "");
        save_due_ms_ = -1;
        last_saved_hhmm_ = shown.saved_at_ms > 0 ? platform::local_time_hhmm(shown.saved_at_ms) : "";
        save_state_ = SaveState::saved;
      }
    }
    platform::announce("dyad is open in another tab. This tab shows the work read-only; take it over to edit it here.");
    return;
  }
  crashed_session_ = platform::storage_get(kSessionKey).has_value();
  platform::storage_set(kSessionKey, "open");

  std::optional<std::string> stored = std::move(st.record);
  double legacy_when = 0;
  if (!stored) {
    stored = platform::storage_get(kLegacyAutosaveKey);
    if (const auto meta = platform::storage_get(kLegacyAutosaveMetaKey)) {
      // {"savedAt": <ms>} from the version before IndexedDB.
      const std::size_t k = meta->find("\"savedAt\"");
      const std::size_t colon = k == std::string::npos ? k : meta->find(':', k);
      if (colon != std::string::npos) {
        const double v = std::strtod(meta->c_str() + colon + 1, nullptr);
        if (std::isfinite(v) && v > 0) legacy_when = v;
      }
    }
  }
  if (!stored) return;
  RestoredRecord restored = restore_record(*stored);
  if (!restored.document) {
    // Nothing is deleted: the record stays until new work replaces it, and can be saved as a file.
    damaged_autosave_ = std::move(*stored);
    notice_ = "Your autosaved work could not be restored: " + restored.problem + ".";
    platform::announce(notice_);
    return;
  }
  const double when = restored.saved_at_ms > 0 ? restored.saved_at_ms : legacy_when;
  recovery_saved_at_ = when;
  recovery_hhmm_ = when > 0 ? platform::local_time_hhmm(when) : "";
  recovery_ = std::move(restored.document);
  if (crashed_session_) {
    // The last session ended without closing: ask, rather than silently bringing it back.
    open_recovery_ = true;
    platform::announce("dyad was not closed properly last time. Restore unsaved work" +
                       (recovery_hhmm_.empty() ? std::string() : " from " + recovery_hhmm_) + "?");
    return;
  }
  restore_now();
}

void App::took_over(const std::string& stored) {
  tab_ = platform::TabStatus::owner;
  open_tab_dialog_ = false;
  platform::storage_set(kSessionKey, "open");
  job_.cancel();
  opening_ = false;
  if (stored.empty()) {
    notice_ = "This tab now has the work (the other tab had nothing saved).";
    platform::announce(notice_);
    return;
  }
  RestoredRecord restored = restore_record(stored);
  if (!restored.document) {
    damaged_autosave_ = stored;
    notice_ = "This tab now has the work, but the other tab's save could not be read: " + restored.problem + ".";
    platform::announce(notice_);
    return;
  }
  recovery_saved_at_ = restored.saved_at_ms;
  recovery_hhmm_ = restored.saved_at_ms > 0 ? platform::local_time_hhmm(restored.saved_at_ms) : "";
  recovery_ = std::move(restored.document);
  restore_now();
  notice_ = "This tab now has the work, as the other tab last saved it" +
            (last_saved_hhmm_.empty() ? std::string() : " (" + last_saved_hhmm_ + ")") + ". The other tab no longer saves.";
  notice_offers_fresh_start_ = false;
  platform::announce(notice_);
}

void App::tab_lost() {
  tab_ = platform::TabStatus::lost;
  save_due_ms_ = -1;
  open_tab_dialog_ = true;
  job_.cancel();
  opening_ = false;
  platform::announce("Another dyad tab took over this work. This tab no longer saves; it is read-only now.");
}

void App::restore_now() {
  if (!recovery_) return;
  Document doc = std::move(*recovery_);
  recovery_.reset();
  set_document(std::move(doc), "");
  save_due_ms_ = -1;  // it is what is stored
  save_state_ = SaveState::saved;
  last_saved_epoch_ms_ = recovery_saved_at_;
  last_saved_hhmm_ = recovery_hhmm_;
  notice_ = "Restored your work" + (last_saved_hhmm_.empty() ? std::string() : " from " + last_saved_hhmm_) + ".";
  notice_offers_fresh_start_ = true;
  platform::announce(notice_);
}

void App::page_hide() {
  if (read_only()) return;  // the session marker belongs to the tab that has the work
  if (save_due_ms_ >= 0) save_now();
  // removeItem cannot fail for lack of space, unlike writing a "closed" marker.
  platform::storage_remove(kSessionKey);
}

void App::page_hidden() {
  if (save_due_ms_ >= 0) save_now();
}

void App::page_show() {
  if (!read_only()) platform::storage_set(kSessionKey, "open");
}

// [SECTION] Between frames

bool App::background(double now_ms) {
  bool redraw = false;
  if (job_.running()) {
    if (job_.step(now_ms + kExtractionSliceMs, platform::now_ms)) finish_extraction();
    redraw = true;
  }
  if (mirror_due_ms_ >= 0 && now_ms >= mirror_due_ms_ && !job_.running()) {
    mirror_due_ms_ = -1;
    platform::set_mirror(mirror_json(document(), index_, kMirrorMaxBytes));
  }
  if (opening_ && opening_frames_ >= 2) {
    // "Opening …" has been on screen: parse now (this blocks until the file is read).
    finish_opening();
    redraw = true;
  }
  if (save_due_ms_ >= 0 && now_ms >= save_due_ms_) {
    save_now();
    redraw = true;  // the status bar shows the time
  }
  if (ui_.theme != saved_theme_ || ui_.show_all_arcs != saved_show_all_arcs_) save_prefs();
  return redraw;
}

bool App::animating() const { return article_.animating() || job_.running() || opening_; }

}  // namespace dyad::app
