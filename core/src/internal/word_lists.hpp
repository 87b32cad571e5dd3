#pragma once
// Closed classes of English words the mention detector relies on (grammar, not vocabulary):
// pronouns, determiners, prepositions of place, speech verbs, name particles, and the head
// words that make a capitalised sequence an organisation or a place. All lookups take the
// folded form of one token.

#include <cstdint>
#include <string_view>

#include "internal/mentions.hpp"

namespace dyad::detail {

struct PronounInfo {
  PronounClass cls = PronounClass::none;
  bool possessive = false;
  bool plural = false;
};

/// The pronoun a folded token is, or nullptr.
const PronounInfo* pronoun_info(std::string_view folded);

bool is_determiner(std::string_view folded);          // the a an this that these those
bool is_month_or_day(std::string_view folded);        // monday ... december, jan. ...
bool is_stop_modifier(std::string_view folded);       // words never inside a nominal before its head
bool is_connector_word(std::string_view folded);      // of for and the: lower case inside names
bool is_name_particle(std::string_view folded);       // al el bin von der de da ...
bool is_locative_preposition(std::string_view folded);// in at near from to ...
bool is_place_noun(std::string_view folded);          // province region city crossing ...
bool is_speech_verb(std::string_view folded);         // said told added ...
bool is_government_noun(std::string_view folded);     // government authorities officials ...
bool is_compass_word(std::string_view folded);        // north southern central ...
bool non_actor_head(std::string_view folded);
bool is_weapon_noun(std::string_view folded);         // artillery drones warplanes ...: bodies that are things         // treaty war law summit ...: names of no actor

enum class OrgHead : std::uint8_t { none, organization, government, group };
/// What a capitalised last word makes of a name: "Ministry" (government), "Party" (organisation).
OrgHead org_head(std::string_view folded);
/// The sector a government head word implies ("Court" JUD, "Police" COP), or "GOV".
const char* head_sector(std::string_view folded);
/// A last word that makes a name a place: "Sea", "Province", "Strait".
bool location_head(std::string_view folded);

// The same tests by token key (token_key of the folded form), for the hot loops.
const PronounInfo* pronoun_info(std::uint64_t key);
bool is_determiner(std::uint64_t key);
bool is_month_or_day(std::uint64_t key);
bool is_stop_modifier(std::uint64_t key);
bool is_connector_word(std::uint64_t key);
bool is_name_particle(std::uint64_t key);
bool is_locative_preposition(std::uint64_t key);
bool is_place_noun(std::uint64_t key);
bool is_speech_verb(std::uint64_t key);
bool is_government_noun(std::uint64_t key);
bool is_compass_word(std::uint64_t key);
bool non_actor_head(std::uint64_t key);
bool is_weapon_noun(std::uint64_t key);
OrgHead org_head(std::uint64_t key);
bool location_head(std::uint64_t key);

}  // namespace dyad::detail
