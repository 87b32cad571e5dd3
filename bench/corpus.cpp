#include "corpus.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace dyad::bench {

std::vector<std::string> load_paragraphs(const std::string& dev_dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dev_dir, ec))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t pos = 0;
    while (pos < text.size()) {
      std::size_t end = text.find("\n\n", pos);
      if (end == std::string::npos) end = text.size();
      std::string para = text.substr(pos, end - pos);
      while (!para.empty() && (para.back() == '\n' || para.back() == ' ')) para.pop_back();
      if (!para.empty()) out.push_back(std::move(para));
      pos = end + 2;
    }
  }
  return out;
}

std::size_t count_words(const std::string& text) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

std::string compose_article(const std::vector<std::string>& paragraphs, std::size_t words) {
  std::string out;
  if (paragraphs.empty()) return out;
  std::uint64_t state = 0x9E3779B97F4A7C15ull;  // fixed seed: same text on every run
  std::size_t have = 0;
  while (have < words) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    const std::string& p = paragraphs[(state >> 33) % paragraphs.size()];
    if (!out.empty()) out += "\n\n";
    out += p;
    have += count_words(p);
  }
  return out;
}

}  // namespace dyad::bench
