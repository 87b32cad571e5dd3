// Tokenisation: one linear pass over the UTF-8 text, no allocation per token (tokens and their
// folded forms go into two growing buffers).
//
// Words keep internal apostrophes (O'Brien, d'Ivoire) and decimal points (1.5, 1,000, 10:30);
// clitics ('s 're 've 'll 'd 'm n't) are split off; hyphens and dashes are tokens of their own
// (Tehran-Baku -> Tehran, -, Baku); a period joins the word before it only for single letters
// (initials, U.S., U.N.) and known abbreviations (Mr., Gen., Jan.).
#include <array>

#include "dyad/utf8.hpp"
#include "internal/text_layer.hpp"

namespace dyad::detail {
namespace {

struct Decoded {
  char32_t cp = 0;
  std::uint8_t len = 0;  // 0 at the end of the text
  CharClass cls = CharClass::space;
};

// classify() of an ASCII character, looked up rather than called for most of the text. (A
// function-local table: built on first use, whatever static initialisation runs first.)
CharClass ascii_class(unsigned char b) {
  static const std::array<CharClass, 128> table = [] {
    std::array<CharClass, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = classify(c);
    return t;
  }();
  return table[b];
}

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  std::size_t size() const { return s_.size(); }
  unsigned char byte(std::size_t i) const { return static_cast<unsigned char>(s_[i]); }
  Decoded at(std::size_t i) const {
    Decoded d;
    if (i >= s_.size()) return d;
    const auto b = static_cast<unsigned char>(s_[i]);
    if (b < 0x80) {
      d.cp = b;
      d.len = 1;
      d.cls = ascii_class(b);
      return d;
    }
    std::size_t j = i;
    d.cp = decode_utf8(s_, j);
    d.len = static_cast<std::uint8_t>(j - i);
    d.cls = classify(d.cp);
    return d;
  }

 private:
  std::string_view s_;
};

bool is_word_char(CharClass c) { return c == CharClass::letter || c == CharClass::digit || c == CharClass::mark; }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char ascii_lower(char32_t c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }
bool is_quote_cp(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F || cp == 0xAB || cp == 0xBB ||
         cp == 0x2039 || cp == 0x203A;
}

// The clitic an apostrophe at byte `i` starts, if any: returns the byte length of the letters after
// the apostrophe (1-2) when they are s/re/ve/ll/d/m/t followed by a non-word character, else 0.
// `t_only` tells whether the letters were "t" (only a clitic as part of n't).
std::size_t clitic_after_apostrophe(const Reader& r, std::size_t i, bool* t_only) {
  const Decoded a = r.at(i);
  std::size_t k = i + a.len;
  char buf[3] = {0, 0, 0};
  std::size_t n = 0;
  while (n < 3) {
    const Decoded d = r.at(k);
    if (d.len == 0 || !is_ascii_letter(d.cp)) break;
    buf[n++] = ascii_lower(d.cp);
    k += d.len;
  }
  if (n == 0 || n > 2) return 0;
  const Decoded after = r.at(k);
  if (after.len != 0 && (is_word_char(after.cls) || after.cls == CharClass::apostrophe)) return 0;
  const std::string_view run(buf, n);
  *t_only = run == "t";
  if (run == "s" || run == "re" || run == "ve" || run == "ll" || run == "d" || run == "m" || run == "t") return n;
  return 0;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, const AbbreviationTable& abbrevs, TextLayer& out)
      : r_(text), abbrevs_(abbrevs), out_(out) {}

  void run() {
    const std::size_t n = r_.size();
    while (i_ < n) {
      const Decoded d = r_.at(i_);
      switch (d.cls) {
        case CharClass::space:
          advance(d);
          pending_ |= kTokSpaceBefore;
          break;
        case CharClass::newline: {
          advance(d);
          if (d.cp == '\r') {
            const Decoded nx = r_.at(i_);
            if (nx.cp == '\n') advance(nx);
          }
          pending_ |= kTokSpaceBefore | kTokNewlineBefore;
          if (++newlines_ >= 2) pending_ |= kTokParagraphBefore;
          break;
        }
        case CharClass::letter:
        case CharClass::digit:
        case CharClass::mark:
          word(d);
          break;
        case CharClass::apostrophe:
          apostrophe(d);
          break;
        case CharClass::hyphen:
          hyphen(d);
          break;
        case CharClass::period:
          periods(d);
          break;
        case CharClass::punct:
          punct(d);
          break;
        case CharClass::symbol:
        case CharClass::joiner:
          symbol(d);
          break;
      }
    }
  }

 private:
  void advance(const Decoded& d) {
    i_ += d.len;
    ++c_;
  }

  void emit(std::size_t b0, std::size_t c0, std::uint32_t flags) {
    TokenInfo t;
    t.byte_begin = static_cast<std::uint32_t>(b0);
    t.byte_end = static_cast<std::uint32_t>(i_);
    t.cp_begin = static_cast<std::uint32_t>(c0);
    t.cp_end = static_cast<std::uint32_t>(c_);
    t.fold_begin = static_cast<std::uint32_t>(out_.folded.size());
    bool any_letter = false, any_lower = false, any_upper = false, first_letter_seen = false;
    std::size_t k = b0;
    while (k < i_) {
      bool letter = false, up = false, lo = false;
      if (const unsigned char b = r_.byte(k); b < 0x80) {  // ASCII: the same, without calls
        ++k;
        out_.folded.push_back(fold_ascii(static_cast<char>(b)));
        up = b >= 'A' && b <= 'Z';
        lo = b >= 'a' && b <= 'z';
        letter = up || lo;
      } else {
        const Decoded d = r_.at(k);
        k += d.len;
        append_folded(out_.folded, d.cp);
        letter = d.cls == CharClass::letter;
        up = letter && is_upper(d.cp);
        lo = letter && is_lower(d.cp);
      }
      if (!letter) continue;
      any_letter = true;
      any_lower |= lo;
      any_upper |= up;
      if (!first_letter_seen) {
        first_letter_seen = true;
        if (up) flags |= kTokUpperInitial;
      }
    }
    t.fold_len = static_cast<std::uint32_t>(out_.folded.size() - t.fold_begin);
    if (any_letter && any_upper && !any_lower) flags |= kTokAllCaps;
    if (any_lower) flags |= kTokHasLower;
    t.flags = flags | pending_;
    t.key = token_key(std::string_view(out_.folded).substr(t.fold_begin, t.fold_len));
    out_.tokens.push_back(t);
    pending_ = 0;
    newlines_ = 0;
  }

  bool prev_is_glued_word() const {
    return !out_.tokens.empty() && (pending_ & kTokSpaceBefore) == 0 && out_.tokens.back().has(kTokWord);
  }

  void word(const Decoded& first) {
    const std::size_t b0 = i_, c0 = c_;
    // "n't" split off the word before it ("did" + "n't").
    if (expect_nt_ && (first.cp == 'n' || first.cp == 'N')) {
      expect_nt_ = false;
      advance(first);
      const Decoded ap = r_.at(i_);
      advance(ap);
      advance(r_.at(i_));
      emit(b0, c0, kTokWord | kTokClitic);
      return;
    }
    expect_nt_ = false;
    std::uint32_t flags = kTokWord;
    if (first.cls == CharClass::digit) flags |= kTokDigit;
    bool prev_digit = false;
    std::size_t word_cps = 0;
    std::size_t last_start = i_;  // byte start of the last code point consumed
    while (i_ < r_.size()) {
      const Decoded d = r_.at(i_);
      if (is_word_char(d.cls)) {
        last_start = i_;
        advance(d);
        ++word_cps;
        prev_digit = d.cls == CharClass::digit;
        continue;
      }
      if (d.cls == CharClass::apostrophe && word_cps > 0) {
        const Decoded nx = r_.at(i_ + d.len);
        if (nx.len == 0 || !is_word_char(nx.cls)) break;
        bool t_only = false;
        if (clitic_after_apostrophe(r_, i_, &t_only) > 0) {
          if (!t_only) break;  // 's 're ...: the word ends here, the clitic is the next token
          const Decoded last = r_.at(last_start);
          if ((last.cp == 'n' || last.cp == 'N') && word_cps >= 2) {
            // Give back the 'n': "did|n't".
            i_ = last_start;
            --c_;
            expect_nt_ = true;
            break;
          }
        }
        advance(d);
        continue;
      }
      if ((d.cp == '.' || d.cp == ',' || d.cp == ':') && prev_digit) {
        const Decoded nx = r_.at(i_ + d.len);
        if (nx.cls == CharClass::digit) {
          advance(d);
          continue;
        }
      }
      break;
    }
    // A period that belongs to the word: initials and acronyms (J., U.S.), known abbreviations.
    const Decoded nx = r_.at(i_);
    if (nx.cp == '.' && r_.at(i_ + 1).cp != '.') {
      if (word_cps == 1 && first.cls == CharClass::letter) {
        advance(nx);  // the period
        std::size_t letters = 1;
        for (;;) {
          const Decoded l = r_.at(i_);
          if (l.cls != CharClass::letter || l.len == 0) break;
          const Decoded p = r_.at(i_ + l.len);
          if (p.cp != '.') break;
          const Decoded after = r_.at(i_ + l.len + 1);
          if (is_word_char(after.cls)) break;
          if (after.cp == '.' ) break;
          advance(l);
          advance(p);
          ++letters;
        }
        // A further single letter and period directly after ("U.S.A." handled above); "U.S." done.
        flags |= kTokAbbrev;
        if (letters == 1) flags |= kTokInitial;
      } else if (first.cls == CharClass::letter) {
        scratch_.clear();
        std::size_t k = b0;
        while (k < i_) {
          const Decoded d = r_.at(k);
          k += d.len;
          append_folded(scratch_, d.cp);
        }
        const AbbrevType type = abbrevs_.find(scratch_);
        bool take = false;
        if (type == AbbrevType::before_number) {
          const Decoded s = r_.at(i_ + 1);
          const Decoded dg = r_.at(i_ + 1 + s.len);
          take = (s.cls == CharClass::space) && dg.cls == CharClass::digit;
        } else {
          take = type != AbbrevType::none;
        }
        if (take) {
          advance(nx);
          flags |= kTokAbbrev;
          if (type == AbbrevType::title) flags |= kTokTitleAbbrev;
          if (type == AbbrevType::month) flags |= kTokMonthAbbrev;
        }
      }
    }
    emit(b0, c0, flags);
  }

  void apostrophe(const Decoded& d) {
    const std::size_t b0 = i_, c0 = c_;
    bool t_only = false;
    if (prev_is_glued_word()) {
      const std::size_t n = clitic_after_apostrophe(r_, i_, &t_only);
      if (n > 0 && !t_only) {
        advance(d);
        for (std::size_t k = 0; k < n; ++k) advance(r_.at(i_));
        emit(b0, c0, kTokWord | kTokClitic);
        return;
      }
    }
    // A lone apostrophe or single quote; `` and '' runs are one quote token.
    advance(d);
    if (d.cp == '`' || d.cp == '\'') {
      const Decoded nx = r_.at(i_);
      if (nx.cp == d.cp) advance(nx);
    }
    emit(b0, c0, kTokPunct | kTokQuote);
  }

  void hyphen(const Decoded& d) {
    const std::size_t b0 = i_, c0 = c_;
    const bool spaced_before = (pending_ & kTokSpaceBefore) != 0 || out_.tokens.empty();
    advance(d);
    std::uint32_t flags = kTokPunct | kTokHyphen;
    if (d.cp == '-') {
      std::size_t run = 1;
      for (;;) {
        const Decoded nx = r_.at(i_);
        if (nx.cp != '-') break;
        advance(nx);
        ++run;
      }
      if (run > 1) flags |= kTokDash;
    } else if (d.cp != 0x2010 && d.cp != 0x2011) {
      flags |= kTokDash;
    }
    const Decoded nx = r_.at(i_);
    const bool spaced_after = nx.len == 0 || nx.cls == CharClass::space || nx.cls == CharClass::newline;
    if (spaced_before && spaced_after) flags |= kTokDash;
    emit(b0, c0, flags);
  }

  void periods(const Decoded& d) {
    const std::size_t b0 = i_, c0 = c_;
    advance(d);
    for (;;) {
      const Decoded nx = r_.at(i_);
      if (nx.cp != '.') break;
      advance(nx);
    }
    emit(b0, c0, kTokPunct | kTokTerminal);
  }

  void punct(const Decoded& d) {
    const std::size_t b0 = i_, c0 = c_;
    advance(d);
    std::uint32_t flags = kTokPunct;
    if (d.cp == '!' || d.cp == '?' || d.cp == 0x2026) {
      flags |= kTokTerminal;
      for (;;) {
        const Decoded nx = r_.at(i_);
        if (nx.cp != '!' && nx.cp != '?' && nx.cp != 0x2026 && nx.cp != '.') break;
        advance(nx);
      }
    } else if (is_quote_cp(d.cp)) {
      flags |= kTokQuote;
    }
    emit(b0, c0, flags);
  }

  void symbol(const Decoded& d) {
    const std::size_t b0 = i_, c0 = c_;
    advance(d);
    const bool regional = d.cp >= 0x1F1E6 && d.cp <= 0x1F1FF;
    if (regional) {
      const Decoded nx = r_.at(i_);
      if (nx.cp >= 0x1F1E6 && nx.cp <= 0x1F1FF) advance(nx);
    }
    for (;;) {
      const Decoded nx = r_.at(i_);
      if (nx.len == 0) break;
      if (nx.cls == CharClass::joiner || nx.cls == CharClass::mark) {
        advance(nx);
        if (nx.cp == 0x200D) {
          const Decoded next_symbol = r_.at(i_);
          if (next_symbol.cls == CharClass::symbol) advance(next_symbol);
        }
        continue;
      }
      break;
    }
    emit(b0, c0, kTokSymbol);
  }

  Reader r_;
  const AbbreviationTable& abbrevs_;
  TextLayer& out_;
  std::size_t i_ = 0;  // byte position
  std::size_t c_ = 0;  // code point position
  std::uint32_t pending_ = kTokSpaceBefore;
  int newlines_ = 0;
  bool expect_nt_ = false;
  std::string scratch_;
};

}  // namespace

void tokenize(std::string_view text, const AbbreviationTable& abbrevs, TextLayer& out) {
  out.text = text;
  out.folded.clear();
  out.tokens.clear();
  out.sentences.clear();
  out.folded.reserve(text.size() + 16);
  out.tokens.reserve(text.size() / 5 + 16);
  Tokenizer(text, abbrevs, out).run();
}

}  // namespace dyad::detail
