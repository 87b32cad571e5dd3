#pragma once
/// Edit commands: every change a person makes to a document, as plain data.
///
/// Views never edit a Document; they emit a Command and the model applies it with apply(),
/// which validates first and either changes the document as described or leaves it untouched
/// and returns diagnostics. History (history.hpp) records a snapshot and describe()'s label.
///
/// Policies (docs/json-schema.md, "Editing"):
/// - Spans are code point offsets [start, end); a new mention must be non-empty, inside the text,
///   must not split a character (no combining mark, variation selector, emoji modifier or ZWJ
///   across an edge) and must not overlap another mention unless that one is rejected.
/// - Removing a mention clears relation anchors on it (the relations stay). Removing an actor
///   removes its mentions, drops it from plural mentions (a plural mention left with no member
///   is removed), and removes every relation it is the source or target of.
/// - Changing a mention's actor moves the relations anchored on it to the new actor; an anchor
///   that would make a relation point from an actor to itself is cleared instead.
/// - New annotations get provenance user, status accepted, confidence 1. Editing an automatic
///   annotation sets its status to edited (its provenance keeps the rule that found it); a
///   user's own annotation stays accepted. Accept / Reject set the status only.
/// - New ids are "a", "m" or "r" + 1 + the largest numeric suffix of that kind in the document
///   or ever handed out for it (Document::last_*_id): an id is never reused, not even after
///   its annotation was removed (undo restores annotations, not the counters).

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dyad/diagnostic.hpp"
#include "dyad/document.hpp"

namespace dyad {

/// Adds a mention of an existing actor, of several actors (plural), or of a new actor.
struct AddMention {
  Span span;
  MentionKind kind = MentionKind::name;
  std::string actor;                 ///< existing actor id; "" with no members = create an actor
  std::vector<std::string> members;  ///< plural mention ("the two sides"): two or more actor ids
  ActorType new_actor_type = ActorType::person;  ///< type of the actor created when `actor` is ""
  std::string new_actor_name;        ///< its name; "" = the covered text
};
/// Removes a mention; relations anchored on it lose the anchor but stay.
struct RemoveMention {
  std::string mention;
};
/// Changes a mention's kind (NAME, NOMINAL, PRONOUN).
struct SetMentionKind {
  std::string mention;
  MentionKind kind = MentionKind::name;
};
/// Makes a mention refer to another actor, or (with members) to several.
struct SetMentionActor {
  std::string mention;
  std::string actor;                 ///< "" when `members` is set
  std::vector<std::string> members;  ///< plural: two or more actor ids
};
/// Creates a new actor and makes the mention refer to it alone.
struct CreateActorFromMention {
  std::string mention;
  std::string name;  ///< "" = the mention's covered text
  ActorType type = ActorType::person;
  std::string country, sector, code;
};
/// Removes an actor with its mentions and relations (see the policy above).
struct RemoveActor {
  std::string actor;
};
/// Sets an actor's canonical name (non-empty).
struct RenameActor {
  std::string actor;
  std::string name;
};
/// Sets an actor's type.
struct SetActorType {
  std::string actor;
  ActorType type = ActorType::person;
};
/// Sets any of an actor's country (3 capitals or ""), sector and code (capitals and digits or "").
struct SetActorCodes {
  std::string actor;
  std::optional<std::string> country, sector, code;
};
/// Merges actor `from` into `into`: mentions, plural memberships and relations move, `from` is
/// removed, empty fields of `into` are filled from `from`; relations that would point from
/// `into` to itself are removed.
struct MergeActors {
  std::string into;
  std::string from;
};
/// Moves one mention of an actor with several mentions into a new actor copying its type,
/// country, sector and code, named by the covered text.
struct SplitMention {
  std::string mention;
};
/// Adds a relation between two different actors; quad follows the type.
struct AddRelation {
  std::string source, target;
  std::string source_mention, target_mention;  ///< "" = not anchored
  std::string type;                            ///< PLOVER type
  std::string cameo;                           ///< "" or 2–4 digits fitting the type
  Span trigger;                                ///< may be empty (start == end)
  std::int64_t sentence = -1;                  ///< -1 = the sentence containing the trigger, if known
  bool negated = false;
  Modality modality = Modality::asserted;
};
/// Removes a relation.
struct RemoveRelation {
  std::string relation;
};
/// Sets a relation's PLOVER type and CAMEO code; the quad follows the type.
struct SetRelationType {
  std::string relation;
  std::string type;
  std::string cameo;  ///< "" or 2–4 digits fitting the type
};
/// Swaps source and target (with their anchors).
struct SwapRelation {
  std::string relation;
};
/// Sets the source actor (and its anchor mention, "" = none) of a relation.
struct SetRelationSource {
  std::string relation;
  std::string actor;
  std::string mention;
};
/// Sets the target actor (and its anchor mention, "" = none) of a relation.
struct SetRelationTarget {
  std::string relation;
  std::string actor;
  std::string mention;
};
/// Marks a relation negated ("did not agree") or not.
struct SetRelationNegated {
  std::string relation;
  bool negated = false;
};
/// Sets how a relation is asserted.
struct SetRelationModality {
  std::string relation;
  Modality modality = Modality::asserted;
};
/// Accepts an actor, mention or relation (found by id among all three).
struct Accept {
  std::string id;
};
/// Rejects an actor, mention or relation; rejecting an actor also rejects its mentions and the
/// relations it takes part in. Rejected annotations stay in the document so re-extraction never
/// suggests them again.
struct Reject {
  std::string id;
};
/// Accepts every suggested actor, mention and relation whose confidence is at least `min_confidence`.
struct AcceptAllAbove {
  double min_confidence = 0.9;
};
/// Sets any of the document's meta fields.
struct SetMeta {
  std::optional<std::string> title, url, date, annotator, notes;
};

/// Any edit of a document.
using Command = std::variant<AddMention, RemoveMention, SetMentionKind, SetMentionActor, CreateActorFromMention, RemoveActor,
                             RenameActor, SetActorType, SetActorCodes, MergeActors, SplitMention, AddRelation, RemoveRelation,
                             SetRelationType, SwapRelation, SetRelationSource, SetRelationTarget, SetRelationNegated,
                             SetRelationModality, Accept, Reject, AcceptAllAbove, SetMeta>;

/// What apply() did: diagnostics (an error means nothing changed) and the ids it created.
struct CommandResult {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> created;  ///< ids of new annotations, actors before mentions before relations
  bool ok() const { return !has_errors(diagnostics); }
};

/// Validates `cmd` against `doc` and applies it. On error `doc` is unchanged.
CommandResult apply(Document& doc, const Command& cmd);

/// One line for the history list, e.g. "Add mention “Bayramov” → Jeyhun Bayramov".
/// Uses `doc` as it is before the command; unknown ids are shown as they are.
std::string describe(const Command& cmd, const Document& doc);

/// The id the next new annotation with `prefix` ("a", "m" or "r") will get; "" for other prefixes.
std::string fresh_id(const Document& doc, char prefix);

/// Code point span of UTF-16 offsets [start, end) of `text` (as a JS selection gives them), or
/// nullopt when out of range, reversed, or splitting a surrogate pair.
std::optional<Span> span_from_utf16(const std::string& text, std::size_t start, std::size_t end);

}  // namespace dyad
