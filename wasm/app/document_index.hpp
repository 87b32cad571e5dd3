#pragma once
/// Read-only lookups over a Document that the views need every frame (byte spans of mentions,
/// actors by id, mention counts), rebuilt whenever the document changes.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include <dyad/dyad.hpp>

namespace dyad::app {

/// One mention located in the UTF-8 text.
struct MentionSpan {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  int mention = -1;  ///< index into Document::mentions
  int actor = -1;    ///< index into Document::actors, -1 if unresolved
};

class DocumentIndex {
 public:
  /// Rebuilds everything from `doc`. Spans out of range or inside a character are skipped.
  void build(const Document& doc);

  const OffsetMap& offsets() const { return offsets_; }
  /// Mention spans sorted by byte_begin.
  const std::vector<MentionSpan>& mention_spans() const { return spans_; }
  /// Longest mention in bytes (bounds the search for mentions overlapping a range).
  std::size_t longest_mention() const { return longest_; }
  /// Index of the actor with `id` in Document::actors, or -1.
  int actor_index(const std::string& id) const;
  /// Index of the mention with `id` in Document::mentions, or -1.
  int mention_index(const std::string& id) const;
  /// Number of mentions of actor `actor` (index into Document::actors).
  int mention_count(int actor) const;
  /// Index into mention_spans() of the first span that may overlap bytes >= `byte`.
  std::size_t first_span_overlapping(std::size_t byte) const;
  /// Index into mention_spans() of mention `mention` (index into Document::mentions), or -1.
  int span_of_mention(int mention) const;
  /// Index into mention_spans() of the innermost (shortest) mention containing `byte`, or -1.
  int span_at(std::size_t byte) const;

 private:
  OffsetMap offsets_;
  std::vector<MentionSpan> spans_;
  std::size_t longest_ = 0;
  std::unordered_map<std::string, int> actor_by_id_;
  std::unordered_map<std::string, int> mention_by_id_;
  std::vector<int> mentions_per_actor_;
  std::vector<int> span_by_mention_;
};

}  // namespace dyad::app
