// libFuzzer: any bytes as a dyad/1 file. Invariants: no crash; a document is returned only
// without errors, and a returned document writes and loads back unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <dyad/dyad.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto r = dyad::from_json(input);
  if (r.ok() == dyad::has_errors(r.diagnostics)) std::abort();
  if (r.ok()) {
    const std::string json = dyad::to_json(*r.document);
    const auto again = dyad::from_json(json);
    if (!again.ok() || dyad::to_json(*again.document) != json) std::abort();
  }
  return 0;
}
