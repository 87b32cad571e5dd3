// embind adapters over the core: documents cross the boundary as dyad/1 JSON. The one thing
// decided here is a property of the boundary itself: a result too long for a JS string.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

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

/// The refusal: a document with empty text and one error `text.output_too_large` (as
/// `text.too_large` does for text over the limit).
std::string output_too_large(std::size_t size, bool in_bytes, const dyad::WriteOptions& wo) {
  dyad::Document refusal;
  dyad::Diagnostic d;
  d.code = "text.output_too_large";
  d.source = "text";
  if (wo.pretty && in_bytes && size <= kMaxJsStringUnits) {
    d.message = "the indented result for this text could be longer than the " + std::to_string(kMaxJsStringUnits) +
                " characters a JavaScript string can hold (its compact JSON alone is " + std::to_string(size) +
                " bytes); use extract() for compact JSON, split the text, or use the command-line tool";
  } else {
    d.message = "the result for this text would be " + std::to_string(size) + (in_bytes ? " bytes" : " characters") +
                " of JSON, more than the " + std::to_string(kMaxJsStringUnits) + " characters" +
                " a JavaScript string can hold; split the text into smaller parts (dense text reaches this near 11 MiB) or "
                "use the command-line tool, which has no such limit";
  }
  refusal.diagnostics.push_back(std::move(d));
  return dyad::to_json(refusal, wo);
}

/// `doc` as JSON, or the refusal when that JSON is too long for a JS string: never the
/// exception embind would throw, nor a heap exhausted by writing a result that cannot be returned.
std::string to_js_json(const dyad::Document& doc, const dyad::WriteOptions& wo) {
  // Counted first (about half the cost of writing): compact JSON over the limit in bytes is
  // refused unwritten. Bytes >= UTF-16 units, so this may refuse a result of mostly non-Latin
  // text a little below the limit in units; writing it could exhaust the 2 GB heap instead.
  // Articles skip the count: the JSON of real text is 25-80 bytes per byte of text, so below
  // kMaxJsStringUnits / 128 bytes of text it cannot reach the limit (and if it ever did, the
  // checks after writing still refuse it).
  // Indentation at most about triples the compact size (a token object becomes 8 indented
  // lines), so an indented result is refused unwritten once the compact one passes a third.
  if (doc.text.size() > kMaxJsStringUnits / 128) {
    const std::size_t limit = wo.pretty ? kMaxJsStringUnits / 3 : kMaxJsStringUnits;
    if (const std::size_t bytes = dyad::json_size(doc, wo); bytes > limit) return output_too_large(bytes, true, wo);
  }
  std::string json = dyad::to_json(doc, wo);
  if (json.size() <= kMaxJsStringUnits) return json;  // bytes >= UTF-16 units
  const std::size_t units = utf16_length(json);
  if (units <= kMaxJsStringUnits) return json;
  std::string().swap(json);  // free it before writing the refusal
  return output_too_large(units, false, wo);
}

/// The user's lexicon rows added with addLexicon() on top of the built-ins (none: nullptr).
std::unique_ptr<dyad::Lexicons> g_user_lexicons;

/// What every extract call runs with: the built-ins plus the user's rows, if any.
dyad::Document run_extract(const std::string& text) {
  dyad::ExtractOptions o;
  o.lexicons = g_user_lexicons.get();
  return dyad::extract(text, o);
}

/// `json` as a JS string, decoded by TextDecoder straight from the wasm heap. Returning
/// std::string made embind 3.1.6 copy it into a second heap buffer and scan that byte by byte
/// in JS before decoding: for a 1 MB article 23 MB more heap (78 MB in all, the budget is 64),
/// and about a fifth of the time of a 1,000-word extract() call.
emscripten::val js_string(const std::string& json) {
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_();
  return decoder.call<emscripten::val>("decode", emscripten::typed_memory_view(json.size(), json.data()));
}

/// extract(text) -> dyad/1 JSON string. Invalid UTF-8 cannot arrive from JS strings, but lone
/// surrogates can: post.js replaces them with U+FFFD before they cross.
emscripten::val extract_json(const std::string& text) { return js_string(to_js_json(run_extract(text), {})); }

/// extractPretty(text) -> indented dyad/1 JSON.
emscripten::val extract_json_pretty(const std::string& text) {
  dyad::WriteOptions wo;
  wo.pretty = true;
  return js_string(to_js_json(run_extract(text), wo));
}

/// extract(text, {tokens, pretty}) (post.js maps the options object onto this): without the
/// token list the JSON of an article is about half as long (as `dyad extract --no-tokens`).
emscripten::val extract_json_with(const std::string& text, bool tokens, bool pretty) {
  dyad::WriteOptions wo;
  wo.include_tokens = tokens;
  wo.pretty = pretty;
  return js_string(to_js_json(run_extract(text), wo));
}

/// validate(json) -> JSON {"ok": bool, "diagnostics": [...]}: the same checks as `dyad validate`.
std::string validate_json(const std::string& json) {
  const auto r = dyad::from_json(json);
  return std::string("{\"ok\":") + (r.ok() ? "true" : "false") + ",\"diagnostics\":" + dyad::diagnostics_to_json(r.diagnostics) + "}";
}

/// normalize(json) -> the document re-serialised by dyad (or "" if it does not load).
emscripten::val normalize_json(const std::string& json) {
  const auto r = dyad::from_json(json);
  return js_string(r.ok() ? dyad::to_json(*r.document) : std::string());
}

/// exportAs(json, format) -> the document in `format` ("events", "brat", "conll",
/// "jsonl-events"; docs/export.md), or, when the JSON does not load or the format is unknown,
/// the JSON error object validate() gives: {"ok":false,"diagnostics":[...]}. No export starts
/// with `{"ok":` (jsonl-events lines start with `{"event_id":`), so that prefix tells them apart.
emscripten::val export_as(const std::string& json, const std::string& format_name) {
  const auto format = dyad::parse_export_format(format_name);
  if (!format) {
    dyad::Diagnostic d;
    d.code = "export.format";
    d.message = "unknown export format \"" + format_name + "\" (events, brat, conll, jsonl-events)";
    return js_string(std::string("{\"ok\":false,\"diagnostics\":") + dyad::diagnostics_to_json({d}) + "}");
  }
  const auto r = dyad::from_json(json);
  if (!r.ok()) return js_string(std::string("{\"ok\":false,\"diagnostics\":") + dyad::diagnostics_to_json(r.diagnostics) + "}");
  std::vector<dyad::Diagnostic> warnings;
  return js_string(dyad::export_document(*r.document, *format, warnings));
}

/// addLexicon(tsv, name) -> {"ok": bool, "kind": "...", "diagnostics": [...]}: adds the rows of a
/// lexicon TSV (the format of core/data, docs/lexicons.md; the kind from the header row or else
/// `name`, e.g. "organizations.tsv") on top of the built-ins and earlier additions, for every
/// later extract() — the module's counterpart of `dyad extract --lexicon FILE`. Rows with errors
/// are skipped and reported; "ok" is false when any error was found or the kind is unknown.
std::string add_lexicon(const std::string& tsv, const std::string& name) {
  const auto kind = dyad::Lexicons::detect_kind(tsv, name);
  if (!kind) {
    dyad::Diagnostic d;
    d.code = "lexicon.kind";
    d.source = name;
    d.message = "cannot tell which lexicon \"" + name +
                "\" is: give it a header row of one of the built-in tables or a name like organizations.tsv (docs/lexicons.md)";
    return std::string("{\"ok\":false,\"kind\":null,\"diagnostics\":") + dyad::diagnostics_to_json({d}) + "}";
  }
  if (!g_user_lexicons) g_user_lexicons = std::make_unique<dyad::Lexicons>(dyad::Lexicons::load_builtin());
  const auto diags = g_user_lexicons->add_tsv(*kind, tsv, name);
  bool ok = true;
  for (const auto& d : diags) ok = ok && d.severity != dyad::Severity::error;
  return std::string("{\"ok\":") + (ok ? "true" : "false") + ",\"kind\":\"" + dyad::to_string(*kind) +
         "\",\"diagnostics\":" + dyad::diagnostics_to_json(diags) + "}";
}

/// resetLexicons(): back to the built-in lexicons only.
void reset_lexicons() { g_user_lexicons.reset(); }

std::string version() { return dyad::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(dyad) {
  emscripten::function("extract", &extract_json);
  emscripten::function("extractPretty", &extract_json_pretty);
  emscripten::function("extractWith", &extract_json_with);
  emscripten::function("validate", &validate_json);
  emscripten::function("normalize", &normalize_json);
  emscripten::function("exportAs", &export_as);
  emscripten::function("addLexicon", &add_lexicon);
  emscripten::function("resetLexicons", &reset_lexicons);
  emscripten::function("version", &version);
}
