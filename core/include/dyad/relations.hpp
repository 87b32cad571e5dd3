#pragma once
/// Relation extraction: who did what to whom, coded in PLOVER types and CAMEO codes.
///
/// The last stage of the pipeline. It reads a Document's text, sentences, tokens, mentions
/// and actors and appends Document::relations. Events are found with verb and noun patterns
/// (core/data/verb_patterns.tsv, noun_patterns.tsv; docs/patterns.md) matched over tokens;
/// source and target come from the clause around the trigger (subject, object, prepositional
/// and possessive arguments, passive voice, coordination, "between X and Y").

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/diagnostic.hpp"
#include "dyad/document.hpp"

namespace dyad {

namespace detail {
struct RelationTables;
}

/// One row of a pattern table as written in the TSV, for tests, tools and documentation.
struct RelationPatternRow {
  std::string table;    ///< "verb_patterns" or "noun_patterns" (or a user table's name)
  std::string id;       ///< unique id within the table, e.g. "urge_to"
  std::string pattern;  ///< e.g. "SRC urge TGT to"
  std::string type;     ///< PLOVER type, e.g. "REQUEST"
  std::string cameo;    ///< CAMEO code, e.g. "10" or "100"
  std::string flags;    ///< comma-separated flags, e.g. "sym,intent"
  std::string example;  ///< a sentence with <source> and [target] marked
  std::int64_t line = 0;
};

/// The TSV texts relation extraction is compiled from. Each is a whole file with its header row.
struct RelationPatternSources {
  std::string_view verb_patterns;    ///< verb_patterns.tsv
  std::string_view noun_patterns;    ///< noun_patterns.tsv
  std::string_view cues;             ///< relation_cues.tsv: function words, modality and report cues
  std::string_view time_cues;        ///< time_cues.tsv
  std::string_view irregular_verbs;  ///< irregular_verbs.tsv
  /// Extra pattern tables (e.g. a user's own), in the verb/noun pattern format.
  std::vector<std::pair<std::string, std::string_view>> extra_patterns;  ///< (table name, TSV text)
};

/// Compiled patterns and cues, ready to match. Immutable once loaded; cheap to share.
class RelationPatterns {
 public:
  RelationPatterns();
  ~RelationPatterns();
  RelationPatterns(RelationPatterns&&) noexcept;
  RelationPatterns& operator=(RelationPatterns&&) noexcept;
  RelationPatterns(const RelationPatterns&) = delete;
  RelationPatterns& operator=(const RelationPatterns&) = delete;

  /// The tables compiled into the library (core/data), loaded on first use.
  static const RelationPatterns& built_in();
  /// The built-in TSV texts, e.g. to extend them with a user table in `extra_patterns`.
  static RelationPatternSources built_in_sources();
  /// Compiles `sources`. Every malformed row is reported in `diags` (with file name and line)
  /// and skipped; the rest is usable.
  static RelationPatterns load(const RelationPatternSources& sources, std::vector<Diagnostic>* diags = nullptr);

  /// Every pattern row that was accepted, in file order.
  const std::vector<RelationPatternRow>& rows() const;
  /// Number of compiled patterns.
  std::size_t size() const;

  /// Internal tables (for the matcher in core/src).
  const detail::RelationTables& tables() const { return *tables_; }

 private:
  std::unique_ptr<detail::RelationTables> tables_;
};

/// How relation extraction runs.
struct RelationOptions {
  const RelationPatterns* patterns = nullptr;  ///< nullptr = RelationPatterns::built_in()
  double min_confidence = 0.0;                 ///< relations below this are not added
};

/// Finds events between the actors of `doc` and appends them to `doc.relations` (ids continue
/// after the existing ones; an existing relation with the same source, target, type and trigger
/// is not added again).
/// Requires: doc.sentences and doc.tokens cover doc.text; mentions refer to doc.actors.
void extract_relations(Document& doc, const RelationOptions& options = {});

}  // namespace dyad
