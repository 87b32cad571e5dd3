#pragma once
/// Word-wrapped layout of the article text, computed once per (text, font, size, width) and
/// reused every frame: the view draws only the lines in sight and maps offsets to pixels.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

struct ImFont;

namespace dyad::app {

/// One visual line: a byte range of the text (without its '\n') and the code point it starts at.
struct LayoutLine {
  std::uint32_t begin = 0;     ///< byte offset
  std::uint32_t end = 0;       ///< byte offset, exclusive; never includes the '\n'
  std::uint32_t cp_begin = 0;  ///< code point offset of `begin`
  float y = 0;                 ///< top of the line's band, from the top of the text
  float extra = 0;             ///< room added above the usual band (stacked relation arcs)
};

/// Greedy line breaking of UTF-8 text with the advances ImGui itself renders with.
/// Breaks after spaces and after hyphens/dashes; a word wider than the line breaks anywhere.
/// Lines are `line_pitch` apart; an empty line (between paragraphs) takes less.
class ArticleLayout {
 public:
  /// Lays out `text`; `wrap_width` and `line_pitch` in pixels.
  void build(std::string_view text, const ImFont* font, float font_size, float wrap_width, float line_pitch);

  /// True if the cached layout was built for these inputs.
  bool matches(std::uint64_t text_revision, const ImFont* font, float font_size, float wrap_width) const {
    return text_revision == text_revision_ && font == font_ && font_size == font_size_ && wrap_width == wrap_width_;
  }
  void set_revision(std::uint64_t text_revision) { text_revision_ = text_revision; }

  const std::vector<LayoutLine>& lines() const { return lines_; }
  float line_pitch() const { return line_pitch_; }
  float height() const { return height_; }
  /// Top of line `line` (of its band for arcs) from the top of the text.
  float line_top(std::size_t line) const { return line < lines_.size() ? lines_[line].y : height_; }
  /// Top of line `line`'s usual band, below any extra room: line_top() + the line's extra.
  float band_top(std::size_t line) const { return line < lines_.size() ? lines_[line].y + lines_[line].extra : height_; }
  /// Adds `extra[i]` pixels above line i (same size as lines()); the lines below move down.
  void set_extra(const std::vector<float>& extra);
  /// Widest line in pixels.
  float width() const { return width_; }

  /// Index of the line containing byte offset `byte` (the last line for the end of text).
  std::size_t line_of_byte(std::size_t byte) const;
  /// Index of the line at height `y` (0 above the text, the line count below it).
  std::size_t line_at_y(float y) const;
  /// Horizontal pixel offset of byte `byte` within line `line` (clamped to the line).
  float x_of(std::string_view text, std::size_t line, std::size_t byte) const;
  /// Byte offset in line `line` nearest to pixel `x` (a character boundary).
  std::size_t byte_at_x(std::string_view text, std::size_t line, float x) const;

 private:
  float advance(unsigned int c) const;

  std::vector<LayoutLine> lines_;
  const ImFont* font_ = nullptr;
  float font_size_ = 0;
  float scale_ = 1;
  float wrap_width_ = -1;
  float line_pitch_ = 0;
  float width_ = 0;
  float height_ = 0;
  std::uint64_t text_revision_ = ~std::uint64_t{0};
};

}  // namespace dyad::app
