#pragma once
// Benchmark corpus: realistic articles of a given length composed from the dev set's
// hand-written wire stories (tests/data/dev/*.txt), shuffled paragraph by paragraph with a
// fixed seed, so every run and every machine measures the same text.

#include <cstddef>
#include <string>
#include <vector>

namespace dyad::bench {

/// Paragraphs of every tests/data/dev/*.txt file under `dev_dir`, in file-name order.
std::vector<std::string> load_paragraphs(const std::string& dev_dir);

/// An article of at least `words` whitespace-separated words (stops at the first paragraph
/// boundary past it), paragraphs drawn by a fixed-seed generator and separated by blank lines.
std::string compose_article(const std::vector<std::string>& paragraphs, std::size_t words);

/// Number of whitespace-separated words in `text`.
std::size_t count_words(const std::string& text);

}  // namespace dyad::bench
