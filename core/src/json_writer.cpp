#include "internal/json_writer.hpp"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

namespace dyad::detail {

void JsonWriter::value_double(double d) {
  value_prefix();
  if (!std::isfinite(d)) { put_fixed<4>("null"); return; }
  // nlohmann's shortest round-trip formatting (what json(d).dump() writes, without its string
  // and output adapter allocations): reading the number back gives the same double, so
  // write -> read -> write is byte-identical.
  std::array<char, 64> buf{};
  const char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), d);
  put(buf.data(), static_cast<std::size_t>(end - buf.data()));
}

namespace {

// The bytes write_string escapes: control characters, '"' and '\\'.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t['"'] = t['\\'] = true;
  return t;
}();

}  // namespace

void JsonWriter::write_string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  put('"');
  std::size_t run = 0;  // start of a run of bytes needing no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kNeedsEscape[c]) continue;
    put(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': put_fixed<2>("\\\""); break;
      case '\\': put_fixed<2>("\\\\"); break;
      case '\n': put_fixed<2>("\\n"); break;
      case '\r': put_fixed<2>("\\r"); break;
      case '\t': put_fixed<2>("\\t"); break;
      case '\b': put_fixed<2>("\\b"); break;
      case '\f': put_fixed<2>("\\f"); break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        put_fixed<6>(u);
      }
    }
  }
  put(s.data() + run, s.size() - run);
  put('"');
}

}  // namespace dyad::detail
