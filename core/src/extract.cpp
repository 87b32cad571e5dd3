// The extraction pipeline: repair -> text layer -> mentions -> actors -> relations.
#include "dyad/extract.hpp"

#include "dyad/lexicon.hpp"
#include "dyad/utf8.hpp"
#include "internal/gazetteer.hpp"
#include "internal/mentions.hpp"
#include "internal/relations.hpp"
#include "internal/text_layer.hpp"

namespace dyad {

Document extract(std::string_view text, const ExtractOptions& options) {
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
  const Lexicons& lex = options.lexicons ? *options.lexicons : Lexicons::builtin();

  detail::TextLayer layer;
  detail::analyse_text(doc.text, lex.gazetteer().abbreviations(), layer);
  doc.tokens.reserve(layer.tokens.size());
  for (const auto& t : layer.tokens) doc.tokens.push_back(Token{Span{t.cp_begin, t.cp_end}});
  doc.sentences.reserve(layer.sentences.size());
  for (const auto& s : layer.sentences)
    doc.sentences.push_back(
        Sentence{Span{layer.tokens[s.tok_begin].cp_begin, layer.tokens[s.tok_end - 1].cp_end}});
  if (!options.mentions) return doc;

  {
    // The candidates are only needed until they are actors and mentions.
    detail::Detection detection;
    detail::detect_mentions(layer, lex, detection);
    detail::resolve_actors(layer, lex, detection, doc);
  }
  if (options.relations) detail::extract_relations(doc, layer);
  return doc;
}

}  // namespace dyad
