#include "dyad/utf8.hpp"

#include <algorithm>

namespace dyad {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there do not start one.
// Implements the well-formed byte sequences table of Unicode (ch. 3, table 3-7): no overlongs,
// no surrogates, nothing above U+10FFFF.
std::size_t valid_sequence_length(std::string_view s, std::size_t i, std::size_t* maximal_subpart) {
  const auto byte = [&](std::size_t k) -> unsigned { return static_cast<unsigned char>(s[k]); };
  const std::size_t n = s.size();
  const unsigned b0 = byte(i);
  *maximal_subpart = 1;
  if (b0 < 0x80) return 1;
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if (i + k >= n) return 0;
    const unsigned b = byte(i + k);
    const unsigned l = (k == 1) ? lo : 0x80, h = (k == 1) ? hi : 0xBF;
    if (b < l || b > h) return 0;
    *maximal_subpart = k + 1;
  }
  return len;
}

}  // namespace

Utf8Check check_utf8(std::string_view bytes) {
  Utf8Check r;
  std::size_t i = 0;
  while (i < bytes.size()) {
    // ASCII fast path.
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t sub = 1;
    const std::size_t len = valid_sequence_length(bytes, i, &sub);
    if (len == 0) {
      if (r.valid) r.first_invalid_byte = i;
      r.valid = false;
      ++r.invalid_sequences;
      i += sub;
    } else {
      i += len;
    }
  }
  return r;
}

std::string repair_utf8(std::string_view bytes, std::vector<Diagnostic>* diags) {
  if (check_utf8(bytes).valid) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + 16);
  std::int64_t line = 1, column = 1;  // column counts code points
  std::size_t i = 0;
  bool in_run = false;
  std::size_t run_count = 0;
  // One warning per run of invalid bytes, but only the first kMaxListed: binary pasted as text
  // ("a\xFF" repeated) would otherwise give one diagnostic per two bytes (hundreds of MB of
  // JSON for a 1 MB input). The last one listed counts the runs after it.
  constexpr std::size_t kMaxListed = 100;
  Diagnostic more;
  auto make = [&](std::size_t at) {
    Diagnostic d;
    d.severity = Severity::warning;
    d.code = "utf8.invalid";
    d.source = "text";
    d.line = line;
    d.column = column;
    d.offset = static_cast<std::int64_t>(at);
    d.message = "invalid UTF-8 at byte " + std::to_string(at) + " (line " + std::to_string(line) + ", column " +
                std::to_string(column) + ") replaced with U+FFFD";
    return d;
  };
  while (i < bytes.size()) {
    std::size_t sub = 1;
    const std::size_t len = valid_sequence_length(bytes, i, &sub);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      if (!in_run && diags) {
        if (run_count < kMaxListed) diags->push_back(make(i));
        else if (run_count == kMaxListed) more = make(i);
        ++run_count;
      }
      in_run = true;
      i += sub;
      ++column;
      continue;
    }
    in_run = false;
    // Line breaks as editors count them: LF, CRLF, and a lone CR (old Mac files, some pastes).
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    out.append(bytes.data() + i, len);
    i += len;
  }
  if (diags && run_count > kMaxListed) {
    const std::size_t unlisted = run_count - kMaxListed - 1;
    if (unlisted > 0)
      more.message += ", and so were " + std::to_string(unlisted) + " more places after it (" + std::to_string(run_count) +
                      " in all; only the first " + std::to_string(kMaxListed + 1) + " are listed)";
    diags->push_back(std::move(more));
  }
  return out;
}

char32_t decode_utf8(std::string_view s, std::size_t& pos) {
  const auto b = [&](std::size_t k) -> char32_t { return static_cast<unsigned char>(s[k]); };
  const char32_t b0 = b(pos);
  if (b0 < 0x80) {
    pos += 1;
    return b0;
  }
  // The contract is valid UTF-8, but a caller that breaks it (a lexicon row with a truncated
  // sequence at the end of the file, found by fuzzing) must never make us read past the end.
  const std::size_t len = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  if (len > s.size() - pos) {
    pos += 1;
    return 0xFFFD;
  }
  if (b0 < 0xE0) {
    const char32_t cp = ((b0 & 0x1F) << 6) | (b(pos + 1) & 0x3F);
    pos += 2;
    return cp;
  }
  if (b0 < 0xF0) {
    const char32_t cp = ((b0 & 0x0F) << 12) | ((b(pos + 1) & 0x3F) << 6) | (b(pos + 2) & 0x3F);
    pos += 3;
    return cp;
  }
  const char32_t cp = ((b0 & 0x07) << 18) | ((b(pos + 1) & 0x3F) << 12) | ((b(pos + 2) & 0x3F) << 6) | (b(pos + 3) & 0x3F);
  pos += 4;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

OffsetMap::OffsetMap(std::string_view text) {
  cp_to_byte_.reserve(text.size() + 1);
  std::size_t pos = 0;
  std::uint32_t cp_index = 0;
  while (pos < text.size()) {
    cp_to_byte_.push_back(static_cast<std::uint32_t>(pos));
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (len == 4) astral_.push_back(cp_index);
    pos += len;
    ++cp_index;
  }
  cp_to_byte_.push_back(static_cast<std::uint32_t>(text.size()));
  cp_to_byte_.shrink_to_fit();
}

std::size_t OffsetMap::utf16_size() const { return size() + astral_.size(); }

std::size_t OffsetMap::utf16_of(std::size_t cp) const {
  // Each astral code point before `cp` adds one unit.
  const auto it = std::lower_bound(astral_.begin(), astral_.end(), static_cast<std::uint32_t>(cp));
  return cp + static_cast<std::size_t>(it - astral_.begin());
}

std::size_t OffsetMap::cp_of_byte(std::size_t b) const {
  const auto it = std::lower_bound(cp_to_byte_.begin(), cp_to_byte_.end(), static_cast<std::uint32_t>(b));
  if (it == cp_to_byte_.end() || *it != b) return npos;
  return static_cast<std::size_t>(it - cp_to_byte_.begin());
}

std::size_t OffsetMap::cp_of_utf16(std::size_t u) const {
  if (u > utf16_size()) return npos;
  // Find cp with cp + (#astral before cp) == u. Binary search over cp.
  std::size_t lo = 0, hi = size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (utf16_of(mid) < u) lo = mid + 1; else hi = mid;
  }
  return utf16_of(lo) == u ? lo : npos;
}

}  // namespace dyad
