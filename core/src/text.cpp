// Characters of the text layer: classes, case, and the folded form used for matching.
#include <array>
#include <cstring>

#include "dyad/text.hpp"
#include "dyad/utf8.hpp"
#include "internal/gazetteer.hpp"
#include "internal/text_layer.hpp"

namespace dyad::detail {
namespace {

// Base letters of U+00C0..U+00FF (Latin-1 Supplement letters); "" = not a letter.
constexpr const char* kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // C0-CF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss", // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // E0-EF
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y",  // F0-FF
};

// Base letters of U+0100..U+017F (Latin Extended-A), as runs of (count, base).
struct FoldRun {
  std::uint8_t count;
  const char* base;
};
constexpr FoldRun kLatinExtAFold[] = {
    {6, "a"},  {8, "c"}, {4, "d"}, {10, "e"}, {8, "g"}, {4, "h"}, {10, "i"}, {2, "ij"},
    {2, "j"},  {3, "k"}, {10, "l"}, {9, "n"}, {6, "o"}, {2, "oe"}, {6, "r"}, {8, "s"},
    {6, "t"},  {12, "u"}, {2, "w"}, {3, "y"}, {6, "z"}, {1, "s"},
};

const std::array<const char*, 128> kExtATable = [] {
  std::array<const char*, 128> t{};
  std::size_t i = 0;
  for (const auto& run : kLatinExtAFold)
    for (std::uint8_t k = 0; k < run.count && i < t.size(); ++k) t[i++] = run.base;
  return t;
}();

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

}  // namespace

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::letter;
    if (c >= '0' && c <= '9') return CharClass::digit;
    switch (c) {
      case ' ': case '\t': case '\v': case '\f': return CharClass::space;
      case '\n': case '\r': return CharClass::newline;
      case '\'': case '`': return CharClass::apostrophe;
      case '-': return CharClass::hyphen;
      case '.': return CharClass::period;
      case '$': case '%': case '&': case '+': case '<': case '=': case '>': case '^': case '|': case '~':
      case '#': case '@': return CharClass::symbol;
      default: break;
    }
    if (cp < 0x20 || cp == 0x7F) return CharClass::space;
    return CharClass::punct;
  }
  if (cp < 0xA0) return CharClass::space;  // C1 controls
  if (cp == 0xA0) return CharClass::space;
  if (cp <= 0xBF) {
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return CharClass::letter;
    if (cp == 0xA1 || cp == 0xA7 || cp == 0xAB || cp == 0xB6 || cp == 0xB7 || cp == 0xBB || cp == 0xBF)
      return CharClass::punct;
    if (cp == 0xAD) return CharClass::mark;  // soft hyphen: invisible, stays inside the word
    return CharClass::symbol;
  }
  if (cp == 0xD7 || cp == 0xF7) return CharClass::symbol;
  if (cp < 0x2B0) return CharClass::letter;
  if (cp < 0x300) {
    if (cp == 0x2BB || cp == 0x2BC || cp == 0x2BD) return CharClass::apostrophe;
    return CharClass::letter;
  }
  if (cp < 0x370) return CharClass::mark;
  if (cp < 0x2000) {
    if (in(cp, 0x0483, 0x0489) || in(cp, 0x0591, 0x05BD) || in(cp, 0x064B, 0x065F) || cp == 0x0670 ||
        in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF))
      return CharClass::mark;
    if (cp == 0x037E || cp == 0x0387 || cp == 0x055D || cp == 0x0589 || cp == 0x05BE || cp == 0x060C ||
        cp == 0x061B || cp == 0x061F || cp == 0x06D4)
      return CharClass::punct;
    if (cp == 0x1680) return CharClass::space;
    return CharClass::letter;
  }
  if (cp <= 0x206F) {
    if (cp <= 0x200B) return CharClass::space;
    if (cp == 0x200C) return CharClass::mark;
    if (cp == 0x200D) return CharClass::joiner;
    if (cp == 0x200E || cp == 0x200F) return CharClass::space;
    if (cp <= 0x2015) return CharClass::hyphen;
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032) return CharClass::apostrophe;
    if (cp == 0x2028 || cp == 0x2029) return CharClass::newline;
    if (cp == 0x202F || cp == 0x205F) return CharClass::space;
    if (cp >= 0x2060) return CharClass::mark;
    if (in(cp, 0x202A, 0x202E)) return CharClass::space;  // bidi controls
    return CharClass::punct;
  }
  if (cp < 0x20A0) return CharClass::letter;  // super/subscripts: rare, keep in words
  if (cp < 0x20D0) return CharClass::symbol;  // currency
  if (cp < 0x2100) return CharClass::joiner;  // combining marks for symbols (keycap)
  if (cp == 0x2212) return CharClass::hyphen;
  if (cp < 0x2C00) return CharClass::symbol;  // letterlike, arrows, math, technical, dingbats
  if (cp < 0x2E00) return CharClass::letter;
  if (cp < 0x2E80) return (cp == 0x2E3A || cp == 0x2E3B) ? CharClass::hyphen : CharClass::punct;
  if (cp == 0x3000) return CharClass::space;
  if (in(cp, 0x3001, 0x303F)) return CharClass::punct;
  if (cp < 0xFE00) return CharClass::letter;
  if (cp <= 0xFE0F) return CharClass::joiner;
  if (cp <= 0xFE1F) return CharClass::punct;
  if (cp <= 0xFE2F) return CharClass::mark;
  if (cp <= 0xFE6F) return (cp == 0xFE58 || cp == 0xFE63) ? CharClass::hyphen : CharClass::punct;
  if (cp == 0xFEFF) return CharClass::space;
  if (cp < 0xFF00) return CharClass::letter;
  if (cp == 0xFF0D) return CharClass::hyphen;
  if (in(cp, 0xFF01, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF40) || in(cp, 0xFF5B, 0xFF65))
    return CharClass::punct;
  if (cp < 0xFFF0) return CharClass::letter;
  if (cp <= 0xFFFF) return CharClass::symbol;
  if (in(cp, 0x1F3FB, 0x1F3FF)) return CharClass::joiner;
  if (in(cp, 0x1F000, 0x1FAFF)) return CharClass::symbol;
  if (in(cp, 0xE0000, 0xE0FFF)) return CharClass::joiner;  // tags, variation selectors
  return CharClass::letter;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp < 0xC0) return false;
  if (cp < 0xDF) return cp != 0xD7;
  if (cp < 0x100) return false;
  if (cp < 0x138) return (cp & 1u) == 0;
  if (cp < 0x149) return (cp & 1u) == 1;
  if (cp < 0x178) return (cp & 1u) == 0;
  if (cp == 0x178) return true;
  if (cp < 0x17F) return (cp & 1u) == 1;
  if (cp == 0x18F) return true;  // Ə
  if (in(cp, 0x1A0, 0x1A1) || in(cp, 0x1AF, 0x1B0)) return (cp & 1u) == (cp < 0x1A2 ? 0u : 1u);
  if (in(cp, 0x1DE, 0x1EF) || in(cp, 0x1F8, 0x233)) return (cp & 1u) == 0;
  if (in(cp, 0x386, 0x38F)) return cp != 0x387 && cp != 0x38B && cp != 0x38D;
  if (in(cp, 0x391, 0x3AB)) return cp != 0x3A2;
  if (in(cp, 0x400, 0x42F)) return true;
  if (in(cp, 0x460, 0x481) || in(cp, 0x48A, 0x4BF) || in(cp, 0x4D0, 0x52F)) return (cp & 1u) == 0;
  if (cp == 0x4C0) return true;
  if (in(cp, 0x4C1, 0x4CE)) return (cp & 1u) == 1;
  if (in(cp, 0x531, 0x556)) return true;
  if (in(cp, 0x10A0, 0x10C5)) return true;
  if (in(cp, 0x1E00, 0x1EFF)) return (cp & 1u) == 0;
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp < 0xDF) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp < 0x100) return cp != 0xF7;
  if (cp < 0x180) return !is_upper(cp);
  if (cp == 0x259) return true;  // ə
  if (in(cp, 0x180, 0x24F)) return !is_upper(cp) && classify(cp) == CharClass::letter;
  if (in(cp, 0x250, 0x2AF)) return true;
  if (in(cp, 0x3AC, 0x3CE)) return true;
  if (in(cp, 0x430, 0x45F)) return true;
  if (in(cp, 0x460, 0x52F)) return !is_upper(cp);
  if (in(cp, 0x561, 0x587)) return true;
  if (in(cp, 0x1E00, 0x1EFF)) return (cp & 1u) == 1;
  return false;
}

void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(fold_ascii(static_cast<char>(cp)));
    return;
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char* f = kLatin1Fold[cp - 0xC0];
    if (*f) {
      out.append(f);
      return;
    }
  } else if (cp >= 0x100 && cp < 0x180) {
    out.append(kExtATable[cp - 0x100]);
    return;
  }
  switch (cp) {
    case 0xA0: case 0x2007: case 0x202F: case 0x3000: out.push_back(' '); return;
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x2BB: case 0x2BC: case 0x2BD: case 0xB4:
      out.push_back('\''); return;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB: case 0x2039: case 0x203A:
      out.push_back('"'); return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0x2E3A:
    case 0x2E3B: case 0xFE58: case 0xFE63: case 0xFF0D:
      out.push_back('-'); return;
    case 0x2026: out.append("..."); return;
    case 0x18F: case 0x259: out.push_back('a'); return;  // Ə ə: Azerbaijani schwa, romanised "a"
    case 0x218: case 0x219: out.push_back('s'); return;  // Ș ș
    case 0x21A: case 0x21B: out.push_back('t'); return;  // Ț ț
    case 0x1A0: case 0x1A1: out.push_back('o'); return;  // Ơ ơ
    case 0x1AF: case 0x1B0: out.push_back('u'); return;  // Ư ư
    case 0x1E6: case 0x1E7: out.push_back('g'); return;  // Ǧ ǧ
    case 0xAD: return;                                    // soft hyphen
    default: break;
  }
  char32_t lower = cp;
  if (is_upper(cp)) {
    if (in(cp, 0x391, 0x3AB)) lower = cp + 0x20;
    else if (cp == 0x386) lower = 0x3AC;
    else if (in(cp, 0x388, 0x38A)) lower = cp + 0x25;
    else if (cp == 0x38C) lower = 0x3CC;
    else if (in(cp, 0x38E, 0x38F)) lower = cp + 0x3F;
    else if (in(cp, 0x410, 0x42F)) lower = cp + 0x20;
    else if (in(cp, 0x400, 0x40F)) lower = cp + 0x50;
    else if (cp == 0x4C0) lower = 0x4CF;
    else if (in(cp, 0x531, 0x556)) lower = cp + 0x30;
    else if (in(cp, 0x10A0, 0x10C5)) lower = cp + 0x1C60;
    else lower = cp + 1;  // the paired ranges: upper case is the first of each pair
  }
  append_utf8(out, lower);
}

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {  // most of news text: no decoding
      out.push_back(fold_ascii(s[i++]));
      continue;
    }
    append_folded(out, decode_utf8(s, i));
  }
  return out;
}

void AbbreviationTable::add(std::string_view folded_stem, AbbrevType type) {
  if (slots_.empty() || (count_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    count_ = 0;
    for (const auto& s : old)
      if (s.key) {
        std::size_t i = s.key & (slots_.size() - 1);
        while (slots_[i].key) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = s;
        ++count_;
      }
  }
  const std::uint64_t key = token_key(folded_stem);
  std::size_t i = key & (slots_.size() - 1);
  while (slots_[i].key && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
  if (!slots_[i].key) ++count_;
  slots_[i] = {key, type};
}

AbbrevType AbbreviationTable::find(std::string_view folded_stem) const {
  if (slots_.empty()) return AbbrevType::none;
  const std::uint64_t key = token_key(folded_stem);
  std::size_t i = key & (slots_.size() - 1);
  while (slots_[i].key) {
    if (slots_[i].key == key) return slots_[i].type;
    i = (i + 1) & (slots_.size() - 1);
  }
  return AbbrevType::none;
}

void analyse_text(std::string_view text, const AbbreviationTable& abbrevs, TextLayer& out) {
  tokenize(text, abbrevs, out);
  split_sentences(out);
}

}  // namespace dyad::detail

namespace dyad {

Segmentation segment(std::string_view text, const Lexicons* lexicons) {
  const Lexicons& lex = lexicons ? *lexicons : Lexicons::builtin();
  detail::TextLayer layer;
  detail::analyse_text(text, lex.gazetteer().abbreviations(), layer);
  Segmentation seg;
  seg.tokens.reserve(layer.tokens.size());
  for (const auto& t : layer.tokens) seg.tokens.push_back(Token{Span{t.cp_begin, t.cp_end}});
  seg.sentences.reserve(layer.sentences.size());
  for (const auto& s : layer.sentences)
    seg.sentences.push_back(Sentence{Span{layer.tokens[s.tok_begin].cp_begin, layer.tokens[s.tok_end - 1].cp_end}});
  return seg;
}

std::string fold_for_matching(std::string_view text) { return detail::fold(text); }

}  // namespace dyad
