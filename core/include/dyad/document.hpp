#pragma once
/// The annotation model: one article with its actors, mentions and relations (dyad/1).
///
/// Offsets are Unicode code points into `Document::text`, end exclusive (see utf8.hpp).
/// The model is plain data; edits go through commands (commands.hpp), never directly from views.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dyad/diagnostic.hpp"

namespace dyad {

/// The JSON schema identifier written and accepted by this version.
inline constexpr const char* kSchema = "dyad/1";

/// Review state of an annotation.
enum class Status { suggested, accepted, edited, rejected };
/// What kind of expression a mention is.
enum class MentionKind { name, nominal, pronoun };
/// What kind of actor (dyad/1 spells these in capitals).
enum class ActorType { person, state, government, organization, group, location };
/// How an event is asserted.
enum class Modality { asserted, planned, hypothetical, reported };
/// CAMEO / PLOVER quad class.
enum class Quad { verbal_cooperation, material_cooperation, verbal_conflict, material_conflict };

/// A half-open range of code points [start, end).
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool empty() const { return end <= start; }
  std::size_t size() const { return end > start ? end - start : 0; }
  friend bool operator==(const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }
};

/// Who made an annotation: the extractor (with the rule or lexicon row that fired) or a user.
struct Provenance {
  bool user = false;
  std::string rule;  ///< e.g. "lexicon:countries:IRN", "rule:title+name"; "" for user (a user's rule read from a file is kept)
  ExtraFields extra = {};  ///< unknown members of the provenance object (not part of equality)
  friend bool operator==(const Provenance& a, const Provenance& b) { return a.user == b.user && a.rule == b.rule; }
};

/// A sentence of the text.
struct Sentence {
  Span span;
  ExtraFields extra = {};  ///< unknown members of the sentence object
};

/// A token of the text (words, numbers, punctuation; possessive 's is its own token).
struct Token {
  Span span;
  ExtraFields extra = {};  ///< unknown members of the token object
};

/// Anyone able to act politically: a person, state, government body, organisation, group.
struct Actor {
  std::string id;          ///< unique among actors, e.g. "a1"
  std::string name;        ///< canonical name
  ActorType type = ActorType::person;
  std::string country;     ///< ISO 3166-1 alpha-3 (plus KOS, PSE), or ""
  std::string sector;      ///< GOV, MIL, COP, JUD, LEG, OPP, REB, PTY, BUS, MED, CVL, ... or ""
  std::string code;        ///< CAMEO-style code, e.g. "IRNGOV", "IGOUNO", or ""
  Provenance provenance;
  Status status = Status::suggested;
  double confidence = 1.0; ///< 0..1
  ExtraFields extra;
};

/// One expression in the text that refers to an actor (or, for plural groups, to several).
struct Mention {
  std::string id;          ///< unique among mentions, e.g. "m1"
  std::string actor;       ///< actor id; "" only for a plural mention with `members`
  std::vector<std::string> members;  ///< actors a plural mention ("the two sides") stands for
  Span span;
  MentionKind kind = MentionKind::name;
  Provenance provenance;
  Status status = Status::suggested;
  double confidence = 1.0;
  ExtraFields extra;
};

/// One directed event: source actor does something to / with the target actor.
struct Relation {
  std::string id;              ///< unique among relations, e.g. "r1"
  std::string source;          ///< actor id
  std::string target;          ///< actor id
  std::string source_mention;  ///< mention id the source is anchored on ("" if none)
  std::string target_mention;  ///< mention id the target is anchored on ("" if none)
  std::string type;            ///< PLOVER event type, e.g. "CONSULT"
  std::string cameo;           ///< CAMEO code, e.g. "04" or "042"
  Quad quad = Quad::verbal_cooperation;
  Span trigger;                ///< the words expressing the event
  std::int64_t sentence = -1;  ///< index into Document::sentences, -1 if unknown
  bool negated = false;
  Modality modality = Modality::asserted;
  std::optional<Span> time;    ///< time cue in the sentence ("on Tuesday"), if any
  Provenance provenance;
  Status status = Status::suggested;
  double confidence = 1.0;
  ExtraFields extra;
  ExtraFields trigger_extra = {};  ///< unknown members of the "trigger" object
  ExtraFields time_extra = {};     ///< unknown members of the "time" object (written only with a time)
};

/// Free-form facts about the article.
struct Meta {
  std::string title;
  std::string url;
  std::string date;
  std::string annotator;
  std::string notes;
  ExtraFields extra;
};

/// One annotated article: the exact text and everything found or added in it.
struct Document {
  std::string text;  ///< valid UTF-8 (repaired on input), exactly as given otherwise
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Actor> actors;
  std::vector<Mention> mentions;
  std::vector<Relation> relations;
  Meta meta;
  std::vector<Diagnostic> diagnostics;
  ExtraFields extra;
  /// Largest numeric id suffix handed out so far per kind ("m7" -> 7), so that an id freed by
  /// removing an annotation is never handed out again while the document lives (commands.hpp).
  /// Not part of dyad/1: after loading, new ids continue above the largest id in the file.
  std::size_t last_actor_id = 0, last_mention_id = 0, last_relation_id = 0;

  /// Lookups by id (linear; documents hold hundreds of annotations, not millions).
  const Actor* find_actor(const std::string& id) const;
  Actor* find_actor(const std::string& id);
  const Mention* find_mention(const std::string& id) const;
  Mention* find_mention(const std::string& id);
  const Relation* find_relation(const std::string& id) const;
  Relation* find_relation(const std::string& id);
};

/// dyad/1 spellings of the enums, and parsing back (nullopt for unknown values).
const char* to_string(Status v);
const char* to_string(MentionKind v);
const char* to_string(ActorType v);
const char* to_string(Modality v);
const char* to_string(Quad v);
std::optional<Status> parse_status(std::string_view s);
std::optional<MentionKind> parse_mention_kind(std::string_view s);
std::optional<ActorType> parse_actor_type(std::string_view s);
std::optional<Modality> parse_modality(std::string_view s);
std::optional<Quad> parse_quad(std::string_view s);

/// The 16 PLOVER event types dyad codes, in the order of the PLOVER manual's quads.
inline constexpr const char* kPloverTypes[] = {
    "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

/// Quad class of a PLOVER type, or nullopt when `type` is not one of kPloverTypes.
std::optional<Quad> plover_quad(std::string_view type);

/// True when `cameo` is "" or 2–4 digits whose 2-digit root belongs to the PLOVER `type`
/// (AGREE 03, CONSULT 04, SUPPORT 05, COOPERATE 06, AID 07, CONCEDE and RETREAT 08,
/// ACCUSE 09/11, REQUEST 10/02, REJECT 12, THREATEN 13, PROTEST 14, MOBILIZE 15, SANCTION 16,
/// COERCE 17, ASSAULT 18/19/20).
bool cameo_fits_plover(std::string_view cameo, std::string_view type);

/// Checks every invariant of the model — ids unique and non-empty, references resolve, anchors
/// belong to their actor, spans inside the text, PLOVER type / CAMEO / quad consistent, sentence
/// indices in range — and returns one diagnostic per problem, with JSON pointers as from_json
/// would report them. from_json runs the same checks; every command keeps them true.
std::vector<Diagnostic> validate(const Document& doc);

}  // namespace dyad
