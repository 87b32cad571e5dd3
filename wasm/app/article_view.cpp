#include "article_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"  // ImBezierCubicCalc

namespace dyad::app {
namespace {

/// Arc colour by quad class: cooperation green/blue, conflict orange/red.
ImU32 quad_color(Quad q, Theme theme) {
  const bool dark = theme == Theme::dark;
  switch (q) {
    case Quad::verbal_cooperation: return dark ? IM_COL32(110, 200, 140, 255) : IM_COL32(30, 140, 70, 255);
    case Quad::material_cooperation: return dark ? IM_COL32(100, 170, 255, 255) : IM_COL32(30, 90, 200, 255);
    case Quad::verbal_conflict: return dark ? IM_COL32(250, 170, 70, 255) : IM_COL32(190, 110, 0, 255);
    case Quad::material_conflict: return dark ? IM_COL32(250, 100, 100, 255) : IM_COL32(200, 40, 40, 255);
  }
  return IM_COL32(200, 200, 200, 255);
}

/// A polyline, solid or dashed (suggestions are dashed), optionally ending in an arrowhead.
void draw_path(ImDrawList* dl, const ImVec2* pts, int n, ImU32 col, float thickness, bool dashed, float dash,
               float head) {
  float carry = 0.0f;  // distance into the current dash period, so dashes flow across segments
  for (int i = 1; i < n; ++i) {
    const ImVec2 a = pts[i - 1];
    const ImVec2 b = pts[i];
    if (!dashed) {
      dl->AddLine(a, b, col, thickness);
      continue;
    }
    const float dx = b.x - a.x;
    const float dy = b.y - a.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    float t = 0.0f;
    while (t < len) {
      const float period_left = 2.0f * dash - carry;
      const float step = std::min(period_left, len - t);
      if (carry < dash) {
        const float on = std::min(dash - carry, step);
        const ImVec2 p0(a.x + dx * t / len, a.y + dy * t / len);
        const ImVec2 p1(a.x + dx * (t + on) / len, a.y + dy * (t + on) / len);
        dl->AddLine(p0, p1, col, thickness);
      }
      t += step;
      carry = std::fmod(carry + step, 2.0f * dash);
    }
  }
  if (head <= 0.0f || n < 2) return;
  const ImVec2 tip = pts[n - 1];
  const ImVec2 from = pts[n - 2];
  ImVec2 d(tip.x - from.x, tip.y - from.y);
  const float len = std::sqrt(d.x * d.x + d.y * d.y);
  if (len <= 0.0f) return;
  d = ImVec2(d.x / len, d.y / len);
  const ImVec2 nrm(-d.y, d.x);
  const ImVec2 base(tip.x - d.x * head, tip.y - d.y * head);
  dl->AddTriangleFilled(tip, ImVec2(base.x + nrm.x * head * 0.5f, base.y + nrm.y * head * 0.5f),
                        ImVec2(base.x - nrm.x * head * 0.5f, base.y - nrm.y * head * 0.5f), col);
}

/// Appends a cubic Bezier sampled into `n` segments (without its first point).
void append_bezier(ImVector<ImVec2>& out, ImVec2 p1, ImVec2 p2, ImVec2 p3, ImVec2 p4, int n) {
  for (int i = 1; i <= n; ++i) out.push_back(ImBezierCubicCalc(p1, p2, p3, p4, static_cast<float>(i) / n));
}

/// Widens a code point span to whole tokens: from the start of the first token it touches to
/// the end of the last one (drag selections snap; Alt keeps them exact).
Span snap_to_tokens(const Document& doc, Span s) {
  const auto& toks = doc.tokens;
  if (toks.empty()) return s;
  auto first = std::lower_bound(toks.begin(), toks.end(), s.start,
                                [](const Token& t, std::size_t cp) { return t.span.end <= cp; });
  auto after = std::lower_bound(toks.begin(), toks.end(), s.end,
                                [](const Token& t, std::size_t cp) { return t.span.start < cp; });
  if (first == toks.end() || after == toks.begin()) return s;
  const Span out{first->span.start, std::prev(after)->span.end};
  return out.end > out.start ? out : s;
}

}  // namespace

// [SECTION] Geometry

std::size_t ArticleView::byte_at(const ArticleContext& ctx, float mx, float my) const {
  const auto& lines = layout_.lines();
  if (lines.empty()) return 0;
  std::size_t li = layout_.line_at_y(my - origin_y_);
  if (li >= lines.size()) return lines.back().end;
  return layout_.byte_at_x(ctx.doc->text, li, mx - origin_x_);
}

int ArticleView::span_under(const ArticleContext& ctx, float mx, float my) const {
  const auto& lines = layout_.lines();
  const std::size_t li = layout_.line_at_y(my - origin_y_);
  if (li >= lines.size()) return -1;
  const float ly = origin_y_ + layout_.line_top(li) + text_dy_;
  if (my < ly - layout_.line_pitch() * 0.15f) return -1;  // in the arc band above the text
  const std::string_view text = ctx.doc->text;
  const std::size_t byte = layout_.byte_at_x(text, li, mx - origin_x_);
  // byte_at_x snaps to the nearest boundary; probe the character under the pointer.
  const float bx = origin_x_ + layout_.x_of(text, li, byte);
  std::size_t probe = byte;
  if (mx < bx && byte > lines[li].begin) {
    probe = byte - 1;
    while (probe > lines[li].begin && (static_cast<unsigned char>(text[probe]) & 0xC0) == 0x80) --probe;
  }
  if (probe >= lines[li].end) return -1;
  return ctx.index->span_at(probe);
}

bool ArticleView::anchor_of(const ArticleContext& ctx, int mention, float* x, float* y, std::size_t* line_index) const {
  const int s = ctx.index->span_of_mention(mention);
  if (s < 0 || layout_.lines().empty()) return false;
  const MentionSpan& span = ctx.index->mention_spans()[static_cast<std::size_t>(s)];
  const std::size_t l = layout_.line_of_byte(span.byte_begin);
  const auto& line = layout_.lines()[l];
  const float x0 = layout_.x_of(ctx.doc->text, l, span.byte_begin);
  const float x1 = layout_.x_of(ctx.doc->text, l, std::min<std::size_t>(span.byte_end, line.end));
  *x = origin_x_ + (x0 + x1) * 0.5f;
  *y = origin_y_ + layout_.line_top(l) + text_dy_;
  if (line_index) *line_index = l;
  return true;
}

bool ArticleView::mention_rect(const ArticleContext& ctx, int mention, PixelRect* out) const {
  const int s = ctx.index->span_of_mention(mention);
  if (s < 0) return false;
  const MentionSpan& span = ctx.index->mention_spans()[static_cast<std::size_t>(s)];
  return range_rect(ctx, span.byte_begin, span.byte_end, out);
}

bool ArticleView::range_rect(const ArticleContext& ctx, std::size_t byte_begin, std::size_t byte_end,
                             PixelRect* out) const {
  if (layout_.lines().empty() || byte_end < byte_begin) return false;
  const std::size_t l = layout_.line_of_byte(byte_begin);
  const auto& line = layout_.lines()[l];
  const float y = origin_y_ + layout_.line_top(l) + text_dy_;
  out->x0 = origin_x_ + layout_.x_of(ctx.doc->text, l, byte_begin);
  out->x1 = origin_x_ + layout_.x_of(ctx.doc->text, l, std::min<std::size_t>(byte_end, line.end));
  out->y0 = y;
  out->y1 = y + ctx.font->FontSize;
  return true;
}

// [SECTION] Frame

void ArticleView::draw(const ArticleContext& ctx, UiState& ui, CommandQueue& out, float width, float height) {
  const Document& doc = *ctx.doc;
  const std::string_view text = doc.text;
  const float size = ctx.font->FontSize;
  const float pad = std::floor(size);

  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.5f));
  ImGui::BeginChild("article", ImVec2(width, height), false, ImGuiWindowFlags_AlwaysVerticalScrollbar);
  ImGui::PopStyleVar();

  // A reading column: long lines are hard to follow, so cap at ~50 em.
  const float avail = ImGui::GetContentRegionAvail().x;
  const float wrap = std::floor(std::max(size * 4.0f, std::min(avail, size * 50.0f)));
  if (!layout_.matches(ctx.revision, ctx.font, size, wrap)) {
    // Each line is a band for relation arcs (when there are relations) above the text, the
    // text, and room for the mention underline.
    const float pitch = std::floor(size * (doc.relations.empty() ? 1.6f : 2.4f));
    layout_.build(text, ctx.font, size, wrap, pitch);
    layout_.set_revision(ctx.revision);
    ++stats_.layouts_built;
  }
  const float pitch = layout_.line_pitch();
  text_dy_ = pitch - size - std::floor(size * 0.3f);

  if (reset_scroll_) {
    ImGui::SetScrollY(0);
    reset_scroll_ = false;
  }
  if (ui.scroll_to_byte) {
    const std::size_t l = layout_.line_of_byte(*ui.scroll_to_byte);
    ImGui::SetScrollY(std::max(0.0f, layout_.line_top(l) - ImGui::GetWindowHeight() * 0.3f));
    ui.scroll_to_byte.reset();
  }

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  origin_x_ = std::floor(origin.x);
  origin_y_ = std::floor(origin.y);
  // One item covers the whole text: it stops window dragging and gives hover/active state.
  ImGui::InvisibleButton("##text", ImVec2(wrap, std::max(layout_.height(), 1.0f)),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  handle_pointer(ctx, ui, hovered);

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = dl->GetClipRectMin();
  const ImVec2 clip_max = dl->GetClipRectMax();
  const auto& lines = layout_.lines();
  const std::size_t first = layout_.line_at_y(clip_min.y - origin_y_);
  const std::size_t last = std::min(lines.size(), layout_.line_at_y(clip_max.y - origin_y_) + 1);
  stats_.lines = lines.size();
  stats_.first_visible = first;
  stats_.last_visible = last;
  stats_.wrap_width = wrap;

  if (first < last) {
    if (gesture_ == Gesture::select_text) {
      draw_selection(ctx, std::min(press_byte_, drag_byte_), std::max(press_byte_, drag_byte_), first, last);
    }
    draw_underlays(ctx, ui, first, last, ui.dpr);
    const Palette& pal = palette(ui.theme);
    for (std::size_t l = first; l < last; ++l) {
      const LayoutLine& line = lines[l];
      if (line.end <= line.begin) continue;
      const ImVec2 pos(origin_x_, origin_y_ + layout_.line_top(l) + text_dy_);
      dl->AddText(ctx.font, size, pos, pal.text, text.data() + line.begin, text.data() + line.end);
    }
    draw_arcs(ctx, ui, first, last, ui.dpr);
  }

  // A relation being drawn follows the pointer.
  if (gesture_ == Gesture::draw_relation && press_span_ >= 0) {
    float x = 0;
    float y = 0;
    if (anchor_of(ctx, ctx.index->mention_spans()[static_cast<std::size_t>(press_span_)].mention, &x, &y, nullptr)) {
      const ImVec2 m = ImGui::GetIO().MousePos;
      const float h = pitch * 0.6f;
      ImVector<ImVec2> pts;
      pts.push_back(ImVec2(x, y));
      append_bezier(pts, ImVec2(x, y), ImVec2(x, y - h), ImVec2(m.x, m.y - h), m, 20);
      draw_path(dl, pts.Data, pts.Size, palette(ui.theme).arc, std::max(1.0f, 1.5f * ui.dpr), false, 0, 7.0f * ui.dpr);
    }
  }

  // Tooltip for the mention under the pointer.
  if (hovered && gesture_ == Gesture::none && hovered_span_ >= 0 && !popups_.is_open()) {
    const MentionSpan& s = ctx.index->mention_spans()[static_cast<std::size_t>(hovered_span_)];
    const Mention& m = doc.mentions[static_cast<std::size_t>(s.mention)];
    ImGui::BeginTooltip();
    if (s.actor >= 0) {
      const Actor& a = doc.actors[static_cast<std::size_t>(s.actor)];
      ImGui::Text("%s · %s%s%s", a.name.c_str(), to_string(a.type), a.code.empty() ? "" : " · ", a.code.c_str());
    }
    ImGui::TextDisabled("%s · %s · confidence %.2f", to_string(m.kind), to_string(m.status), m.confidence);
    ImGui::TextDisabled("click: edit · drag to another mention: add a relation");
    ImGui::EndTooltip();
  }

  popups_.draw(doc, *ctx.index, ui, out);
  ImGui::EndChild();
}

void ArticleView::handle_pointer(const ArticleContext& ctx, UiState& ui, bool hovered) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 m = io.MousePos;
  hovered_span_ = hovered ? span_under(ctx, m.x, m.y) : -1;
  if (hovered_span_ >= 0) ui.hovered_actor = ctx.index->mention_spans()[static_cast<std::size_t>(hovered_span_)].actor;
  const Document& doc = *ctx.doc;
  const auto& spans = ctx.index->mention_spans();

  if (ImGui::IsItemActivated()) {
    press_byte_ = byte_at(ctx, m.x, m.y);
    drag_byte_ = press_byte_;
    press_span_ = hovered_span_;
    gesture_ = Gesture::none;
  }
  const bool left_active = ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
  if (left_active && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    if (gesture_ == Gesture::none) gesture_ = press_span_ >= 0 ? Gesture::draw_relation : Gesture::select_text;
    drag_byte_ = byte_at(ctx, m.x, m.y);
    // Keep the pointer's line in view while selecting past the edge.
    const float top = ImGui::GetWindowPos().y;
    const float bottom = top + ImGui::GetWindowHeight();
    if (m.y < top + layout_.line_pitch()) ImGui::SetScrollY(ImGui::GetScrollY() - layout_.line_pitch() * 0.5f);
    if (m.y > bottom - layout_.line_pitch()) ImGui::SetScrollY(ImGui::GetScrollY() + layout_.line_pitch() * 0.5f);
  }

  if (ImGui::IsItemDeactivated()) {
    const Gesture g = gesture_;
    gesture_ = Gesture::none;
    if (g == Gesture::select_text) {
      const std::size_t a = std::min(press_byte_, drag_byte_);
      const std::size_t b = std::max(press_byte_, drag_byte_);
      const OffsetMap& om = ctx.index->offsets();
      const std::size_t ca = om.cp_of_byte(a);
      const std::size_t cb = om.cp_of_byte(b);
      if (ca != OffsetMap::npos && cb != OffsetMap::npos && cb > ca) {
        Span s{ca, cb};
        if (!io.KeyAlt) s = snap_to_tokens(doc, s);
        popups_.open_new_mention(s);
      }
    } else if (g == Gesture::draw_relation) {
      const int target = span_under(ctx, m.x, m.y);
      if (press_span_ >= 0 && target >= 0 && target != press_span_) {
        const Mention& src = doc.mentions[static_cast<std::size_t>(spans[static_cast<std::size_t>(press_span_)].mention)];
        const Mention& tgt = doc.mentions[static_cast<std::size_t>(spans[static_cast<std::size_t>(target)].mention)];
        if (src.actor != tgt.actor) popups_.open_new_relation(src.id, tgt.id);
      }
    } else if (press_span_ >= 0) {  // a click on a mention
      const MentionSpan& s = spans[static_cast<std::size_t>(press_span_)];
      const Mention& mention = doc.mentions[static_cast<std::size_t>(s.mention)];
      ui.selected_mention = mention.id;
      ui.selected_actor = mention.actor;
      ui.selected_relation.clear();
      popups_.open_mention(mention.id);
    } else {
      ui.clear_selection();
    }
    press_span_ = -1;
  }
}

// [SECTION] Drawing

void ArticleView::draw_selection(const ArticleContext& ctx, std::size_t a, std::size_t b, std::size_t first,
                                 std::size_t last) {
  if (b <= a) return;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const auto& lines = layout_.lines();
  const std::size_t l0 = std::max(first, layout_.line_of_byte(a));
  const std::size_t l1 = std::min(last - 1, layout_.line_of_byte(b));
  const float size = ctx.font->FontSize;
  for (std::size_t l = l0; l <= l1 && l < lines.size(); ++l) {
    const float x0 = layout_.x_of(ctx.doc->text, l, std::max<std::size_t>(a, lines[l].begin));
    const float x1 = layout_.x_of(ctx.doc->text, l, std::min<std::size_t>(b, lines[l].end));
    const float y = origin_y_ + layout_.line_top(l) + text_dy_;
    dl->AddRectFilled(ImVec2(origin_x_ + x0, y), ImVec2(origin_x_ + x1, y + size), IM_COL32(90, 140, 220, 110));
  }
}

void ArticleView::draw_underlays(const ArticleContext& ctx, const UiState& ui, std::size_t first, std::size_t last,
                                 float dpr) {
  const Document& doc = *ctx.doc;
  const DocumentIndex& index = *ctx.index;
  const auto& lines = layout_.lines();
  const auto& spans = index.mention_spans();
  const Palette& pal = palette(ui.theme);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float size = ctx.font->FontSize;
  const float rounding = std::floor(2.0f * dpr);
  const float stroke = std::max(1.0f, dpr);
  const std::size_t byte_first = lines[first].begin;
  const std::size_t byte_last = lines[last - 1].end;
  const int lit_actor = ui.hovered_actor;
  const int selected_actor = ui.selected_actor.empty() ? -1 : index.actor_index(ui.selected_actor);

  for (std::size_t i = index.first_span_overlapping(byte_first); i < spans.size(); ++i) {
    const MentionSpan& s = spans[i];
    if (s.byte_begin >= byte_last) break;
    if (s.byte_end <= byte_first) continue;
    const Mention& m = doc.mentions[static_cast<std::size_t>(s.mention)];
    const Actor* actor = s.actor >= 0 ? &doc.actors[static_cast<std::size_t>(s.actor)] : nullptr;
    const ActorType type = actor ? actor->type : ActorType::person;
    const bool lit = s.actor >= 0 && (s.actor == lit_actor || s.actor == selected_actor);
    const bool selected = m.id == ui.selected_mention;
    const bool rejected = m.status == Status::rejected;
    const bool confirmed = m.status == Status::accepted || m.status == Status::edited;
    const ImU32 fill = actor_type_color(type, ui.theme, lit || confirmed);
    const ImU32 edge = actor_type_color(type, ui.theme, true) | IM_COL32_A_MASK;
    const std::size_t l0 = std::max(first, layout_.line_of_byte(s.byte_begin));
    const std::size_t l1 = std::min(last - 1, layout_.line_of_byte(s.byte_end > 0 ? s.byte_end - 1 : 0));
    for (std::size_t l = l0; l <= l1; ++l) {
      const float x0 = layout_.x_of(doc.text, l, std::max<std::size_t>(s.byte_begin, lines[l].begin));
      const float x1 = layout_.x_of(doc.text, l, std::min<std::size_t>(s.byte_end, lines[l].end));
      const float y = origin_y_ + layout_.line_top(l) + text_dy_;
      const ImVec2 a(origin_x_ + x0 - stroke, y - stroke);
      const ImVec2 b(origin_x_ + x1 + stroke, y + size + stroke);
      if (rejected) {  // kept so re-extraction won't suggest it again; shown struck through
        dl->AddLine(ImVec2(a.x, (a.y + b.y) * 0.5f), ImVec2(b.x, (a.y + b.y) * 0.5f), pal.text_dim, stroke);
        continue;
      }
      dl->AddRectFilled(a, b, fill, rounding);
      if (confirmed) {
        dl->AddLine(ImVec2(a.x, b.y), ImVec2(b.x, b.y), edge, 2.0f * stroke);  // solid underline: accepted
      } else {
        // Suggestions get a dashed underline.
        const float dash = 4.0f * dpr;
        for (float x = a.x; x < b.x; x += dash * 2.0f)
          dl->AddLine(ImVec2(x, b.y), ImVec2(std::min(x + dash, b.x), b.y), edge, stroke);
      }
      if (lit || selected) dl->AddRect(a, b, pal.hover_outline, rounding, 0, selected ? 2.0f * stroke : stroke);
    }
  }
}

void ArticleView::draw_arcs(const ArticleContext& ctx, const UiState& ui, std::size_t first, std::size_t last,
                            float dpr) {
  const Document& doc = *ctx.doc;
  const DocumentIndex& index = *ctx.index;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float band = text_dy_ - 2.0f * dpr;  // space above the text of each line
  const float left = origin_x_ - 4.0f * dpr;
  const float right = origin_x_ + stats_.wrap_width + 4.0f * dpr;
  const int selected_actor = ui.selected_actor.empty() ? -1 : index.actor_index(ui.selected_actor);
  const float label_size = std::floor(ctx.font->FontSize * 0.75f);
  stats_.arcs_drawn = 0;
  // Arcs whose ends are both far outside the view are skipped.
  const std::size_t margin = 30;
  const std::size_t near_first = first > margin ? first - margin : 0;
  const std::size_t near_last = last + margin;
  const auto& lines = layout_.lines();
  const std::size_t near_first_byte = lines[near_first].begin;
  const std::size_t near_last_byte = lines[std::min(near_last, lines.size() - 1)].end;
  ImVector<ImVec2> pts;

  for (std::size_t ri = 0; ri < doc.relations.size(); ++ri) {
    const Relation& r = doc.relations[ri];
    if (r.status == Status::rejected) continue;
    const bool selected = r.id == ui.selected_relation || static_cast<int>(ri) == ui.hovered_relation;
    const int src_actor = index.actor_index(r.source);
    const int tgt_actor = index.actor_index(r.target);
    const bool involved = (ui.hovered_actor >= 0 && (ui.hovered_actor == src_actor || ui.hovered_actor == tgt_actor)) ||
                          (selected_actor >= 0 && (selected_actor == src_actor || selected_actor == tgt_actor));
    if (!ui.show_all_arcs && !selected && !involved) continue;
    const int sm = index.mention_index(r.source_mention);
    const int tm = index.mention_index(r.target_mention);
    // Cheap reject by byte position before any geometry.
    const int src_span = index.span_of_mention(sm);
    const int tgt_span = index.span_of_mention(tm);
    if (src_span < 0 || tgt_span < 0) continue;
    const std::size_t src_byte = index.mention_spans()[static_cast<std::size_t>(src_span)].byte_begin;
    const std::size_t tgt_byte = index.mention_spans()[static_cast<std::size_t>(tgt_span)].byte_begin;
    if (std::max(src_byte, tgt_byte) < near_first_byte || std::min(src_byte, tgt_byte) > near_last_byte) continue;
    float sx = 0, sy = 0, tx = 0, ty = 0;
    std::size_t sl = 0, tl = 0;
    if (sm < 0 || tm < 0 || !anchor_of(ctx, sm, &sx, &sy, &sl) || !anchor_of(ctx, tm, &tx, &ty, &tl)) continue;
    if (std::max(sl, tl) < near_first || std::min(sl, tl) > near_last) continue;

    const Quad quad = plover_quad(r.type).value_or(r.quad);
    ImU32 col = quad_color(quad, ui.theme);
    const bool confirmed = r.status == Status::accepted || r.status == Status::edited;
    if (!confirmed && !selected) col = (col & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 200);
    const float thick = (selected ? 2.5f : 1.5f) * dpr;
    const float dash = 4.0f * dpr;
    const ImVec2 p1(sx, sy - 1.0f * dpr);
    const ImVec2 p4(tx, ty - 1.0f * dpr);
    ImVec2 label_at;
    pts.resize(0);
    if (sl == tl) {
      // Same line: an arc in the band, higher for longer spans so neighbours nest.
      const float reach = std::min(1.0f, std::fabs(tx - sx) / std::max(1.0f, stats_.wrap_width * 0.4f));
      const float h = band * (0.55f + 0.45f * reach);
      const ImVec2 p2(p1.x, p1.y - h * 1.3f);
      const ImVec2 p3(p4.x, p4.y - h * 1.3f);
      pts.push_back(p1);
      append_bezier(pts, p1, p2, p3, p4, 20);
      label_at = ImBezierCubicCalc(p1, p2, p3, p4, 0.5f);
      draw_path(dl, pts.Data, pts.Size, col, thick, !confirmed, dash, 6.0f * dpr);
    } else {
      // Across lines (as brat does): leave the source line through its band towards the text
      // edge, enter the target line from the other edge.
      const bool forward = tl > sl;
      const float sb = p1.y - band * 0.85f;
      const float tb = p4.y - band * 0.85f;
      const float edge_out = forward ? right : left;
      const float edge_in = forward ? left : right;
      const float r1 = std::min(band * 0.8f, std::fabs(edge_out - p1.x) * 0.5f);
      pts.push_back(p1);
      append_bezier(pts, p1, ImVec2(p1.x, sb), ImVec2(p1.x, sb), ImVec2(p1.x + (forward ? r1 : -r1), sb), 6);
      pts.push_back(ImVec2(edge_out, sb));
      draw_path(dl, pts.Data, pts.Size, col, thick, !confirmed, dash, 0.0f);
      label_at = ImVec2((p1.x + edge_out) * 0.5f, sb);
      pts.resize(0);
      const float r2 = std::min(band * 0.8f, std::fabs(p4.x - edge_in) * 0.5f);
      pts.push_back(ImVec2(edge_in, tb));
      pts.push_back(ImVec2(p4.x + (forward ? -r2 : r2), tb));
      append_bezier(pts, pts.back(), ImVec2(p4.x, tb), ImVec2(p4.x, tb), p4, 6);
      draw_path(dl, pts.Data, pts.Size, col, thick, !confirmed, dash, 6.0f * dpr);
    }
    ++stats_.arcs_drawn;

    // Label: type, "NOT" when negated, confidence for suggestions.
    char label[64];
    if (confirmed) {
      std::snprintf(label, sizeof label, "%s%s", r.negated ? "NOT " : "", r.type.c_str());
    } else {
      std::snprintf(label, sizeof label, "%s%s %.0f%%", r.negated ? "NOT " : "", r.type.c_str(), r.confidence * 100.0);
    }
    const ImVec2 ts = ctx.font->CalcTextSizeA(label_size, FLT_MAX, 0.0f, label);
    const ImVec2 lp(std::floor(label_at.x - ts.x * 0.5f), std::floor(label_at.y - ts.y * 0.5f));
    const ImU32 bg = ImGui::GetColorU32(ImGuiCol_ChildBg, 0.9f);
    dl->AddRectFilled(ImVec2(lp.x - 2.0f * dpr, lp.y), ImVec2(lp.x + ts.x + 2.0f * dpr, lp.y + ts.y), bg, 2.0f * dpr);
    dl->AddText(ctx.font, label_size, lp, col | IM_COL32_A_MASK, label);
  }
}

}  // namespace dyad::app
