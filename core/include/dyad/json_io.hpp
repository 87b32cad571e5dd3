#pragma once
/// Reading and writing documents in the dyad/1 JSON format (docs/json-schema.md).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.hpp"
#include "dyad/document.hpp"

namespace dyad {

/// How to write a document.
struct WriteOptions {
  bool pretty = false;          ///< 2-space indentation instead of one line
  bool include_tokens = true;   ///< write the token list (large for long texts)
};

/// Serialises `doc` as dyad/1 JSON. Never fails: text is valid UTF-8 by construction.
std::string to_json(const Document& doc, const WriteOptions& options = {});

/// The bytes to_json(doc, options) would write without `pretty` (pretty adds indentation),
/// counted without writing: for a caller that must refuse a result too large to hold.
std::size_t json_size(const Document& doc, const WriteOptions& options = {});

/// Serialises diagnostics as a JSON array (the same objects as a document's "diagnostics").
std::string diagnostics_to_json(const std::vector<Diagnostic>& diags);

/// Outcome of loading a dyad/1 JSON file.
struct LoadResult {
  std::optional<Document> document;       ///< set only when there is no error
  std::vector<Diagnostic> diagnostics;    ///< every problem found, each with its JSON pointer
  bool ok() const { return document.has_value(); }
};

/// Parses and validates dyad/1 JSON. On any error returns no document and all diagnostics;
/// the caller's current document is never touched.
LoadResult from_json(std::string_view json, std::string_view source_name = "");

}  // namespace dyad
