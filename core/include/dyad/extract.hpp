#pragma once
/// The extraction pipeline: text in, annotated Document out.

#include <cstddef>
#include <string_view>

#include "dyad/document.hpp"

namespace dyad {

class Lexicons;

/// Largest text accepted by one extract() call, in bytes (16 MiB). Larger input yields a
/// document with empty text and an error diagnostic "text.too_large".
inline constexpr std::size_t kMaxTextBytes = 16u * 1024u * 1024u;

/// What the pipeline runs and with which data.
struct ExtractOptions {
  const Lexicons* lexicons = nullptr;  ///< nullptr = the built-in lexicons
  bool mentions = true;                ///< run mention detection and actor resolution
  bool relations = true;               ///< run relation extraction (needs mentions)
};

/// Runs the whole pipeline on `text` (any bytes: invalid UTF-8 is repaired with U+FFFD and
/// reported in Document::diagnostics). Never throws.
Document extract(std::string_view text, const ExtractOptions& options = {});

}  // namespace dyad
