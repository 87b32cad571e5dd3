#pragma once
// A small validating JSON parser for the dyad/1 loader. It parses one value at a time into a
// flat tree of nodes that point into the input (strings and numbers are not copied), so a large
// file is read element by element in bounded memory and several times faster than through a
// general DOM. It accepts exactly what nlohmann/json accepts (RFC 8259, a leading UTF-8 BOM,
// no comments); it only says *that* and *where* the input is wrong: the loader asks nlohmann's
// SAX parser for the full message. Requires: the input is valid UTF-8 without NUL bytes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::detail {

enum class JsonKind : std::uint8_t { null, boolean, unsigned_integer, signed_integer, floating, string, array, object };

struct JsonNode {
  JsonKind kind = JsonKind::null;
  bool escaped = false;      // a string with backslash escapes
  bool key_escaped = false;  // an object member whose key has backslash escapes
  std::uint32_t next = 0;    // index one past this node's subtree
  std::uint32_t count = 0;   // elements of an array or object
  std::size_t begin = 0, end = 0;          // the value's text in the input (a string's with its quotes)
  std::size_t key_begin = 0, key_end = 0;  // an object member's key, without its quotes
  union {
    std::uint64_t u;
    std::int64_t i;
    double d;
    bool b;
  } number{};
};

class JsonTree;

/// One value of a JsonTree; valid until the tree parses its next value.
class JsonValue {
 public:
  JsonValue(const JsonTree& tree, std::uint32_t index) : tree_(&tree), index_(index) {}

  bool is_null() const { return kind() == JsonKind::null; }
  bool is_boolean() const { return kind() == JsonKind::boolean; }
  bool is_string() const { return kind() == JsonKind::string; }
  bool is_array() const { return kind() == JsonKind::array; }
  bool is_object() const { return kind() == JsonKind::object; }
  bool is_number() const { return is_number_integer() || kind() == JsonKind::floating; }
  bool is_number_integer() const { return kind() == JsonKind::unsigned_integer || kind() == JsonKind::signed_integer; }
  bool is_number_unsigned() const { return kind() == JsonKind::unsigned_integer; }
  bool is_number_float() const { return kind() == JsonKind::floating; }
  /// nlohmann's names: "null", "boolean", "number", "string", "array", "object".
  const char* type_name() const;

  bool boolean() const { return node().number.b; }
  std::uint64_t u64() const;
  std::int64_t i64() const;
  double f64() const;
  /// A string's value (escapes decoded).
  std::string str() const;
  /// A string's value without a copy when it has no escapes; otherwise decoded into `scratch`.
  std::string_view str(std::string& scratch) const;

  /// The value's JSON text exactly as in the input.
  std::string_view raw() const;
  /// The value's JSON text without the whitespace between tokens (strings and numbers as written).
  std::string compact() const;

  /// Elements of an array or members of an object.
  std::size_t size() const { return node().count; }
  /// Element `k` of an array. Requires k < size().
  JsonValue operator[](std::size_t k) const;
  /// The first member named `key` of an object.
  std::optional<JsonValue> find(std::string_view key) const;
  /// Calls f(JsonValue) for each element or member, in order.
  template <class F>
  void for_each(F&& f) const;
  /// This member's key (escapes decoded).
  std::string key() const;
  /// True when this member's key is `key`.
  bool key_is(std::string_view key) const;

 private:
  bool escaped_key_is(std::string_view key) const;
  const JsonNode& node() const;
  JsonKind kind() const { return node().kind; }
  const JsonTree* tree_;
  std::uint32_t index_;
};

class JsonTree {
 public:
  /// Containers nested deeper than this are refused (the document object is level 1).
  static constexpr int kMaxDepth = 64;

  explicit JsonTree(std::string_view input);

  std::string_view input() const { return in_; }
  std::size_t position() const { return pos_; }
  void seek(std::size_t pos) { pos_ = pos; }

  /// Skips whitespace; true when the next character is `c` (which is then consumed).
  bool consume(char c);
  /// Skips whitespace; true at the end of the input.
  bool at_end();
  /// Parses one value at the current position into a new tree (the previous one is dropped).
  /// `depth` counts the containers around it.
  std::optional<JsonValue> parse(int depth);
  /// Parses `"key" :` and returns the decoded key.
  std::optional<std::string> parse_key();

  bool failed() const { return failed_; }
  std::size_t fail_offset() const { return fail_at_; }
  const char* fail_reason() const { return fail_why_; }
  /// Marks the input as invalid at `offset`. Returns false.
  bool fail(std::size_t offset, const char* why);
  /// True once any object (in any tree parsed so far) repeated a key.
  bool duplicate_key() const { return duplicate_key_; }

  /// Decodes a string's content (between its quotes), which the parser has validated.
  static void unescape(std::string_view content, std::string& out);

 private:
  friend class JsonValue;
  bool parse_value(int depth);
  bool parse_string(std::size_t& begin, std::size_t& end, bool& escaped);
  bool parse_number(JsonNode& node);
  bool parse_literal(std::string_view word);
  void skip_whitespace();
  bool same_key(const JsonNode& a, const JsonNode& b) const;
  void check_duplicate_keys(std::uint32_t object);

  std::string_view in_;
  std::size_t pos_ = 0;
  std::vector<JsonNode> nodes_;
  bool failed_ = false;
  bool duplicate_key_ = false;
  std::size_t fail_at_ = 0;
  const char* fail_why_ = "";
};

inline const JsonNode& JsonValue::node() const { return tree_->nodes_[index_]; }

/// Compares short byte strings (keys) without a call to memcmp.
inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Inline: finding members by key is most of the work of reading a document.
inline bool JsonValue::key_is(std::string_view key) const {
  const JsonNode& n = node();
  if (n.key_escaped) return escaped_key_is(key);
  return n.key_end - n.key_begin == key.size() && same_bytes(tree_->in_.data() + n.key_begin, key.data(), key.size());
}

inline std::optional<JsonValue> JsonValue::find(std::string_view key) const {
  const std::uint32_t end = node().next;
  for (std::uint32_t c = index_ + 1; c < end; c = tree_->nodes_[c].next)
    if (JsonValue(*tree_, c).key_is(key)) return JsonValue(*tree_, c);
  return std::nullopt;
}

template <class F>
void JsonValue::for_each(F&& f) const {
  const std::uint32_t end = node().next;
  for (std::uint32_t c = index_ + 1; c < end; c = tree_->nodes_[c].next) f(JsonValue(*tree_, c));
}

}  // namespace dyad::detail
