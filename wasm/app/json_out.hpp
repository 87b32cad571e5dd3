#pragma once
/// A small streaming JSON writer for the app's own JSON (test state, screen-reader mirror, view
/// settings). It replaces nlohmann::json in the app: the DOM and its templates were ~40 KB of the
/// page's wasm budget (docs/page.md "Size budget"). Invalid UTF-8 in strings is written as U+FFFD.

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dyad::app {

class JsonOut {
 public:
  JsonOut& begin_object() { return open('{'); }
  JsonOut& end_object() { return close('}'); }
  JsonOut& begin_array() { return open('['); }
  JsonOut& end_array() { return close(']'); }
  /// The next member's name (inside an object); its value follows.
  JsonOut& key(std::string_view k);

  JsonOut& value(std::string_view s);
  JsonOut& value(const char* s) { return value(std::string_view(s)); }
  JsonOut& value(const std::string& s) { return value(std::string_view(s)); }
  JsonOut& value(bool b) { return raw(b ? "true" : "false"); }
  JsonOut& value(std::nullptr_t) { return raw("null"); }
  JsonOut& value(double d);
  JsonOut& value(const std::vector<std::string>& list);
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  JsonOut& value(T n) {
    return raw(std::to_string(n));
  }
  template <class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  JsonOut& value(T d) {
    return value(static_cast<double>(d));
  }

  /// key(k) then value(v).
  template <class T>
  JsonOut& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  JsonOut& open(char c);
  JsonOut& close(char c);
  JsonOut& raw(std::string_view s);
  void separate();  // a comma before the second and later values of a container

  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace dyad::app
