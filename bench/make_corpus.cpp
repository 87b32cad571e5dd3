// dyad_corpus DEV_DIR OUT_DIR: writes the benchmark articles (1k, 10k, 100k, 1M words) as
// OUT_DIR/<n>w.txt for the node, browser and memory benchmarks.
#include <cstdio>
#include <fstream>
#include <string>

#include "corpus.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: dyad_corpus DEV_DIR OUT_DIR\n");
    return 2;
  }
  const auto paragraphs = dyad::bench::load_paragraphs(argv[1]);
  if (paragraphs.empty()) {
    std::fprintf(stderr, "dyad_corpus: no paragraphs in %s/*.txt\n", argv[1]);
    return 1;
  }
  for (const std::size_t words : {1000u, 10000u, 100000u, 1000000u}) {
    const std::string text = dyad::bench::compose_article(paragraphs, words);
    const std::string path = std::string(argv[2]) + "/" + std::to_string(words) + "w.txt";
    std::ofstream(path, std::ios::binary) << text;
    std::printf("%s: %zu words, %zu bytes\n", path.c_str(), dyad::bench::count_words(text), text.size());
  }
  return 0;
}
