#pragma once
/// The text layer: sentences and tokens as code point spans into the original text.
///
/// Tokens: words (with internal apostrophes and decimal points: "O'Brien", "1.5"), clitics split
/// off ("Iran" + "'s", "did" + "n't"), every hyphen and dash on its own ("Tehran", "-", "Baku"),
/// abbreviations and initials with their period ("U.S.", "Gen.", "J."), punctuation, emoji.
/// Matching uses a folded form (lower case, no diacritics on Latin letters, curly quotes and
/// dashes made plain, NBSP as space); offsets always refer to the original text.

#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.hpp"
#include "dyad/lexicon.hpp"

namespace dyad {

/// Sentences and tokens of a text.
struct Segmentation {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
};

/// Splits valid UTF-8 `text` into sentences and tokens, using the abbreviations of `lexicons`
/// (nullptr: the built-in ones).
Segmentation segment(std::string_view text, const Lexicons* lexicons = nullptr);

/// The folded form used for matching: lower case, Latin diacritics removed ("Erdoğan" ->
/// "erdogan"), ’ ‘ ` -> ', “ ” « » -> ", dashes -> '-', NBSP -> ' '. Requires valid UTF-8.
std::string fold_for_matching(std::string_view text);

}  // namespace dyad
