#include "side_panel.hpp"

#include <cmath>
#include <cstdio>

#include "edit_popups.hpp"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "item_rects.hpp"
#include "theme.hpp"

namespace dyad::app {
namespace {

constexpr ActorType kActorTypes[] = {ActorType::person, ActorType::state, ActorType::government,
                                     ActorType::organization, ActorType::group, ActorType::location};
constexpr Modality kModalities[] = {Modality::asserted, Modality::planned, Modality::hypothetical,
                                    Modality::reported};

const char* actor_name(const Document& doc, const DocumentIndex& index, const std::string& id) {
  const int i = index.actor_index(id);
  return i >= 0 ? doc.actors[static_cast<std::size_t>(i)].name.c_str() : id.c_str();
}

/// "Kobakhidze → CONSULT → Pashinyan", with "not" and modality when they apply.
std::string relation_label(const Document& doc, const DocumentIndex& index, const Relation& r) {
  std::string s = actor_name(doc, index, r.source);
  s += "  →  ";
  if (r.negated) s += "NOT ";
  s += r.type;
  if (r.modality != Modality::asserted) {
    s += " (";
    s += to_string(r.modality);
    s += ")";
  }
  s += "  →  ";
  s += actor_name(doc, index, r.target);
  return s;
}

void colour_swatch(ActorType type, Theme theme) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + h * 0.6f, p.y + h * 0.8f),
                                            actor_type_color(type, theme, true) | IM_COL32_A_MASK, h * 0.1f);
  ImGui::Dummy(ImVec2(h * 0.6f, h));
  ImGui::SameLine();
}

/// Byte offset where a relation is best shown: its trigger, else its sentence, else an anchor.
std::size_t relation_byte(const Document& doc, const DocumentIndex& index, const Relation& r) {
  const OffsetMap& om = index.offsets();
  if (!r.trigger.empty() && r.trigger.start <= om.size()) return om.byte_of(r.trigger.start);
  if (r.sentence >= 0 && static_cast<std::size_t>(r.sentence) < doc.sentences.size()) {
    const Span& s = doc.sentences[static_cast<std::size_t>(r.sentence)].span;
    if (s.start <= om.size()) return om.byte_of(s.start);
  }
  const int m = index.mention_index(r.source_mention);
  const int sp = index.span_of_mention(m);
  if (sp >= 0) return index.mention_spans()[static_cast<std::size_t>(sp)].byte_begin;
  return 0;
}

}  // namespace

void SidePanel::draw(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out,
                     HistoryView* history, float width, float height) {
  ImGui::BeginChild("side", ImVec2(width, height), false);
  // Bulk review: accept every suggestion at or above a confidence.
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
  ImGui::SliderFloat("##minconf", &min_confidence_, 0.0f, 1.0f, "≥ %.2f");
  ImGui::SameLine();
  // The slider shows two decimals; use exactly that (0.8f as a double is 0.800000012, which
  // would leave suggestions of confidence 0.8 out).
  if (ImGui::Button("Accept all above")) out.push_back(AcceptAllAbove{std::round(min_confidence_ * 100.0) / 100.0});
  remember_item("button:accept-all");

  if (ImGui::BeginTabBar("##side-tabs")) {
    char label[64];
    std::snprintf(label, sizeof label, "Actors (%zu)###actors", doc.actors.size());
    const bool actors_open = ImGui::BeginTabItem(label);
    remember_item("tab:actors");
    if (actors_open) {
      draw_actors(doc, index, ui, out);
      ImGui::EndTabItem();
    }
    std::snprintf(label, sizeof label, "Relations (%zu)###relations", doc.relations.size());
    const bool relations_open = ImGui::BeginTabItem(label);
    remember_item("tab:relations");
    if (relations_open) {
      draw_relations(doc, index, ui, out);
      ImGui::EndTabItem();
    }
    if (history && ImGui::BeginTabItem("History")) {
      draw_history(*history);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  ImGui::EndChild();
}

// [SECTION] Actors

void SidePanel::draw_actors(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out) {
  const float editor_h = ui.selected_actor.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing() * 9.0f;
  const float list_h = std::max(ImGui::GetFrameHeight() * 3.0f, ImGui::GetContentRegionAvail().y - editor_h);
  const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##actors", 4, flags, ImVec2(0, list_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Actor", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < doc.actors.size(); ++i) {
      const Actor& a = doc.actors[i];
      const int ai = static_cast<int>(i);
      ImGui::PushID(ai);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const bool rejected = a.status == Status::rejected;
      if (rejected) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      colour_swatch(a.type, ui.theme);
      const bool selected = a.id == ui.selected_actor;
      if (ImGui::Selectable(a.name.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
        ui.selected_actor = a.id;
        ui.selected_mention.clear();
        ui.selected_relation.clear();
        for (const MentionSpan& s : index.mention_spans()) {
          if (s.actor == ai) {
            ui.scroll_to_byte = s.byte_begin;
            break;
          }
        }
      }
      remember_item("actor:" + a.id);
      if (ImGui::IsItemHovered()) ui.hovered_actor = ai;
      // Drag one actor onto another to merge them.
      if (ImGui::BeginDragDropSource()) {
        ImGui::SetDragDropPayload("DYAD_ACTOR", &ai, sizeof ai);
        ImGui::Text("Merge “%s” into …", a.name.c_str());
        ImGui::EndDragDropSource();
      }
      if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload("DYAD_ACTOR")) {
          const int from = *static_cast<const int*>(p->Data);
          if (from != ai && from >= 0 && static_cast<std::size_t>(from) < doc.actors.size()) {
            out.push_back(MergeActors{a.id, doc.actors[static_cast<std::size_t>(from)].id});
            ui.selected_actor = a.id;
          }
        }
        ImGui::EndDragDropTarget();
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(to_string(a.type));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(a.code.c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%d", index.mention_count(ai));
      if (rejected) ImGui::PopStyleColor();
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  draw_actor_editor(doc, index, ui, out);
}

void SidePanel::draw_actor_editor(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out) {
  const int ai = ui.selected_actor.empty() ? -1 : index.actor_index(ui.selected_actor);
  if (ai < 0) return;
  const Actor& a = doc.actors[static_cast<std::size_t>(ai)];
  if (editing_actor_ != a.id || !ImGui::IsAnyItemActive()) {
    // Reload the fields from the model unless the user is typing in one.
    editing_actor_ = a.id;
    name_ = a.name;
    country_ = a.country;
    sector_ = a.sector;
    code_ = a.code;
  }
  ImGui::Separator();
  ImGui::TextDisabled("%s · %s · %.2f%s%s", a.id.c_str(), to_string(a.status), a.confidence,
                      a.provenance.rule.empty() ? "" : " · ", a.provenance.rule.c_str());
  const float field_w = ImGui::GetContentRegionAvail().x * 0.6f;
  ImGui::SetNextItemWidth(field_w);
  ImGui::InputText("Name", &name_);
  remember_item("actor-editor:name");
  if (ImGui::IsItemDeactivatedAfterEdit() && !name_.empty() && name_ != a.name) out.push_back(RenameActor{a.id, name_});
  ImGui::SetNextItemWidth(field_w);
  const bool type_open = ImGui::BeginCombo("Type", to_string(a.type));
  remember_item("actor-editor:type");
  if (type_open) {
    for (std::size_t t = 0; t < std::size(kActorTypes); ++t) {
      if (ImGui::Selectable(to_string(kActorTypes[t]), a.type == kActorTypes[t]) && a.type != kActorTypes[t])
        out.push_back(SetActorType{a.id, kActorTypes[t]});
      remember_item(std::string("actor-type:") + to_string(kActorTypes[t]));
    }
    ImGui::EndCombo();
  }
  auto code_field = [&](const char* label, std::string& value, const std::string& current, int which) {
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputText(label, &value, ImGuiInputTextFlags_CharsUppercase);
    remember_item(std::string("actor-editor:") + label);
    if (ImGui::IsItemDeactivatedAfterEdit() && value != current) {
      SetActorCodes c;
      c.actor = a.id;
      if (which == 0) c.country = value;
      if (which == 1) c.sector = value;
      if (which == 2) c.code = value;
      out.push_back(c);
    }
  };
  code_field("Country", country_, a.country, 0);
  code_field("Sector", sector_, a.sector, 1);
  code_field("Code", code_, a.code, 2);

  if (ImGui::Button("Accept")) out.push_back(Accept{a.id});
  ImGui::SameLine();
  if (ImGui::Button("Reject")) out.push_back(Reject{a.id});
  ImGui::SameLine();
  if (ImGui::Button("Delete")) {
    out.push_back(RemoveActor{a.id});
    ui.clear_selection();
  }
  ImGui::SameLine();
  if (ImGui::Button("Merge into…")) ImGui::OpenPopup("##merge");
  if (ImGui::BeginPopup("##merge")) {
    close_popup_on_escape();
    int target = -1;
    ActorType unused = ActorType::person;
    ImGui::TextDisabled("Merge “%s” into:", a.name.c_str());
    if (actor_picker(doc, index, merge_filter_, &target, &unused, true)) {
      if (target >= 0 && target != ai) {
        out.push_back(MergeActors{doc.actors[static_cast<std::size_t>(target)].id, a.id});
        ui.selected_actor = doc.actors[static_cast<std::size_t>(target)].id;
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

// [SECTION] Relations

void SidePanel::draw_relations(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out) {
  ImGui::Checkbox("Show all arcs", &ui.show_all_arcs);
  const float editor_h = ui.selected_relation.empty() ? 0.0f : ImGui::GetFrameHeightWithSpacing() * 6.0f;
  const float list_h = std::max(ImGui::GetFrameHeight() * 3.0f, ImGui::GetContentRegionAvail().y - editor_h);
  ImGui::BeginChild("##relations", ImVec2(0, list_h), true);
  if (doc.relations.empty()) ImGui::TextDisabled("No relations. Drag from one mention to another to add one.");
  for (std::size_t i = 0; i < doc.relations.size(); ++i) {
    const Relation& r = doc.relations[i];
    ImGui::PushID(static_cast<int>(i));
    const bool rejected = r.status == Status::rejected;
    const bool suggested = r.status == Status::suggested;
    if (rejected || suggested) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    std::string label = relation_label(doc, index, r);
    if (suggested) {
      char conf[32];
      std::snprintf(conf, sizeof conf, "   %.0f%%", r.confidence * 100.0);
      label += conf;
    }
    if (rejected) label += "   (rejected)";
    if (ImGui::Selectable(label.c_str(), r.id == ui.selected_relation)) {
      ui.selected_relation = r.id;
      ui.selected_mention.clear();
      ui.selected_actor.clear();
      ui.scroll_to_byte = relation_byte(doc, index, r);
    }
    remember_item("relation:" + r.id);
    if (ImGui::IsItemHovered()) ui.hovered_relation = static_cast<int>(i);
    if (rejected || suggested) ImGui::PopStyleColor();
    ImGui::PopID();
  }
  ImGui::EndChild();
  draw_relation_editor(doc, index, ui, out);
}

void SidePanel::draw_relation_editor(const Document& doc, const DocumentIndex&, UiState& ui, CommandQueue& out) {
  const Relation* r = ui.selected_relation.empty() ? nullptr : doc.find_relation(ui.selected_relation);
  if (!r) return;
  ImGui::TextDisabled("%s · %s · %.2f · CAMEO %s%s%s", r->id.c_str(), to_string(r->status), r->confidence,
                      r->cameo.empty() ? "–" : r->cameo.c_str(), r->provenance.rule.empty() ? "" : " · ",
                      r->provenance.rule.c_str());
  if (ImGui::Button(("Type: " + r->type + "…").c_str())) ImGui::OpenPopup("##relation-type");
  if (ImGui::BeginPopup("##relation-type")) {
    close_popup_on_escape();
    std::string type;
    if (plover_type_picker(type_filter_, &type)) {
      if (type != r->type) out.push_back(SetRelationType{r->id, type, ""});
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  remember_item("relation-editor:type");
  if (ImGui::Button("Swap direction")) out.push_back(SwapRelation{r->id});
  remember_item("relation-editor:swap");
  bool negated = r->negated;
  if (ImGui::Checkbox("Negated", &negated)) out.push_back(SetRelationNegated{r->id, negated});
  remember_item("relation-editor:negated");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
  const bool modality_open = ImGui::BeginCombo("Modality", to_string(r->modality));
  remember_item("relation-editor:modality");
  if (modality_open) {
    for (Modality m : kModalities) {
      if (ImGui::Selectable(to_string(m), m == r->modality) && m != r->modality)
        out.push_back(SetRelationModality{r->id, m});
      remember_item(std::string("modality:") + to_string(m));
    }
    ImGui::EndCombo();
  }
  if (ImGui::Button("Accept (A)")) out.push_back(Accept{r->id});
  ImGui::SameLine();
  if (ImGui::Button("Reject (R)")) out.push_back(Reject{r->id});
  ImGui::SameLine();
  if (ImGui::Button("Delete")) {
    out.push_back(RemoveRelation{r->id});
    ui.selected_relation.clear();
  }
}

// [SECTION] History

void SidePanel::draw_history(HistoryView& history) {
  ImGui::BeginChild("##history", ImVec2(0, 0), true);
  for (std::size_t i = 0; i < history.entries.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(history.entries[i].label.c_str(), history.entries[i].current)) history.jump_to = static_cast<int>(i);
    ImGui::PopID();
  }
  ImGui::EndChild();
}

}  // namespace dyad::app
