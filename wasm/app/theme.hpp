#pragma once
/// Light and dark themes: ImGui style plus the colours the article view draws with.

#include <dyad/document.hpp>

#include "imgui.h"

namespace dyad::app {

enum class Theme { dark, light };

/// Colours of the article view for one theme.
struct Palette {
  ImU32 text = 0;
  ImU32 text_dim = 0;
  ImU32 selection = 0;
  ImU32 arc = 0;
  ImU32 hover_outline = 0;
};

/// Resets ImGui's style to `theme` and scales every size by `dpr` (physical pixels everywhere).
void apply_style(Theme theme, float dpr);

/// The article view's colours for `theme`.
const Palette& palette(Theme theme);

/// Underlay colour of a mention of an actor of `type`; `strong` for hovered/accepted ones.
ImU32 actor_type_color(ActorType type, Theme theme, bool strong);

}  // namespace dyad::app
