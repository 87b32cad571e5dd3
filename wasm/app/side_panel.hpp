#pragma once
/// The panel beside the article: actors (with their editor), relations as
/// "source → TYPE → target" (with their editor), and the edit history.

#include <string>
#include <vector>

#include <dyad/document.hpp>

#include "document_index.hpp"
#include "ui_state.hpp"

namespace dyad::app {

/// One entry of the history list (labels come from the model's history).
struct HistoryEntry {
  std::string label;
  bool current = false;  ///< the state the document is in now
};

/// What the history tab shows and can do.
struct HistoryView {
  std::vector<HistoryEntry> entries;
  int jump_to = -1;  ///< set by the panel when the user clicks an entry (index into entries)
};

class SidePanel {
 public:
  void draw(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out, HistoryView* history,
            float width, float height);

 private:
  void draw_actors(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);
  void draw_actor_editor(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);
  void draw_relations(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);
  void draw_relation_editor(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);
  void draw_history(HistoryView& history);

  // Editor fields, loaded from the selected actor when the selection changes.
  std::string editing_actor_;
  std::string name_;
  std::string country_;
  std::string sector_;
  std::string code_;
  std::string type_filter_;
  std::string merge_filter_;
  float min_confidence_ = 0.8f;
};

}  // namespace dyad::app
