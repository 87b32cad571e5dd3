#pragma once
/// The app's font: DejaVu Sans (subset at build time, embedded), rasterised at the device pixel
/// ratio so text is crisp in physical pixels.

struct ImFont;

namespace dyad::app {

/// Size of UI and article text in CSS pixels.
inline constexpr float kBaseFontCssPx = 16.0f;

/// Clears the ImGui font atlas and adds the app font at `kBaseFontCssPx * dpr` pixels.
/// Requires: an ImGui context; the caller re-uploads the atlas texture if one existed.
ImFont* build_font_atlas(float dpr);

}  // namespace dyad::app
