#pragma once
// Actors as resolution builds them, and writing them (with codes, confidence and provenance)
// into a Document.

#include <cstdint>
#include <string>
#include <vector>

#include "internal/mentions.hpp"

namespace dyad::detail {

struct ActorRecord {
  ActorType type = ActorType::person;
  std::int32_t country = -1;  // countries row
  std::string sector;
  std::string name;           // canonical name
  std::string key;            // person: folded words of the fullest name
  std::string rule;           // provenance of the mention that named it
  std::int32_t first = -1, last = -1;  // candidates
  std::int32_t mentions = 0;
  std::int32_t title = -1;    // titles row of a person
  std::int32_t org = -1;      // organizations row
  std::int32_t affiliation = -1;  // candidate of the body a person speaks for
  std::int32_t merged_into = -1;
  Gender gender = Gender::unknown;
  Number number = Number::singular;
  bool named = false;         // has a NAME mention
  bool uncertain = false;     // typed from a name of unknown kind: another mention may retype it
  float confidence = 0.f;
};

/// The CAMEO-style code of an actor: ISO3 + sector (IRNGOV), the ISO3 alone for states, the
/// lexicon code for known organisations; "" when the country (or sector) is unknown.
std::string actor_code(const ActorRecord& a, const Lexicons& lex);

/// Writes the resolved candidates as Document actors (ids a1.. in order of first mention) and
/// mentions (ids m1.. in text order).
void write_document(const TextLayer& text, const Lexicons& lex, const std::vector<Candidate>& cands,
                    const std::vector<ActorRecord>& actors, Document& doc);

}  // namespace dyad::detail
