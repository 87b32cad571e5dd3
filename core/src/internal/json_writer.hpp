#pragma once
// A small streaming JSON writer (compact output) used for dyad/1. Strings must be valid UTF-8;
// non-ASCII is written raw, control characters as \u00XX.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::detail {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { value_prefix(); out_ += '{'; stack_.push_back(true); }
  void end_object() { out_ += '}'; stack_.pop_back(); }
  void begin_array() { value_prefix(); out_ += '['; stack_.push_back(true); }
  void end_array() { out_ += ']'; stack_.pop_back(); }

  void key(std::string_view k) {
    comma();
    write_string(k);
    out_ += ':';
    after_key_ = true;
  }
  void value(std::string_view s) { value_prefix(); write_string(s); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(bool b) { value_prefix(); out_ += b ? "true" : "false"; }
  void value(std::int64_t n) {
    value_prefix();
    if (n < 0) {
      out_ += '-';
      append_digits(0 - static_cast<std::uint64_t>(n));
    } else {
      append_digits(static_cast<std::uint64_t>(n));
    }
  }
  void value(std::uint64_t n) { value_prefix(); append_digits(n); }
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value_double(double d);
  void null() { value_prefix(); out_ += "null"; }
  /// Writes already-serialised JSON verbatim (for preserved unknown fields).
  void raw(std::string_view json) { value_prefix(); out_ += json; }

  void write_string(std::string_view s);

 private:
  void comma() {
    if (!stack_.empty()) {
      if (!stack_.back()) out_ += ',';
      stack_.back() = false;
    }
  }
  void value_prefix() {
    if (after_key_) { after_key_ = false; return; }
    comma();
  }

  // Offsets are most of a document's numbers; std::to_string goes through snprintf in
  // emscripten's libc and was 60x slower there than this loop.
  void append_digits(std::uint64_t n) {
    char buf[20];
    int i = 20;
    do {
      buf[--i] = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n != 0);
    out_.append(buf + i, static_cast<std::size_t>(20 - i));
  }

  std::string& out_;
  std::vector<bool> stack_;  // per open container: "no element written yet"
  bool after_key_ = false;
};

}  // namespace dyad::detail
