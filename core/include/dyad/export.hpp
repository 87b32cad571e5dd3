#pragma once
/// Exporting an annotated document to the formats other tools read (docs/export.md):
/// an event table (TSV), brat standoff (.ann), CoNLL-2003-style BIO NER, and JSON lines of events.
///
/// Rejected annotations are never exported. Nothing throws; what cannot be expressed in a
/// format (a relation with no mention anchor in brat, a mention cutting a token in CoNLL) is
/// left out or approximated and reported as a warning in `diags`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.hpp"
#include "dyad/document.hpp"

namespace dyad {

/// The export formats.
enum class ExportFormat {
  events,        ///< TSV, one row per relation (dyadic event table), with a header row
  brat,          ///< brat standoff .ann for the text (the .txt is Document::text itself)
  conll,         ///< token TAB BIO-tag, blank line between sentences (NAME mentions only)
  jsonl_events,  ///< one JSON object per relation, one per line
};

/// The command-line spelling: "events", "brat", "conll", "jsonl-events".
const char* to_string(ExportFormat f);
/// Parses the spelling of to_string(ExportFormat); nullopt for anything else.
std::optional<ExportFormat> parse_export_format(std::string_view s);

/// The CoNLL-2003 entity class of an actor type: PERSON -> PER; STATE, LOCATION -> LOC;
/// GOVERNMENT, ORGANIZATION, GROUP -> ORG.
const char* conll_class(ActorType t);

/// `doc` in `format`. `doc` should be valid (validate(doc) empty, as after from_json); spans
/// outside the text or dangling references are skipped with a warning rather than trusted.
/// Appends warnings (codes "export.*") to `diags`; never fails.
std::string export_document(const Document& doc, ExportFormat format, std::vector<Diagnostic>& diags);

}  // namespace dyad
