// Re-extraction merge: keep every decision a person made, refresh only untouched suggestions.
// The identity rules (what counts as "the same" mention, actor, relation) are in merge.hpp.
#include "dyad/merge.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace dyad {
namespace {

template <class T>
bool decided(const T& x) {
  return x.provenance.user || x.status != Status::suggested;
}

std::string identity_name(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r')) --b;
  std::string out = s.substr(a, b - a);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool same_actor(const Actor& a, const Actor& b) { return a.code == b.code && identity_name(a.name) == identity_name(b.name); }

bool overlaps(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

bool triggers_match(const Span& a, const Span& b) { return a.empty() || b.empty() || overlaps(a, b) || a == b; }

bool refers_to(const Mention& m, const std::string& actor) {
  return m.actor == actor || std::find(m.members.begin(), m.members.end(), actor) != m.members.end();
}

using SpanKey = std::pair<std::size_t, std::size_t>;
SpanKey key(const Span& s) { return {s.start, s.end}; }

/// Hands out ids above every numeric suffix the edited document used.
class IdSource {
 public:
  template <class T>
  IdSource(const std::vector<T>& items, char prefix, std::size_t last) : prefix_(prefix), last_(last) {
    for (const T& x : items) {
      if (x.id.size() < 2 || x.id.size() > 19 || x.id[0] != prefix) continue;
      if (!std::all_of(x.id.begin() + 1, x.id.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
      last_ = std::max<std::size_t>(last_, std::stoull(x.id.substr(1)));
    }
  }
  std::string next() { return std::string(1, prefix_) + std::to_string(++last_); }
  std::size_t last() const { return last_; }

 private:
  char prefix_;
  std::size_t last_;
};

/// Unknown members another tool put on a sentence or token stay on the fresh one with the same
/// span (both lists are in text order).
template <class T>
void keep_extras(const std::vector<T>& edited, std::vector<T>& fresh) {
  std::size_t i = 0;
  for (T& f : fresh) {
    while (i < edited.size() && (edited[i].span.start < f.span.start ||
                                 (edited[i].span.start == f.span.start && edited[i].span.end < f.span.end)))
      ++i;
    if (i < edited.size() && edited[i].span == f.span && f.extra.empty()) f.extra = edited[i].extra;
  }
}

class Merger {
 public:
  Merger(const Document& edited, const Document& fresh)
      : edited_(edited), fresh_(fresh), actor_ids_(edited.actors, 'a', edited.last_actor_id),
        mention_ids_(edited.mentions, 'm', edited.last_mention_id),
        relation_ids_(edited.relations, 'r', edited.last_relation_id) {}

  Document run() {
    out_.text = edited_.text;
    out_.sentences = fresh_.sentences;
    out_.tokens = fresh_.tokens;
    keep_extras(edited_.sentences, out_.sentences);
    keep_extras(edited_.tokens, out_.tokens);
    out_.diagnostics = fresh_.diagnostics;
    out_.meta = edited_.meta;
    out_.extra = edited_.extra;
    keep_decisions();
    map_actors();
    merge_mentions();
    merge_relations();
    finish_actors();
    std::stable_sort(out_.mentions.begin(), out_.mentions.end(),
                     [](const Mention& a, const Mention& b) { return key(a.span) < key(b.span); });
    std::stable_sort(out_.relations.begin(), out_.relations.end(),
                     [](const Relation& a, const Relation& b) { return key(a.trigger) < key(b.trigger); });
    out_.last_actor_id = actor_ids_.last();
    out_.last_mention_id = mention_ids_.last();
    out_.last_relation_id = relation_ids_.last();
    return std::move(out_);
  }

 private:
  struct PoolActor {
    Actor actor;
    bool retained = false;   // a decision, or referenced by one: always in the result
    bool refreshed = false;  // fields already taken from a fresh actor
  };

  void keep_decisions() {
    for (const auto& m : edited_.mentions)
      if (decided(m)) out_.mentions.push_back(m);
    for (const auto& r : edited_.relations)
      if (decided(r)) out_.relations.push_back(r);
    std::set<std::string> needed;
    for (const auto& m : out_.mentions) {
      if (!m.actor.empty()) needed.insert(m.actor);
      needed.insert(m.members.begin(), m.members.end());
    }
    for (const auto& r : out_.relations) {
      needed.insert(r.source);
      needed.insert(r.target);
    }
    for (const auto& a : edited_.actors) {
      pool_index_[a.id] = pool_.size();
      pool_.push_back(PoolActor{a, decided(a) || needed.count(a.id) != 0, false});
    }
  }

  // Finds, for each fresh actor, the actor of the result it stands for (see merge.hpp).
  void map_actors() {
    std::map<SpanKey, const Mention*> kept_live, kept_rejected, untouched;
    for (const auto& m : out_.mentions) {
      if (m.actor.empty()) continue;
      (m.status == Status::rejected ? kept_rejected : kept_live).emplace(key(m.span), &m);
    }
    for (const auto& m : edited_.mentions)
      if (!decided(m) && !m.actor.empty()) untouched.emplace(key(m.span), &m);

    for (const auto& f : fresh_.actors) {
      std::string target;
      bool suppressed = false;
      auto by_span = [&](const std::map<SpanKey, const Mention*>& index) {
        for (const auto& fm : fresh_.mentions) {
          if (fm.actor != f.id) continue;
          auto it = index.find(key(fm.span));
          if (it != index.end() && pool_index_.count(it->second->actor)) return it->second->actor;
        }
        return std::string();
      };
      target = by_span(kept_live);
      if (target.empty()) {
        const std::string rejected = by_span(kept_rejected);
        if (!rejected.empty() && pool_[pool_index_[rejected]].actor.status == Status::rejected) suppressed = true;
      }
      if (target.empty() && !suppressed) {
        for (const auto& p : pool_)
          if (same_actor(p.actor, f)) { target = p.actor.id; break; }
      }
      if (target.empty() && !suppressed) target = by_span(untouched);
      if (!target.empty()) {
        PoolActor& p = pool_[pool_index_[target]];
        if (p.actor.status == Status::rejected) {
          suppressed = true;
        } else if (!decided(p.actor) && !p.refreshed) {
          refresh(p.actor, f);
          p.refreshed = true;
        }
      }
      if (suppressed) {
        actor_map_[f.id] = "";
        continue;
      }
      if (target.empty()) {
        Actor a = f;
        a.id = actor_ids_.next();
        target = a.id;
        pool_index_[a.id] = pool_.size();
        pool_.push_back(PoolActor{std::move(a), false, true});
      }
      actor_map_[f.id] = target;
    }
  }

  static void refresh(Actor& kept, const Actor& f) {
    kept.name = f.name;
    kept.type = f.type;
    kept.country = f.country;
    kept.sector = f.sector;
    kept.code = f.code;
    kept.provenance = f.provenance;
    kept.confidence = f.confidence;
  }

  std::string mapped_actor(const std::string& fresh_id) const {
    auto it = actor_map_.find(fresh_id);
    return it == actor_map_.end() ? std::string() : it->second;
  }

  void merge_mentions() {
    std::set<std::pair<SpanKey, MentionKind>> rejected;
    std::vector<const Mention*> live;
    for (const auto& m : out_.mentions) {
      if (m.status == Status::rejected) rejected.insert({key(m.span), m.kind});
      else live.push_back(&m);
    }
    // Ids of untouched suggestions, reused for the fresh suggestion of the same span and kind,
    // else of the same span (the extractor changed its mind about the kind).
    std::map<std::pair<SpanKey, MentionKind>, std::string> untouched_ids;
    std::map<SpanKey, std::string> untouched_by_span;
    for (const auto& m : edited_.mentions) {
      if (decided(m)) continue;
      untouched_ids.emplace(std::make_pair(key(m.span), m.kind), m.id);
      untouched_by_span.emplace(key(m.span), m.id);
    }
    std::set<std::string> reused;

    std::vector<Mention> added;
    for (const auto& fm : fresh_.mentions) {
      if (rejected.count({key(fm.span), fm.kind})) continue;
      const Mention* clash = nullptr;
      for (const Mention* k : live)
        if (overlaps(k->span, fm.span) || k->span == fm.span) { clash = k; break; }
      if (clash) {
        if (clash->span == fm.span) mention_map_[fm.id] = clash->id;  // relations anchored here use the kept one
        continue;
      }
      Mention m = fm;
      if (!fm.actor.empty()) {
        m.actor = mapped_actor(fm.actor);
        if (m.actor.empty()) continue;
      } else {
        m.members.clear();
        for (const auto& id : fm.members) {
          const std::string a = mapped_actor(id);
          if (!a.empty() && std::find(m.members.begin(), m.members.end(), a) == m.members.end()) m.members.push_back(a);
        }
        if (m.members.empty()) continue;
      }
      m.id.clear();
      auto exact = untouched_ids.find({key(fm.span), fm.kind});
      if (exact != untouched_ids.end() && !reused.count(exact->second)) m.id = exact->second;
      auto same_span = untouched_by_span.find(key(fm.span));
      if (m.id.empty() && same_span != untouched_by_span.end() && !reused.count(same_span->second)) m.id = same_span->second;
      if (m.id.empty()) m.id = mention_ids_.next();
      reused.insert(m.id);
      mention_map_[fm.id] = m.id;
      added.push_back(std::move(m));
    }
    for (auto& m : added) out_.mentions.push_back(std::move(m));
  }

  // An anchor stays only if its mention is in the result and still refers to the actor.
  std::string checked_anchor(const std::string& mention, const std::string& actor) const {
    if (mention.empty()) return {};
    const Mention* m = out_.find_mention(mention);
    return m && refers_to(*m, actor) ? mention : std::string();
  }

  void merge_relations() {
    for (auto& r : out_.relations) {
      r.source_mention = checked_anchor(r.source_mention, r.source);
      r.target_mention = checked_anchor(r.target_mention, r.target);
    }
    const std::size_t kept = out_.relations.size();
    std::vector<std::string> reusable;
    for (const auto& r : edited_.relations)
      if (!decided(r)) reusable.push_back(r.id);

    for (const auto& fr : fresh_.relations) {
      Relation r = fr;
      r.source = mapped_actor(fr.source);
      r.target = mapped_actor(fr.target);
      if (r.source.empty() || r.target.empty() || r.source == r.target) continue;
      bool known = false;
      for (std::size_t i = 0; i < kept && !known; ++i) {
        const Relation& k = out_.relations[i];
        known = k.source == r.source && k.target == r.target && k.type == r.type && triggers_match(k.trigger, r.trigger);
      }
      if (known) continue;
      auto anchor = [&](const std::string& fresh_mention, const std::string& actor) {
        auto it = mention_map_.find(fresh_mention);
        return it == mention_map_.end() ? std::string() : checked_anchor(it->second, actor);
      };
      r.source_mention = anchor(fr.source_mention, r.source);
      r.target_mention = anchor(fr.target_mention, r.target);
      r.id.clear();
      for (auto& id : reusable) {
        const Relation* old = edited_.find_relation(id);
        if (!id.empty() && old && old->type == r.type && old->trigger == r.trigger && mapped_same(*old, r)) {
          r.id = id;
          id.clear();
          break;
        }
      }
      if (r.id.empty()) r.id = relation_ids_.next();
      out_.relations.push_back(std::move(r));
    }
  }

  // The untouched relation's actors are edited ids; the fresh one's are already mapped.
  static bool mapped_same(const Relation& old, const Relation& r) { return old.source == r.source && old.target == r.target; }

  void finish_actors() {
    std::set<std::string> referenced;
    for (const auto& m : out_.mentions) {
      referenced.insert(m.actor);
      referenced.insert(m.members.begin(), m.members.end());
    }
    for (const auto& r : out_.relations) {
      referenced.insert(r.source);
      referenced.insert(r.target);
    }
    for (auto& p : pool_)
      if (p.retained || referenced.count(p.actor.id)) out_.actors.push_back(std::move(p.actor));
  }

  const Document& edited_;
  const Document& fresh_;
  Document out_;
  IdSource actor_ids_, mention_ids_, relation_ids_;
  std::vector<PoolActor> pool_;
  std::map<std::string, std::size_t> pool_index_;
  std::map<std::string, std::string> actor_map_;    // fresh actor id -> result actor id ("" = suppressed)
  std::map<std::string, std::string> mention_map_;  // fresh mention id -> result mention id
};

}  // namespace

bool is_user_decision(const Actor& a) { return decided(a); }
bool is_user_decision(const Mention& m) { return decided(m); }
bool is_user_decision(const Relation& r) { return decided(r); }

Document merge_reextraction(const Document& edited, const Document& fresh) {
  if (edited.text != fresh.text) {
    Document out = edited;
    Diagnostic d;
    d.severity = Severity::error;
    d.code = "merge.text_mismatch";
    d.source = "merge";
    d.message = "the fresh extraction is of a different text; nothing was merged";
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  return Merger(edited, fresh).run();
}

}  // namespace dyad
