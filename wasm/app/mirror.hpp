#pragma once
/// The visually hidden DOM mirror of the article for screen readers: paragraphs of text with
/// each mention marked and labelled with its actor, then the relations as a list.

#include <string>

#include <dyad/document.hpp>

#include "document_index.hpp"

namespace dyad::app {

/// JSON the page turns into DOM nodes (platform::set_mirror):
/// {"paragraphs": [[[text, label|null], ...], ...], "relations": ["A → TYPE → B", ...]}.
/// Covers the text up to the first paragraph end after `max_bytes` (then says where it stops)
/// and at most as many relations: a DOM of every mention of a book-length text would stall the page.
std::string mirror_json(const Document& doc, const DocumentIndex& index, std::size_t max_bytes);

}  // namespace dyad::app
