#pragma once
/// The article: word-wrapped text, mentions underlaid in their actor type's colour, relations as
/// arcs, and the gestures that edit them (click a mention, drag-select to add one, drag from one
/// mention to another to add a relation). Reads the document; edits go out as commands.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <dyad/document.hpp>

#include "article_layout.hpp"
#include "document_index.hpp"
#include "edit_popups.hpp"
#include "theme.hpp"
#include "ui_state.hpp"

struct ImFont;

namespace dyad::app {

/// What the view needs besides the document.
struct ArticleContext {
  const Document* doc = nullptr;
  const DocumentIndex* index = nullptr;
  std::uint64_t revision = 0;  ///< changes whenever the document changes
  ImFont* font = nullptr;
};

/// Where a relation's label was drawn in the last frame (physical pixels), for tests.
struct ArcLabel {
  std::string relation;
  std::string text;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::size_t line = 0;  ///< the line whose band holds it
  int level = 0;         ///< 0 = lowest arc above the text
};

/// Numbers the tests and the status bar read.
struct ArticleStats {
  std::size_t lines = 0;
  std::size_t first_visible = 0;  ///< first line drawn in the last frame
  std::size_t last_visible = 0;   ///< one past the last line drawn
  std::size_t layouts_built = 0;  ///< how often the layout was recomputed
  std::size_t arcs_drawn = 0;
  int max_arc_level = 0;          ///< highest stacking level on any line
  float wrap_width = 0;
  std::vector<ArcLabel> labels;   ///< labels drawn in the last frame
};

/// A rectangle in physical pixels (screen space of the canvas).
struct PixelRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

class ArticleView {
 public:
  /// Draws the article into a scrolling child of `size` pixels.
  void draw(const ArticleContext& ctx, UiState& ui, CommandQueue& out, float width, float height);

  /// True while a gesture (drag-select, relation drag) is in progress: keep drawing frames.
  bool animating() const { return gesture_ != Gesture::none; }

  const ArticleStats& stats() const { return stats_; }
  const ArticleLayout& layout() const { return layout_; }
  float origin_x() const { return origin_x_; }
  float origin_y() const { return origin_y_; }
  /// Screen rectangle of the first line of mention `mention` (index) in the last frame, if laid out.
  bool mention_rect(const ArticleContext& ctx, int mention, PixelRect* out) const;
  /// Screen rectangle of the first line of text bytes [byte_begin, byte_end) in the last frame.
  bool range_rect(const ArticleContext& ctx, std::size_t byte_begin, std::size_t byte_end, PixelRect* out) const;
  /// Forget the scroll position (new document).
  void reset_scroll() { reset_scroll_ = true; }

 private:
  enum class Gesture { none, select_text, draw_relation };

  void handle_pointer(const ArticleContext& ctx, UiState& ui, bool hovered);
  void draw_underlays(const ArticleContext& ctx, const UiState& ui, std::size_t first, std::size_t last, float dpr);
  void draw_selection(const ArticleContext& ctx, std::size_t a, std::size_t b, std::size_t first, std::size_t last);
  void draw_arcs(const ArticleContext& ctx, const UiState& ui, std::size_t first, std::size_t last, float dpr);
  /// Gives every relation's arc a level on its line(s), so that arcs nest (the shorter inside,
  /// lower) and no two labels overlap; lines with stacked arcs get the extra height they need.
  void stack_arcs(const ArticleContext& ctx, float dpr);
  /// Geometry of arcs: apex height above the text for `level`, label size.
  float arc_rise(int level) const;
  bool anchor_of(const ArticleContext& ctx, int mention, float* x, float* y, std::size_t* line) const;
  std::size_t byte_at(const ArticleContext& ctx, float mx, float my) const;
  int span_under(const ArticleContext& ctx, float mx, float my) const;

  /// An arc's levels: on its line, or on the source and target lines when it crosses lines.
  struct ArcSlot {
    int source_level = -1;  ///< -1: not drawn (rejected, or an end not in the text)
    int target_level = -1;
    float source_x = 0;     ///< where the arc meets its mentions, from the text's left edge:
    float target_x = 0;     ///< arcs sharing a mention are spread across its width
  };

  ArticleLayout layout_;
  ArticleStats stats_;
  std::vector<ArcSlot> arc_slots_;  ///< per relation, computed with the layout
  float label_size_ = 0;
  float label_h_ = 0;
  float level_h_ = 0;
  float arc_base_ = 0;
  EditPopups popups_;
  float origin_x_ = 0;
  float origin_y_ = 0;
  float text_dy_ = 0;
  bool reset_scroll_ = false;
  int hovered_span_ = -1;

  Gesture gesture_ = Gesture::none;
  std::size_t press_byte_ = 0;
  int press_span_ = -1;
  std::size_t drag_byte_ = 0;
};

}  // namespace dyad::app
