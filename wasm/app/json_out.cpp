#include "json_out.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dyad::app {

void JsonOut::separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (!first_.back()) out_.push_back(',');
  first_.back() = false;
}

JsonOut& JsonOut::open(char c) {
  separate();
  out_.push_back(c);
  first_.push_back(true);
  return *this;
}

JsonOut& JsonOut::close(char c) {
  out_.push_back(c);
  if (!first_.empty()) first_.pop_back();
  return *this;
}

JsonOut& JsonOut::raw(std::string_view s) {
  separate();
  out_.append(s);
  return *this;
}

JsonOut& JsonOut::key(std::string_view k) {
  value(k);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonOut& JsonOut::value(double d) {
  if (!std::isfinite(d)) return raw("null");
  char buf[32];
  // Shortest of %.15g / %.17g that reads back as the same double.
  std::snprintf(buf, sizeof buf, "%.15g", d);
  if (std::strtod(buf, nullptr) != d) std::snprintf(buf, sizeof buf, "%.17g", d);
  return raw(buf);
}

JsonOut& JsonOut::value(const std::vector<std::string>& list) {
  begin_array();
  for (const std::string& s : list) value(s);
  return end_array();
}

JsonOut& JsonOut::value(std::string_view s) {
  separate();
  static const char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '"' || c == '\\') {
        out_.push_back('\\');
        out_.push_back(static_cast<char>(c));
      } else if (c == '\n') {
        out_.append("\\n");
      } else if (c == '\t') {
        out_.append("\\t");
      } else if (c == '\r') {
        out_.append("\\r");
      } else if (c < 0x20) {
        out_.append("\\u00");
        out_.push_back(kHex[c >> 4]);
        out_.push_back(kHex[c & 15]);
      } else {
        out_.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence is copied; anything else becomes U+FFFD, one byte at a time.
    std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (c > 0xF4) n = 0;
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n >= 3) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c == 0xE0 && c1 < 0xA0) ok = false;               // overlong
      if (c == 0xED && c1 >= 0xA0) ok = false;              // surrogate
      if (c == 0xF0 && c1 < 0x90) ok = false;               // overlong
      if (c == 0xF4 && c1 >= 0x90) ok = false;              // above U+10FFFF
    }
    if (ok) {
      out_.append(s.substr(i, n));
      i += n;
    } else {
      out_.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  out_.push_back('"');
  return *this;
}

}  // namespace dyad::app
