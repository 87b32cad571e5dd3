#pragma once
// Mention candidates: what the detector found in the text and what each says about the actor
// it refers to. Resolution (coref.cpp) turns them into Document actors and mentions.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.hpp"
#include "dyad/lexicon.hpp"
#include "internal/gazetteer.hpp"
#include "internal/text_layer.hpp"

namespace dyad::detail {

enum class Gender : std::uint8_t { unknown, male, female };
enum class Number : std::uint8_t { unknown, singular, plural };

/// What a candidate says about its referent.
enum class Ref : std::uint8_t {
  state,         // a country name, "the Iranian side"
  government,    // a capital as metonym, "Iranian authorities", "the government", "the Kremlin"
  body,          // a body or group of a state: "Greek foreign ministry", "police", "truck drivers"
  named_body,    // a body with an official name: "State Department", "Ministry of Roads ..."
  person,        // a person's name
  role,          // a person described: "the foreign minister", "his Iranian counterpart"
  organization,  // an organisation's name
  location,      // a named place
  pronoun,
  plural,        // several actors: "the two countries", "both sides", "foreign ministers"
  anaphor,       // refers back to a named actor only: "the bloc", "the commission", "the group"
};

/// Which pronoun (folded) a PRONOUN candidate is.
enum class PronounClass : std::uint8_t { none, he, she, it, they, we, i };

struct Candidate {
  std::uint32_t tb = 0, te = 0;  // token range [tb, te)
  std::uint32_t sentence = 0;
  MentionKind kind = MentionKind::name;
  Ref ref = Ref::person;
  ActorType type = ActorType::person;
  std::int32_t country = -1;     // countries row
  std::int32_t country_and = -1; // a second country: "Indian and Pakistani troops" (two bodies)
  std::int32_t org = -1;         // organizations row
  std::int32_t title = -1;       // titles row (persons, roles)
  std::int32_t sector_row = -1;  // sectors row (bodies)
  std::int32_t nominal = -1;     // nominals row
  std::string_view sector;       // GOV, MIL, ... (a lexicon string or a literal)
  Gender gender = Gender::unknown;
  Number number = Number::singular;
  PronounClass pronoun = PronounClass::none;
  bool possessive = false;       // his/its/their/our
  bool object = false;           // him/them/us/me: not its own clause's subject
  bool counterpart = false;      // "counterpart": same role as the possessor, another country
  bool in_quote = false;
  bool indefinite = false;       // after a/an
  bool subject = false;          // the first actor mention of its clause
  bool capital_metonym = false;  // a capital standing for its government
  bool uncertain_type = false;   // a name of unknown kind (type from context only)
  bool given_name = false;       // a one-word name that is a given name ("Ilham")
  std::int32_t quote = -1;       // which quotation it is in
  std::int32_t possessor = -1;   // candidate this one's possessor is (his/its/Iran's)
  std::int32_t same_as = -1;     // apposition or parenthesised acronym: must be this candidate's actor
  std::int32_t affiliation = -1; // a person's body: "army spokesman X", "an adviser to the RSF"
  std::int32_t quantity = 0;     // "two" in "the two countries" (0 = not given)
  std::string_view name;         // NAME: the surface name or the lexicon's name (views into the text
                                 // or the lexicons, which outlive resolution)
  std::string_view noun;         // NOMINAL: the head noun ("foreign ministry"); the description is
                                 // its country's adjective + noun
  std::string key;               // folded name words joined by ' ' (names); an anaphor's head word
  std::string_view rule;         // provenance rule (a literal)
  float confidence = 0.8f;

  // Filled by resolution.
  std::int32_t actor = -1;
  std::vector<std::int32_t> members;  // plural: actor indices
};

/// A NAME typed by its shape or the name-type model only, not by a lexicon, a head word or a
/// title: context elsewhere (a coordination, a person of that surname) may retype it.
inline bool weakly_typed(const Candidate& c) {
  if (c.kind != MentionKind::name) return false;
  const std::string_view r = c.rule;
  return c.uncertain_type || r == "rule:capitalised" || r == "rule:capitalised+model" ||
         r == "rule:capitalised+preposition";
}

/// "X and Y": candidates coordinated in one noun phrase (antecedents of "they", "both sides").
struct Coordination {
  std::vector<std::int32_t> candidates;
  std::uint32_t sentence = 0;
};

/// A quotation and who said it.
struct Quotation {
  std::uint32_t tb = 0, te = 0;  // tokens inside the quotation marks
  std::int32_t speaker = -1;     // candidate of the speaker, if found
};

/// Everything the detector found in one document.
struct Detection {
  std::vector<Candidate> candidates;  // in text order
  std::vector<Coordination> coordinations;
  std::vector<Quotation> quotations;
  std::int32_t dateline_country = -1;  // country of the dateline city ("BAKU, March 12 —")
  std::uint32_t dateline_begin = 0;    // first token of the dateline
  std::uint32_t dateline_end = 0;      // first token after the dateline (0: none)
};

/// Finds mention candidates in the text layer.
void detect_mentions(const TextLayer& text, const Lexicons& lex, Detection& out);

/// Resolves candidates to actors and writes doc.actors and doc.mentions.
void resolve_actors(const TextLayer& text, const Lexicons& lex, Detection& det, Document& doc);

}  // namespace dyad::detail
