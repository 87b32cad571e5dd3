#pragma once
// Data files compiled into the library by cmake/embed_data.cmake.

#include <cstddef>
#include <string_view>

namespace dyad::detail {

struct EmbeddedFile {
  const char* name;  // file name, e.g. "countries.tsv"
  const char* data;
  std::size_t size;
};

extern const EmbeddedFile kEmbeddedFiles[];
extern const std::size_t kEmbeddedFileCount;

/// Contents of the embedded file `name`, or an empty view with `found` false.
std::string_view embedded_file(std::string_view name, bool* found = nullptr);

}  // namespace dyad::detail
