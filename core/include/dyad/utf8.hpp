#pragma once
/// UTF-8 validation and repair, and the offset maps between code points, UTF-16 units and bytes.
///
/// The one offset convention of dyad: annotations store Unicode code point offsets, end
/// exclusive (as Python, spaCy, Prodigy and Label Studio do); JSON also carries UTF-16 offsets
/// for JavaScript. Bytes are an internal detail of the C++ side.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.hpp"

namespace dyad {

/// Result of checking text for UTF-8 validity.
struct Utf8Check {
  bool valid = true;                    ///< no invalid sequence found
  std::size_t invalid_sequences = 0;    ///< how many maximal invalid subparts were found
  std::size_t first_invalid_byte = 0;   ///< byte offset of the first one (if !valid)
};

/// Checks UTF-8 strictly (no overlongs, no surrogates, nothing above U+10FFFF).
Utf8Check check_utf8(std::string_view bytes);

/// Replaces each maximal invalid subpart with U+FFFD (the WHATWG / Unicode "substitution of
/// maximal subparts" practice) and appends one warning per run of invalid bytes to `diags`,
/// naming its byte offset, line and column. Valid input is returned unchanged.
std::string repair_utf8(std::string_view bytes, std::vector<Diagnostic>* diags = nullptr);

/// Decodes one code point at `pos` of valid UTF-8 and advances `pos`.
/// Requires: `pos < s.size()` and `s` valid UTF-8.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

/// Number of code points in valid UTF-8.
std::size_t count_code_points(std::string_view s);

/// Offset maps for one valid UTF-8 text: code point index <-> byte offset <-> UTF-16 unit.
/// Building is O(n); lookups are O(1) from code points and O(log n) from bytes/UTF-16.
class OffsetMap {
 public:
  OffsetMap() = default;
  /// Requires: `text` is valid UTF-8.
  explicit OffsetMap(std::string_view text);

  /// Number of code points in the text.
  std::size_t size() const { return cp_to_byte_.empty() ? 0 : cp_to_byte_.size() - 1; }
  /// Byte length of the text.
  std::size_t byte_size() const { return cp_to_byte_.empty() ? 0 : cp_to_byte_.back(); }
  /// Length of the text in UTF-16 units.
  std::size_t utf16_size() const;

  /// Byte offset of code point `cp` (cp == size() gives byte_size()). Requires cp <= size().
  std::size_t byte_of(std::size_t cp) const { return cp_to_byte_[cp]; }
  /// UTF-16 offset of code point `cp`. Requires cp <= size().
  std::size_t utf16_of(std::size_t cp) const;
  /// Code point index starting at byte `b`, or npos if `b` is inside a multi-byte sequence or
  /// beyond the end.
  std::size_t cp_of_byte(std::size_t b) const;
  /// Code point index at UTF-16 offset `u`, or npos if `u` splits a surrogate pair or is out of range.
  std::size_t cp_of_utf16(std::size_t u) const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<std::uint32_t> cp_to_byte_;  // size()+1 entries
  // Code point indices of astral characters (each adds one extra UTF-16 unit), ascending.
  std::vector<std::uint32_t> astral_;
};

}  // namespace dyad
