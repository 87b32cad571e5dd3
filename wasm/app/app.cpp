#include "app.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "imgui.h"
#include "item_rects.hpp"
#include "json_out.hpp"
#include "mirror.hpp"
#include "platform.hpp"

namespace dyad::app {

namespace {

constexpr ActorType kActorTypes[] = {ActorType::person, ActorType::state, ActorType::government,
                                     ActorType::organization, ActorType::group, ActorType::location};

bool key_pressed(int key) { return ImGui::IsKeyPressed(key, false); }
bool imgui_key_pressed(ImGuiKey key, bool repeat = false) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat); }

void text_centered(const char* s) {
  const float w = ImGui::CalcTextSize(s).x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - w) * 0.5f));
  ImGui::TextUnformatted(s);
}

}  // namespace

App::App() = default;

// [SECTION] Frames

void App::note_frame_time(double ui_ms, double submit_ms) {
  last_frame_ms_ = ui_ms;
  last_submit_ms_ = submit_ms;
  max_frame_ms_ = std::max(max_frame_ms_, ui_ms);
}

// [SECTION] Commands and history

void App::apply_pending() {
  if (pending_.empty()) return;
  if (read_only()) {
    pending_.clear();
    refuse_if_read_only();
    return;
  }
  bool changed = false;
  for (const Command& cmd : pending_) {
    const CommandResult r = history_.apply(cmd);
    if (r.ok()) {
      changed = true;
      ++commands_applied_;
    } else {
      for (const Diagnostic& d : r.diagnostics)
        if (d.severity == Severity::error) {
          status_message_ = d.message;
          break;
        }
    }
  }
  pending_.clear();
  if (changed) {
    const auto labels = history_.labels();
    if (history_.position() > 0) {
      status_message_ = labels[history_.position() - 1];
      platform::announce(status_message_);
    }
    document_changed();
  }
}

void App::undo() {
  if (refuse_if_read_only()) return;
  if (history_.undo()) {
    status_message_ = "Undone";
    document_changed();
  }
}

void App::redo() {
  if (refuse_if_read_only()) return;
  if (history_.redo()) {
    status_message_ = "Redone";
    document_changed();
  }
}

void App::select_next_suggestion(int direction) {
  // Suggestions in text order: mentions by span start, relations by their source anchor.
  struct Item {
    std::size_t byte;
    std::string id;
    bool relation;
  };
  const Document& doc = document();
  std::vector<Item> items;
  for (const MentionSpan& s : index_.mention_spans()) {
    const Mention& m = doc.mentions[static_cast<std::size_t>(s.mention)];
    if (m.status == Status::suggested) items.push_back({s.byte_begin, m.id, false});
  }
  for (const Relation& r : doc.relations) {
    if (r.status != Status::suggested) continue;
    const int sp = index_.span_of_mention(index_.mention_index(r.source_mention));
    const std::size_t b = sp >= 0 ? index_.mention_spans()[static_cast<std::size_t>(sp)].byte_begin : 0;
    items.push_back({b, r.id, true});
  }
  if (items.empty()) {
    status_message_ = "No suggestions left";
    return;
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.byte < b.byte; });
  const std::string& current = !ui_.selected_relation.empty() ? ui_.selected_relation : ui_.selected_mention;
  int at = -1;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == current) at = static_cast<int>(i);
  const int n = static_cast<int>(items.size());
  const int next = at < 0 ? (direction > 0 ? 0 : n - 1) : ((at + direction) % n + n) % n;
  const Item& it = items[static_cast<std::size_t>(next)];
  ui_.clear_selection();
  if (it.relation) {
    ui_.selected_relation = it.id;
  } else {
    ui_.selected_mention = it.id;
    if (const Mention* m = doc.find_mention(it.id)) ui_.selected_actor = m->actor;
  }
  ui_.scroll_to_byte = it.byte;
}

void App::key_tab(bool shift) { tab_steps_.push_back(shift ? -1 : 1); }

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  std::vector<int> tab_steps;
  tab_steps.swap(tab_steps_);
  if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
  const bool ctrl = io.KeyCtrl || io.KeySuper;
  if (ctrl) {
    if (key_pressed('Z')) io.KeyShift ? redo() : undo();
    if (key_pressed('Y')) redo();
    if (key_pressed('O')) platform::open_file_dialog();
    if (key_pressed('S')) download_json();
    return;
  }
  for (ImWchar c : io.InputQueueCharacters)
    if (c == '?') open_help_ = true;
  if (!has_document_) return;
  const Document& doc = document();
  // The selection's target: a relation, else a mention, else an actor.
  std::string target = !ui_.selected_relation.empty() ? ui_.selected_relation
                       : !ui_.selected_mention.empty() ? ui_.selected_mention
                                                       : ui_.selected_actor;
  for (const int step : tab_steps) select_next_suggestion(step);
  if (imgui_key_pressed(ImGuiKey_Escape)) ui_.clear_selection();
  if (target.empty()) return;
  if (key_pressed('A')) pending_.push_back(Accept{target});
  if (key_pressed('R')) pending_.push_back(Reject{target});
  if (imgui_key_pressed(ImGuiKey_Enter) || imgui_key_pressed(ImGuiKey_KeyPadEnter)) {
    pending_.push_back(Accept{target});
    select_next_suggestion(1);
  }
  if (imgui_key_pressed(ImGuiKey_Delete) || imgui_key_pressed(ImGuiKey_Backspace)) {
    // Delete rejects a suggestion (so it is not suggested again) and removes a confirmed one.
    if (const Relation* r = doc.find_relation(target)) {
      if (r->status == Status::suggested) pending_.push_back(Reject{target});
      else pending_.push_back(RemoveRelation{target});
      ui_.selected_relation.clear();
    } else if (const Mention* m = doc.find_mention(target)) {
      if (m->status == Status::suggested) pending_.push_back(Reject{target});
      else pending_.push_back(RemoveMention{target});
      ui_.selected_mention.clear();
    }
  }
  // 1-6: actor type of the selected mention's actor (or the selected actor).
  const std::string actor = !ui_.selected_actor.empty() ? ui_.selected_actor : std::string();
  if (!actor.empty()) {
    for (std::size_t t = 0; t < std::size(kActorTypes); ++t)
      if (key_pressed('1' + static_cast<int>(t))) pending_.push_back(SetActorType{actor, kActorTypes[t]});
  }
}

// [SECTION] Frame

void App::set_font(ImFont* font, float dpr) {
  font_ = font;
  ui_.dpr = dpr;
  apply_style(ui_.theme, dpr);
}

void App::set_theme(Theme theme) {
  ui_.theme = theme;
  apply_style(ui_.theme, ui_.dpr);
  platform::set_page_theme(theme == Theme::dark);
}

void App::frame() {
  clear_item_rects();
  ui_.hovered_actor = -1;
  ui_.hovered_relation = -1;
  handle_shortcuts();

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;
  ImGui::Begin("dyad", nullptr, flags);
  draw_menu_bar();
  draw_notice();
  const float status_h = ImGui::GetFrameHeightWithSpacing();
  const float body_h = std::max(1.0f, ImGui::GetContentRegionAvail().y - status_h);
  if (has_document_) {
    const float avail = ImGui::GetContentRegionAvail().x;
    const float em = ImGui::GetFontSize();
    const float side_w = std::floor(std::clamp(avail * 0.34f, std::min(18.0f * em, avail * 0.5f), 30.0f * em));
    const float article_w = std::max(1.0f, avail - side_w - ImGui::GetStyle().ItemSpacing.x);
    ArticleContext ctx{&document(), &index_, revision_, font_};
    // The side panel first so its hover lights the article in the same frame.
    const ImVec2 start = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + article_w + ImGui::GetStyle().ItemSpacing.x, start.y));
    history_view_.entries.clear();
    const auto labels = history_.labels();
    history_view_.entries.push_back({"Article loaded", history_.position() == 0});
    for (std::size_t i = 0; i < labels.size(); ++i) history_view_.entries.push_back({labels[i], history_.position() == i + 1});
    history_view_.jump_to = -1;
    side_.draw(document(), index_, ui_, pending_, &history_view_, side_w, body_h);
    ImGui::SetCursorPos(start);
    article_.draw(ctx, ui_, pending_, article_w, body_h);
    if (history_view_.jump_to >= 0 && !refuse_if_read_only()) {
      const auto target = static_cast<std::size_t>(history_view_.jump_to);
      bool moved = false;
      while (history_.position() > target && history_.undo()) moved = true;
      while (history_.position() < target && history_.redo()) moved = true;
      if (moved) document_changed();
    }
  } else {
    draw_welcome(body_h);
  }
  draw_status_bar();
  draw_modals();
  ImGui::End();
  apply_pending();
  if (opening_) ++opening_frames_;
}

void App::draw_menu_bar() {
  if (!ImGui::BeginMenuBar()) return;
  ImGui::TextUnformatted("dyad");
  ImGui::Separator();
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Paste article…", "Ctrl+V")) platform::open_paste_box();
    remember_item("item:Paste article");
    if (ImGui::MenuItem("Open file…", "Ctrl+O")) platform::open_file_dialog();
    remember_item("item:Open file");
    if (ImGui::MenuItem("Sample article")) load_sample();
    remember_item("item:Sample article");
    ImGui::Separator();
    if (ImGui::MenuItem("Download JSON", "Ctrl+S", false, has_document_)) download_json();
    remember_item("item:Download JSON");
    if (ImGui::BeginMenu("Download as", has_document_)) {
      // brat's .ann and .txt are two items: a second download from one click makes Chrome ask
      // the user to allow "multiple files".
      if (ImGui::MenuItem("Events table (.tsv)")) download_export(ExportFormat::events);
      remember_item("item:export:events");
      if (ImGui::MenuItem("Events as JSON lines (.jsonl)")) download_export(ExportFormat::jsonl_events);
      remember_item("item:export:jsonl-events");
      if (ImGui::MenuItem("brat annotations (.ann)")) download_export(ExportFormat::brat);
      remember_item("item:export:brat");
      if (ImGui::MenuItem("brat text (.txt)")) download_text();
      remember_item("item:export:brat-text");
      if (ImGui::MenuItem("CoNLL named entities (.conll)")) download_export(ExportFormat::conll);
      remember_item("item:export:conll");
      ImGui::EndMenu();
    }
    remember_item("menu:Download as");
    if (ImGui::MenuItem("Copy JSON", nullptr, false, has_document_)) copy_json();
    remember_item("item:Copy JSON");
    ImGui::Separator();
    if (ImGui::MenuItem("Start fresh", nullptr, false, has_document_)) start_fresh();
    remember_item("item:Start fresh");
    if (!damaged_autosave_.empty() && ImGui::MenuItem("Save the damaged autosave…"))
      platform::download("dyad-autosave-damaged.txt", damaged_autosave_, "text/plain");
    ImGui::EndMenu();
  }
  remember_item("menu:File");
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z", false, history_.can_undo())) undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Shift+Z", false, history_.can_redo())) redo();
    ImGui::Separator();
    if (ImGui::MenuItem("Next suggestion", "Tab", false, has_document_)) select_next_suggestion(1);
    if (ImGui::MenuItem("Previous suggestion", "Shift+Tab", false, has_document_)) select_next_suggestion(-1);
    ImGui::EndMenu();
  }
  remember_item("menu:Edit");
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Dark theme", nullptr, ui_.theme == Theme::dark)) set_theme(Theme::dark);
    remember_item("item:Dark theme");
    if (ImGui::MenuItem("Light theme", nullptr, ui_.theme == Theme::light)) set_theme(Theme::light);
    remember_item("item:Light theme");
    ImGui::MenuItem("Show all relation arcs", nullptr, &ui_.show_all_arcs);
    remember_item("item:Show all relation arcs");
    ImGui::EndMenu();
  }
  remember_item("menu:View");
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("Keyboard shortcuts", "?")) open_help_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

void App::draw_notice() {
  const ImVec4 warn = ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram);
  if (read_only()) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(warn, tab_ == platform::TabStatus::lost
                                 ? "Read-only: another dyad tab took over this work and saves it now."
                                 : "Read-only: this work is open in another dyad tab, which saves it.");
    remember_item("notice:read-only");
    ImGui::SameLine();
    if (ImGui::SmallButton("Take over here")) platform::take_over();
    remember_item("button:Take over banner");
  }
  if (!storage_notice_.empty()) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(warn, "%s", storage_notice_.c_str());
    remember_item("notice:storage");
    ImGui::SameLine();
    ImGui::PushID("storage");
    if (ImGui::SmallButton("Dismiss")) storage_notice_.clear();
    ImGui::PopID();
  }
  if (!notice_.empty()) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(notice_.c_str());
    remember_item("notice");
    if (notice_offers_fresh_start_) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Start fresh")) start_fresh();
      remember_item("button:Start fresh");
    }
    if (!damaged_autosave_.empty()) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Save the damaged copy")) platform::download("dyad-autosave-damaged.txt", damaged_autosave_, "text/plain");
      remember_item("button:Save the damaged copy");
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Dismiss")) notice_.clear();
    remember_item("button:Dismiss notice");
  }
  if (rtl_notice_ && has_document_) {
    // ImGui has no bidi or shaping: say so where it shows, not only in the status bar.
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram));
    ImGui::TextUnformatted("Right-to-left text (Arabic, Persian, Hebrew …) is shown unshaped: letters unjoined, "
                           "left to right. The saved JSON and the screen-reader copy keep it exactly.");
    ImGui::PopStyleColor();
    remember_item("notice:rtl");
    ImGui::SameLine();
    ImGui::PushID("rtl");
    if (ImGui::SmallButton("Dismiss")) rtl_notice_ = false;
    ImGui::PopID();
  }
}

void App::draw_welcome(float height) {
  ImGui::BeginChild("welcome", ImVec2(0, height), false);
  ImGui::SetCursorPosY(std::floor(height * 0.28f));
  text_centered("Paste a news article anywhere on this page (Ctrl+V)");
  ImGui::Spacing();
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* const labels[] = {"Paste article…", "Open file…", "Sample article"};
  float total = 0;
  for (const char* l : labels) total += ImGui::CalcTextSize(l).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
  ImGui::SetCursorPosX(std::max(0.0f, (ImGui::GetWindowWidth() - total) * 0.5f));
  if (ImGui::Button(labels[0])) platform::open_paste_box();
  remember_item("button:Paste article");
  ImGui::SameLine();
  if (ImGui::Button(labels[1])) platform::open_file_dialog();
  remember_item("button:Open file");
  ImGui::SameLine();
  if (ImGui::Button(labels[2])) load_sample();
  remember_item("button:Sample article");
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  text_centered("or drop a .txt or .dyad.json file here.");
  text_centered("Everything runs in this browser tab: the text never leaves your machine.");
  ImGui::PopStyleColor();
  ImGui::EndChild();
}

void App::draw_status_bar() {
  ImGui::Separator();
  if (!has_document_) {
    ImGui::TextDisabled("No article · dyad %s · press ? for shortcuts", version());
    return;
  }
  // A failed save comes first, in the warning colour: it is the one thing not to miss.
  const ImVec4 warn = ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram);
  bool first = true;
  auto next = [&first] {
    if (!first) ImGui::SameLine(0, 0);
    first = false;
  };
  if (save_state_ == SaveState::full || save_state_ == SaveState::unavailable || save_state_ == SaveState::too_large) {
    next();
    if (save_state_ == SaveState::full) {
      if (last_saved_hhmm_.empty()) ImGui::TextColored(warn, "NOT SAVED: browser storage is full — use Download JSON");
      else ImGui::TextColored(warn, "NOT SAVED: browser storage is full — your save from %s is kept; use Download JSON", last_saved_hhmm_.c_str());
    } else if (save_state_ == SaveState::unavailable) {
      ImGui::TextColored(warn, "NOT SAVED: browser storage is unavailable — use Download JSON");
    } else {
      ImGui::TextColored(warn, "Too large to autosave — use Download JSON");
    }
    remember_item("status:save");
    ImGui::SameLine(0, 0);
    ImGui::TextDisabled(" · ");
  }
  const Document& doc = document();
  next();
  ImGui::TextDisabled("%zu characters · %zu actors · %zu mentions · %zu relations · %zu to review", index_.offsets().size(),
                      doc.actors.size(), doc.mentions.size(), doc.relations.size(), suggestions_);
  if (extract_ms_ > 0) {
    next();
    ImGui::TextDisabled(" · extracted in %.0f ms", extract_ms_);
  }
  if (save_state_ == SaveState::saved) {
    next();
    ImGui::TextDisabled(" · saved %s", last_saved_hhmm_.c_str());
    remember_item("status:save");
  } else if (save_state_ == SaveState::none) {
    next();
    ImGui::TextDisabled(" · not saved yet");
  }
  if (has_rtl_) {
    next();
    ImGui::TextDisabled(" · right-to-left text is shown unshaped");
  }
  if (!status_message_.empty()) {
    next();
    ImGui::TextDisabled(" · %s", status_message_.c_str());
  }
}

void App::draw_modals() {
  const ImVec2 center = ImGui::GetMainViewport()->GetCenter();
  draw_recovery_modal();
  draw_progress_modal();
  draw_opening_modal();
  draw_tab_modal();

  if (open_load_errors_) {
    ImGui::OpenPopup("###problem");
    open_load_errors_ = false;
  }
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const std::string problem_title = (problem_title_.empty() ? std::string("Could not load the file") : problem_title_) + "###problem";
  if (ImGui::BeginPopupModal(problem_title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(load_error_title_.c_str());
    ImGui::Separator();
    ImGui::BeginChild("##errors", ImVec2(ImGui::GetFontSize() * 36.0f, ImGui::GetTextLineHeightWithSpacing() * 10.0f), true);
    for (const std::string& e : load_errors_) ImGui::TextWrapped("%s", e.c_str());
    ImGui::EndChild();
    if (ImGui::Button("OK") || imgui_key_pressed(ImGuiKey_Escape) || imgui_key_pressed(ImGuiKey_Enter)) ImGui::CloseCurrentPopup();
    remember_item("button:OK");
    ImGui::EndPopup();
  }

  if (open_help_) {
    ImGui::OpenPopup("Keyboard shortcuts");
    open_help_ = false;
  }
  ImGui::SetNextWindowPos(center, ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (ImGui::BeginPopupModal("Keyboard shortcuts", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    static const char* const kRows[][2] = {
        {"Ctrl+V", "load the pasted article (anywhere on the page)"},
        {"Ctrl+O / Ctrl+S", "open a .txt or .json file / download JSON"},
        {"Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y", "undo, redo"},
        {"Tab, Shift+Tab", "next / previous suggestion"},
        {"Enter", "accept the selection and go to the next suggestion"},
        {"A / R", "accept / reject the selection"},
        {"Delete", "reject a suggestion, remove a confirmed annotation"},
        {"1 … 6", "actor type: PERSON STATE GOVERNMENT ORGANIZATION GROUP LOCATION"},
        {"Esc", "clear the selection"},
        {"click a mention", "change its actor or kind, accept, reject, delete"},
        {"drag over text", "add a mention (snaps to words; hold Alt for exact)"},
        {"drag mention → mention", "add a relation"},
        {"drag actor onto actor", "merge them (actors panel)"},
    };
    if (ImGui::BeginTable("##keys", 2, ImGuiTableFlags_RowBg)) {
      for (const auto& row : kRows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row[0]);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row[1]);
      }
      ImGui::EndTable();
    }
    if (ImGui::Button("Close") || imgui_key_pressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
}

void App::draw_recovery_modal() {
  if (open_recovery_ && recovery_) {
    ImGui::OpenPopup("Restore unsaved work?");
    open_recovery_ = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Restore unsaved work?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!recovery_) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Document& doc = *recovery_;
  ImGui::TextUnformatted("dyad was not closed properly last time (the tab, the browser or the computer may have stopped).");
  if (recovery_hhmm_.empty()) ImGui::TextUnformatted("Restore the unsaved work?");
  else ImGui::Text("Restore unsaved work from %s?", recovery_hhmm_.c_str());
  std::string first = doc.meta.title.empty() ? doc.text.substr(0, doc.text.find('\n')) : doc.meta.title;
  if (first.size() > 90) {
    first.resize(90);
    while (!first.empty() && (static_cast<unsigned char>(first.back()) & 0xC0) == 0x80) first.pop_back();
    if (!first.empty() && static_cast<unsigned char>(first.back()) >= 0xC0) first.pop_back();
    first += "…";
  }
  ImGui::TextDisabled("“%s” · %zu actor%s · %zu mention%s · %zu relation%s", first.c_str(), doc.actors.size(),
                      doc.actors.size() == 1 ? "" : "s", doc.mentions.size(), doc.mentions.size() == 1 ? "" : "s",
                      doc.relations.size(), doc.relations.size() == 1 ? "" : "s");
  if (refused_during_recovery_) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotHistogram));
    ImGui::TextUnformatted("Choose first: the text or file you just gave was not loaded.");
    ImGui::PopStyleColor();
  }
  ImGui::Separator();
  if (ImGui::Button("Restore") || imgui_key_pressed(ImGuiKey_Enter)) {
    refused_during_recovery_ = false;
    restore_now();
    ImGui::CloseCurrentPopup();
  }
  remember_item("button:Restore");
  ImGui::SameLine();
  if (ImGui::Button("Start fresh")) {
    refused_during_recovery_ = false;
    start_fresh();
    platform::announce("Started fresh: the unsaved work was discarded.");
    ImGui::CloseCurrentPopup();
  }
  remember_item("button:Recovery start fresh");
  ImGui::EndPopup();
}

void App::draw_progress_modal() {
  if (open_progress_ && job_.running()) {
    ImGui::OpenPopup("Annotating a long text");
    open_progress_ = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Annotating a long text", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!job_.running()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const double p = job_.progress();
  char overlay[96];
  std::snprintf(overlay, sizeof overlay, "%.0f%% · %.1f of %.1f MB", p * 100.0, p * static_cast<double>(job_.total_bytes()) / 1e6,
                static_cast<double>(job_.total_bytes()) / 1e6);
  ImGui::TextUnformatted("Finding actors and events, a part at a time.");
  ImGui::ProgressBar(static_cast<float>(p), ImVec2(ImGui::GetFontSize() * 24.0f, 0.0f), overlay);
  remember_item("progress:extraction");
  ImGui::TextDisabled("Your current work stays until this is done.");
  const bool cancel = ImGui::Button("Cancel") || imgui_key_pressed(ImGuiKey_Escape);
  cancel_hovered_ = ImGui::IsItemHovered();
  if (cancel) {
    job_.cancel();
    ++extractions_cancelled_;
    status_message_ = "Cancelled: the long text was not loaded";
    platform::announce("Cancelled. Your current work is unchanged.");
    ImGui::CloseCurrentPopup();
  }
  remember_item("button:Cancel extraction");
  ImGui::EndPopup();
}

void App::draw_opening_modal() {
  if (open_opening_ && opening_) {
    ImGui::OpenPopup("Opening a file");
    open_opening_ = false;
  }
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Opening a file", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!opening_) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  ImGui::Text("Opening %s (%.1f MB) …", opening_name_.c_str(), static_cast<double>(opening_contents_.size()) / 1e6);
  remember_item("progress:opening");
  ImGui::TextDisabled("The page pauses while the file is read. Your current work stays if it cannot be loaded.");
  if (ImGui::Button("Cancel") || imgui_key_pressed(ImGuiKey_Escape)) {
    opening_ = false;
    opening_name_.clear();
    opening_contents_.clear();
    ++opens_cancelled_;
    status_message_ = "Cancelled: the file was not opened";
    platform::announce("Cancelled. Your current work is unchanged.");
    ImGui::CloseCurrentPopup();
  }
  remember_item("button:Cancel opening");
  ImGui::EndPopup();
}

void App::draw_tab_modal() {
  if (open_tab_dialog_ && read_only() && !ImGui::IsPopupOpen("###tab")) {
    ImGui::OpenPopup("###tab");
  }
  open_tab_dialog_ = false;
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const bool lost = tab_ == platform::TabStatus::lost;
  const char* title = lost ? "Another tab took over###tab" : "dyad is open in another tab###tab";
  if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (!read_only()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (lost) {
    ImGui::TextUnformatted("You opened this work in another dyad tab and took it over there.");
    ImGui::TextUnformatted("That tab saves it now; this one no longer does, so it is read-only.");
  } else {
    ImGui::TextUnformatted("Your work is open in another dyad tab of this browser, which saves it.");
    ImGui::TextUnformatted("Both tabs saving would overwrite each other, so this tab is read-only.");
  }
  ImGui::TextDisabled("Take over here to edit in this tab (the other tab then stops saving),");
  ImGui::TextDisabled("or keep looking read-only.");
  ImGui::Separator();
  if (ImGui::Button("Take over here")) {
    platform::take_over();
    ImGui::CloseCurrentPopup();
  }
  remember_item("button:Take over");
  ImGui::SameLine();
  if (ImGui::Button("View read-only") || imgui_key_pressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
  remember_item("button:View read-only");
  ImGui::EndPopup();
}

// [SECTION] Test hooks

std::string App::document_json() const { return to_json(document()); }

std::string App::item_rect(const std::string& key) const {
  // "mention:<id>" and "text:<cp start>:<cp end>" come from the article layout, the rest from
  // widgets remembered while drawing.
  PixelRect r;
  bool found = false;
  ArticleContext ctx{&document(), &index_, revision_, font_};
  if (key.rfind("mention:", 0) == 0 && font_) {
    const int m = index_.mention_index(key.substr(8));
    found = m >= 0 && article_.mention_rect(ctx, m, &r);
  } else if (key.rfind("text:", 0) == 0 && font_) {
    unsigned long a = 0;
    unsigned long b = 0;
    const OffsetMap& om = index_.offsets();
    if (std::sscanf(key.c_str() + 5, "%lu:%lu", &a, &b) == 2 && a <= b && b <= om.size())
      found = article_.range_rect(ctx, om.byte_of(a), om.byte_of(b), &r);
  } else {
    return item_rect_json(key);
  }
  if (!found) return "null";
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"x0\":%.1f,\"y0\":%.1f,\"x1\":%.1f,\"y1\":%.1f}", r.x0, r.y0, r.x1, r.y1);
  return buf;
}

std::string App::state_json() const {
  const ArticleStats& s = article_.stats();
  const char* save_state = save_state_ == SaveState::saved         ? "saved"
                           : save_state_ == SaveState::full        ? "full"
                           : save_state_ == SaveState::unavailable ? "unavailable"
                           : save_state_ == SaveState::too_large   ? "too_large"
                                                                   : "none";
  const char* storage = backend_ == platform::AutosaveBackend::indexeddb      ? "indexeddb"
                        : backend_ == platform::AutosaveBackend::localstorage ? "localstorage"
                                                                              : "none";
  const char* tab = tab_ == platform::TabStatus::owner ? "owner" : tab_ == platform::TabStatus::other ? "other" : "lost";
  JsonOut j;
  j.begin_object()
      .field("hasDocument", has_document_)
      .field("revision", revision_)
      .field("articlesLoaded", articles_loaded_)
      .field("commandsApplied", commands_applied_)
      .field("extractMs", extract_ms_)
      .field("lastFrameMs", last_frame_ms_)
      .field("maxFrameMs", max_frame_ms_)
      .field("lastSubmitMs", last_submit_ms_)
      .field("vertices", ImGui::GetDrawData() ? ImGui::GetDrawData()->TotalVtxCount : 0)
      .field("dpr", ui_.dpr)
      .field("fontSize", font_ ? font_->FontSize : 0.0f);
  j.key("atlas").begin_array().value(ImGui::GetIO().Fonts->TexWidth).value(ImGui::GetIO().Fonts->TexHeight).end_array();
  j.field("theme", ui_.theme == Theme::dark ? "dark" : "light")
      .field("selectedActor", ui_.selected_actor)
      .field("selectedMention", ui_.selected_mention)
      .field("selectedRelation", ui_.selected_relation)
      .field("hoveredActor", ui_.hovered_actor)
      .field("showAllArcs", ui_.show_all_arcs)
      .field("notice", notice_)
      .field("status", status_message_)
      .field("loadErrors", load_errors_)
      .field("popupOpen", ImGui::GetCurrentContext() && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
      .field("textInput", ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput)
      .field("saves", saves_)
      .field("saveFailures", save_failures_)
      .field("saveState", save_state)
      .field("savedWithTokens", saved_with_tokens_)
      .field("savesInFlight", saves_in_flight_)
      .field("saveDue", save_due_ms_ >= 0 || mirror_due_ms_ >= 0)  // a timed save/mirror update will draw
      .field("storage", storage)
      .field("storageNotice", storage_notice_)
      .field("tab", tab)
      .field("readOnlyRefusals", read_only_refusals_);
  j.key("opening").begin_object()
      .field("active", opening_)
      .field("name", opening_name_)
      .field("lastMs", opening_ms_)
      .field("cancelled", opens_cancelled_)
      .end_object();
  j.field("lastSaved", last_saved_hhmm_)
      .field("crashedSession", crashed_session_)
      .field("recoveryPending", recovery_.has_value())
      .field("recoveryTime", recovery_hhmm_)
      .field("damagedAutosave", !damaged_autosave_.empty())
      .field("rtl", has_rtl_)
      .field("rtlNotice", rtl_notice_)
      .field("problemTitle", problem_title_);
  j.key("extraction").begin_object()
      .field("active", job_.running())
      .field("progress", job_.progress())
      .field("blocksDone", job_.blocks_done())
      .field("blocks", job_.blocks_total())
      .field("cancelled", extractions_cancelled_)
      .field("cancelHovered", cancel_hovered_ && job_.running())
      .end_object();
  j.field("canUndo", history_.can_undo())
      .field("canRedo", history_.can_redo())
      .field("history", history_.labels())
      .field("historyPosition", history_.position());
  j.key("article").begin_object()
      .field("lines", s.lines)
      .field("firstVisible", s.first_visible)
      .field("lastVisible", s.last_visible)
      .field("layoutsBuilt", s.layouts_built)
      .field("arcsDrawn", s.arcs_drawn)
      .field("maxArcLevel", s.max_arc_level);
  j.key("labels").begin_array();
  for (const ArcLabel& l : s.labels) {
    j.begin_object()
        .field("relation", l.relation)
        .field("text", l.text)
        .field("x0", l.x0)
        .field("y0", l.y0)
        .field("x1", l.x1)
        .field("y1", l.y1)
        .field("line", l.line)
        .field("level", l.level)
        .end_object();
  }
  j.end_array();
  j.field("wrapWidth", s.wrap_width)
      .field("originX", article_.origin_x())
      .field("originY", article_.origin_y())
      .field("linePitch", article_.layout().line_pitch())
      .end_object();
  j.end_object();
  return j.take();
}

}  // namespace dyad::app
