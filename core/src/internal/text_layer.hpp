#pragma once
// The text layer inside the core: tokens and sentences with everything matching needs
// (byte and code point spans, folded text, hash keys, shape flags). The public view of the same
// thing is dyad/text.hpp (code point spans only).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::detail {

// [SECTION] Characters

/// Coarse character classes the tokenizer works with.
enum class CharClass : std::uint8_t {
  space,       // any Unicode space (including NBSP, BOM, zero-width space)
  newline,     // \n, \r, U+2028, U+2029
  letter,      // any letter (and anything unknown above ASCII that is not punctuation)
  digit,       // 0-9
  mark,        // combining marks: stay inside the word they follow
  apostrophe,  // ' ’ ‘ ʼ (opening single quote as well: context decides)
  hyphen,      // - and Unicode dashes
  period,      // .
  punct,       // other punctuation
  symbol,      // symbols and emoji
  joiner,      // ZWJ, variation selectors, emoji modifiers: stay with the preceding symbol
};

CharClass classify(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

/// Appends the matching form of `cp`: lower case, diacritics removed for Latin letters,
/// curly quotes/apostrophes to straight ones, dashes to '-', spaces to ' '.
void append_folded(std::string& out, char32_t cp);

/// The matching form of an ASCII character (what append_folded appends for it), inline for
/// the loops over mostly-ASCII text.
inline char fold_ascii(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c == '`') return '\'';
  if (c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return ' ';
  return c;
}

/// The matching form of a whole string (folding each code point). Requires valid UTF-8.
std::string fold(std::string_view s);

// [SECTION] Hashing

inline constexpr std::uint64_t kHashSeed = 0xcbf29ce484222325ull;

inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

/// Key of one folded token.
inline std::uint64_t token_key(std::string_view folded) {
  std::uint64_t h = kHashSeed;
  for (unsigned char c : folded) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return mix64(h) | 1u;  // never 0: 0 marks empty slots in hash tables
}

/// Key of a token sequence, extended one token at a time.
inline std::uint64_t phrase_key_step(std::uint64_t prev, std::uint64_t tok) {
  return mix64(prev * 0x9E3779B97F4A7C15ull + tok) | 1u;
}
inline constexpr std::uint64_t kPhraseSeed = 0x2545F4914F6CDD1Dull;

// [SECTION] Tokens and sentences

enum TokenFlag : std::uint32_t {
  kTokWord = 1u << 0,            // starts with a letter or digit
  kTokUpperInitial = 1u << 1,    // first letter is upper case
  kTokAllCaps = 1u << 2,         // has letters, none lower case
  kTokDigit = 1u << 3,           // starts with a digit
  kTokPunct = 1u << 4,           // punctuation (including quotes and dashes)
  kTokSymbol = 1u << 5,          // symbols, emoji
  kTokSpaceBefore = 1u << 6,     // whitespace (or the start of text) precedes it
  kTokNewlineBefore = 1u << 7,   // a line break precedes it
  kTokParagraphBefore = 1u << 8, // a blank line precedes it
  kTokSentenceStart = 1u << 9,   // first token of a sentence
  kTokAbbrev = 1u << 10,         // a word whose final period belongs to it: "Mr.", "U.S."
  kTokInitial = 1u << 11,        // one letter and a period: "J."
  kTokClitic = 1u << 12,         // 's 're 've 'll 'd 'm n't split off a word
  kTokHyphen = 1u << 13,         // a hyphen or dash
  kTokQuote = 1u << 14,          // a quotation mark or apostrophe standing alone
  kTokTerminal = 1u << 15,       // . ! ? … and runs of them
  kTokHasLower = 1u << 16,       // has at least one lower-case letter
  kTokTitleAbbrev = 1u << 17,    // an abbreviation that stands before names (Mr., Gen.)
  kTokMonthAbbrev = 1u << 18,    // an abbreviated month (Jan.)
  kTokDash = 1u << 19,           // an en/em dash or "--" (not a hyphen inside a word)
};

struct TokenInfo {
  std::uint32_t byte_begin = 0, byte_end = 0;
  std::uint32_t cp_begin = 0, cp_end = 0;
  std::uint32_t fold_begin = 0, fold_len = 0;  // into TextLayer::folded
  std::uint64_t key = 0;                       // token_key(folded form)
  std::uint32_t flags = 0;
  std::uint32_t sentence = 0;
  bool has(std::uint32_t f) const { return (flags & f) != 0; }
};

enum SentenceFlag : std::uint32_t {
  kSentAllCaps = 1u << 0,     // a headline in capitals: capitalisation says nothing
  kSentParagraphStart = 1u << 1,
};

struct SentenceInfo {
  std::uint32_t tok_begin = 0, tok_end = 0;  // token range [begin, end)
  std::uint32_t flags = 0;
};

/// How an abbreviation's period behaves.
enum class AbbrevType : std::uint8_t {
  none,
  title,         // Mr. Gen. Lt. — never ends a sentence, a name follows
  month,         // Jan. — does not end a sentence before a number
  before_number, // No. — an abbreviation only before a number
  other,         // Inc. etc. — may end a sentence
};

/// The abbreviations the tokenizer knows, keyed by the folded word without its period.
class AbbreviationTable {
 public:
  void add(std::string_view folded_stem, AbbrevType type);
  AbbrevType find(std::string_view folded_stem) const;
  bool empty() const { return count_ == 0; }

 private:
  struct Slot {
    std::uint64_t key = 0;
    AbbrevType type = AbbrevType::none;
  };
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

/// Tokens and sentences of one text, with their folded forms.
struct TextLayer {
  std::string_view text;
  std::string folded;
  std::vector<TokenInfo> tokens;
  std::vector<SentenceInfo> sentences;

  std::string_view fold_of(const TokenInfo& t) const { return std::string_view(folded).substr(t.fold_begin, t.fold_len); }
  std::string_view fold_of(std::size_t i) const { return fold_of(tokens[i]); }
  std::string_view surface(const TokenInfo& t) const { return text.substr(t.byte_begin, t.byte_end - t.byte_begin); }
  std::string_view surface(std::size_t i) const { return surface(tokens[i]); }
  /// Surface text of tokens [a, b) (including whatever lies between them).
  std::string_view surface(std::size_t a, std::size_t b) const {
    return text.substr(tokens[a].byte_begin, tokens[b - 1].byte_end - tokens[a].byte_begin);
  }
};

/// Splits valid UTF-8 `text` into tokens (no sentences yet). `out.text` refers to `text`.
void tokenize(std::string_view text, const AbbreviationTable& abbrevs, TextLayer& out);

/// Groups out.tokens into sentences and sets the sentence flags. Requires tokenize() first.
void split_sentences(TextLayer& out);

/// tokenize() + split_sentences().
void analyse_text(std::string_view text, const AbbreviationTable& abbrevs, TextLayer& out);

}  // namespace dyad::detail
