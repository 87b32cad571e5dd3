#include "item_rects.hpp"

#include <cstdio>
#include <unordered_map>

#include "imgui.h"

namespace dyad::app {
namespace {

struct Rect {
  float x0, y0, x1, y1;
};

std::unordered_map<std::string, Rect>& rects() {
  static std::unordered_map<std::string, Rect> map;
  return map;
}

}  // namespace

void remember_item(const std::string& key) {
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  // An item not laid out yet (a tab in its tab bar's first frame) has no area: not clickable.
  if (b.x <= a.x || b.y <= a.y) return;
  rects()[key] = {a.x, a.y, b.x, b.y};
}

void clear_item_rects() { rects().clear(); }

std::string item_rect_json(const std::string& key) {
  auto it = rects().find(key);
  if (it == rects().end()) return "null";
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"x0\":%.1f,\"y0\":%.1f,\"x1\":%.1f,\"y1\":%.1f}", it->second.x0, it->second.y0,
                it->second.x1, it->second.y1);
  return buf;
}

}  // namespace dyad::app
