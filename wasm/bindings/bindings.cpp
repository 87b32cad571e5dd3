// embind adapters over the core. No logic here: documents cross the boundary as dyad/1 JSON.
#include <emscripten/bind.h>

#include <string>

#include <dyad/dyad.hpp>

namespace {

/// extract(text) -> dyad/1 JSON string. Invalid UTF-8 cannot arrive from JS strings, but lone
/// surrogates can: embind encodes them as U+FFFD-free WTF-8, which the core repairs and reports.
std::string extract_json(const std::string& text) { return dyad::to_json(dyad::extract(text)); }

/// extractPretty(text) -> indented dyad/1 JSON.
std::string extract_json_pretty(const std::string& text) {
  dyad::WriteOptions wo;
  wo.pretty = true;
  return dyad::to_json(dyad::extract(text), wo);
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
