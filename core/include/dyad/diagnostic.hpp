#pragma once
/// Diagnostics: every problem a loader or command finds, reported instead of thrown.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dyad {

/// Unknown JSON members kept verbatim on load and written back after the known ones, in their
/// original order: (key, the value as compact JSON text).
using ExtraFields = std::vector<std::pair<std::string, std::string>>;

/// How bad a diagnostic is: an error means the operation produced nothing.
enum class Severity { info, warning, error };

/// One problem found in input: where (JSON pointer, line/column or offset) and what.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     ///< stable machine id, e.g. "utf8.invalid", "json.type", "schema.version"
  std::string message;  ///< one human sentence
  std::string source;   ///< file name or "" (text, json, tsv name)
  std::string path;     ///< JSON pointer ("/mentions/3/start") or "" when not JSON
  std::int64_t line = 0;    ///< 1-based line, 0 = unknown
  std::int64_t column = 0;  ///< 1-based column, 0 = unknown
  std::int64_t offset = -1; ///< byte offset into the input, -1 = unknown
  ExtraFields extra = {};   ///< unknown members of a diagnostic read from dyad/1
};

/// Severity as its JSON spelling ("info", "warning", "error").
const char* to_string(Severity s);

/// True if any diagnostic has Severity::error.
bool has_errors(const std::vector<Diagnostic>& diags);

/// "source:line:column: error: message [path]" for terminals and logs.
std::string format(const Diagnostic& d);

}  // namespace dyad
