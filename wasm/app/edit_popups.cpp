#include "edit_popups.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string_view>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "item_rects.hpp"

namespace dyad::app {
namespace {

constexpr ActorType kActorTypes[] = {ActorType::person, ActorType::state, ActorType::government,
                                     ActorType::organization, ActorType::group, ActorType::location};

/// Case-insensitive (ASCII) substring test; an empty needle matches everything.
bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(),
                        [&](char a, char b) { return lower(a) == lower(b); });
  return it != hay.end();
}

/// The covered text of a mention, shortened for a popup title.
std::string covered(const Document& doc, const DocumentIndex& index, int mention) {
  const int s = index.span_of_mention(mention);
  if (s < 0) return {};
  const MentionSpan& span = index.mention_spans()[static_cast<std::size_t>(s)];
  std::string t = doc.text.substr(span.byte_begin, std::min<std::size_t>(span.byte_end - span.byte_begin, 80));
  for (char& c : t)
    if (c == '\n') c = ' ';
  return t;
}

bool enter_pressed() {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
         ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}

/// A filter field, emptied (and focused if `autofocus`) when its popup appears.
void filter_field(const char* hint, std::string& filter, bool autofocus) {
  if (ImGui::IsWindowAppearing()) {
    filter.clear();
    if (autofocus) ImGui::SetKeyboardFocusHere();
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16.0f);
  ImGui::InputTextWithHint("##filter", hint, &filter);
}

}  // namespace

void close_popup_on_escape() {
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) ImGui::CloseCurrentPopup();
}

const char* actor_type_label(ActorType type) { return to_string(type); }

bool actor_picker(const Document& doc, const DocumentIndex& index, std::string& filter, int* actor,
                  ActorType* new_type, bool autofocus) {
  // Number keys pick a new actor's type, checked before the filter field eats the character.
  if (filter.empty() && !ImGui::IsWindowAppearing() && (autofocus || !ImGui::GetIO().WantTextInput)) {
    for (std::size_t t = 0; t < std::size(kActorTypes); ++t) {
      if (ImGui::IsKeyPressed('1' + static_cast<int>(t), false)) {
        *actor = -1;
        *new_type = kActorTypes[t];
        return true;
      }
    }
  }
  filter_field("search actors", filter, autofocus);
  bool chosen = false;
  int first_match = -1;
  ImGui::BeginChild("##actors", ImVec2(ImGui::GetFontSize() * 16.0f, ImGui::GetTextLineHeightWithSpacing() * 8.0f), true);
  for (std::size_t i = 0; i < doc.actors.size(); ++i) {
    const Actor& a = doc.actors[i];
    if (a.status == Status::rejected) continue;
    if (!contains_ci(a.name, filter) && !contains_ci(a.code, filter)) continue;
    if (first_match < 0) first_match = static_cast<int>(i);
    ImGui::PushID(static_cast<int>(i));
    char label[256];
    std::snprintf(label, sizeof label, "%s  (%s, %d)", a.name.c_str(), to_string(a.type),
                  index.mention_count(static_cast<int>(i)));
    if (ImGui::Selectable(label)) {
      *actor = static_cast<int>(i);
      chosen = true;
    }
    remember_item("pick-actor:" + a.id);
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (!chosen && first_match >= 0 && enter_pressed()) {
    *actor = first_match;
    chosen = true;
  }
  ImGui::TextDisabled("New actor:");
  for (std::size_t t = 0; t < std::size(kActorTypes); ++t) {
    char label[48];
    std::snprintf(label, sizeof label, "%zu %s", t + 1, to_string(kActorTypes[t]));
    if (t % 3 != 0) ImGui::SameLine();
    if (ImGui::SmallButton(label)) {
      *actor = -1;
      *new_type = kActorTypes[t];
      chosen = true;
    }
    remember_item(std::string("new-actor:") + to_string(kActorTypes[t]));
  }
  return chosen;
}

bool plover_type_picker(std::string& filter, std::string* type) {
  filter_field("search event types", filter, true);
  static const char* const kQuadNames[] = {"Verbal cooperation", "Material cooperation", "Verbal conflict",
                                           "Material conflict"};
  const char* first_match = nullptr;
  bool chosen = false;
  for (int q = 0; q < 4; ++q) {
    bool header = false;
    for (const char* t : kPloverTypes) {
      const auto quad = plover_quad(t);
      if (!quad || static_cast<int>(*quad) != q) continue;
      if (!contains_ci(t, filter)) continue;
      if (!header) {
        ImGui::TextDisabled("%s", kQuadNames[q]);
        header = true;
      }
      if (!first_match) first_match = t;
      if (ImGui::Selectable(t)) {
        *type = t;
        chosen = true;
      }
      remember_item(std::string("plover:") + t);
    }
  }
  if (!chosen && first_match && enter_pressed()) {
    *type = first_match;
    chosen = true;
  }
  return chosen;
}

// [SECTION] Popups

void EditPopups::open_mention(const std::string& mention_id) {
  mention_ = mention_id;
  to_open_ = "##mention";
}

void EditPopups::open_new_mention(Span span) {
  span_ = span;
  to_open_ = "##new-mention";
}

void EditPopups::open_new_relation(const std::string& source_mention, const std::string& target_mention) {
  source_mention_ = source_mention;
  target_mention_ = target_mention;
  to_open_ = "##new-relation";
}

bool EditPopups::is_open() const {
  return ImGui::IsPopupOpen("##mention") || ImGui::IsPopupOpen("##new-mention") ||
         ImGui::IsPopupOpen("##new-relation");
}

void EditPopups::draw(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out) {
  if (to_open_) {
    ImGui::OpenPopup(to_open_);
    to_open_ = nullptr;
  }
  draw_mention_menu(doc, index, ui, out);
  draw_new_mention(doc, index, ui, out);
  draw_new_relation(doc, index, ui, out);
}

void EditPopups::draw_mention_menu(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out) {
  if (!ImGui::BeginPopup("##mention")) return;
  close_popup_on_escape();
  const int mi = index.mention_index(mention_);
  if (mi < 0) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Mention& m = doc.mentions[static_cast<std::size_t>(mi)];
  const int ai = index.actor_index(m.actor);
  ImGui::Text("“%s”", covered(doc, index, mi).c_str());
  ImGui::TextDisabled("%s · %s · %.2f%s%s", to_string(m.kind), to_string(m.status), m.confidence,
                      m.provenance.rule.empty() ? "" : " · ", m.provenance.rule.c_str());
  if (ai >= 0) {
    const Actor& a = doc.actors[static_cast<std::size_t>(ai)];
    ImGui::Text("→ %s (%s%s%s)", a.name.c_str(), to_string(a.type), a.code.empty() ? "" : ", ", a.code.c_str());
  }
  ImGui::Separator();
  // Letter keys act on the mention unless the actor search field has the keyboard.
  const bool keys = !ImGui::GetIO().WantTextInput && !ImGui::IsWindowAppearing();
  if (ImGui::Button("Accept (A)") || (keys && ImGui::IsKeyPressed('A', false))) {
    out.push_back(Accept{m.id});
    ImGui::CloseCurrentPopup();
  }
  remember_item("mention-menu:accept");
  ImGui::SameLine();
  if (ImGui::Button("Reject (R)") || (keys && ImGui::IsKeyPressed('R', false))) {
    out.push_back(Reject{m.id});
    ImGui::CloseCurrentPopup();
  }
  remember_item("mention-menu:reject");
  ImGui::SameLine();
  if (ImGui::Button("Delete") || (keys && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false))) {
    out.push_back(RemoveMention{m.id});
    ui.selected_mention.clear();
    ImGui::CloseCurrentPopup();
  }
  remember_item("mention-menu:delete");
  ImGui::TextDisabled("Kind:");
  for (MentionKind k : {MentionKind::name, MentionKind::nominal, MentionKind::pronoun}) {
    ImGui::SameLine();
    if (ImGui::RadioButton(to_string(k), m.kind == k) && m.kind != k) out.push_back(SetMentionKind{m.id, k});
  }
  if (ai >= 0 && index.mention_count(ai) > 1 && ImGui::Button("Split off into its own actor")) {
    out.push_back(SplitMention{m.id});
    ImGui::CloseCurrentPopup();
  }
  ImGui::Separator();
  ImGui::TextDisabled("Refers to:");
  int actor = -1;
  ActorType type = ActorType::person;
  if (actor_picker(doc, index, filter_, &actor, &type, false)) {
    if (actor >= 0) {
      const std::string& id = doc.actors[static_cast<std::size_t>(actor)].id;
      if (id != m.actor) out.push_back(SetMentionActor{m.id, id, {}});
      ui.selected_actor = id;
    } else {
      CreateActorFromMention c;
      c.mention = m.id;
      c.type = type;
      out.push_back(c);
    }
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void EditPopups::draw_new_mention(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out) {
  if (!ImGui::BeginPopup("##new-mention")) return;
  close_popup_on_escape();
  const OffsetMap& om = index.offsets();
  if (span_.end > om.size() || span_.empty()) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const std::size_t b0 = om.byte_of(span_.start);
  const std::size_t b1 = om.byte_of(span_.end);
  std::string text = doc.text.substr(b0, std::min<std::size_t>(b1 - b0, 80));
  for (char& c : text)
    if (c == '\n') c = ' ';
  ImGui::Text("Add mention “%s”", text.c_str());
  ImGui::Separator();
  int actor = -1;
  ActorType type = ActorType::person;
  if (actor_picker(doc, index, filter_, &actor, &type, true)) {
    AddMention add;
    add.span = span_;
    if (actor >= 0) {
      add.actor = doc.actors[static_cast<std::size_t>(actor)].id;
      ui.selected_actor = add.actor;
    } else {
      add.new_actor_type = type;
    }
    out.push_back(add);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void EditPopups::draw_new_relation(const Document& doc, const DocumentIndex& index, UiState&, CommandQueue& out) {
  if (!ImGui::BeginPopup("##new-relation")) return;
  close_popup_on_escape();
  const int sm = index.mention_index(source_mention_);
  const int tm = index.mention_index(target_mention_);
  if (sm < 0 || tm < 0) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Mention& s = doc.mentions[static_cast<std::size_t>(sm)];
  const Mention& t = doc.mentions[static_cast<std::size_t>(tm)];
  ImGui::Text("“%s” → ? → “%s”", covered(doc, index, sm).c_str(), covered(doc, index, tm).c_str());
  ImGui::Separator();
  std::string type;
  if (plover_type_picker(filter_, &type)) {
    AddRelation add;
    add.source = s.actor;
    add.target = t.actor;
    add.source_mention = s.id;
    add.target_mention = t.id;
    add.type = type;
    out.push_back(add);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace dyad::app
