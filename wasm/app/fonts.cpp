#include "fonts.hpp"

#include <cmath>
#include <cstddef>

#include "imgui.h"

namespace dyad::app {

// Generated from the TTF by wasm/app/cmake/embed_binary.cmake.
extern const unsigned char kFontData[];
extern const std::size_t kFontData_size;

namespace {

// Same ranges pyftsubset kept (DYAD_APP_GLYPH_RANGES in CMakeLists.txt): Latin Extended A/B,
// ə, Cyrillic, Arabic (unshaped), general punctuation, currency, arrows, U+FFFD.
const ImWchar kGlyphRanges[] = {
#include "glyph_ranges.inc"
    0,
};

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
  io.Fonts->Build();
  return font;
}

}  // namespace dyad::app
