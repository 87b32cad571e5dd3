#pragma once
// Helpers shared by unit tests.

#include <fstream>
#include <iterator>
#include <string>

namespace dyad::test {

/// Path of a file under tests/.
inline std::string tests_path(const std::string& rel) { return std::string(DYAD_TESTS_DIR) + "/" + rel; }

/// Reads a whole file (binary); empty string if missing.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace dyad::test
