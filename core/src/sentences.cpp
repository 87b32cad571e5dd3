// Sentence splitting over tokens: terminal punctuation before an upper-case word, blank lines,
// line breaks before anything but a lower-case continuation; abbreviations end a sentence only
// before a typical sentence opener ("in the U.S. The ...").
#include <array>
#include <string_view>

#include "internal/text_layer.hpp"

namespace dyad::detail {
namespace {

constexpr std::array<std::string_view, 43> kSentenceOpeners = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this",
    "that", "these", "those", "there", "his", "her", "its", "their", "our", "as", "after", "when",
    "while", "if", "however", "meanwhile", "some", "many", "officials", "both", "earlier", "later",
    "last", "since", "under", "according", "asked", "separately"};

bool is_opener(const TextLayer& L, std::size_t t) {
  const std::string_view f = L.fold_of(t);
  for (const auto& w : kSentenceOpeners)
    if (w == f) return true;
  return false;
}

bool is_closer(const TextLayer& L, std::size_t t) {
  const TokenInfo& tok = L.tokens[t];
  if (tok.has(kTokSpaceBefore)) return false;
  if (tok.has(kTokQuote)) return true;
  const std::string_view s = L.surface(tok);
  return s == ")" || s == "]" || s == "}";
}

bool is_opening(const TextLayer& L, std::size_t t) {
  const TokenInfo& tok = L.tokens[t];
  if (tok.has(kTokQuote)) return true;
  const std::string_view s = L.surface(tok);
  return s == "(" || s == "[" || s == "\xE2\x80\x94" /* em dash */;
}

bool starts_lower(const TokenInfo& t) { return t.has(kTokWord) && !t.has(kTokDigit) && !t.has(kTokUpperInitial); }

}  // namespace

// Longest sentence, in tokens. News sentences stay far below it; text without punctuation (a
// pasted table, a 10 MB line) is cut here so that per-sentence work (pronoun candidates,
// relation pattern matching) stays bounded instead of growing with the square of the input.
constexpr std::size_t kMaxSentenceTokens = 400;

void split_sentences(TextLayer& L) {
  auto& toks = L.tokens;
  const std::size_t n = toks.size();
  L.sentences.clear();
  if (n == 0) return;
  std::size_t start = 0;
  auto close = [&](std::size_t end) {
    if (end <= start) return;
    SentenceInfo s;
    s.tok_begin = static_cast<std::uint32_t>(start);
    s.tok_end = static_cast<std::uint32_t>(end);
    if (start == 0 || toks[start].has(kTokParagraphBefore)) s.flags |= kSentParagraphStart;
    std::size_t words = 0, caps = 0;
    for (std::size_t k = start; k < end; ++k) {
      const TokenInfo& t = toks[k];
      if (!t.has(kTokWord) || t.has(kTokDigit) || t.fold_len < 2) continue;
      ++words;
      if (t.has(kTokAllCaps)) ++caps;
    }
    if (words >= 3 && caps * 10 >= words * 8) s.flags |= kSentAllCaps;
    const auto index = static_cast<std::uint32_t>(L.sentences.size());
    for (std::size_t k = start; k < end; ++k) toks[k].sentence = index;
    toks[start].flags |= kTokSentenceStart;
    L.sentences.push_back(s);
    start = end;
  };

  for (std::size_t t = 0; t < n; ++t) {
    if (t - start >= kMaxSentenceTokens) close(t);
    if (t > start) {
      const TokenInfo& tok = toks[t];
      if (tok.has(kTokParagraphBefore)) {
        close(t);
      } else if (tok.has(kTokNewlineBefore) && !starts_lower(tok)) {
        const std::string_view prev = L.surface(t - 1);
        if (prev != "," && !toks[t - 1].has(kTokHyphen)) close(t);
      }
    }
    const TokenInfo& tok = toks[t];
    std::size_t j = t + 1;
    bool end_here = false;
    if (tok.has(kTokTerminal)) {
      while (j < n && is_closer(L, j)) ++j;
      if (j >= n) {
        end_here = true;
      } else {
        const TokenInfo& next = toks[j];
        if (next.has(kTokNewlineBefore)) end_here = !starts_lower(next);
        else if (next.has(kTokUpperInitial) || next.has(kTokDigit) || next.has(kTokSymbol) || is_opening(L, j))
          end_here = next.has(kTokSpaceBefore);
      }
    } else if (tok.has(kTokAbbrev) && !tok.has(kTokTitleAbbrev) && !tok.has(kTokInitial) && j < n) {
      const TokenInfo& next = toks[j];
      if (tok.has(kTokMonthAbbrev) && next.has(kTokDigit)) end_here = false;
      else if (next.has(kTokParagraphBefore)) end_here = true;
      else if (next.has(kTokUpperInitial) && next.has(kTokSpaceBefore) && is_opener(L, j)) end_here = true;
    }
    if (end_here) {
      close(j);
      t = j - 1;
    }
  }
  close(n);
}

}  // namespace dyad::detail
