#include "article_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "imgui.h"
#include "imgui_internal.h"  // ImBezierCubicCalc
#include "item_rects.hpp"

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

/// An arc's label: type, "NOT" when negated, confidence for suggestions.
void arc_label_text(const Relation& r, char* out, std::size_t n) {
  const bool confirmed = r.status == Status::accepted || r.status == Status::edited;
  if (confirmed) {
    std::snprintf(out, n, "%s%s", r.negated ? "NOT " : "", r.type.c_str());
  } else {
    std::snprintf(out, n, "%s%s %.0f%%", r.negated ? "NOT " : "", r.type.c_str(), r.confidence * 100.0);
  }
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
  const float ly = origin_y_ + layout_.band_top(li) + text_dy_;
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
  *y = origin_y_ + layout_.band_top(l) + text_dy_;
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
  const float y = origin_y_ + layout_.band_top(l) + text_dy_;
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
    text_dy_ = pitch - size - std::floor(size * 0.3f);
    stats_.wrap_width = wrap;
    stack_arcs(ctx, ui.dpr);
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
      const ImVec2 pos(origin_x_, origin_y_ + layout_.band_top(l) + text_dy_);
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
  remember_item("view:article");
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
    const float y = origin_y_ + layout_.band_top(l) + text_dy_;
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
      const float y = origin_y_ + layout_.band_top(l) + text_dy_;
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

float ArticleView::arc_rise(int level) const { return arc_base_ + static_cast<float>(level) * level_h_; }

void ArticleView::stack_arcs(const ArticleContext& ctx, float dpr) {
  const Document& doc = *ctx.doc;
  const DocumentIndex& index = *ctx.index;
  const float size = ctx.font->FontSize;
  label_size_ = std::floor(size * 0.75f);
  label_h_ = ctx.font->CalcTextSizeA(label_size_, FLT_MAX, 0.0f, "Ag").y;
  level_h_ = std::floor(label_h_ + size * 0.15f);
  arc_base_ = std::floor(size * 0.6f);
  arc_slots_.assign(doc.relations.size(), ArcSlot{});
  const auto& lines = layout_.lines();
  stats_.max_arc_level = 0;
  if (lines.empty() || doc.relations.empty()) {
    layout_.set_extra({});
    return;
  }
  const float pad = 3.0f * dpr;
  const float left = -4.0f * dpr;
  const float right = stats_.wrap_width + 4.0f * dpr;
  // One item per arc per line it occupies: its horizontal extent there, label included.
  struct Item {
    std::size_t line;
    float x0, x1;
    std::size_t relation;
    bool target_part;
  };
  std::vector<Item> items;
  // The mentions each arc joins, and the direction it leaves them in.
  struct End {
    int span = -1;
    std::size_t line = 0;
    float x0 = 0, x1 = 0;
  };
  auto end_of = [&](const std::string& mention_id, End* e) {
    e->span = index.span_of_mention(index.mention_index(mention_id));
    if (e->span < 0) return false;
    const MentionSpan& span = index.mention_spans()[static_cast<std::size_t>(e->span)];
    e->line = layout_.line_of_byte(span.byte_begin);
    e->x0 = layout_.x_of(doc.text, e->line, span.byte_begin);
    e->x1 = layout_.x_of(doc.text, e->line, std::min<std::size_t>(span.byte_end, lines[e->line].end));
    return true;
  };
  struct Attachment {
    int span;
    float toward;  ///< x the arc heads for from this end: the other end, or the text edge
    std::size_t relation;
    bool target;
  };
  std::vector<Attachment> attachments;
  std::vector<std::pair<End, End>> ends(doc.relations.size());
  std::vector<char> drawn(doc.relations.size(), 0);
  for (std::size_t ri = 0; ri < doc.relations.size(); ++ri) {
    const Relation& r = doc.relations[ri];
    End& s = ends[ri].first;
    End& t = ends[ri].second;
    if (r.status == Status::rejected || !end_of(r.source_mention, &s) || !end_of(r.target_mention, &t)) continue;
    drawn[ri] = 1;
    const bool forward = t.line > s.line;
    const float s_toward = s.line == t.line ? (t.x0 + t.x1) * 0.5f : (forward ? right : left);
    const float t_toward = s.line == t.line ? (s.x0 + s.x1) * 0.5f : (forward ? left : right);
    attachments.push_back({s.span, s_toward, ri, false});
    attachments.push_back({t.span, t_toward, ri, true});
  }
  // Arcs meeting one mention are spread across its width, ordered by where they head, so they
  // neither start from one point nor cross right at the mention.
  std::stable_sort(attachments.begin(), attachments.end(), [](const Attachment& a, const Attachment& b) {
    return a.span != b.span ? a.span < b.span : a.toward < b.toward;
  });
  for (std::size_t i = 0; i < attachments.size();) {
    std::size_t j = i;
    while (j < attachments.size() && attachments[j].span == attachments[i].span) ++j;
    const Attachment& first = attachments[i];
    const End& e = first.target ? ends[first.relation].second : ends[first.relation].first;
    const float inset = std::min(2.0f * dpr, (e.x1 - e.x0) * 0.25f);
    const float from = e.x0 + inset;
    const float width = std::max(0.0f, e.x1 - e.x0 - 2.0f * inset);
    const auto n = static_cast<float>(j - i);
    for (std::size_t k = i; k < j; ++k) {
      const float x = from + width * (static_cast<float>(k - i) + 0.5f) / n;
      ArcSlot& slot = arc_slots_[attachments[k].relation];
      (attachments[k].target ? slot.target_x : slot.source_x) = x;
    }
    i = j;
  }

  char label[64];
  for (std::size_t ri = 0; ri < doc.relations.size(); ++ri) {
    if (!drawn[ri]) continue;
    const Relation& r = doc.relations[ri];
    const std::size_t sl = ends[ri].first.line;
    const std::size_t tl = ends[ri].second.line;
    const float sx = arc_slots_[ri].source_x;
    const float tx = arc_slots_[ri].target_x;
    arc_label_text(r, label, sizeof label);
    const float w = ctx.font->CalcTextSizeA(label_size_, FLT_MAX, 0.0f, label).x + 4.0f * dpr;
    if (sl == tl) {
      const float c = (sx + tx) * 0.5f;
      items.push_back({sl, std::min({sx, tx, c - w * 0.5f}) - pad, std::max({sx, tx, c + w * 0.5f}) + pad, ri, false});
    } else {
      const bool forward = tl > sl;
      const float out = forward ? right : left;
      const float in = forward ? left : right;
      const float c = (sx + out) * 0.5f;
      items.push_back({sl, std::min({sx, out, c - w * 0.5f}) - pad, std::max({sx, out, c + w * 0.5f}) + pad, ri, false});
      items.push_back({tl, std::min(in, tx) - pad, std::max(in, tx) + pad, ri, true});
    }
  }
  // Per line, the narrowest arcs first, each on the lowest level where it overlaps nothing:
  // an arc spanning others goes above them, and labels on one level never touch.
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.line != b.line) return a.line < b.line;
    const float wa = a.x1 - a.x0;
    const float wb = b.x1 - b.x0;
    if (wa != wb) return wa < wb;
    return a.x0 < b.x0;
  });
  std::vector<float> extra(lines.size(), 0.0f);
  std::vector<std::pair<int, const Item*>> placed;  // on the current line
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (i == 0 || items[i - 1].line != it.line) placed.clear();
    int level = 0;
    for (bool clash = true; clash;) {
      clash = false;
      for (const auto& [lv, other] : placed) {
        if (lv == level && it.x0 < other->x1 && other->x0 < it.x1) {
          clash = true;
          ++level;
          break;
        }
      }
    }
    placed.emplace_back(level, &it);
    ArcSlot& slot = arc_slots_[it.relation];
    (it.target_part ? slot.target_level : slot.source_level) = level;
    stats_.max_arc_level = std::max(stats_.max_arc_level, level);
    // Room for the label on top of this level, beyond the line's usual band.
    const float needed = arc_rise(level) + label_h_ * 0.5f + 2.0f * dpr;
    extra[it.line] = std::max(extra[it.line], std::ceil(needed - text_dy_));
  }
  layout_.set_extra(extra);
}

void ArticleView::draw_arcs(const ArticleContext& ctx, const UiState& ui, std::size_t first, std::size_t last,
                            float dpr) {
  const Document& doc = *ctx.doc;
  const DocumentIndex& index = *ctx.index;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float left = origin_x_ - 4.0f * dpr;
  const float right = origin_x_ + stats_.wrap_width + 4.0f * dpr;
  const int selected_actor = ui.selected_actor.empty() ? -1 : index.actor_index(ui.selected_actor);
  stats_.arcs_drawn = 0;
  stats_.labels.clear();
  // Arcs whose ends are both far outside the view are skipped.
  const std::size_t margin = 30;
  const std::size_t near_first = first > margin ? first - margin : 0;
  const std::size_t near_last = last + margin;
  const auto& lines = layout_.lines();
  const std::size_t near_first_byte = lines[near_first].begin;
  const std::size_t near_last_byte = lines[std::min(near_last, lines.size() - 1)].end;
  ImVector<ImVec2> pts;
  char label[64];

  for (std::size_t ri = 0; ri < doc.relations.size() && ri < arc_slots_.size(); ++ri) {
    const Relation& r = doc.relations[ri];
    const ArcSlot& slot = arc_slots_[ri];
    if (r.status == Status::rejected || slot.source_level < 0) continue;
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
    sx = origin_x_ + slot.source_x;
    tx = origin_x_ + slot.target_x;

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
      // Same line: a curve whose top is at the arc's level (a cubic Bezier with both control
      // points at height c peaks at (P + 3c) / 4, so c = P + (apex - P) * 4 / 3).
      const float apex = sy - arc_rise(slot.source_level);
      const float c = sy + (apex - sy) * 4.0f / 3.0f;
      const ImVec2 p2(p1.x, c);
      const ImVec2 p3(p4.x, c);
      pts.push_back(p1);
      append_bezier(pts, p1, p2, p3, p4, 20);
      label_at = ImVec2((p1.x + p4.x) * 0.5f, apex);
      draw_path(dl, pts.Data, pts.Size, col, thick, !confirmed, dash, 6.0f * dpr);
    } else {
      // Across lines (as brat does): leave the source line at its level towards the text edge,
      // enter the target line from the other edge at the level it has there.
      const bool forward = tl > sl;
      const float sb = sy - arc_rise(slot.source_level);
      const float tb = ty - arc_rise(std::max(0, slot.target_level));
      const float edge_out = forward ? right : left;
      const float edge_in = forward ? left : right;
      const float r1 = std::min(std::fabs(sb - p1.y), std::fabs(edge_out - p1.x) * 0.5f);
      pts.push_back(p1);
      append_bezier(pts, p1, ImVec2(p1.x, sb), ImVec2(p1.x, sb), ImVec2(p1.x + (forward ? r1 : -r1), sb), 6);
      pts.push_back(ImVec2(edge_out, sb));
      draw_path(dl, pts.Data, pts.Size, col, thick, !confirmed, dash, 0.0f);
      label_at = ImVec2((p1.x + edge_out) * 0.5f, sb);
      pts.resize(0);
      const float r2 = std::min(std::fabs(tb - p4.y), std::fabs(p4.x - edge_in) * 0.5f);
      pts.push_back(ImVec2(edge_in, tb));
      pts.push_back(ImVec2(p4.x + (forward ? -r2 : r2), tb));
      append_bezier(pts, pts.back(), ImVec2(p4.x, tb), ImVec2(p4.x, tb), p4, 6);
      draw_path(dl, pts.Data, pts.Size, col, thick, !confirmed, dash, 6.0f * dpr);
    }
    ++stats_.arcs_drawn;

    arc_label_text(r, label, sizeof label);
    const ImVec2 ts = ctx.font->CalcTextSizeA(label_size_, FLT_MAX, 0.0f, label);
    const ImVec2 lp(std::floor(label_at.x - ts.x * 0.5f), std::floor(label_at.y - ts.y * 0.5f));
    const ImU32 bg = ImGui::GetColorU32(ImGuiCol_ChildBg, 0.9f);
    dl->AddRectFilled(ImVec2(lp.x - 2.0f * dpr, lp.y), ImVec2(lp.x + ts.x + 2.0f * dpr, lp.y + ts.y), bg, 2.0f * dpr);
    dl->AddText(ctx.font, label_size_, lp, col | IM_COL32_A_MASK, label);
    stats_.labels.push_back({r.id, label, lp.x - 2.0f * dpr, lp.y, lp.x + ts.x + 2.0f * dpr, lp.y + ts.y, sl, slot.source_level});
  }
}

}  // namespace dyad::app
