#include "dyad/document.hpp"

#include <algorithm>

namespace dyad {
namespace {

template <class T>
T* find_by_id(std::vector<T>& v, const std::string& id) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
  return it == v.end() ? nullptr : &*it;
}

template <class E, std::size_t N>
std::optional<E> parse_enum(std::string_view s, const char* const (&names)[N]) {
  for (std::size_t i = 0; i < N; ++i)
    if (s == names[i]) return static_cast<E>(i);
  return std::nullopt;
}

// Spellings in enum order; dyad/1 writes exactly these.
constexpr const char* kStatus[] = {"suggested", "accepted", "edited", "rejected"};
constexpr const char* kKind[] = {"NAME", "NOMINAL", "PRONOUN"};
constexpr const char* kActorType[] = {"PERSON", "STATE", "GOVERNMENT", "ORGANIZATION", "GROUP", "LOCATION"};
constexpr const char* kModality[] = {"asserted", "planned", "hypothetical", "reported"};
constexpr const char* kQuad[] = {"VERBAL_COOPERATION", "MATERIAL_COOPERATION", "VERBAL_CONFLICT", "MATERIAL_CONFLICT"};

}  // namespace

const Actor* Document::find_actor(const std::string& id) const { return find_by_id(const_cast<std::vector<Actor>&>(actors), id); }
Actor* Document::find_actor(const std::string& id) { return find_by_id(actors, id); }
const Mention* Document::find_mention(const std::string& id) const { return find_by_id(const_cast<std::vector<Mention>&>(mentions), id); }
Mention* Document::find_mention(const std::string& id) { return find_by_id(mentions, id); }
const Relation* Document::find_relation(const std::string& id) const { return find_by_id(const_cast<std::vector<Relation>&>(relations), id); }
Relation* Document::find_relation(const std::string& id) { return find_by_id(relations, id); }

const char* to_string(Status v) { return kStatus[static_cast<int>(v)]; }
const char* to_string(MentionKind v) { return kKind[static_cast<int>(v)]; }
const char* to_string(ActorType v) { return kActorType[static_cast<int>(v)]; }
const char* to_string(Modality v) { return kModality[static_cast<int>(v)]; }
const char* to_string(Quad v) { return kQuad[static_cast<int>(v)]; }
std::optional<Status> parse_status(std::string_view s) { return parse_enum<Status>(s, kStatus); }
std::optional<MentionKind> parse_mention_kind(std::string_view s) { return parse_enum<MentionKind>(s, kKind); }
std::optional<ActorType> parse_actor_type(std::string_view s) { return parse_enum<ActorType>(s, kActorType); }
std::optional<Modality> parse_modality(std::string_view s) { return parse_enum<Modality>(s, kModality); }
std::optional<Quad> parse_quad(std::string_view s) { return parse_enum<Quad>(s, kQuad); }

}  // namespace dyad
