#pragma once
/// The autosave record and its keys in browser storage.
///
/// The record is stored in IndexedDB by web/dyad-shell.js (one transaction writes it and points
/// 'current' at it), or, when IndexedDB is unavailable, under kAutosaveKey in localStorage
/// (setItem replaces a value completely or throws and leaves it alone); either way there is
/// never half a record (docs/page.md). The record
/// also carries the document's length and checksum, and a restore refuses a record that does
/// not match them instead of loading a damaged document:
///
///     dyad-autosave/2 <saved at, ms since 1970> <document bytes> <FNV-1a 32 of the document, hex>\n
///     <document as dyad/1 JSON>
///
/// A second key marks a running session: set at start, removed on a clean close (pagehide).
/// Finding it at start means the last session ended without closing (a crash, a killed tab),
/// and the app asks before restoring.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dyad::app {

/// Where the document is saved when IndexedDB is unavailable (the key web/dyad-shell.js uses).
inline constexpr const char* kAutosaveKey = "dyad/autosave/v2";
/// What dyad 0.1 saved (a bare dyad/1 document); read once and removed.
inline constexpr const char* kLegacyAutosaveKey = "dyad/autosave/v1";
inline constexpr const char* kLegacyAutosaveMetaKey = "dyad/autosave/v1/meta";
/// Present while a page session runs (see above).
inline constexpr const char* kSessionKey = "dyad/session/v2";
/// View settings (theme, arcs), restored with the work.
inline constexpr const char* kPrefsKey = "dyad/prefs/v1";

/// A decoded autosave record.
struct AutosaveRecord {
  double saved_at_ms = 0;     ///< ms since 1970, 0 if unknown
  std::string document_json;  ///< dyad/1
};

/// FNV-1a, 32 bits: cheap, and enough to notice truncation or a changed byte.
std::uint32_t fnv1a32(std::string_view bytes);

/// The record to store for `document_json` saved at `saved_at_ms`.
std::string encode_autosave(std::string_view document_json, double saved_at_ms);

/// Reads a stored record. Returns nullopt and says why in `*problem` when the record is damaged
/// (wrong header, length or checksum). A bare dyad/1 document (the v1 format) is accepted as is.
std::optional<AutosaveRecord> decode_autosave(std::string stored, std::string* problem);

}  // namespace dyad::app
