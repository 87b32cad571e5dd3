#pragma once
/// Re-running extraction on a document a person has already corrected.
///
/// A person's decision is any annotation with provenance user or a status other than
/// suggested (accepted, edited, rejected). merge_reextraction() keeps every decision, drops the
/// untouched suggestions of the edited document and takes the fresh extraction's suggestions
/// instead, except those the person already decided on:
/// - a mention is the same as another when span and kind are equal; a fresh mention is dropped
///   when it equals a rejected mention or overlaps a kept mention that is not rejected;
/// - an actor is the same as another when a fresh mention of it has the span of a kept mention
///   of that actor, or when names (ASCII case-insensitive, trimmed) and codes are equal; a fresh
///   actor that is the same as a rejected actor is dropped with its mentions and relations;
/// - a relation is the same as another when source, target (after mapping actors) and type are
///   equal and the triggers overlap (or either is empty); a fresh relation equal to a kept one
///   (rejected or not) is dropped.
/// Kept annotations keep their ids; a fresh suggestion equal to an untouched suggestion of the
/// edited document takes that one's id; everything else gets a new id (never one the edited
/// document used). Text layer (sentences, tokens, diagnostics) comes from the fresh extraction,
/// meta and unknown fields from the edited document.

#include "dyad/document.hpp"

namespace dyad {

/// True when a person created or decided on this annotation (provenance user or status not suggested).
bool is_user_decision(const Actor& a);
bool is_user_decision(const Mention& m);
bool is_user_decision(const Relation& r);

/// Merges `fresh` (extract() of the same text) into `edited`. If the texts differ, returns
/// `edited` unchanged with an error diagnostic "merge.text_mismatch" appended.
Document merge_reextraction(const Document& edited, const Document& fresh);

}  // namespace dyad
