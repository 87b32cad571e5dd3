#include "internal/embedded_data.hpp"

namespace dyad::detail {

std::string_view embedded_file(std::string_view name, bool* found) {
  for (std::size_t i = 0; i < kEmbeddedFileCount; ++i) {
    if (name == kEmbeddedFiles[i].name) {
      if (found) *found = true;
      return {kEmbeddedFiles[i].data, kEmbeddedFiles[i].size};
    }
  }
  if (found) *found = false;
  return {};
}

}  // namespace dyad::detail
