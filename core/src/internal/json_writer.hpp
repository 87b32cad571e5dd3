#pragma once
// A small streaming JSON writer (compact output) used for dyad/1. Strings must be valid UTF-8;
// non-ASCII is written raw, control characters as \u00XX.
//
// Two modes with the same calls: a counting writer (default constructor) only adds up the size
// of what it would write, so that a caller can run its writing code twice — count, then write
// into a buffer of exactly that size — instead of growing a string by doubling (a 1 MB article
// is ~23 MB of JSON; doubling needed up to twice that, plus the copy, in the 64 MB wasm heap).
// The writing writer fills `out` through a raw pointer (std::string::append per piece was most
// of the cost in wasm); call finish() before reading `out`.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::detail {

class JsonWriter {
 public:
  /// Counting writer: writes nothing; size() is what would have been written.
  JsonWriter() = default;
  /// Appends to `out`. `expected` (optional) is the output size if known, e.g. from a
  /// counting run: the buffer is then allocated once, at exactly that size.
  explicit JsonWriter(std::string& out, std::size_t expected = 0) : out_(&out), base_(out.size()) {
    if (expected) grow(expected);
  }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// Bytes written (or counted) so far.
  std::size_t size() const { return len_; }
  /// Trims `out` to what was written; until then it may hold unwritten bytes at its end.
  /// Idempotent; the writer stays usable.
  void finish() {
    if (out_ && out_->size() != base_ + len_) {
      out_->resize(base_ + len_);
      cap_ = len_;
      buf_ = out_->data() + base_;
    }
  }

  void begin_object() { value_prefix(); put('{'); open(); }
  void end_object() { put('}'); close(); }
  void begin_array() { value_prefix(); put('['); open(); }
  void end_array() { put(']'); close(); }

  void key(std::string_view k) {
    comma();
    write_string(k);
    put(':');
    after_key_ = true;
  }
  /// A key that is a string literal: dyad/1's own keys, which need no escaping, written with a
  /// copy of known size. (Keys from elsewhere, e.g. preserved unknown members, are
  /// std::string / string_view and take the escaping overload above.)
  template <std::size_t N>
  void key(const char (&k)[N]) {
    static_assert(N >= 1);
    comma();
    put('"');
    put_fixed<N - 1>(k);
    put_fixed<2>("\":");
    after_key_ = true;
  }
  void value(std::string_view s) { value_prefix(); write_string(s); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) { value_prefix(); b ? put_fixed<4>("true") : put_fixed<5>("false"); }
  void value(std::int64_t n) {
    value_prefix();
    if (n < 0) {
      put('-');
      append_digits(0 - static_cast<std::uint64_t>(n));
    } else {
      append_digits(static_cast<std::uint64_t>(n));
    }
  }
  void value(std::uint64_t n) { value_prefix(); append_digits(n); }
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value_double(double d);
  void null() { value_prefix(); put_fixed<4>("null"); }
  /// Writes already-serialised JSON verbatim (for preserved unknown fields).
  void raw(std::string_view json) { value_prefix(); put(json.data(), json.size()); }

  void write_string(std::string_view s);

 private:
  void put(char c) {
    if (out_) {
      if (len_ == cap_) grow(1);
      buf_[len_] = c;
    }
    ++len_;
  }
  void put(const char* s, std::size_t n) {
    if (out_) {
      if (n > cap_ - len_) grow(n);
      std::memcpy(buf_ + len_, s, n);
    }
    len_ += n;
  }
  template <std::size_t N>
  void put_fixed(const char* s) {
    if (out_) {
      if (N > cap_ - len_) grow(N);
      std::memcpy(buf_ + len_, s, N);  // constant size: inlined, no call into libc
    }
    len_ += N;
  }
  // Room for `n` more bytes: by half again when the size is not known in advance. Out of line:
  // the calls above stay small enough to inline everywhere.
  [[gnu::noinline]] void grow(std::size_t n) {
    std::size_t want = cap_ + cap_ / 2 + 256;
    if (want < len_ + n) want = len_ + n;
    out_->resize(base_ + want);
    cap_ = want;
    buf_ = out_->data() + base_;
  }

  // Per open container: 1 while no element has been written in it yet.
  void open() { first_.push_back(1); }
  void close() { if (!first_.empty()) first_.pop_back(); }
  void comma() {
    if (first_.empty()) return;
    if (first_.back()) first_.back() = 0;
    else put(',');
  }
  void value_prefix() {
    if (after_key_) { after_key_ = false; return; }
    comma();
  }

  // Offsets are most of a document's numbers; std::to_string goes through snprintf in
  // emscripten's libc and was 60x slower there than this. Two digits per step, and 32-bit
  // arithmetic for the usual values (64-bit division is slow in wasm32).
  void append_digits(std::uint64_t n) {
    const std::size_t digits = count_digits(n);
    if (out_) {
      if (digits > cap_ - len_) grow(digits);
      char* p = buf_ + len_ + digits;
      while (n > 0xFFFFFFFFu) {
        const auto r = static_cast<unsigned>(n % 100);
        n /= 100;
        *--p = kDigitPairs[2 * r + 1];
        *--p = kDigitPairs[2 * r];
      }
      auto m = static_cast<std::uint32_t>(n);
      while (m >= 100) {
        const std::uint32_t r = m % 100;
        m /= 100;
        *--p = kDigitPairs[2 * r + 1];
        *--p = kDigitPairs[2 * r];
      }
      if (m >= 10) {
        *--p = kDigitPairs[2 * m + 1];
        *--p = kDigitPairs[2 * m];
      } else {
        *--p = static_cast<char>('0' + m);
      }
    }
    len_ += digits;
  }
  static std::size_t count_digits(std::uint64_t n) {
    std::size_t d = 0;
    for (; n > 0xFFFFFFFFu; n /= 10) ++d;
    const auto m = static_cast<std::uint32_t>(n);
    return d + (m < 10 ? 1 : m < 100 ? 2 : m < 1000 ? 3 : m < 10000 ? 4 : m < 100000 ? 5 : m < 1000000 ? 6
                : m < 10000000 ? 7 : m < 100000000 ? 8 : m < 1000000000 ? 9 : 10);
  }
  static constexpr char kDigitPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";

  std::string* out_ = nullptr;  // nullptr: counting
  std::size_t base_ = 0;        // out_->size() when the writer started
  char* buf_ = nullptr;         // out_->data() + base_
  std::size_t len_ = 0, cap_ = 0;
  std::vector<char> first_;
  bool after_key_ = false;
};

}  // namespace dyad::detail
