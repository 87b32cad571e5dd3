#include "article_layout.hpp"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8: decode exactly as ImFont::RenderText does

namespace dyad::app {
namespace {

/// Decodes one character at `p` the way ImGui's renderer does; returns the bytes consumed (>= 1).
std::size_t decode(const char* p, const char* end, unsigned int& c) {
  if (static_cast<unsigned char>(*p) < 0x80) {
    c = static_cast<unsigned char>(*p);
    return 1;
  }
  const int n = ImTextCharFromUtf8(&c, p, end);
  return n > 0 ? static_cast<std::size_t>(n) : 1;
}

bool is_break_space(unsigned int c) {
  // Not U+00A0 / U+202F: no-break spaces must keep their neighbours together.
  return c == ' ' || c == '\t' || (c >= 0x2000 && c <= 0x200A) || c == 0x205F || c == 0x3000;
}

bool breaks_after(unsigned int c) {
  return c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014;
}

}  // namespace

float ArticleLayout::advance(unsigned int c) const {
  if (c == '\r') return 0.0f;  // RenderText skips it
  return font_->GetCharAdvance(static_cast<ImWchar>(c)) * scale_;
}

void ArticleLayout::build(std::string_view text, const ImFont* font, float font_size, float wrap_width,
                          float line_pitch) {
  lines_.clear();
  font_ = font;
  font_size_ = font_size;
  scale_ = font_size / font->FontSize;
  wrap_width_ = wrap_width;
  line_pitch_ = line_pitch;
  width_ = 0;
  height_ = 0;
  const float blank_pitch = std::floor(line_pitch * 0.45f);

  const char* const base = text.data();
  const char* const end = base + text.size();
  constexpr std::size_t npos = static_cast<std::size_t>(-1);

  std::size_t pos = 0;
  std::uint32_t cp = 0;
  std::size_t line_begin = 0;
  std::uint32_t line_cp = 0;
  float x = 0;                  // width of [line_begin, pos)
  std::size_t brk = npos;       // last break opportunity on this line (a line may start there)
  std::uint32_t brk_cp = 0;
  float brk_x = 0;              // width of [line_begin, brk)

  auto emit = [&](std::size_t b, std::size_t e, std::uint32_t c0, float w) {
    lines_.push_back({static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), c0, height_, 0.0f});
    height_ += e > b ? line_pitch : blank_pitch;
    width_ = std::max(width_, w);
  };

  while (pos < text.size()) {
    unsigned int c = 0;
    const std::size_t len = decode(base + pos, end, c);
    if (c == '\n') {
      emit(line_begin, pos, line_cp, x);
      pos += len;
      ++cp;
      line_begin = pos;
      line_cp = cp;
      x = 0;
      brk = npos;
      continue;
    }
    const float a = advance(c);
    const bool space = is_break_space(c);
    if (!space && pos > line_begin && x + a > wrap_width) {
      if (brk != npos && brk > line_begin) {
        emit(line_begin, brk, line_cp, brk_x);
        x -= brk_x;
        line_begin = brk;
        line_cp = brk_cp;
      } else {  // one word wider than the line: break inside it
        emit(line_begin, pos, line_cp, x);
        x = 0;
        line_begin = pos;
        line_cp = cp;
      }
      brk = npos;
    }
    x += a;
    pos += len;
    ++cp;
    if (space || breaks_after(c)) {
      brk = pos;
      brk_cp = cp;
      brk_x = x;
    }
  }
  emit(line_begin, text.size(), line_cp, x);
}

void ArticleLayout::set_extra(const std::vector<float>& extra) {
  // A line's own extra room lies inside it (above its text); every line below moves down by it.
  float shift = 0;
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    lines_[i].y += shift;
    const float add = i < extra.size() ? extra[i] : 0.0f;
    shift += add - lines_[i].extra;
    lines_[i].extra = add;
  }
  height_ += shift;
}

std::size_t ArticleLayout::line_of_byte(std::size_t byte) const {
  if (lines_.empty()) return 0;
  auto it = std::upper_bound(lines_.begin(), lines_.end(), byte,
                             [](std::size_t b, const LayoutLine& l) { return b < l.begin; });
  if (it == lines_.begin()) return 0;
  return static_cast<std::size_t>(it - lines_.begin()) - 1;
}

std::size_t ArticleLayout::line_at_y(float y) const {
  if (lines_.empty() || y <= 0) return 0;
  if (y >= height_) return lines_.size();
  auto it = std::upper_bound(lines_.begin(), lines_.end(), y, [](float v, const LayoutLine& l) { return v < l.y; });
  return static_cast<std::size_t>(it - lines_.begin()) - 1;
}

float ArticleLayout::x_of(std::string_view text, std::size_t line, std::size_t byte) const {
  if (line >= lines_.size()) return 0;
  const LayoutLine& l = lines_[line];
  const std::size_t stop = std::clamp<std::size_t>(byte, l.begin, l.end);
  float x = 0;
  for (std::size_t p = l.begin; p < stop;) {
    unsigned int c = 0;
    p += decode(text.data() + p, text.data() + text.size(), c);
    x += advance(c);
  }
  return x;
}

std::size_t ArticleLayout::byte_at_x(std::string_view text, std::size_t line, float x) const {
  if (line >= lines_.size()) return text.size();
  const LayoutLine& l = lines_[line];
  float left = 0;
  for (std::size_t p = l.begin; p < l.end;) {
    unsigned int c = 0;
    const std::size_t len = decode(text.data() + p, text.data() + text.size(), c);
    const float a = advance(c);
    if (x < left + a * 0.5f) return p;
    left += a;
    p += len;
  }
  return l.end;
}

}  // namespace dyad::app
