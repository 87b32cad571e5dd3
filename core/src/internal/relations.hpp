#pragma once
// Relation extraction on the pipeline's own text layer (folded tokens and their keys are already
// there), so extract() does not fold the text twice. dyad::extract_relations(Document&) builds a
// layer from the document and calls this.

#include "dyad/document.hpp"
#include "dyad/relations.hpp"
#include "internal/text_layer.hpp"

namespace dyad::detail {

/// extract_relations() for a document whose sentences and tokens are exactly those of `layer`.
void extract_relations(Document& doc, const TextLayer& layer, const RelationOptions& options = {});

}  // namespace dyad::detail
