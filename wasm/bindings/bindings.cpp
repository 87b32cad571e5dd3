// embind adapters over the core: documents cross the boundary as dyad/1 JSON. The one thing
// decided here is a property of the boundary itself: a result too long for a JS string.
#include <emscripten/bind.h>

#include <cstddef>
#include <string>

#include <dyad/dyad.hpp>

namespace {

/// The longest string V8 creates (2^29 - 24 UTF-16 units; Firefox and Safari allow more). A
/// longer result would make embind throw "Cannot create a string longer than 0x1fffffe8
/// characters" after all the work was done.
constexpr std::size_t kMaxJsStringUnits = (std::size_t{1} << 29) - 24;

/// Length of UTF-8 `s` in UTF-16 units: one per code point, two for those above U+FFFF.
std::size_t utf16_length(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    n += (b & 0xC0) != 0x80;  // a lead or ASCII byte starts a code point
    n += b >= 0xF0;           // a 4-byte sequence is a surrogate pair
  }
  return n;
}

std::size_t digits(std::size_t v) {
  std::size_t n = 1;
  while (v >= 10) v /= 10, ++n;
  return n;
}

/// A lower bound on the UTF-16 length of to_json(doc) from the contract (docs/json-schema.md):
/// the text, and per span at least {"start":S,"end":E,"utf16":[U,V],"text":"..."} with U >= S,
/// V >= E and one unit per covered code point. Exact enough for dense text (within 5%) that
/// a result far too long is refused without writing hundreds of MB first.
std::size_t json_units_at_least(const dyad::Document& doc) {
  std::size_t n = doc.text.size() / 3;  // at most 3 UTF-8 bytes per UTF-16 unit (4 per 2 above U+FFFF)
  const auto span = [&n](const dyad::Span& s) {
    n += 39 + 2 * (digits(s.start) + digits(s.end)) + s.size();
  };
  for (const auto& s : doc.sentences) span(s.span);
  for (const auto& t : doc.tokens) span(t.span);
  for (const auto& m : doc.mentions) span(m.span);
  for (const auto& r : doc.relations) span(r.trigger);
  return n;
}

/// The refusal: a document with empty text and one error `text.output_too_large` (as
/// `text.too_large` does for text over the limit).
std::string output_too_large(std::size_t units, bool at_least, const dyad::WriteOptions& wo) {
  dyad::Document refusal;
  dyad::Diagnostic d;
  d.code = "text.output_too_large";
  d.source = "text";
  d.message = std::string("the result for this text would be ") + (at_least ? "at least " : "") + std::to_string(units) +
              " characters of JSON, more than the " + std::to_string(kMaxJsStringUnits) +
              " a JavaScript string can hold; split the text into smaller parts (dense news reaches this near 11 MiB) or "
              "use the command-line tool, which has no such limit";
  refusal.diagnostics.push_back(std::move(d));
  return dyad::to_json(refusal, wo);
}

/// `doc` as JSON, or the refusal when that JSON is too long for a JS string: never the
/// exception embind would throw, nor a heap exhausted by writing a result that cannot be returned.
std::string to_js_json(const dyad::Document& doc, const dyad::WriteOptions& wo) {
  if (const std::size_t least = json_units_at_least(doc); least > kMaxJsStringUnits) return output_too_large(least, true, wo);
  std::string json = dyad::to_json(doc, wo);
  if (json.size() <= kMaxJsStringUnits) return json;  // bytes >= UTF-16 units
  const std::size_t units = utf16_length(json);
  if (units <= kMaxJsStringUnits) return json;
  std::string().swap(json);  // free it before writing the refusal
  return output_too_large(units, false, wo);
}

/// extract(text) -> dyad/1 JSON string. Invalid UTF-8 cannot arrive from JS strings, but lone
/// surrogates can: post.js replaces them with U+FFFD before they cross.
std::string extract_json(const std::string& text) { return to_js_json(dyad::extract(text), {}); }

/// extractPretty(text) -> indented dyad/1 JSON.
std::string extract_json_pretty(const std::string& text) {
  dyad::WriteOptions wo;
  wo.pretty = true;
  return to_js_json(dyad::extract(text), wo);
}

/// validate(json) -> JSON {"ok": bool, "diagnostics": [...]}: the same checks as `dyad validate`.
std::string validate_json(const std::string& json) {
  const auto r = dyad::from_json(json);
  return std::string("{\"ok\":") + (r.ok() ? "true" : "false") + ",\"diagnostics\":" + dyad::diagnostics_to_json(r.diagnostics) + "}";
}

/// normalize(json) -> the document re-serialised by dyad (or "" if it does not load).
std::string normalize_json(const std::string& json) {
  const auto r = dyad::from_json(json);
  return r.ok() ? dyad::to_json(*r.document) : std::string();
}

std::string version() { return dyad::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(dyad) {
  emscripten::function("extract", &extract_json);
  emscripten::function("extractPretty", &extract_json_pretty);
  emscripten::function("validate", &validate_json);
  emscripten::function("normalize", &normalize_json);
  emscripten::function("version", &version);
}
