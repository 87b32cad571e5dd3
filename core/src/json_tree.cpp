#include "internal/json_tree.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

#include "dyad/utf8.hpp"

namespace dyad::detail {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Reads 4 hex digits at `p`; false if there are not 4.
bool read_hex4(std::string_view s, std::size_t p, char32_t& out) {
  if (p + 4 > s.size()) return false;
  out = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = hex_value(s[p + k]);
    if (h < 0) return false;
    out = out * 16 + static_cast<char32_t>(h);
  }
  return true;
}

// Bytes a string can hold without a closer look: not '"', '\\' or a control character.
struct PlainTable {
  bool plain[256];
  constexpr PlainTable() : plain() {
    for (int c = 0; c < 256; ++c) plain[c] = c >= 0x20 && c != '"' && c != '\\';
  }
};
constexpr PlainTable kPlain;

}  // namespace

// [SECTION] Values

const char* JsonValue::type_name() const {
  switch (kind()) {
    case JsonKind::null: return "null";
    case JsonKind::boolean: return "boolean";
    case JsonKind::string: return "string";
    case JsonKind::array: return "array";
    case JsonKind::object: return "object";
    default: return "number";
  }
}

std::uint64_t JsonValue::u64() const {
  const JsonNode& n = node();
  if (n.kind == JsonKind::unsigned_integer) return n.number.u;
  if (n.kind == JsonKind::signed_integer) return static_cast<std::uint64_t>(n.number.i);
  return static_cast<std::uint64_t>(n.number.d);
}

std::int64_t JsonValue::i64() const {
  const JsonNode& n = node();
  if (n.kind == JsonKind::signed_integer) return n.number.i;
  if (n.kind == JsonKind::unsigned_integer) return static_cast<std::int64_t>(n.number.u);
  return static_cast<std::int64_t>(n.number.d);
}

double JsonValue::f64() const {
  const JsonNode& n = node();
  if (n.kind == JsonKind::unsigned_integer) return static_cast<double>(n.number.u);
  if (n.kind == JsonKind::signed_integer) return static_cast<double>(n.number.i);
  return n.number.d;
}

std::string_view JsonValue::raw() const {
  const JsonNode& n = node();
  return tree_->in_.substr(n.begin, n.end - n.begin);
}

std::string JsonValue::str() const {
  std::string out;
  return std::string(str(out));
}

std::string_view JsonValue::str(std::string& scratch) const {
  const JsonNode& n = node();
  const std::string_view content = tree_->in_.substr(n.begin + 1, n.end - n.begin - 2);
  if (!n.escaped) return content;
  scratch.clear();
  JsonTree::unescape(content, scratch);
  return scratch;
}

std::string JsonValue::compact() const {
  const std::string_view r = raw();
  std::string out;
  out.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    const char c = r[i];
    if (c == '"') {  // copy the whole string, escapes included
      const std::size_t start = i++;
      while (r[i] != '"') i += r[i] == '\\' ? 2 : 1;
      out.append(r.substr(start, i - start + 1));
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out += c;
    }
  }
  return out;
}

JsonValue JsonValue::operator[](std::size_t k) const {
  std::uint32_t c = index_ + 1;
  for (; k > 0; --k) c = tree_->nodes_[c].next;
  return JsonValue(*tree_, c);
}

std::string JsonValue::key() const {
  const JsonNode& n = node();
  const std::string_view raw_key = tree_->in_.substr(n.key_begin, n.key_end - n.key_begin);
  if (!n.key_escaped) return std::string(raw_key);
  std::string out;
  JsonTree::unescape(raw_key, out);
  return out;
}

bool JsonValue::escaped_key_is(std::string_view key) const { return this->key() == key; }

// [SECTION] Parser

JsonTree::JsonTree(std::string_view input) : in_(input) {
  if (in_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark, as nlohmann skips it
}

bool JsonTree::fail(std::size_t offset, const char* why) {
  if (!failed_) {
    failed_ = true;
    fail_at_ = offset;
    fail_why_ = why;
  }
  return false;
}

void JsonTree::skip_whitespace() {
  while (pos_ < in_.size()) {
    const char c = in_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    ++pos_;
  }
}

bool JsonTree::consume(char c) {
  skip_whitespace();
  if (pos_ < in_.size() && in_[pos_] == c) {
    ++pos_;
    return true;
  }
  return false;
}

bool JsonTree::at_end() {
  skip_whitespace();
  return pos_ >= in_.size();
}

std::optional<JsonValue> JsonTree::parse(int depth) {
  nodes_.clear();
  if (failed_ || !parse_value(depth)) return std::nullopt;
  return JsonValue(*this, 0);
}

std::optional<std::string> JsonTree::parse_key() {
  skip_whitespace();
  if (pos_ >= in_.size() || in_[pos_] != '"') {
    fail(pos_, "expected a string key");
    return std::nullopt;
  }
  std::size_t b = 0, e = 0;
  bool escaped = false;
  if (!parse_string(b, e, escaped)) return std::nullopt;
  if (!consume(':')) {
    fail(pos_, "expected ':'");
    return std::nullopt;
  }
  const std::string_view content = in_.substr(b + 1, e - b - 2);
  if (!escaped) return std::string(content);
  std::string out;
  unescape(content, out);
  return out;
}

bool JsonTree::parse_value(int depth) {
  skip_whitespace();
  if (pos_ >= in_.size()) return fail(pos_, "unexpected end of input");
  const std::uint32_t self = static_cast<std::uint32_t>(nodes_.size());
  nodes_.emplace_back();
  nodes_[self].begin = pos_;
  const char c = in_[pos_];
  if (c == '{' || c == '[') {
    if (depth >= kMaxDepth) return fail(pos_, "nested too deep");
    const bool object = c == '{';
    nodes_[self].kind = object ? JsonKind::object : JsonKind::array;
    ++pos_;
    if (!consume(object ? '}' : ']')) {
      std::uint32_t count = 0;
      for (;;) {
        std::size_t kb = 0, ke = 0;
        bool key_escaped = false;
        if (object) {
          skip_whitespace();
          if (pos_ >= in_.size() || in_[pos_] != '"') return fail(pos_, "expected a string key");
          if (!parse_string(kb, ke, key_escaped)) return false;
          if (!consume(':')) return fail(pos_, "expected ':'");
        }
        const std::uint32_t child = static_cast<std::uint32_t>(nodes_.size());
        if (!parse_value(depth + 1)) return false;
        if (object) {
          nodes_[child].key_begin = kb + 1;
          nodes_[child].key_end = ke - 1;
          nodes_[child].key_escaped = key_escaped;
        }
        ++count;
        if (consume(',')) continue;
        if (consume(object ? '}' : ']')) break;
        return fail(pos_, object ? "expected ',' or '}'" : "expected ',' or ']'");
      }
      nodes_[self].count = count;
    }
  } else if (c == '"') {
    std::size_t b = 0, e = 0;
    bool escaped = false;
    if (!parse_string(b, e, escaped)) return false;
    nodes_[self].kind = JsonKind::string;
    nodes_[self].escaped = escaped;
  } else if (c == '-' || is_digit(c)) {
    if (!parse_number(nodes_[self])) return false;
  } else if (c == 't') {
    if (!parse_literal("true")) return false;
    nodes_[self].kind = JsonKind::boolean;
    nodes_[self].number.b = true;
  } else if (c == 'f') {
    if (!parse_literal("false")) return false;
    nodes_[self].kind = JsonKind::boolean;
    nodes_[self].number.b = false;
  } else if (c == 'n') {
    if (!parse_literal("null")) return false;
  } else {
    return fail(pos_, "unexpected character");
  }
  nodes_[self].end = pos_;
  nodes_[self].next = static_cast<std::uint32_t>(nodes_.size());
  if (nodes_[self].kind == JsonKind::object && nodes_[self].count > 1) check_duplicate_keys(self);
  return true;
}

bool JsonTree::parse_literal(std::string_view word) {
  if (in_.substr(pos_, word.size()) != word) return fail(pos_, "invalid literal");
  pos_ += word.size();
  return true;
}

bool JsonTree::parse_string(std::size_t& begin, std::size_t& end, bool& escaped) {
  const char* s = in_.data();
  const std::size_t n = in_.size();
  begin = pos_;
  escaped = false;
  std::size_t p = pos_ + 1;
  for (;;) {
    while (p < n && kPlain.plain[static_cast<unsigned char>(s[p])]) ++p;
    if (p >= n) return fail(p, "unterminated string");
    const char c = s[p];
    if (c == '"') break;
    if (c != '\\') return fail(p, "control character in a string");
    escaped = true;
    if (p + 1 >= n) return fail(p, "unterminated string");
    switch (s[p + 1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
        p += 2;
        break;
      case 'u': {
        char32_t cp = 0;
        if (!read_hex4(in_, p + 2, cp)) return fail(p, "invalid \\u escape");
        p += 6;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(p, "lone low surrogate");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          char32_t low = 0;
          if (p + 1 >= n || s[p] != '\\' || s[p + 1] != 'u' || !read_hex4(in_, p + 2, low) || low < 0xDC00 || low > 0xDFFF)
            return fail(p, "high surrogate without a low surrogate");
          p += 6;
        }
        break;
      }
      default:
        return fail(p, "invalid escape");
    }
  }
  end = p + 1;
  pos_ = end;
  return true;
}

bool JsonTree::parse_number(JsonNode& node) {
  const char* s = in_.data();
  const std::size_t n = in_.size();
  std::size_t p = pos_;
  const bool negative = s[p] == '-';
  if (negative) ++p;
  if (p >= n || !is_digit(s[p])) return fail(p, "invalid number");
  const std::size_t digits = p;
  if (s[p] == '0') ++p;
  else
    while (p < n && is_digit(s[p])) ++p;
  const std::size_t digits_end = p;
  bool is_float = false;
  if (p < n && s[p] == '.') {
    ++p;
    if (p >= n || !is_digit(s[p])) return fail(p, "invalid number");
    while (p < n && is_digit(s[p])) ++p;
    is_float = true;
  }
  if (p < n && (s[p] == 'e' || s[p] == 'E')) {
    ++p;
    if (p < n && (s[p] == '+' || s[p] == '-')) ++p;
    if (p >= n || !is_digit(s[p])) return fail(p, "invalid number");
    while (p < n && is_digit(s[p])) ++p;
    is_float = true;
  }
  if (!is_float) {
    std::uint64_t v = 0;
    bool overflow = false;
    for (std::size_t k = digits; k < digits_end; ++k) {
      const std::uint64_t d = static_cast<std::uint64_t>(s[k] - '0');
      if (v > (UINT64_MAX - d) / 10) { overflow = true; break; }
      v = v * 10 + d;
    }
    if (!overflow && !negative) {
      node.kind = JsonKind::unsigned_integer;
      node.number.u = v;
    } else if (!overflow && v <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
      node.kind = JsonKind::signed_integer;
      node.number.i = v == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<std::int64_t>(v);
    } else {
      is_float = true;  // too large for 64 bits: a double, as nlohmann reads it
    }
  }
  if (is_float) {
    const std::string text(s + pos_, p - pos_);
    const double d = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(d)) return fail(pos_, "number overflow");
    node.kind = JsonKind::floating;
    node.number.d = d;
  }
  pos_ = p;
  return true;
}

bool JsonTree::same_key(const JsonNode& a, const JsonNode& b) const {
  const std::size_t size = a.key_end - a.key_begin;
  if (!a.key_escaped && !b.key_escaped)
    return size == b.key_end - b.key_begin && same_bytes(in_.data() + a.key_begin, in_.data() + b.key_begin, size);
  const std::string_view ka = in_.substr(a.key_begin, size);
  const std::string_view kb = in_.substr(b.key_begin, b.key_end - b.key_begin);
  std::string da, db;
  unescape(ka, da);
  unescape(kb, db);
  return da == db;
}

void JsonTree::check_duplicate_keys(std::uint32_t object) {
  const JsonNode& o = nodes_[object];
  if (o.count <= 16) {  // dyad's own objects: compare pairwise
    for (std::uint32_t a = object + 1; a < o.next; a = nodes_[a].next)
      for (std::uint32_t b = nodes_[a].next; b < o.next; b = nodes_[b].next)
        if (same_key(nodes_[a], nodes_[b])) {
          duplicate_key_ = true;
          return;
        }
    return;
  }
  std::unordered_set<std::string> seen;
  for (std::uint32_t a = object + 1; a < o.next; a = nodes_[a].next)
    if (!seen.insert(JsonValue(*this, a).key()).second) {
      duplicate_key_ = true;
      return;
    }
}

void JsonTree::unescape(std::string_view content, std::string& out) {
  out.reserve(out.size() + content.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] != '\\') continue;
    out.append(content.data() + run, i - run);
    const char e = content[i + 1];
    switch (e) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        char32_t cp = 0;
        read_hex4(content, i + 2, cp);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          char32_t low = 0;
          read_hex4(content, i + 4, low);
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
        append_utf8(out, cp);
        break;
      }
      default: out += e;  // '"', '\\', '/'
    }
    ++i;
    run = i + 1;
  }
  out.append(content.data() + run, content.size() - run);
}

}  // namespace dyad::detail
