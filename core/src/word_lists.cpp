// Closed word classes for mention detection, as small hash sets built once.
#include "internal/word_lists.hpp"

#include <initializer_list>

#include "internal/gazetteer.hpp"

namespace dyad::detail {
namespace {

template <class V>
class WordMap {
 public:
  WordMap(std::initializer_list<std::pair<std::string_view, V>> items) {
    map_.reserve(items.size());
    for (const auto& [w, v] : items) map_[token_key(w)] = v;
  }
  const V* find(std::string_view w) const { return map_.find(token_key(w)); }
  const V* find(std::uint64_t key) const { return map_.find(key); }

 private:
  FlatMap<V> map_;
};

class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> items) {
    map_.reserve(items.size());
    for (auto w : items) map_[token_key(w)] = 1;
  }
  bool contains(std::string_view w) const { return map_.find(token_key(w)) != nullptr; }
  bool contains(std::uint64_t key) const { return map_.find(key) != nullptr; }

 private:
  FlatMap<std::uint8_t> map_;
};

}  // namespace

namespace {
const PronounInfo* pronoun_info_impl(auto f) {
  using P = PronounClass;
  static const WordMap<PronounInfo> kPronouns = {
      {"he", {P::he, false, false}},       {"him", {P::he, false, false}},      {"his", {P::he, true, false}},
      {"himself", {P::he, false, false}},  {"she", {P::she, false, false}},     {"her", {P::she, true, false}},
      {"hers", {P::she, false, false}},    {"herself", {P::she, false, false}}, {"it", {P::it, false, false}},
      {"its", {P::it, true, false}},       {"itself", {P::it, false, false}},   {"they", {P::they, false, true}},
      {"them", {P::they, false, true}},    {"their", {P::they, true, true}},    {"theirs", {P::they, false, true}},
      {"themselves", {P::they, false, true}}, {"we", {P::we, false, true}},     {"us", {P::we, false, true}},
      {"our", {P::we, true, true}},        {"ours", {P::we, false, true}},      {"ourselves", {P::we, false, true}},
      {"i", {P::i, false, false}},         {"me", {P::i, false, false}},        {"my", {P::i, true, false}},
      {"myself", {P::i, false, false}},
  };
  return kPronouns.find(f);
}
}  // namespace

const PronounInfo* pronoun_info(std::string_view f) { return pronoun_info_impl(f); }
const PronounInfo* pronoun_info(std::uint64_t key) { return pronoun_info_impl(key); }

namespace {
bool is_determiner_impl(auto f) {
  static const WordSet kSet = {"the", "a", "an", "this", "that", "these", "those"};
  return kSet.contains(f);
}
}  // namespace

bool is_determiner(std::string_view f) { return is_determiner_impl(f); }
bool is_determiner(std::uint64_t key) { return is_determiner_impl(key); }

namespace {
bool is_month_or_day_impl(auto f) {
  static const WordSet kSet = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
      "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
      "today", "tonight", "christmas", "easter", "ramadan", "eid", "twenties", "thirties", "forties", "fifties",
      "sixties", "seventies", "eighties", "nineties"};
  return kSet.contains(f);
}
}  // namespace

bool is_month_or_day(std::string_view f) { return is_month_or_day_impl(f); }
bool is_month_or_day(std::uint64_t key) { return is_month_or_day_impl(key); }

namespace {
bool is_stop_modifier_impl(auto f) {
  static const WordSet kSet = {"and", "or", "but", "of", "for", "with", "to", "in", "on", "at", "by", "from",
                               "said", "says", "told", "not", "no", "who", "which", "whose", "than", "as",
                               "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would",
                               "more", "most", "other", "such", "same", "own", "each", "every", "any", "some",
                               "also", "only", "just", "into", "over", "after", "before", "while", "since",
                               "under", "about", "between", "against", "during", "without", "within", "across"};
  return kSet.contains(f);
}
}  // namespace

bool is_stop_modifier(std::string_view f) { return is_stop_modifier_impl(f); }
bool is_stop_modifier(std::uint64_t key) { return is_stop_modifier_impl(key); }

namespace {
bool is_connector_word_impl(auto f) {
  static const WordSet kSet = {"of", "for", "and", "the", "a", "on", "in", "&"};
  return kSet.contains(f);
}
}  // namespace

bool is_connector_word(std::string_view f) { return is_connector_word_impl(f); }
bool is_connector_word(std::uint64_t key) { return is_connector_word_impl(key); }

namespace {
bool is_name_particle_impl(auto f) {
  static const WordSet kSet = {"al", "el", "bin", "ibn", "bint", "abu", "abd", "von", "van", "der", "den", "de",
                               "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten", "zu",
                               "ould", "ag", "ben", "al-", "ul", "ud"};
  return kSet.contains(f);
}
}  // namespace

bool is_name_particle(std::string_view f) { return is_name_particle_impl(f); }
bool is_name_particle(std::uint64_t key) { return is_name_particle_impl(key); }

namespace {
bool is_locative_preposition_impl(auto f) {
  static const WordSet kSet = {"in", "at", "near", "from", "to", "into", "outside", "inside", "across", "around",
                               "toward", "towards", "through", "via", "within", "throughout", "off", "along",
                               "onto", "beyond", "north", "south", "east", "west", "northeast", "northwest",
                               "southeast", "southwest", "visit", "visited", "visiting", "visits"};
  return kSet.contains(f);
}
}  // namespace

bool is_locative_preposition(std::string_view f) { return is_locative_preposition_impl(f); }
bool is_locative_preposition(std::uint64_t key) { return is_locative_preposition_impl(key); }

namespace {
bool is_place_noun_impl(auto f) {
  static const WordSet kSet = {
      "province", "provinces", "region", "regions", "city", "town", "village", "villages", "district", "county",
      "area", "areas", "border", "crossing", "crossings", "camp", "camps", "port", "airport", "island", "islands",
      "strait", "valley", "corridor", "highway", "coast", "river", "lake", "mountains", "municipality",
      "governorate", "oblast", "prefecture", "neighbourhood", "neighborhood", "suburb", "suburbs", "refinery",
      "field", "oilfield", "base", "checkpoint", "state", "territory", "peninsula", "basin", "outskirts",
      "district's", "square", "street", "avenue", "bridge", "dam", "plant", "prison", "hospital", "market",
      "sector", "sectors", "front", "frontier", "zone", "line", "districts", "states", "towns", "cities"};
  return kSet.contains(f);
}
}  // namespace

bool is_place_noun(std::string_view f) { return is_place_noun_impl(f); }
bool is_place_noun(std::uint64_t key) { return is_place_noun_impl(key); }

namespace {
bool is_speech_verb_impl(auto f) {
  static const WordSet kSet = {"said", "says", "say", "told", "tells", "added", "adds", "asked", "stated",
                               "declared", "wrote", "writes", "noted", "insisted", "explained", "announced",
                               "warned", "according", "argued", "acknowledged", "replied", "recalled",
                               "conceded", "confirmed", "claimed", "countered", "continued", "predicted"};
  return kSet.contains(f);
}
}  // namespace

bool is_speech_verb(std::string_view f) { return is_speech_verb_impl(f); }
bool is_speech_verb(std::uint64_t key) { return is_speech_verb_impl(key); }

namespace {
bool is_government_noun_impl(auto f) {
  static const WordSet kSet = {"government", "governments", "authorities", "officials", "administration",
                               "regime", "leadership", "cabinet", "state", "side", "presidency"};
  return kSet.contains(f);
}
}  // namespace

bool is_government_noun(std::string_view f) { return is_government_noun_impl(f); }
bool is_government_noun(std::uint64_t key) { return is_government_noun_impl(key); }

namespace {
bool is_compass_word_impl(auto f) {
  static const WordSet kSet = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                               "central", "northeast", "northwest", "southeast", "southwest", "upper", "lower",
                               "greater", "inner", "outer", "middle", "far", "near"};
  return kSet.contains(f);
}
}  // namespace

bool is_compass_word(std::string_view f) { return is_compass_word_impl(f); }
bool is_compass_word(std::uint64_t key) { return is_compass_word_impl(key); }

namespace {
bool is_weapon_noun_impl(auto f) {
  static const WordSet kSet = {"artillery", "drones", "warplanes", "warships", "jets", "fighter jets", "military aircraft",
                               "tanks", "missiles", "rockets", "helicopters", "aircraft"};
  return kSet.contains(f);
}
}  // namespace

bool is_weapon_noun(std::string_view f) { return is_weapon_noun_impl(f); }
bool is_weapon_noun(std::uint64_t key) { return is_weapon_noun_impl(key); }

namespace {
bool non_actor_head_impl(auto f) {
  static const WordSet kSet = {"treaty", "agreement", "accord", "accords", "war", "act", "law", "bill", "convention",
                               "protocol", "charter", "declaration", "summit", "conference", "games", "cup", "prize",
                               "award", "festival", "era", "doctrine", "plan", "journal", "report", "strategy",
                               "index", "olympics", "pact", "deal", "talks", "day", "revolution", "uprising"};
  return kSet.contains(f);
}
}  // namespace

bool non_actor_head(std::string_view f) { return non_actor_head_impl(f); }
bool non_actor_head(std::uint64_t key) { return non_actor_head_impl(key); }

namespace {
OrgHead org_head_impl(auto f) {
  using H = OrgHead;
  static const WordMap<H> kHeads = {
      {"ministry", H::government},      {"department", H::government},   {"office", H::government},
      {"court", H::government},         {"tribunal", H::government},     {"assembly", H::government},
      {"parliament", H::government},    {"senate", H::government},       {"congress", H::government},
      {"police", H::government},        {"guard", H::government},        {"guards", H::government},
      {"army", H::government},          {"navy", H::government},         {"command", H::government},
      {"headquarters", H::government},  {"cabinet", H::government},      {"administration", H::government},
      {"government", H::government},    {"council", H::government},      {"commission", H::government},
      {"agency", H::government},        {"service", H::government},      {"forces", H::government},
      {"force", H::government},         {"corps", H::government},        {"directorate", H::government},
      {"secretariat", H::government},   {"presidency", H::government},   {"prosecutor's", H::government},
      {"relations", H::government},     {"bureau", H::government},       {"authority", H::government},
      {"party", H::organization},       {"movement", H::group},          {"front", H::group},
      {"union", H::organization},       {"alliance", H::organization},   {"coalition", H::organization},
      {"organization", H::organization}, {"organisation", H::organization}, {"society", H::organization},
      {"syndicate", H::organization},   {"association", H::organization}, {"federation", H::organization},
      {"foundation", H::organization},  {"institute", H::organization},  {"university", H::organization},
      {"college", H::organization},     {"bank", H::organization},       {"fund", H::organization},
      {"group", H::organization},       {"company", H::organization},    {"corporation", H::organization},
      {"corp.", H::organization},       {"inc.", H::organization},       {"ltd.", H::organization},
      {"centre", H::organization},      {"center", H::organization},     {"network", H::organization},
      {"league", H::organization},      {"brigade", H::group},           {"brigades", H::group},
      {"battalion", H::group},          {"militia", H::group},           {"watch", H::organization},
      {"international", H::organization}, {"trust", H::organization},    {"programme", H::organization},
      {"program", H::organization},     {"initiative", H::organization}, {"mission", H::organization},
      {"board", H::organization},       {"church", H::organization},     {"airlines", H::organization},
      {"airways", H::organization},     {"committee", H::organization},  {"club", H::organization},
      {"community", H::organization},   {"ltd", H::organization},        {"inc", H::organization},
      {"times", H::organization},       {"post", H::organization},       {"news", H::organization},
      {"tribe", H::group},              {"clan", H::group},              {"rebels", H::group},
  };
  const H* h = kHeads.find(f);
  return h ? *h : H::none;
}
}  // namespace

OrgHead org_head(std::string_view f) { return org_head_impl(f); }
OrgHead org_head(std::uint64_t key) { return org_head_impl(key); }

const char* head_sector(std::string_view f) {
  static const WordMap<const char*> kSectors = {
      {"court", "JUD"},   {"tribunal", "JUD"}, {"assembly", "LEG"}, {"parliament", "LEG"}, {"senate", "LEG"},
      {"congress", "LEG"}, {"police", "COP"},  {"guard", "COP"},    {"army", "MIL"},       {"navy", "MIL"},
      {"command", "MIL"}, {"forces", "MIL"},   {"force", "MIL"},    {"corps", "MIL"},      {"guards", "MIL"},
      {"prosecutor's", "JUD"}, {"relations", "MIL"}};
  const char* const* s = kSectors.find(f);
  return s ? *s : "GOV";
}

namespace {
bool location_head_impl(auto f) {
  static const WordSet kSet = {
      "sea", "ocean", "river", "lake", "gulf", "strait", "straits", "bay", "island", "islands", "mountains",
      "mountain", "valley", "desert", "province", "region", "district", "street", "avenue", "road", "square",
      "shoal", "peninsula", "canal", "airport", "strip", "plateau", "heights", "coast", "basin", "corridor",
      "crossing", "bridge", "park", "highway", "mediterranean", "caucasus", "county", "state's", "reef",
      "atoll", "archipelago", "delta", "oblast", "governorate", "prefecture", "territory", "territories"};
  return kSet.contains(f);
}
}  // namespace

bool location_head(std::string_view f) { return location_head_impl(f); }
bool location_head(std::uint64_t key) { return location_head_impl(key); }

}  // namespace dyad::detail
