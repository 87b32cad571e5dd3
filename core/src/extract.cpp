// The extraction pipeline: repair -> text layer -> mentions -> actors -> relations.
#include "dyad/extract.hpp"

#include "dyad/utf8.hpp"

namespace dyad {

Document extract(std::string_view text, const ExtractOptions& options) {
  (void)options;
  Document doc;
  if (text.size() > kMaxTextBytes) {
    Diagnostic d;
    d.severity = Severity::error;
    d.code = "text.too_large";
    d.source = "text";
    d.message = "text is " + std::to_string(text.size()) + " bytes; one call accepts at most " + std::to_string(kMaxTextBytes) +
                " bytes (split the input, e.g. one article per line with `dyad extract --jsonl`)";
    doc.diagnostics.push_back(std::move(d));
    return doc;
  }
  doc.text = repair_utf8(text, &doc.diagnostics);
  return doc;
}

}  // namespace dyad
