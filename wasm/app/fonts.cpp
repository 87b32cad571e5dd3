#include "fonts.hpp"

#include <cmath>
#include <cstddef>

#include "imgui.h"

namespace dyad::app {

// Generated from the TTF by wasm/app/cmake/embed_binary.cmake.
extern const unsigned char kFontData[];
extern const std::size_t kFontData_size;
#if DYAD_APP_HAS_EMOJI
extern const unsigned char kEmojiFontData[];
extern const std::size_t kEmojiFontData_size;
#endif

namespace {

// Same ranges pyftsubset kept (DYAD_APP_GLYPH_RANGES in CMakeLists.txt): Latin Extended A/B,
// ə, Cyrillic, Arabic (unshaped), general punctuation, currency, arrows, U+FFFD.
const ImWchar kGlyphRanges[] = {
#include "glyph_ranges.inc"
    0,
};

#if DYAD_APP_HAS_EMOJI
// The emoji Symbola was subset to (DYAD_APP_EMOJI_RANGES in CMakeLists.txt).
const ImWchar kEmojiRanges[] = {
#include "emoji_ranges.inc"
    0,
};
#endif

}  // namespace

ImFont* build_font_atlas(float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  // The embedded array outlives the atlas and stb_truetype only reads it.
  config.FontDataOwnedByAtlas = false;
  // Physical pixel size, snapped advances: crisp at any ratio, and no horizontal oversampling
  // keeps the atlas at 1024x1024 even for DPR 2.
  config.PixelSnapH = true;
  config.OversampleH = 1;
  config.OversampleV = 1;
  const float px = std::floor(kBaseFontCssPx * dpr + 0.5f);
  ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kFontData),
                                                static_cast<int>(kFontData_size), px, &config,
                                                kGlyphRanges);
#if DYAD_APP_HAS_EMOJI
  // Merged into the same ImFont: text runs need no font switch, and the emoji DejaVu lacks come
  // from Symbola (monochrome, drawn in the text colour).
  ImFontConfig emoji;
  emoji.FontDataOwnedByAtlas = false;
  emoji.MergeMode = true;
  emoji.PixelSnapH = true;
  emoji.OversampleH = 1;
  emoji.OversampleV = 1;
  // Symbola draws emoji small for its em: rasterise them larger (the baseline stays DejaVu's)
  // and a little lower, so a face is about as tall as a capital plus descender, like colour emoji.
  const float emoji_px = std::floor(px * 1.3f + 0.5f);
  emoji.GlyphOffset.y = std::floor(px * 0.12f + 0.5f);
  emoji.GlyphMinAdvanceX = emoji_px;  // square cells
  io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(kEmojiFontData), static_cast<int>(kEmojiFontData_size),
                                 emoji_px, &emoji, kEmojiRanges);
#endif
  io.Fonts->Build();
  return font;
}

}  // namespace dyad::app
