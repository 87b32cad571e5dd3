#pragma once
/// Undo/redo for the annotator: the document plus snapshots of it before and after each edit.
///
/// Snapshots hold the annotations (actors, mentions, relations, meta); the text, sentences,
/// tokens and diagnostics, which commands never change, are shared between snapshots. Depth is
/// unlimited but bounded by memory: when the snapshots together exceed `byte_limit` (default
/// kHistoryByteLimit, 64 MiB — thousands of steps for a long article), the oldest undo steps
/// are dropped; the newest step is always kept. UI state (selection, scroll) is never here.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "dyad/commands.hpp"
#include "dyad/document.hpp"

namespace dyad {

/// Default cap on the bytes held by all undo and redo snapshots together.
inline constexpr std::size_t kHistoryByteLimit = 64u * 1024u * 1024u;

/// Approximate heap and object bytes of a document's annotations (actors, mentions, relations,
/// meta) — what one snapshot costs.
std::size_t annotation_bytes(const Document& doc);

/// A document with its undo and redo stacks.
class History {
 public:
  /// Starts with `doc` and an empty history.
  explicit History(Document doc = {}, std::size_t byte_limit = kHistoryByteLimit);

  /// The current document.
  const Document& document() const { return current_; }

  /// Applies `cmd` (see apply() in commands.hpp); on success records an undo step labelled by
  /// describe() and drops the redo branch. On error nothing changes and nothing is recorded.
  CommandResult apply(const Command& cmd);

  /// Records a change made outside commands (e.g. merging a re-extraction) as one undo step.
  /// Meant for the same text; a new article should use reset() instead.
  void commit(Document doc, std::string label);

  /// Replaces the document and forgets all history (loading a file, pasting a new article).
  void reset(Document doc);

  /// Steps back once; false when there is nothing to undo.
  bool undo();
  /// Steps forward once; false when there is nothing to redo.
  bool redo();
  /// True when undo() would do something.
  bool can_undo() const { return !undo_.empty(); }
  /// True when redo() would do something.
  bool can_redo() const { return !redo_.empty(); }

  /// Labels of the steps that can be undone, oldest first (the last one is undone next).
  std::vector<std::string> undo_labels() const;
  /// Labels of the steps that can be redone, the next one first.
  std::vector<std::string> redo_labels() const;
  /// Every step in order: undo_labels() then redo_labels(); the first position() are applied.
  std::vector<std::string> labels() const;
  /// How many of labels() are applied.
  std::size_t position() const { return undo_.size(); }

  /// Bytes held by all snapshots now (never above byte_limit() unless one step alone is larger).
  std::size_t bytes() const { return bytes_; }
  /// The cap given at construction.
  std::size_t byte_limit() const { return byte_limit_; }
  /// Oldest steps dropped so far to stay within byte_limit().
  std::size_t dropped() const { return dropped_; }

 private:
  // What commands never change, shared by every snapshot of the same text.
  struct Base {
    std::string text;
    std::vector<Sentence> sentences;
    std::vector<Token> tokens;
    std::vector<Diagnostic> diagnostics;
    ExtraFields extra;
  };
  struct Snapshot {
    std::shared_ptr<const Base> base;
    std::vector<Actor> actors;
    std::vector<Mention> mentions;
    std::vector<Relation> relations;
    Meta meta;
    std::size_t bytes = 0;
  };
  struct Step {
    std::string label;
    Snapshot state;  // in undo_: the state before the step; in redo_: the state after it
  };

  Snapshot snapshot() const;
  void restore(Snapshot& s);
  void record(std::string label, Snapshot before);
  void recount();

  Document current_;
  std::shared_ptr<const Base> base_;
  std::deque<Step> undo_;
  std::vector<Step> redo_;  // back() is redone next
  std::size_t byte_limit_;
  std::size_t bytes_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace dyad
