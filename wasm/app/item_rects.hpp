#pragma once
/// Where named widgets were drawn in the last frame, for the test hooks (tests click at these
/// coordinates with real mouse events, so hit-testing stays under test).

#include <string>

namespace dyad::app {

/// Records the last ImGui item's rectangle under `key` (e.g. "menu:File", "actor:a3").
void remember_item(const std::string& key);

/// Forgets everything (call at the start of a frame).
void clear_item_rects();

/// Rectangle of `key` in physical pixels as JSON {"x0","y0","x1","y1"}, or "null".
std::string item_rect_json(const std::string& key);

}  // namespace dyad::app
