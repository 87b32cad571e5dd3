// Actor resolution: candidates -> actors. Names by their variants (full name, surname, title +
// name, multi-word surnames), capitals and "authorities" to one government actor per country,
// demonym + body to that body, role descriptions to the holder named in the document, pronouns
// to the most salient compatible actor, plural descriptions to the actors they group.
#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "internal/codes.hpp"
#include "internal/mentions.hpp"
#include "internal/word_lists.hpp"

namespace dyad::detail {
namespace {

std::vector<std::string_view> words_of(std::string_view key) {
  std::vector<std::string_view> out;
  std::size_t b = 0;
  while (b < key.size()) {
    std::size_t e = key.find(' ', b);
    if (e == std::string_view::npos) e = key.size();
    if (e > b) out.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

// "al-burhan" -> "burhan": Arabic article prefixes do not distinguish surnames.
std::string_view strip_article(std::string_view w) {
  for (std::string_view p : {"al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "an-", "ar-"})
    if (w.size() > p.size() + 2 && w.substr(0, p.size()) == p) return w.substr(p.size());
  return w;
}

bool is_armed_sector(std::string_view s) { return s == "REB" || s == "UAF" || s == "INS" || s == "SEP"; }

bool same_word(std::string_view a, std::string_view b) { return a == b || strip_article(a) == strip_article(b); }

// Does name `a` (words) refer to the same person as name `b`? Equal, or one is a suffix of the
// other (surname, or multi-word surname "von der leyen", "amir-abdollahian").
bool is_generation(std::string_view w) {
  return w == "jr." || w == "jr" || w == "sr." || w == "ii" || w == "iii" || w == "iv";
}

bool person_names_match(std::vector<std::string_view> a, std::vector<std::string_view> b) {
  while (a.size() > 1 && is_generation(a.back())) a.pop_back();
  while (b.size() > 1 && is_generation(b.back())) b.pop_back();
  if (a.empty() || b.empty()) return false;
  const auto& s = a.size() <= b.size() ? a : b;
  const auto& l = a.size() <= b.size() ? b : a;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (!same_word(s[s.size() - 1 - k], l[l.size() - 1 - k])) return false;
  // A lone particle is no surname.
  return !(s.size() == 1 && is_name_particle(s[0]));
}

// How far back (in sentences) descriptions look for what they refer to; keeps resolution linear
// in the length of the text.
constexpr std::uint32_t kLookBack = 40;

class Resolver {
 public:
  Resolver(const TextLayer& text, const Lexicons& lex, Detection& det, Document& doc)
      : L_(text), lex_(lex), det_(det), doc_(doc), cs_(det.candidates) {}

  void run() {
    for (std::size_t c = 0; c < cs_.size(); ++c) first_pass(static_cast<std::int32_t>(c));
    for (std::size_t c = 0; c < cs_.size(); ++c) second_pass(static_cast<std::int32_t>(c));
    for (std::size_t c = 0; c < cs_.size(); ++c) speaker_pronouns(static_cast<std::int32_t>(c));
    write_document(L_, lex_, cs_, actors_, doc_);
  }

 private:
  // [SECTION] Actors

  std::int32_t new_actor(ActorType type, std::int32_t country, std::string_view sector, std::string_view name,
                         std::int32_t cand) {
    ActorRecord a;
    a.type = type;
    a.country = country;
    a.sector = std::string(sector);
    a.name = std::string(name);
    a.first = cand;
    a.rule = cand >= 0 ? std::string(cs_[static_cast<std::size_t>(cand)].rule) : std::string();
    actors_.push_back(std::move(a));
    return static_cast<std::int32_t>(actors_.size() - 1);
  }

  std::int32_t keyed_actor(const std::string& key, ActorType type, std::int32_t country, std::string_view sector,
                           std::string_view name, std::int32_t cand) {
    const auto it = keys_.find(key);
    if (it != keys_.end()) return it->second;
    const std::int32_t a = new_actor(type, country, sector, name, cand);
    keys_.emplace(key, a);
    return a;
  }

  std::string iso3(std::int32_t country) const {
    return country >= 0 ? lex_.countries()[static_cast<std::size_t>(country)].iso3 : std::string();
  }
  std::string adjective(std::int32_t country) const {
    if (country < 0) return "";
    const CountryEntry& c = lex_.countries()[static_cast<std::size_t>(country)];
    return c.adjectives.empty() ? c.name : c.adjectives.front();
  }

  // A plain description for an actor named only by a nominal: "Iranian foreign ministry".
  std::string description(const Candidate& C, std::int32_t country) const {
    std::string d;
    if (country >= 0) d = adjective(country) + " ";
    d.append(C.noun.empty() ? C.name : C.noun);
    return d;
  }

  std::int32_t government_of(std::int32_t country, std::int32_t cand) {
    if (country < 0) return -1;
    return keyed_actor("G:" + iso3(country), ActorType::government, country, "GOV", adjective(country) + " government",
                       cand);
  }
  std::int32_t state_of(std::int32_t country, std::int32_t cand) {
    if (country < 0) return -1;
    return keyed_actor("S:" + iso3(country), ActorType::state, country, "",
                       lex_.countries()[static_cast<std::size_t>(country)].name, cand);
  }

  static void push_unique(std::vector<std::int32_t>& v, std::int32_t a) {
    if (v.empty() || v.back() != a) v.push_back(a);
  }

  void index_actor(std::int32_t a) {
    const ActorRecord& A = actors_[static_cast<std::size_t>(a)];
    if (A.type == ActorType::person) {
      auto w = words_of(A.key);
      while (w.size() > 1 && is_generation(w.back())) w.pop_back();
      if (w.empty()) return;
      push_unique(person_last_[std::string(strip_article(w.back()))], a);
      push_unique(person_first_[std::string(w.front())], a);
    }
    if (A.named) {
      const std::string f = detail::fold(A.name);
      const auto w = words_of(f);
      if (w.size() >= 2) {
        push_unique(named_words_[std::string(w.front())], a);
        push_unique(named_words_[std::string(w.back())], a);
      }
    }
  }

  void assign(std::int32_t c, std::int32_t a) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (C.actor != a && counted(c)) ++epoch_;
    C.actor = a;
    if (a < 0) return;
    ActorRecord& A = actors_[static_cast<std::size_t>(a)];
    const std::int32_t country_before = A.country;
    const bool sector_before = A.sector.empty();
    A.last = c;
    if (A.first < 0) A.first = c;
    ++A.mentions;
    if (C.kind == MentionKind::name && C.ref != Ref::government) {
      if (!C.key.empty()) names_[C.key] = a;
      if (!A.named) {
        A.named = true;
        if (C.ref == Ref::person || C.ref == Ref::location || C.ref == Ref::named_body ||
            (C.ref == Ref::organization && C.org < 0))
          A.name = C.name;
        A.rule = C.rule;
      }
      if (C.ref == Ref::person && A.type == ActorType::person && !C.key.empty() && C.key.size() > A.key.size()) {
        A.key = C.key;
        A.name = std::string(C.name);
      }
    }
    if (A.gender == Gender::unknown) A.gender = C.gender;
    if (A.title < 0 && C.title >= 0) A.title = C.title;
    if (A.country < 0 && C.country >= 0 && A.type != ActorType::organization) A.country = C.country;
    if (A.sector.empty() && !C.sector.empty()) A.sector = std::string(C.sector);
    if (C.affiliation >= 0 && A.affiliation < 0) A.affiliation = C.affiliation;
    A.confidence = std::max(A.confidence, C.confidence);
    if (A.country != country_before || A.sector.empty() != sector_before) ++epoch_;
    if (C.kind == MentionKind::name) index_actor(a);
  }

  // Has salient_pair() counted candidate c (see pair_stats())?
  bool counted(std::int32_t c) const {
    for (const PairStats& P : pair_stats_)
      if (c < P.next) return true;
    return false;
  }

  // [SECTION] Context

  // The country the text is about around candidate c: the nearest earlier actor with a country.
  std::int32_t context_country(std::int32_t c) const {
    const std::uint32_t s = cs_[static_cast<std::size_t>(c)].sentence;
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + 4 < s) break;
      if (K.actor < 0 || K.kind == MentionKind::pronoun) continue;
      const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
      if (A.country >= 0 && A.type != ActorType::location && A.type != ActorType::organization) return A.country;
    }
    return det_.dateline_country;
  }

  std::int32_t possessor_country(const Candidate& C) const {
    if (C.possessor < 0) return -1;
    const Candidate& P = cs_[static_cast<std::size_t>(C.possessor)];
    if (P.actor < 0) return P.country;
    if (P.kind == MentionKind::pronoun) {
      // "its foreign ministry" -> the country of what "its" is.
      const ActorRecord& A = actors_[static_cast<std::size_t>(P.actor)];
      return A.type == ActorType::person ? -1 : A.country;
    }
    return actors_[static_cast<std::size_t>(P.actor)].country;
  }

  // [SECTION] First pass: names, bodies, roles looking back, pronouns

  void first_pass(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (C.same_as >= 0 && cs_[static_cast<std::size_t>(C.same_as)].actor < 0) {
      // The apposition's other half ("his Iranian counterpart, Abbas Araghchi") found no actor
      // on its own: this one decides, and the description joins it, lending its country and title.
      Candidate& T = cs_[static_cast<std::size_t>(C.same_as)];
      resolve_alone(c);
      if (C.actor >= 0) {
        lend_description(C.actor, T);
        assign(C.same_as, C.actor);
      }
      return;
    }
    if (C.same_as >= 0 && cs_[static_cast<std::size_t>(C.same_as)].actor >= 0) {
      const std::int32_t target = cs_[static_cast<std::size_t>(C.same_as)].actor;
      // "the National Liberation Army (ELN)": a known acronym names what a name typed only by its
      // shape or head word is; the name joins the acronym's actor (not the other way round).
      const Candidate& T0 = cs_[static_cast<std::size_t>(C.same_as)];
      if (C.kind == MentionKind::name && C.org >= 0 && T0.kind == MentionKind::name && T0.org < 0 &&
          actors_[static_cast<std::size_t>(target)].mentions == 1) {
        resolve_alone(c);
        if (C.actor >= 0 && C.actor != target) {
          for (auto it = keys_.begin(); it != keys_.end();) it = it->second == target ? keys_.erase(it) : std::next(it);
          merge(C.actor, target);
          return;
        }
        if (C.actor >= 0) return;
      }
      const std::int32_t own = C.kind == MentionKind::name && C.ref == Ref::person ? find_person(C, c) : -1;
      if (own >= 0 && own != target) merge(target, own);
      // "Dmitry Peskov, the Kremlin's spokesman": the description after the name.
      if (C.kind == MentionKind::nominal && C.ref == Ref::role &&
          actors_[static_cast<std::size_t>(target)].type == ActorType::person)
        lend_description(target, C);
      assign(c, target);
      ActorRecord& A = actors_[static_cast<std::size_t>(target)];
      // A name in apposition to a person or a role is a person ("his counterpart, Abbas
      // Araghchi"); an acronym after an organisation's name ("Law Society of Kenya (LSK)") is not.
      const Candidate& T = cs_[static_cast<std::size_t>(C.same_as)];
      const bool person_target = T.ref == Ref::person || T.ref == Ref::role || A.type == ActorType::person;
      if (C.kind == MentionKind::name && (C.ref == Ref::person || (C.uncertain_type && person_target))) {
        A.type = ActorType::person;
        ++epoch_;
        if (!A.named || C.key.size() > A.key.size()) {
          A.name = std::string(C.name);
          A.key = C.key;
        }
        A.named = true;
        index_actor(target);
      }
      return;
    }
    resolve_alone(c);
  }

  // A person's description in apposition ("his Iranian counterpart", "the Kremlin's spokesman",
  // "a researcher at ...") lends the person its country, title, sector and affiliation.
  void lend_description(std::int32_t a, const Candidate& T) {
    ActorRecord& A = actors_[static_cast<std::size_t>(a)];
    std::int32_t title = T.title;
    if (T.counterpart && T.possessor >= 0 && cs_[static_cast<std::size_t>(T.possessor)].actor >= 0)
      title = actors_[static_cast<std::size_t>(cs_[static_cast<std::size_t>(T.possessor)].actor)].title;
    std::int32_t country = T.country >= 0 ? T.country : possessor_country(T);
    if (T.counterpart) country = T.country;
    if (country < 0 && T.affiliation >= 0) {
      const Candidate& F = cs_[static_cast<std::size_t>(T.affiliation)];
      country = F.actor >= 0 ? actors_[static_cast<std::size_t>(F.actor)].country : F.country;
    }
    if (A.title < 0 && title >= 0) A.title = title;
    if ((A.country < 0 && country >= 0) || (A.sector.empty() && !T.sector.empty())) ++epoch_;
    if (A.country < 0 && country >= 0) A.country = country;
    if (A.sector.empty() && !T.sector.empty()) A.sector = std::string(T.sector);
    if (T.affiliation >= 0 && A.affiliation < 0) A.affiliation = T.affiliation;
  }

  void resolve_alone(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    switch (C.ref) {
      case Ref::state:
      case Ref::government: {
        // The country named, the possessor's ("its side"), or the context's.
        std::int32_t country = C.country >= 0 ? C.country : possessor_country(C);
        if (country < 0 && C.ref == Ref::government) {
          if (const std::int32_t a = named_body_by_head(c); a >= 0) {
            assign(c, a);
            return;
          }
        }
        if (country < 0) country = context_country(c);
        if (country < 0) return;
        if (C.country < 0) C.confidence *= 0.8f;
        C.country = country;
        assign(c, C.ref == Ref::state ? state_of(country, c) : government_of(country, c));
        return;
      }
      case Ref::organization:
        resolve_organization(c);
        return;
      case Ref::named_body: {
        const auto it = names_.find(C.key);
        if (it != names_.end()) {
          assign(c, it->second);
          return;
        }
        // "Commission" after "European Commission".
        if (const std::int32_t a = find_org_by_word(C); a >= 0) {
          assign(c, a);
          return;
        }
        std::int32_t country = C.country >= 0 ? C.country : possessor_country(C);
        if (country < 0) country = context_country(c);
        C.country = country;
        assign(c, keyed_actor("N:" + C.key, C.type, country, C.sector.empty() ? std::string_view("GOV") : C.sector,
                              C.name, c));
        return;
      }
      case Ref::body:
        resolve_body(c);
        if (C.country_and >= 0 && C.actor >= 0) {
          // "Indian and Pakistani troops": the body of each country; a plural mention of both.
          const std::int32_t first = C.actor;
          C.country = C.country_and;
          C.actor = -1;
          ++epoch_;
          resolve_body(c);
          if (C.actor >= 0 && C.actor != first) {
            C.members = {first, C.actor};
            C.actor = -1;
            ++epoch_;
            C.ref = Ref::plural;
          }
        }
        return;
      case Ref::location: {
        if (as_named_person(c)) return;
        const auto it = names_.find(C.key);
        if (it != names_.end()) {
          ActorRecord& A = actors_[static_cast<std::size_t>(it->second)];
          if (A.type == ActorType::location || (A.uncertain && !C.uncertain_type)) {
            if (A.uncertain && !C.uncertain_type) {
              A.type = ActorType::location;
              A.uncertain = false;
              ++epoch_;
            }
            assign(c, it->second);
            return;
          }
          if (C.uncertain_type && A.type != ActorType::government) {
            assign(c, it->second);
            return;
          }
        }
        if (C.uncertain_type) {
          if (const std::int32_t a = find_by_word(C); a >= 0) {
            assign(c, a);
            return;
          }
        }
        assign(c, keyed_actor("L:" + C.key, ActorType::location, C.country, "", C.name, c));
        return;
      }
      case Ref::person:
        resolve_person(c);
        return;
      case Ref::role:
        resolve_role(c, /*look_ahead=*/false);
        return;
      case Ref::pronoun:
        resolve_pronoun(c);
        return;
      case Ref::plural:
        return;  // second pass
      case Ref::anaphor:
        resolve_anaphor(c);
        return;
    }
  }

  // "the bloc", "the commission": the most recent named actor whose name has that word, else
  // the most recent of the wanted type and sector; nothing new.
  void resolve_anaphor(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    const std::uint32_t s = C.sentence;
    std::int32_t by_type = -1;
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + 12 < s) break;
      if (K.actor < 0 || K.kind == MentionKind::pronoun) continue;
      const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
      if (A.merged_into >= 0 || A.type == ActorType::person || A.type == ActorType::location) continue;
      if (A.named) {
        const std::string f = detail::fold(A.name);
        for (std::string_view w : words_of(f))
          if (w == C.key) {
            assign(c, K.actor);
            return;
          }
      }
      if (by_type < 0 && A.type == C.type && (C.sector.empty() || A.sector == C.sector) && A.named) by_type = K.actor;
    }
    if (by_type >= 0 && C.nominal >= 0) assign(c, by_type);
  }

  void resolve_organization(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (C.org >= 0) {
      const OrganizationEntry& o = lex_.organizations()[static_cast<std::size_t>(C.org)];
      // A seat of government ("Kremlin", "White House") is the government itself.
      if (o.type == "GOVERNMENT" && o.sector == "GOV" && !o.country.empty() && !names_body(o.name)) {
        const std::int32_t country = C.country;
        C.ref = Ref::government;
        assign(c, government_of(country, c));
        return;
      }
      const std::int32_t a = keyed_actor("O:" + detail::fold(o.name), actor_type_of(o.type), C.country, o.sector, o.name, c);
      assign(c, a);
      actors_[static_cast<std::size_t>(a)].org = C.org;
      return;
    }
    if (as_named_person(c)) return;
    if (const std::int32_t a = find_named(C); a >= 0) {
      assign(c, a);
      return;
    }
    // One word of an organisation named before ("Commission" = "European Commission",
    // "Amnesty" = "Amnesty International Kenya").
    if (const std::int32_t a = find_org_by_word(C); a >= 0) {
      assign(c, a);
      return;
    }
    if (C.uncertain_type) {
      if (const auto it = names_.find(C.key); it != names_.end()) {
        assign(c, it->second);
        return;
      }
      if (const std::int32_t p = find_person(C, c); p >= 0) {
        C.ref = Ref::person;
        assign(c, p);
        return;
      }
    }
    assign(c, keyed_actor("O:" + C.key, C.type, C.country, C.sector, C.name, c));
  }

  // "Araghchi" after "Abbas Araghchi": a name typed as a place or an organisation by its shape
  // alone is the person of that name named before.
  bool as_named_person(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (!weakly_typed(C) || words_of(C.key).size() > 2) return false;
    if (const auto it = names_.find(C.key);
        it != names_.end() && actors_[static_cast<std::size_t>(it->second)].type != ActorType::person)
      return false;
    const std::int32_t a = find_person(C, c);
    if (a < 0) return false;
    C.ref = Ref::person;
    C.type = ActorType::person;
    C.uncertain_type = false;
    assign(c, a);
    return true;
  }

  static bool names_body(std::string_view name) {
    std::string f = detail::fold(name);
    for (std::string_view w : words_of(f))
      if (org_head(w) != OrgHead::none) return true;
    return false;
  }

  static ActorType actor_type_of(std::string_view t) {
    if (t == "GROUP") return ActorType::group;
    if (t == "GOVERNMENT") return ActorType::government;
    if (t == "STATE") return ActorType::state;
    return ActorType::organization;
  }

  std::int32_t find_named(const Candidate& C) const {
    const auto it = names_.find(C.key);
    return it == names_.end() ? -1 : it->second;
  }

  // One word of a place named before ("Aegean" = "Aegean Sea") or of an organisation.
  std::int32_t find_by_word(const Candidate& C) const {
    const std::int32_t org = find_org_by_word(C);
    if (org >= 0) return org;
    const auto w = words_of(C.key);
    if (w.size() != 1) return -1;
    std::int32_t found = -1;
    const auto it = named_words_.find(std::string(w[0]));
    if (it == named_words_.end()) return -1;
    for (std::int32_t ai : it->second) {
      const std::size_t a = static_cast<std::size_t>(ai);
      const ActorRecord& A = actors_[a];
      if (A.merged_into >= 0 || A.type != ActorType::location || !A.named) continue;
      const std::string folded = detail::fold(A.name);
      const auto aw = words_of(folded);
      if (aw.size() >= 2 && (aw.front() == w[0] || aw.back() == w[0])) found = static_cast<std::int32_t>(a);
    }
    return found;
  }

  std::int32_t find_org_by_word(const Candidate& C) const {
    const auto w = words_of(C.key);
    if (w.size() != 1) return -1;
    std::int32_t found = -1;
    const auto it = named_words_.find(std::string(w[0]));
    if (it == named_words_.end()) return -1;
    for (std::int32_t ai : it->second) {
      const std::size_t a = static_cast<std::size_t>(ai);
      const ActorRecord& A = actors_[a];
      if (A.merged_into >= 0 || (A.type != ActorType::organization && A.type != ActorType::government && A.type != ActorType::group))
        continue;
      if (!A.named) continue;
      const std::string f = detail::fold(A.name);
      const auto aw = words_of(f);
      if (aw.size() < 2) continue;
      if (aw.front() == w[0] || aw.back() == w[0]) found = static_cast<std::int32_t>(a);
    }
    return found;
  }

  void resolve_person(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (const std::int32_t a = find_named(C); a >= 0 && actors_[static_cast<std::size_t>(a)].type != ActorType::government) {
      ActorRecord& A = actors_[static_cast<std::size_t>(a)];
      if (A.uncertain && !C.uncertain_type) {
        A.type = ActorType::person;
        A.uncertain = false;
        ++epoch_;
      }
      if (A.type == ActorType::person || C.uncertain_type || A.uncertain) {
        assign(c, a);
        return;
      }
    }
    if (C.country < 0) C.country = possessive_country(c);
    if (const std::int32_t a = find_person(C, c); a >= 0) {
      // "Ruto must go" ... "President William Ruto": the later title gives the country.
      if (C.country < 0 && C.title >= 0 && actors_[static_cast<std::size_t>(a)].country < 0)
        C.country = title_context_country(c);
      assign(c, a);
      return;
    }
    if (C.uncertain_type) {
      if (const std::int32_t a = find_by_word(C); a >= 0) {
        assign(c, a);
        return;
      }
    }
    std::int32_t country = C.country;
    // "NATO ... Secretary-General Mark Rutte": a title of an international body with no country
    // of its own belongs to the international organisation named just before.
    bool international = false;
    if (country < 0 && C.affiliation < 0 && C.title >= 0 && possessor_country(C) < 0 &&
        lex_.titles()[static_cast<std::size_t>(C.title)].sector == "IGO") {
      C.affiliation = recent_international_body(c);
      international = C.affiliation >= 0;
    }
    // An unqualified government title is the dateline country's official ("BAKU — Foreign
    // Minister Jeyhun Bayramov ...").
    if (country < 0 && C.title >= 0 && !international) country = title_context_country(c);
    C.country = country;
    const std::int32_t a = new_actor(ActorType::person, country, C.sector, C.name, c);
    actors_[static_cast<std::size_t>(a)].uncertain = C.uncertain_type;
    actors_[static_cast<std::size_t>(a)].key = C.key;
    assign(c, a);
  }

  // The candidate of the nearest international organisation (sector IGO, no country) in this
  // sentence or the two before, or -1.
  std::int32_t recent_international_body(std::int32_t c) const {
    const std::uint32_t s = cs_[static_cast<std::size_t>(c)].sentence;
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + 2 < s) break;
      if (K.actor < 0 || K.kind != MentionKind::name) continue;
      const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
      if (A.type == ActorType::organization && A.country < 0 && A.org >= 0 &&
          lex_.organizations()[static_cast<std::size_t>(A.org)].code.rfind("IGO", 0) == 0)
        return k;
    }
    return -1;
  }

  // "political prisoners still held in Belarus", "protesters in Makati", "police in Hormozgan
  // province": the country of a place named right after a body, or -1.
  std::int32_t place_after(std::int32_t c) const {
    const Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (static_cast<std::size_t>(c) + 1 >= cs_.size()) return -1;
    const Candidate& K = cs_[static_cast<std::size_t>(c) + 1];
    if (K.sentence != C.sentence || K.kind != MentionKind::name || K.country < 0 || K.tb > C.te + 4) return -1;
    if (K.ref != Ref::state && K.ref != Ref::location && !K.capital_metonym) return -1;
    const std::string_view prep = L_.fold_of(K.tb - 1);
    if (prep != "in" && prep != "from") return -1;
    for (std::uint32_t k = C.te; k + 1 < K.tb; ++k)
      if (!L_.tokens[k].has(kTokWord)) return -1;
    return K.country;
  }

  // "Rwanda's Paul Kagame": a country's possessive right before a person's name.
  std::int32_t possessive_country(std::int32_t c) const {
    const Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (c == 0 || C.tb < 2 || L_.fold_of(C.tb - 1) != "'s") return -1;
    const Candidate& P = cs_[static_cast<std::size_t>(c - 1)];
    if (P.te + 1 != C.tb || (P.ref != Ref::state && P.ref != Ref::government)) return -1;
    return P.country;
  }

  // The country of a person introduced by a title alone: the possessor's ("Kenya's Interior
  // Cabinet Secretary"), the body it speaks for ("army spokesman"), else the dateline's (wire copy
  // gives officials of the dateline country no demonym). No guess beyond that.
  std::int32_t title_context_country(std::int32_t c) {
    const Candidate& C = cs_[static_cast<std::size_t>(c)];
    const std::int32_t pc = possessor_country(C);
    if (pc >= 0) return pc;
    if (C.affiliation >= 0) {
      const Candidate& F = cs_[static_cast<std::size_t>(C.affiliation)];
      return F.actor >= 0 ? actors_[static_cast<std::size_t>(F.actor)].country : F.country;
    }
    // The one country named earlier in the same sentence ("In Venezuela, President Nicolás Maduro").
    std::int32_t only = -1;
    bool several = false;
    for (std::int32_t k = c - 1; k >= 0 && cs_[static_cast<std::size_t>(k)].sentence == C.sentence; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.ref == Ref::state && K.country >= 0) {
        several |= only >= 0 && only != K.country;
        only = K.country;
      }
    }
    if (only >= 0 && !several) return only;
    if (det_.dateline_country >= 0) return det_.dateline_country;
    // No dateline: a head of state or government or a minister is most likely of the country
    // the story is about.
    if (C.title >= 0 && lex_.titles()[static_cast<std::size_t>(C.title)].rank <= 2) return salient_country();
    return -1;
  }

  // The country the document names most often (states, governments, demonym + body), if one
  // leads clearly; -1 otherwise. For a titled person when there is no dateline to go by.
  std::int32_t salient_country() {
    if (salient_ != -2) return salient_;
    std::unordered_map<std::int32_t, int> n;
    for (const Candidate& K : cs_)
      if (K.country >= 0 && K.kind != MentionKind::pronoun &&
          (K.ref == Ref::state || K.ref == Ref::government || K.ref == Ref::body))
        ++n[K.country];
    std::int32_t best = -1;
    int top = 0, second = 0;
    for (const auto& [k, v] : n) {
      if (v > top || (v == top && k < best)) {
        second = top;
        top = v;
        best = k;
      } else if (v > second) {
        second = v;
      }
    }
    salient_ = top >= 2 && top > second ? best : -1;
    return salient_;
  }

  std::int32_t find_person(const Candidate& C, std::int32_t c) const {
    const auto w = words_of(C.key);
    if (w.empty()) return -1;
    std::int32_t best = -1, best_last = -1, first_word = -1;
    std::vector<std::string_view> q = w;
    while (q.size() > 1 && is_generation(q.back())) q.pop_back();
    std::vector<std::int32_t> pool;
    if (const auto it = person_last_.find(std::string(strip_article(q.back()))); it != person_last_.end()) pool = it->second;
    if (q.size() == 1)
      if (const auto it = person_first_.find(std::string(q.front())); it != person_first_.end())
        pool.insert(pool.end(), it->second.begin(), it->second.end());
    for (std::int32_t ai : pool) {
      const std::size_t a = static_cast<std::size_t>(ai);
      const ActorRecord& A = actors_[a];
      if (A.merged_into >= 0 || A.type != ActorType::person || A.key.empty()) continue;
      const auto aw = words_of(A.key);
      if (!person_names_match(w, aw)) {
        // "Guo" for "Guo Jiakun": surname first (a word no given-name row has).
        if (w.size() == 1 && aw.size() >= 2 && aw.size() <= 3 && aw.front() == w[0] && !C.given_name) first_word = static_cast<std::int32_t>(a);
        continue;
      }
      if (A.last > best_last) {
        best = static_cast<std::int32_t>(a);
        best_last = A.last;
      }
    }
    (void)c;
    return best >= 0 ? best : first_word;
  }

  // Bodies: "Iranian foreign ministry" (country + noun), "the ministry" (the last ministry),
  // "drivers" (the last body of that sector).
  // "the department" after "the State Department": a bare singular body word (no demonym, no
  // possessor) is the body named before with that head word, of whatever country. -1: none.
  std::int32_t named_body_by_head(std::int32_t c) const {
    const Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (C.kind != MentionKind::nominal || C.sector_row < 0 || C.country >= 0 || C.possessor >= 0) return -1;
    const SectorEntry& se = lex_.sectors()[static_cast<std::size_t>(C.sector_row)];
    if (se.number != "singular") return -1;
    const std::string noun = detail::fold(se.noun);
    const auto nw = words_of(noun);
    if (nw.empty()) return -1;
    const std::string_view head = nw.back();
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + 12 < C.sentence) break;
      if (K.actor < 0 || K.kind != MentionKind::name) continue;
      const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
      if (A.merged_into >= 0 || A.type == ActorType::person || A.type == ActorType::location ||
          A.type == ActorType::state)
        continue;
      const std::string kf = detail::fold(K.name);
      const auto kw = words_of(kf);
      if (kw.size() >= 2 && kw.back() == head) return K.actor;
    }
    return -1;
  }

  void resolve_body(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    std::int32_t country = C.country >= 0 ? C.country : possessor_country(C);
    if (country < 0) country = place_after(c);
    const SectorEntry* se = C.sector_row >= 0 ? &lex_.sectors()[static_cast<std::size_t>(C.sector_row)] : nullptr;
    const std::string noun = se ? detail::fold(se->noun) : std::string();
    const auto nw = words_of(noun);
    const std::string_view head = nw.empty() ? std::string_view() : nw.back();
    // "the rebels", "the militia", "fighters" in a story about a named armed group are that group.
    if (se && se->type == "GROUP" && is_armed_sector(se->sector) && C.country < 0) {
      for (std::int32_t k = c - 1; k >= 0; --k) {
        const Candidate& K = cs_[static_cast<std::size_t>(k)];
        if (K.sentence + 12 < C.sentence) break;
        if (K.actor < 0 || K.kind != MentionKind::name) continue;
        const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
        if (A.merged_into < 0 && (A.type == ActorType::group || A.type == ActorType::organization) &&
            is_armed_sector(A.sector)) {
          assign(c, K.actor);
          return;
        }
      }
    }
    // A state's military (army, forces, troops, soldiers) or police is one actor per country.
    const bool force = se && se->type == "GOVERNMENT" && (se->sector == "MIL" || se->sector == "COP") &&
                       noun.find("ministry") == std::string::npos && noun.find("department") == std::string::npos &&
                       noun.find("minist") == std::string::npos;
    // "the department" after "the State Department": a bare singular body word is the body named
    // before with that head word, of whatever country (not one guessed from the context).
    if (!force && country < 0) {
      if (const std::int32_t a = named_body_by_head(c); a >= 0) {
        assign(c, a);
        return;
      }
    }
    // Look back for the same body.
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + kLookBack < C.sentence) break;
      if (K.actor < 0 || K.kind == MentionKind::pronoun) continue;
      const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
      if (A.merged_into >= 0) continue;
      if (country >= 0 && A.country >= 0 && A.country != country) continue;
      const bool body = K.ref == Ref::body || K.ref == Ref::named_body;
      if (!body) continue;
      // "the army" is a state's, not "the National Liberation Army (ELN)", a known armed group.
      if (force && K.ref == Ref::named_body && A.org >= 0 && A.type != ActorType::government) continue;
      bool same = K.sector_row == C.sector_row && C.sector_row >= 0;
      if (!same && !head.empty()) {
        const std::string kf = K.ref == Ref::named_body ? detail::fold(K.name) : std::string();
        if (K.sector_row >= 0) {
          const std::string kn = detail::fold(lex_.sectors()[static_cast<std::size_t>(K.sector_row)].noun);
          const auto kw = words_of(kn);
          same = !kw.empty() && kw.back() == head;
        }
        if (!same && !kf.empty()) {
          for (std::string_view w : words_of(kf)) same |= w == head;
        }
      }
      // Groups of one sector are one actor ("Iranian truck drivers" ... "the drivers").
      // Not for the broad sectors: residents, protesters and hostages are different people.
      if (!same && se && se->type == "GROUP" && se->sector == A.sector && A.type == ActorType::group &&
          se->sector != "CVL" && se->sector != "REF")
        same = true;
      if (!same && force && A.type == ActorType::government && A.sector == se->sector && K.ref == Ref::body &&
          (country < 0 || A.country == country))
        same = true;
      if (same) {
        if (country < 0) C.country = A.country;
        assign(c, K.actor);
        return;
      }
    }
    if (country < 0) country = context_country(c);
    C.country = country;
    const std::string key = force ? "B:" + iso3(country) + ":#" + se->sector : "B:" + iso3(country) + ":" + noun;
    const std::string name = description(C, country);
    assign(c, keyed_actor(key, C.type, country, C.sector, name, c));
  }

  // Roles: the holder of the title named in the document (same country when known).
  bool resolve_role(std::int32_t c, bool look_ahead) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    std::int32_t country = C.country >= 0 ? C.country : possessor_country(C);
    std::int32_t family_title = C.title;
    std::int32_t exclude = -1;
    if (C.counterpart) {
      // "his Iranian counterpart": the possessor's title, another country.
      if (C.possessor >= 0 && cs_[static_cast<std::size_t>(C.possessor)].actor >= 0) {
        exclude = cs_[static_cast<std::size_t>(C.possessor)].actor;
        const ActorRecord& P = actors_[static_cast<std::size_t>(exclude)];
        family_title = P.title;
        if (C.country < 0) country = -1;
      }
    }
    const std::int32_t found =
        find_title_holder(c, family_title, country, exclude, look_ahead && (C.title >= 0 || C.counterpart), C.sector);
    if (found >= 0) {
      assign(c, found);
      return true;
    }
    if (!look_ahead) return false;
    // Nobody named holds it: the role is an actor of its own.
    const std::string sector = !C.sector.empty() ? std::string(C.sector)
                               : family_title >= 0 ? lex_.titles()[static_cast<std::size_t>(family_title)].sector
                                                   : std::string();
    std::string name = description(C, country);
    if (C.counterpart && family_title >= 0) {
      name = (country >= 0 ? adjective(country) + " " : std::string()) +
             lex_.titles()[static_cast<std::size_t>(family_title)].title;
    }
    C.country = country;
    if (family_title >= 0) C.title = family_title;
    const std::int32_t a = new_actor(ActorType::person, country, sector, name, c);
    assign(c, a);
    return true;
  }

  // Titles of the same office: "top diplomat" = "foreign minister" = "foreign secretary".
  std::string title_family(std::int32_t t) const {
    if (t < 0) return "";
    const std::string f = detail::fold(lex_.titles()[static_cast<std::size_t>(t)].title);
    if (f == "top diplomat" || f == "foreign secretary" || f == "secretary of state" || f == "foreign minister")
      return "foreign minister";
    if (f == "leader" || f == "head of state" || f == "head of government") return "#rank1";
    if (f == "official" || f == "diplomat") return "#any";
    return f;
  }

  bool titles_match(std::int32_t want, const ActorRecord& A) const {
    if (want < 0) return true;
    const std::string fw = title_family(want);
    if (fw == "#any") return A.sector == "GOV" || A.sector.empty();
    if (A.title < 0) return false;
    if (fw == "#rank1") return lex_.titles()[static_cast<std::size_t>(A.title)].rank <= 1;
    return fw == title_family(A.title);
  }

  std::int32_t find_title_holder(std::int32_t c, std::int32_t title, std::int32_t country, std::int32_t exclude,
                                 bool look_ahead, std::string_view sector) const {
    const Candidate& C = cs_[static_cast<std::size_t>(c)];
    auto ok = [&](const ActorRecord& A, std::int32_t a) {
      if (A.merged_into >= 0 || A.type != ActorType::person || a == exclude) return false;
      if (country >= 0 && A.country >= 0 && A.country != country) return false;
      if (country >= 0 && A.country < 0) return false;
      if (C.counterpart && exclude >= 0 && A.country >= 0 &&
          A.country == actors_[static_cast<std::size_t>(exclude)].country)
        return false;
      if (title < 0 && C.nominal >= 0) {
        // A person noun without a title ("the diplomat"): same sector.
        return sector.empty() || A.sector == sector;
      }
      return titles_match(title, A);
    };
    if (title < 0 && C.nominal < 0) return -1;
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + kLookBack < C.sentence) break;
      if (K.actor < 0 || K.kind == MentionKind::pronoun) continue;
      if (ok(actors_[static_cast<std::size_t>(K.actor)], K.actor)) return K.actor;
    }
    if (look_ahead) {
      for (std::size_t k = static_cast<std::size_t>(c) + 1; k < cs_.size(); ++k) {
        const Candidate& K = cs_[k];
        if (K.sentence > C.sentence + 3) break;
        if (K.actor < 0 || K.kind != MentionKind::name) continue;
        if (ok(actors_[static_cast<std::size_t>(K.actor)], K.actor)) return K.actor;
      }
    }
    return -1;
  }

  void merge(std::int32_t into, std::int32_t from) {
    if (into == from) return;
    ActorRecord& F = actors_[static_cast<std::size_t>(from)];
    ActorRecord& I = actors_[static_cast<std::size_t>(into)];
    F.merged_into = into;
    ++epoch_;
    for (auto& C : cs_)
      if (C.actor == from) C.actor = into;
    I.mentions += F.mentions;
    I.last = std::max(I.last, F.last);
    I.first = std::min(I.first, F.first);
    if (F.key.size() > I.key.size() && F.type == ActorType::person) {
      I.key = F.key;
      I.name = F.name;
    }
    if (I.title < 0) I.title = F.title;
    if (I.country < 0) I.country = F.country;
    if (I.gender == Gender::unknown) I.gender = F.gender;
    for (auto& [k, v] : names_)
      if (v == from) v = into;
    for (auto& [k, v] : keys_)
      if (v == from) v = into;
    index_actor(into);
  }

  // [SECTION] Pronouns

  bool compatible(const Candidate& P, const ActorRecord& A) const {
    switch (P.pronoun) {
      case PronounClass::he:
        return A.type == ActorType::person && A.gender != Gender::female && A.number != Number::plural;
      case PronounClass::she:
        return A.type == ActorType::person && A.gender != Gender::male && A.number != Number::plural;
      case PronounClass::it:
        return A.type != ActorType::person && A.type != ActorType::location && A.number != Number::plural;
      default:
        return false;
    }
  }

  // The subject of sentence `s` among candidates before `limit`: the first mention that is not a
  // place ("In Geneva, the office ..."), a possessor ("Iran's minister") or a possessive pronoun.
  std::int32_t sentence_subject(std::uint32_t s, std::int32_t from, std::int32_t limit) const {
    for (std::int32_t k = from; k < limit; ++k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence != s) continue;
      if (K.actor < 0 && K.members.empty()) continue;
      if (K.possessive) continue;
      if (K.actor >= 0 && actors_[static_cast<std::size_t>(K.actor)].type == ActorType::location) continue;
      if (K.te < L_.tokens.size() && L_.fold_of(K.te) == "'s") continue;
      return k;
    }
    return -1;
  }

  std::int32_t first_of_sentence(std::int32_t c) const {
    std::int32_t k = c;
    while (k > 0 && cs_[static_cast<std::size_t>(k - 1)].sentence == cs_[static_cast<std::size_t>(c)].sentence) --k;
    return k;
  }

  bool antecedent_ok(const Candidate& P, const Candidate& K) const {
    if (K.actor < 0 || K.ref == Ref::plural) return false;
    if (K.kind == MentionKind::pronoun && K.pronoun != P.pronoun) return false;
    const ActorRecord& A = actors_[static_cast<std::size_t>(K.actor)];
    // A name of unknown kind is no antecedent for he or she ("Mombasa", "Central Java"), unless
    // no other antecedent is found (a second search, `relaxed_`).
    if (A.uncertain && !relaxed_ && (P.pronoun == PronounClass::he || P.pronoun == PronounClass::she) &&
        A.gender == Gender::unknown)
      return false;
    return compatible(P, A);
  }

  // he, she, it: in the same sentence the subject if it fits (not for an object pronoun, which
  // does not refer to its own clause's subject: "Faye said he had telephoned Mbengue to wish him
  // success"), else the closest fitting mention; otherwise the subject (or first fitting mention)
  // of the nearest earlier sentence that has one, at most three back.
  void resolve_pronoun(std::int32_t c) {
    Candidate& P = cs_[static_cast<std::size_t>(c)];
    if (P.pronoun == PronounClass::we || P.pronoun == PronounClass::i) return;  // speakers: last pass
    if (P.pronoun == PronounClass::they) {
      resolve_they(c);
      return;
    }
    resolve_singular_pronoun(c);
    if (P.actor < 0 && (P.pronoun == PronounClass::he || P.pronoun == PronounClass::she)) {
      // "Wicaksono ... his": a one-word name of unknown kind is a person when nothing else fits.
      relaxed_ = true;
      resolve_singular_pronoun(c);
      relaxed_ = false;
    }
  }

  void resolve_singular_pronoun(std::int32_t c) {
    Candidate& P = cs_[static_cast<std::size_t>(c)];
    const std::uint32_t s = P.sentence;
    const std::int32_t first = first_of_sentence(c);
    std::int32_t best = -1;
    {
      const std::int32_t subj = sentence_subject(s, first, c);
      const bool subj_ok = subj >= 0 && antecedent_ok(P, cs_[static_cast<std::size_t>(subj)]);
      std::int32_t closest = -1, closest_other = -1;
      for (std::int32_t k = c - 1; k >= first; --k) {
        const Candidate& K = cs_[static_cast<std::size_t>(k)];
        if (!antecedent_ok(P, K)) continue;
        if (closest < 0) closest = k;
        if (closest_other < 0 && (!subj_ok || K.actor != cs_[static_cast<std::size_t>(subj)].actor)) closest_other = k;
      }
      if (P.object && closest_other >= 0) best = closest_other;
      else if (subj_ok) best = subj;
      else best = closest;
      // "the Law Society of Kenya (LSK) said it would": the subject of the speech verb right
      // before the pronoun, not the sentence's first actor.
      if (!P.object && P.tb >= 2 && is_speech_verb(L_.fold_of(P.tb - 1))) {
        for (std::int32_t k = c - 1; k >= first; --k) {
          const Candidate& K = cs_[static_cast<std::size_t>(k)];
          if (K.te + 1 != P.tb && !(K.te + 2 == P.tb && L_.fold_of(K.te) == ")")) continue;
          if (antecedent_ok(P, K)) best = k;
          break;
        }
      }
    }
    for (std::uint32_t back = 1; best < 0 && back <= 3 && back <= s; ++back) {
      const std::uint32_t ps = s - back;
      std::int32_t b = first - 1;
      while (b >= 0 && cs_[static_cast<std::size_t>(b)].sentence > ps) --b;
      if (b < 0 || cs_[static_cast<std::size_t>(b)].sentence != ps) continue;
      const std::int32_t pf = first_of_sentence(b);
      const std::int32_t subj = sentence_subject(ps, pf, b + 1);
      if (subj >= 0 && antecedent_ok(P, cs_[static_cast<std::size_t>(subj)])) {
        best = subj;
        break;
      }
      for (std::int32_t k = pf; k <= b; ++k)
        if (antecedent_ok(P, cs_[static_cast<std::size_t>(k)])) {
          best = k;
          break;
        }
    }
    if (best >= 0) {
      P.confidence = 0.6f;
      assign(c, cs_[static_cast<std::size_t>(best)].actor);
    }
  }

  void resolve_they(std::int32_t c) {
    Candidate& P = cs_[static_cast<std::size_t>(c)];
    const std::uint32_t s = P.sentence;
    // A coordination before it in this or the previous sentence.
    const Coordination* co = nullptr;
    std::int32_t co_end = -1;
    for (const auto& k : det_.coordinations) {
      if (k.candidates.back() >= c) break;
      if (k.sentence + 1 >= s) {
        co = &k;
        co_end = k.candidates.back();
      }
    }
    // "Poland and Latvia have deployed troops along their borders": a coordination that is the
    // subject of this sentence.
    if (co && co->sentence == s) {
      const std::int32_t subj = sentence_subject(s, first_of_sentence(c), c);
      if (subj == co->candidates.front()) co_end = c;
    }
    // A plural mention or a plural group actor, closest first.
    for (std::int32_t k = c - 1; k >= 0; --k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence + 2 < s) break;
      if (co && k <= co_end) break;
      if (K.ref == Ref::plural && !K.members.empty()) {
        P.members = K.members;
        P.actor = -1;
        ++epoch_;
        return;
      }
      if (K.ref == Ref::plural && K.members.empty()) {
        pending_they_.push_back({c, k});
        return;
      }
      if (K.kind == MentionKind::pronoun && K.pronoun == PronounClass::they) {
        if (!K.members.empty()) P.members = K.members;
        else if (K.actor >= 0) assign(c, K.actor);
        if (!P.members.empty() || P.actor >= 0) return;
        continue;
      }
      if (K.actor >= 0 && K.number == Number::plural && K.kind != MentionKind::pronoun &&
          actors_[static_cast<std::size_t>(K.actor)].type != ActorType::person) {
        assign(c, K.actor);
        return;
      }
    }
    if (co) {
      for (std::int32_t m : co->candidates) {
        const std::int32_t a = cs_[static_cast<std::size_t>(m)].actor;
        if (a >= 0 && std::find(P.members.begin(), P.members.end(), a) == P.members.end()) P.members.push_back(a);
      }
      if (P.members.size() == 1) {
        assign(c, P.members[0]);
        P.members.clear();
      }
    }
  }

  // [SECTION] Second pass: roles looking ahead, plural descriptions

  void second_pass(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    if (C.actor >= 0 || !C.members.empty()) return;
    if (C.ref == Ref::role && C.same_as < 0) {
      resolve_role(c, /*look_ahead=*/true);
      return;
    }
    if (C.ref == Ref::plural) {
      resolve_plural(c);
      for (const auto& [p, k] : pending_they_)
        if (k == c) cs_[static_cast<std::size_t>(p)].members = C.members;
      return;
    }
    if (C.same_as >= 0) {
      // The apposition target was resolved later: join it now.
      const Candidate& T = cs_[static_cast<std::size_t>(C.same_as)];
      if (T.actor >= 0) assign(c, T.actor);
    }
  }

  // What kind of actor a plural description groups.
  enum class Want { state, side, government, person, body, any };

  Want wanted(const Candidate& C) const {
    if (C.title >= 0) return Want::person;
    if (C.nominal >= 0) {
      const NominalEntry& n = lex_.nominals()[static_cast<std::size_t>(C.nominal)];
      // "both sides", "the warring parties": whoever the two sides are.
      if (n.role == "state" && detail::fold(n.noun).rfind("side", 0) == 0) return Want::side;
      if (n.role == "state") return Want::state;
      if (n.role == "government") return Want::government;
      if (n.role == "person" || n.role == "counterpart") return Want::person;
      return Want::any;
    }
    if (C.sector_row >= 0) {
      const std::string f = detail::fold(lex_.sectors()[static_cast<std::size_t>(C.sector_row)].noun);
      if (is_government_noun(f)) return Want::government;
      if (f == "parties" || f == "sides" || f == "delegations") return Want::side;
      return Want::body;
    }
    return Want::any;
  }

  std::int32_t as_wanted(std::int32_t a, Want w, const Candidate& C, std::int32_t c) {
    if (a < 0) return -1;
    const ActorRecord& A = actors_[static_cast<std::size_t>(a)];
    switch (w) {
      case Want::state:
        if (A.type == ActorType::state) return a;
        if (A.type == ActorType::government && A.sector == "GOV" && mapping_) return state_of(A.country, -1);
        return -1;
      case Want::side:
        if (A.type == ActorType::person || A.type == ActorType::location) return -1;
        // Sides are states, governments, organisations and armed groups, not crowds or civilians.
        if (A.type == ActorType::group && !is_armed_sector(A.sector) && A.sector != "MIL") return -1;
        return a;
      case Want::government:
        if (A.type == ActorType::government) return a;
        if (A.type == ActorType::state && mapping_) return government_of(A.country, -1);
        return -1;
      case Want::person: {
        if (A.type == ActorType::person) return titles_match(C.title, A) || C.title < 0 ? a : -1;
        if ((A.type == ActorType::state || A.type == ActorType::government) && A.country >= 0) {
          // "their foreign ministers" after "Azerbaijan and Iran": each country's holder.
          for (std::size_t k = 0; k < actors_.size(); ++k) {
            const ActorRecord& B = actors_[k];
            if (B.merged_into < 0 && B.type == ActorType::person && B.country == A.country && titles_match(C.title, B))
              return static_cast<std::int32_t>(k);
          }
        }
        (void)c;
        return -1;
      }
      case Want::body:
        if (A.type == ActorType::person || A.type == ActorType::location || A.type == ActorType::state) return -1;
        return C.sector.empty() || A.sector == C.sector ? a : -1;
      case Want::any:
        return A.type == ActorType::location ? -1 : a;
    }
    return -1;
  }

  // The side an actor takes in a pairing: a state and its government are one side (its country);
  // anything else is itself. -1: cannot be one of `w`.
  std::int64_t side_key(std::int32_t a, Want w) const {
    if (a < 0) return -1;
    const ActorRecord& A = actors_[static_cast<std::size_t>(a)];
    const bool national = A.country >= 0 && (A.type == ActorType::state ||
                                             (A.type == ActorType::government && A.sector == "GOV"));
    if (w == Want::state || w == Want::government) return national ? A.country : -1;
    if (w == Want::person) return A.type == ActorType::person ? (static_cast<std::int64_t>(1) << 32) + a : -1;
    if (w != Want::side) return -1;
    if (A.type == ActorType::person || A.type == ActorType::location) return -1;
    if (A.type == ActorType::group && !is_armed_sector(A.sector) && A.sector != "MIL") return -1;
    return national ? A.country : (static_cast<std::int64_t>(1) << 32) + a;
  }

  // The pairing statistics of salient_pair() over candidates [0, next) and the coordinations that
  // end before `next`, kept from call to call (the second pass asks in text order), so that each
  // candidate is counted once: rescanning the article for every plural made the pass quadratic.
  // Counts ignore the exclusions of a call (applied when reading them). Built again from the start
  // when an actor or an earlier candidate changed since (epoch_).
  using SidePair = std::pair<std::int64_t, std::int64_t>;
  struct PairStats {
    std::uint64_t epoch = ~std::uint64_t{0};
    std::int32_t next = 0;           // candidates counted: [0, next)
    std::size_t coords = 0;          // coordinations counted: coord_order_[0, coords)
    std::uint32_t sentence = 0;      // sentence of the keys in `open`
    std::vector<std::int64_t> open;  // distinct sides of the sentence not yet closed
    std::map<SidePair, int> score;
    std::set<std::pair<int, SidePair>> ranked;  // (-score, pair): best first, ties in pair order
    std::unordered_map<std::int64_t, std::unordered_map<std::int32_t, int>> uses;  // side -> actor -> mentions
    std::vector<std::vector<std::int64_t>> lists;  // sides of coordinations of three or more sides
    std::unordered_map<std::int64_t, std::vector<std::size_t>> lists_of;  // side -> lists holding it
  };

  static int pair_class(Want w) { return w == Want::person ? 0 : w == Want::side ? 1 : 2; }

  static void add_score(PairStats& P, std::int64_t a, std::int64_t b, int weight) {
    const SidePair key{std::min(a, b), std::max(a, b)};
    int& n = P.score[key];
    if (n != 0) P.ranked.erase({-n, key});
    n += weight;
    P.ranked.insert({-n, key});
  }

  void close_sentence(PairStats& P) {
    for (std::size_t i = 0; i < P.open.size(); ++i)
      for (std::size_t j = i + 1; j < P.open.size(); ++j) add_score(P, P.open[i], P.open[j], 1);
    P.open.clear();
  }

  PairStats& pair_stats(std::int32_t c, Want w) {
    if (coord_order_of_ != det_.coordinations.size()) {
      coord_order_of_ = det_.coordinations.size();
      ++epoch_;  // counts made with another order start again
      coord_order_.clear();
      for (std::size_t i = 0; i < det_.coordinations.size(); ++i)
        if (!det_.coordinations[i].candidates.empty()) coord_order_.push_back(i);
      std::stable_sort(coord_order_.begin(), coord_order_.end(), [&](std::size_t a, std::size_t b) {
        return det_.coordinations[a].candidates.back() < det_.coordinations[b].candidates.back();
      });
    }
    PairStats& P = pair_stats_[static_cast<std::size_t>(pair_class(w))];
    if (P.epoch != epoch_ || P.next > c) {
      P = PairStats();
      P.epoch = epoch_;
    }
    for (std::int32_t k = P.next; k < c; ++k) {
      const Candidate& K = cs_[static_cast<std::size_t>(k)];
      if (K.sentence != P.sentence) {
        close_sentence(P);
        P.sentence = K.sentence;
      }
      if (K.actor < 0 || K.kind == MentionKind::pronoun) continue;
      const std::int64_t key = side_key(K.actor, w);
      if (key < 0) continue;
      ++P.uses[key][K.actor];
      if (std::find(P.open.begin(), P.open.end(), key) == P.open.end()) P.open.push_back(key);
    }
    P.next = std::max(P.next, c);
    for (; P.coords < coord_order_.size(); ++P.coords) {
      const Coordination& co = det_.coordinations[coord_order_[P.coords]];
      if (co.candidates.back() >= c) break;
      std::vector<std::int64_t> keys;
      for (std::int32_t m : co.candidates) {
        const std::int64_t key = side_key(cs_[static_cast<std::size_t>(m)].actor, w);
        if (key >= 0 && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
      }
      if (keys.size() == 2) {
        add_score(P, keys[0], keys[1], 2);
      } else if (keys.size() > 2) {
        for (const std::int64_t key : keys) P.lists_of[key].push_back(P.lists.size());
        P.lists.push_back(std::move(keys));
      }
    }
    return P;
  }

  // "both sides", "the two countries": the pair of sides the article has set against (or beside)
  // each other most often before `c` — two in one sentence count 1, two in one coordination
  // ("between Israel and Hamas") 2 more. A coordination that is the subject of the plural's own
  // sentence is not among them ("Doha and Cairo mediated between the two sides"). Needs a score
  // of 2; the members are the most mentioned actor of each side, or {} when there is no such pair.
  std::vector<std::int32_t> salient_pair(std::int32_t c, Want w) {
    const Candidate& C = cs_[static_cast<std::size_t>(c)];
    std::vector<std::int64_t> excluded;
    const std::int32_t subj = sentence_subject(C.sentence, first_of_sentence(c), c);
    if (subj >= 0) {
      const std::int32_t sa = cs_[static_cast<std::size_t>(subj)].actor;
      if (sa >= 0) excluded.push_back(side_key(sa, w));
      for (const Coordination& co : det_.coordinations)
        if (co.sentence == C.sentence && std::find(co.candidates.begin(), co.candidates.end(), subj) != co.candidates.end())
          for (std::int32_t m : co.candidates) excluded.push_back(side_key(cs_[static_cast<std::size_t>(m)].actor, w));
    }
    auto usable = [&](std::int64_t key) {
      return key >= 0 && std::find(excluded.begin(), excluded.end(), key) == excluded.end();
    };
    PairStats& P = pair_stats(c, w);
    // What the counts leave out: the sentence of `c` so far (a pair counts 1), and the lists of
    // three or more sides that are a pairing once the excluded sides are left out (2).
    std::map<SidePair, int> extra;
    auto add_extra = [&](const std::vector<std::int64_t>& keys, int weight) {
      for (std::size_t i = 0; i < keys.size(); ++i)
        for (std::size_t j = i + 1; j < keys.size(); ++j)
          if (keys[i] != keys[j]) extra[{std::min(keys[i], keys[j]), std::max(keys[i], keys[j])}] += weight;
    };
    {
      std::vector<std::int64_t> open;
      for (const std::int64_t key : P.open)
        if (usable(key)) open.push_back(key);
      add_extra(open, 1);
    }
    std::vector<std::size_t> seen;
    for (const std::int64_t x : excluded) {
      const auto it = P.lists_of.find(x);
      if (it == P.lists_of.end()) continue;
      for (const std::size_t l : it->second) {
        if (std::find(seen.begin(), seen.end(), l) != seen.end()) continue;
        seen.push_back(l);
        std::vector<std::int64_t> keys;
        for (const std::int64_t key : P.lists[l])
          if (usable(key)) keys.push_back(key);
        if (keys.size() == 2) add_extra(keys, 2);
      }
    }
    // The best pair: the highest score above 1; ties: the first in key order (stable across runs).
    SidePair best{-1, -1};
    int top = 1;
    auto consider = [&](const SidePair& pair, int n) {
      if (n > top || (n == top && best.first >= 0 && pair < best)) top = n, best = pair;
    };
    for (const auto& [neg, pair] : P.ranked) {
      if (!usable(pair.first) || !usable(pair.second)) continue;
      consider(pair, -neg);  // every pair after it scores less or comes later in key order
      break;
    }
    for (const auto& [pair, n] : extra) {
      const auto it = P.score.find(pair);
      consider(pair, n + (it == P.score.end() ? 0 : it->second));
    }
    if (best.first < 0) return {};
    // Two national sides are the two states ("both sides" after Turkey and Greece's governments).
    const bool states = w == Want::state || (w == Want::side && best.second < (static_cast<std::int64_t>(1) << 32));
    std::vector<std::int32_t> out;
    for (const std::int64_t key : {best.first, best.second}) {
      std::int32_t a = -1;
      const bool national = key < (static_cast<std::int64_t>(1) << 32);
      // "the two delegations": a country's side is its government.
      const bool governments = w == Want::government || (national && w == Want::side && C.sector == "GOV");
      if (governments) a = government_of(static_cast<std::int32_t>(key), -1);
      else if (states) a = state_of(static_cast<std::int32_t>(key), -1);
      else {
        int most = 0;
        for (const auto& [actor, n] : P.uses[key])
          if (n > most || (n == most && actor < a)) most = n, a = actor;
      }
      if (a < 0) return {};
      out.push_back(a);
    }
    return out;
  }

  void resolve_plural(std::int32_t c) {
    Candidate& C = cs_[static_cast<std::size_t>(c)];
    const Want w = wanted(C);
    const std::size_t n = C.quantity > 0 ? static_cast<std::size_t>(C.quantity) : 2;
    std::vector<std::int32_t> members;
    auto add_member = [&](std::int32_t a) {
      if (a >= 0 && std::find(members.begin(), members.end(), a) == members.end()) members.push_back(a);
    };
    // "their foreign ministers": the possessor's members.
    if (C.possessor >= 0) {
      const Candidate& P = cs_[static_cast<std::size_t>(C.possessor)];
      for (std::int32_t m : P.members) add_member(as_wanted(m, w, C, c));
      if (P.actor >= 0 && P.members.empty() && w != Want::person) add_member(as_wanted(P.actor, w, C, c));
    }
    // The pair of sides the article has set against each other.
    if (members.size() < 2 && (w == Want::side || w == Want::state || w == Want::government)) {
      members = salient_pair(c, w);
    }
    // "both candidates", "the two leaders": the two people the article pairs most often.
    if (members.size() < 2 && w == Want::person && C.quantity == 2 && C.title < 0 && C.possessor < 0) {
      members = salient_pair(c, w);
    }
    // The nearest coordination before it (this sentence or the three before).
    if (members.size() < 2) {
      members.clear();
      for (auto it = det_.coordinations.rbegin(); it != det_.coordinations.rend(); ++it) {
        if (it->candidates.front() >= c) continue;
        if (it->sentence + 3 < C.sentence) break;
        std::vector<std::int32_t> ms;
        for (std::int32_t m : it->candidates) {
          const std::int32_t a = as_wanted(cs_[static_cast<std::size_t>(m)].actor, w, C, c);
          if (a >= 0 && std::find(ms.begin(), ms.end(), a) == ms.end()) ms.push_back(a);
        }
        if (ms.size() >= 2) {
          members = ms;
          break;
        }
      }
    }
    // A plural mention just before ("Indian and Pakistani troops ... both countries"), in this
    // sentence or the one before.
    if (members.size() < 2) {
      members.clear();
      for (std::int32_t k = c - 1; k >= 0; --k) {
        const Candidate& K = cs_[static_cast<std::size_t>(k)];
        if (K.sentence + 1 < C.sentence) break;
        if (K.members.size() < 2 || K.kind == MentionKind::pronoun) continue;
        std::vector<std::int32_t> ms;
        for (std::int32_t m : K.members) {
          std::int32_t a = as_wanted(m, w, C, c);
          // The forces of two states stand for the states too.
          if (a < 0 && w == Want::state && actors_[static_cast<std::size_t>(m)].type == ActorType::government)
            a = state_of(actors_[static_cast<std::size_t>(m)].country, -1);
          if (a >= 0 && std::find(ms.begin(), ms.end(), a) == ms.end()) ms.push_back(a);
        }
        // (reversed: the list below is put back in text order like the most recent actors)
        if (ms.size() >= 2) members.assign(ms.rbegin(), ms.rend());
        break;
      }
    }
    // Otherwise the most recent distinct actors of that kind (persons: those holding the title).
    mapping_ = false;
    if (members.size() < 2) {
      members.clear();
      for (std::int32_t k = c - 1; k >= 0 && members.size() < n; --k) {
        const Candidate& K = cs_[static_cast<std::size_t>(k)];
        if (K.sentence + kLookBack < C.sentence) break;
        if (K.actor < 0 || K.kind == MentionKind::pronoun) continue;
        add_member(as_wanted(K.actor, w, C, c));
      }
      if (members.size() < 2 && w == Want::person) {
        for (std::size_t k = static_cast<std::size_t>(c) + 1; k < cs_.size() && members.size() < n; ++k) {
          const Candidate& K = cs_[k];
          if (K.actor < 0 || K.kind != MentionKind::name) continue;
          add_member(as_wanted(K.actor, w, C, c));
        }
      }
    }
    mapping_ = true;
    if (members.size() >= 2) {
      std::reverse(members.begin(), members.end());
      std::stable_sort(members.begin(), members.end(), [&](std::int32_t a, std::int32_t b) {
        return actors_[static_cast<std::size_t>(a)].first < actors_[static_cast<std::size_t>(b)].first;
      });
      C.members = members;
      C.confidence = 0.5f;
    } else if (members.size() == 1 && w != Want::person) {
      assign(c, members[0]);
    }
  }

  // [SECTION] Last pass: a speaker's "we" and "I"

  void speaker_pronouns(std::int32_t c) {
    Candidate& P = cs_[static_cast<std::size_t>(c)];
    if (P.kind != MentionKind::pronoun || (P.pronoun != PronounClass::we && P.pronoun != PronounClass::i)) return;
    if (P.quote < 0) return;
    const std::int32_t sp = det_.quotations[static_cast<std::size_t>(P.quote)].speaker;
    if (sp < 0) return;
    const Candidate& S = cs_[static_cast<std::size_t>(sp)];
    std::int32_t a = S.actor;
    if (a >= 0 && actors_[static_cast<std::size_t>(a)].type == ActorType::location) return;
    if (a < 0 && !S.members.empty()) {
      if (P.pronoun == PronounClass::we) P.members = S.members;
      return;
    }
    if (a < 0) return;
    if (P.pronoun == PronounClass::i) {
      if (actors_[static_cast<std::size_t>(a)].type == ActorType::person) assign(c, a);
      return;
    }
    const ActorRecord& A = actors_[static_cast<std::size_t>(a)];
    std::int32_t side = a;
    if (A.type == ActorType::person) {
      side = -1;
      if (A.affiliation >= 0 && cs_[static_cast<std::size_t>(A.affiliation)].actor >= 0)
        side = cs_[static_cast<std::size_t>(A.affiliation)].actor;
      else if (A.country >= 0 && (A.sector == "GOV" || A.sector.empty() || A.sector == "MIL") && A.title >= 0)
        side = government_of(A.country, -1);
    } else if (A.type == ActorType::state) {
      side = government_of(A.country, -1);
    }
    if (side >= 0) {
      P.confidence = 0.5f;
      assign(c, side);
    }
  }

  const TextLayer& L_;
  const Lexicons& lex_;
  Detection& det_;
  Document& doc_;
  std::vector<Candidate>& cs_;
  std::vector<ActorRecord> actors_;
  std::unordered_map<std::string, std::int32_t> keys_;   // identity keys: S:IRN, G:IRN, O:..., L:..., B:...
  std::unordered_map<std::string, std::int32_t> names_;  // folded surface names seen as NAME mentions
  std::vector<std::pair<std::int32_t, std::int32_t>> pending_they_;
  // Actors by words of their names, so that lookups stay linear in the text's length.
  std::unordered_map<std::string, std::vector<std::int32_t>> person_last_, person_first_, named_words_;
  bool mapping_ = true;  // may a plural map a state to its government (and back)?
  bool relaxed_ = false;  // may he/she refer to a name of unknown kind?
  std::int32_t salient_ = -2;  // salient_country(), once computed (-2: not yet)
  // Bumped whenever an actor's type, country or sector, or an earlier candidate's actor, may have
  // changed: the pairing counts (pair_stats_) are then recounted.
  std::uint64_t epoch_ = 0;
  std::array<PairStats, 3> pair_stats_;
  std::vector<std::size_t> coord_order_;  // coordinations (not empty) by their last candidate
  std::size_t coord_order_of_ = ~std::size_t{0};  // how many coordinations coord_order_ was made from
};

}  // namespace

void resolve_actors(const TextLayer& text, const Lexicons& lex, Detection& det, Document& doc) {
  Resolver(text, lex, det, doc).run();
}

}  // namespace dyad::detail
