// libFuzzer: any bytes through the whole pipeline and the JSON writer/reader. Invariants: no
// crash, output loads back, every span lies inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <dyad/dyad.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const dyad::Document doc = dyad::extract(input);
  if (!dyad::check_utf8(doc.text).valid) std::abort();
  const std::size_t n = dyad::count_code_points(doc.text);
  for (const auto& m : doc.mentions)
    if (m.span.start > m.span.end || m.span.end > n) std::abort();
  for (const auto& t : doc.tokens)
    if (t.span.start > t.span.end || t.span.end > n) std::abort();
  const std::string json = dyad::to_json(doc);
  const auto back = dyad::from_json(json);
  if (!back.ok()) std::abort();
  if (dyad::to_json(*back.document) != json) std::abort();
  return 0;
}
