#include "internal/json_writer.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace dyad::detail {

void JsonWriter::value_double(double d) {
  value_prefix();
  if (!std::isfinite(d)) { out_ += "null"; return; }
  // nlohmann's shortest round-trip formatting: reading the number back gives the same double,
  // so write -> read -> write is byte-identical.
  out_ += nlohmann::json(d).dump();
}

void JsonWriter::write_string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t run = 0;  // start of a run of bytes needing no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
    }
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
}

}  // namespace dyad::detail
