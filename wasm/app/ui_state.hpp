#pragma once
/// UI-only state shared by the views: selection, hover, scroll requests, toggles. Never part of
/// the document or its undo history.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <dyad/commands.hpp>

#include "theme.hpp"

namespace dyad::app {

struct UiState {
  Theme theme = Theme::dark;
  float dpr = 1;

  // Selection (ids, so they survive edits that reorder vectors; stale ids are simply not found).
  std::string selected_actor;
  std::string selected_mention;
  std::string selected_relation;

  // Hover, recomputed every frame by whichever view has the pointer (indices into the document).
  int hovered_actor = -1;     ///< from the article or the actors panel
  int hovered_relation = -1;  ///< from the relations list

  bool show_all_arcs = true;  ///< all relation arcs, or only those of the selection/hover

  /// The article scrolls this byte offset into view on its next frame.
  std::optional<std::size_t> scroll_to_byte;

  void clear_selection() {
    selected_actor.clear();
    selected_mention.clear();
    selected_relation.clear();
  }
};

/// Commands views emit during a frame; the app applies them after the frame.
using CommandQueue = std::vector<Command>;

}  // namespace dyad::app
