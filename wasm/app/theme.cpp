#include "theme.hpp"

namespace dyad::app {
namespace {

/// One hue per actor type, chosen to stay apart for the common colour-vision deficiencies
/// (blue/orange/purple carry most of the contrast).
ImVec4 type_hue(ActorType type) {
  switch (type) {
    case ActorType::person: return {0.31f, 0.61f, 1.00f, 1.0f};        // blue
    case ActorType::state: return {0.95f, 0.62f, 0.18f, 1.0f};         // orange
    case ActorType::government: return {0.91f, 0.38f, 0.35f, 1.0f};    // red
    case ActorType::organization: return {0.30f, 0.76f, 0.54f, 1.0f};  // green
    case ActorType::group: return {0.69f, 0.49f, 1.00f, 1.0f};         // purple
    case ActorType::location: return {0.50f, 0.72f, 0.78f, 1.0f};      // grey-teal
  }
  return {0.6f, 0.6f, 0.6f, 1.0f};
}

}  // namespace

void apply_style(Theme theme, float dpr) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  if (theme == Theme::dark) {
    ImGui::StyleColorsDark(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.114f, 0.122f, 0.137f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.114f, 0.122f, 0.137f, 1.0f);
    style.Colors[ImGuiCol_MenuBarBg] = ImVec4(0.16f, 0.17f, 0.19f, 1.0f);
  } else {
    ImGui::StyleColorsLight(&style);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.96f, 1.0f);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0.99f, 0.99f, 0.98f, 1.0f);
  }
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.ScrollbarSize = 12.0f;
  style.WindowBorderSize = 0.0f;
  style.ScaleAllSizes(dpr);
}

const Palette& palette(Theme theme) {
  static const Palette dark{IM_COL32(228, 228, 228, 255), IM_COL32(150, 150, 150, 255),
                            IM_COL32(90, 140, 220, 110), IM_COL32(200, 200, 200, 200),
                            IM_COL32(255, 255, 255, 220)};
  static const Palette light{IM_COL32(30, 30, 30, 255), IM_COL32(110, 110, 110, 255),
                             IM_COL32(70, 120, 220, 80), IM_COL32(60, 60, 60, 200),
                             IM_COL32(0, 0, 0, 200)};
  return theme == Theme::dark ? dark : light;
}

ImU32 actor_type_color(ActorType type, Theme theme, bool strong) {
  ImVec4 c = type_hue(type);
  if (theme == Theme::dark) {
    c.w = strong ? 0.55f : 0.30f;
  } else {
    c.w = strong ? 0.50f : 0.25f;
  }
  return ImGui::ColorConvertFloat4ToU32(c);
}

}  // namespace dyad::app
