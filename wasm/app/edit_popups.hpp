#pragma once
/// Popups that edit annotations: a mention's menu, adding a mention, picking a relation type.
/// They read the document and push commands; they never change it.

#include <string>

#include <dyad/document.hpp>

#include "document_index.hpp"
#include "ui_state.hpp"

namespace dyad::app {

/// A searchable list of actors plus "new actor of type …". Returns true when something was
/// chosen: `*actor` is an index into doc.actors, or -1 with `*new_type` set for a new actor.
/// Number keys 1–6 pick the new actor types while the filter is empty. `autofocus` puts the
/// keyboard in the filter when the popup appears.
bool actor_picker(const Document& doc, const DocumentIndex& index, std::string& filter, int* actor,
                  ActorType* new_type, bool autofocus);

/// A searchable list of the 16 PLOVER types grouped by quad. Returns true with `*type` set when
/// one was chosen (click, or Enter for the first match).
bool plover_type_picker(std::string& filter, std::string* type);

/// Closes the current popup when Escape is pressed (ImGui 1.86 does that only with keyboard
/// navigation on). Call right after a successful BeginPopup().
void close_popup_on_escape();

/// Short label of an actor type (PERSON, STATE, ...).
const char* actor_type_label(ActorType type);

class EditPopups {
 public:
  /// Opens the menu of mention `mention_id` (click / right click on a mention).
  void open_mention(const std::string& mention_id);
  /// Opens "add mention" for code point span `span` (after a drag-select).
  void open_new_mention(Span span);
  /// Opens the relation type chooser for a relation drawn from one mention to another.
  void open_new_relation(const std::string& source_mention, const std::string& target_mention);

  /// Draws whichever popup is open. Call once per frame from the window that opened it.
  void draw(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);

  bool is_open() const;

 private:
  void draw_mention_menu(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);
  void draw_new_mention(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);
  void draw_new_relation(const Document& doc, const DocumentIndex& index, UiState& ui, CommandQueue& out);

  std::string mention_;
  Span span_;
  std::string source_mention_;
  std::string target_mention_;
  std::string filter_;
  const char* to_open_ = nullptr;
};

}  // namespace dyad::app
