// Edit commands: validate first, then change the document; on any error nothing changes.
// The policies are listed in commands.hpp and docs/json-schema.md ("Editing").
#include "dyad/commands.hpp"

#include <algorithm>
#include <cstdio>

#include "dyad/utf8.hpp"

namespace dyad {
namespace {

// [SECTION] Text helpers

/// The code points just before and at code point `pos` (0 when there is none).
std::pair<char32_t, char32_t> code_points_around(const std::string& text, std::size_t pos) {
  char32_t prev = 0, cur = 0;
  std::size_t byte = 0, index = 0;
  while (byte < text.size() && index <= pos) {
    const char32_t cp = decode_utf8(text, byte);
    if (index + 1 == pos) prev = cp;
    if (index == pos) cur = cp;
    ++index;
  }
  return {prev, cur};
}

/// Code points that continue the character before them: combining marks (Latin, Cyrillic,
/// Hebrew, Arabic, Devanagari, extended and supplementary blocks), ZWJ, variation selectors,
/// emoji skin-tone modifiers, combining marks for symbols (keycaps) and tag characters (flags).
bool continues_character(char32_t c) {
  struct Range { char32_t lo, hi; };
  static constexpr Range kRanges[] = {
      {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5},
      {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
      {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0903}, {0x093A, 0x093C}, {0x093E, 0x094F}, {0x1AB0, 0x1AFF},
      {0x1DC0, 0x1DFF}, {0x200D, 0x200D}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0x1F3FB, 0x1F3FF},
      {0xE0020, 0xE007F}, {0xE0100, 0xE01EF}};
  for (const Range& r : kRanges)
    if (c >= r.lo && c <= r.hi) return true;
  return false;
}

/// True when a span edge at code point `pos` cuts a character in two.
bool splits_character(const std::string& text, std::size_t pos, std::size_t size) {
  if (pos == 0 || pos >= size) return false;
  const auto [prev, cur] = code_points_around(text, pos);
  return continues_character(cur) || prev == 0x200D;
}

/// The covered text of `s` (clamped to the text).
std::string covered(const std::string& text, const Span& s) {
  std::size_t byte = 0, index = 0, from = text.size(), to = text.size();
  while (byte < text.size()) {
    if (index == s.start) from = byte;
    if (index == s.end) { to = byte; break; }
    decode_utf8(text, byte);
    ++index;
  }
  if (from > to) from = to;
  return text.substr(from, to - from);
}

/// Covered text shortened for labels.
std::string quoted(const std::string& text, const Span& s) {
  std::string c = covered(text, s);
  if (count_code_points(c) > 40) {
    std::size_t byte = 0;
    for (int i = 0; i < 39; ++i) decode_utf8(c, byte);
    c = c.substr(0, byte) + "…";
  }
  return "“" + c + "”";
}

bool is_blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool all_of_chars(const std::string& s, bool digits) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return (c >= 'A' && c <= 'Z') || (digits && c >= '0' && c <= '9'); });
}

bool cameo_digits(const std::string& s) {
  return s.size() >= 2 && s.size() <= 4 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string format_confidence(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// [SECTION] Model helpers

bool refers_to(const Mention& m, const std::string& actor) {
  return m.actor == actor || std::find(m.members.begin(), m.members.end(), actor) != m.members.end();
}

std::int64_t sentence_at(const Document& doc, std::size_t pos) {
  for (std::size_t i = 0; i < doc.sentences.size(); ++i)
    if (doc.sentences[i].span.start <= pos && pos < doc.sentences[i].span.end) return static_cast<std::int64_t>(i);
  return -1;
}

/// After a user's change: an automatic annotation becomes edited, a user's own stays accepted.
template <class T>
void touch(T& x) {
  x.status = x.provenance.user ? Status::accepted : Status::edited;
}

template <class T>
void make_user(T& x) {
  x.provenance = Provenance{true, ""};
  x.status = Status::accepted;
  x.confidence = 1.0;
}

/// Largest numeric suffix among ids "<prefix><digits>" (other ids are ignored).
template <class T>
std::size_t largest_suffix(const std::vector<T>& items, char prefix) {
  std::size_t max = 0;
  for (const T& x : items) {
    if (x.id.size() < 2 || x.id[0] != prefix || x.id.size() > 19) continue;
    if (!std::all_of(x.id.begin() + 1, x.id.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    max = std::max<std::size_t>(max, std::stoull(x.id.substr(1)));
  }
  return max;
}

std::size_t next_number(const Document& doc, char prefix) {
  switch (prefix) {
    case 'a': return std::max(doc.last_actor_id, largest_suffix(doc.actors, 'a')) + 1;
    case 'm': return std::max(doc.last_mention_id, largest_suffix(doc.mentions, 'm')) + 1;
    default: return std::max(doc.last_relation_id, largest_suffix(doc.relations, 'r')) + 1;
  }
}

/// Hands out the next id of a kind and remembers it, so it is never handed out again.
std::string take_id(Document& doc, char prefix) {
  const std::size_t n = next_number(doc, prefix);
  (prefix == 'a' ? doc.last_actor_id : prefix == 'm' ? doc.last_mention_id : doc.last_relation_id) = n;
  return std::string(1, prefix) + std::to_string(n);
}

std::string actor_label(const Document& doc, const std::string& id) {
  const Actor* a = doc.find_actor(id);
  return a ? a->name : id;
}

std::string actors_label(const Document& doc, const Mention& m) {
  if (m.members.empty()) return actor_label(doc, m.actor);
  std::string out;
  for (const auto& id : m.members) out += (out.empty() ? "" : " + ") + actor_label(doc, id);
  return out;
}

std::string relation_label(const Document& doc, const Relation& r) {
  return actor_label(doc, r.source) + " → " + r.type + " → " + actor_label(doc, r.target);
}

// [SECTION] Applying

class Applier {
 public:
  Applier(Document& doc, CommandResult& result) : doc_(doc), result_(result) {}

  void operator()(const AddMention& c) {
    if (!check_new_span(c.span, false)) return;
    if (!check_overlap(c.span)) return;
    if (!check_referents(c.actor, c.members)) return;
    std::string actor = c.actor;
    if (actor.empty() && c.members.empty()) {
      const std::string name = c.new_actor_name.empty() ? covered(doc_.text, c.span) : c.new_actor_name;
      if (is_blank(name)) return error("command.value", "the new actor needs a name");
      actor = create_actor(name, c.new_actor_type, "", "", "");
    }
    Mention m;
    m.id = take_id(doc_, 'm');
    m.actor = c.members.empty() ? actor : "";
    m.members = c.members;
    m.span = c.span;
    m.kind = c.kind;
    make_user(m);
    result_.created.push_back(m.id);
    doc_.mentions.push_back(std::move(m));
  }

  void operator()(const RemoveMention& c) {
    if (!find_mention(c.mention)) return;
    clear_anchors({c.mention});
    doc_.mentions.erase(std::remove_if(doc_.mentions.begin(), doc_.mentions.end(), [&](const Mention& m) { return m.id == c.mention; }),
                        doc_.mentions.end());
  }

  void operator()(const SetMentionKind& c) {
    Mention* m = find_mention(c.mention);
    if (!m) return;
    m->kind = c.kind;
    touch(*m);
  }

  void operator()(const SetMentionActor& c) {
    Mention* m = find_mention(c.mention);
    if (!m) return;
    if (c.actor.empty() && c.members.empty()) return error("command.value", "a mention needs an actor or two or more members");
    if (!check_referents(c.actor, c.members)) return;
    m->actor = c.members.empty() ? c.actor : "";
    m->members = c.members;
    touch(*m);
    follow_mention(*m);
  }

  void operator()(const CreateActorFromMention& c) {
    Mention* m = find_mention(c.mention);
    if (!m) return;
    const std::string name = c.name.empty() ? covered(doc_.text, m->span) : c.name;
    if (is_blank(name)) return error("command.value", "the new actor needs a name");
    if (!check_codes(c.country, c.sector, c.code)) return;
    const std::string id = create_actor(name, c.type, c.country, c.sector, c.code);
    m->actor = id;  // adding an actor does not move mentions
    m->members.clear();
    touch(*m);
    follow_mention(*m);
  }

  void operator()(const RemoveActor& c) {
    if (!find_actor(c.actor)) return;
    std::vector<std::string> removed;
    for (auto& m : doc_.mentions) {
      if (m.actor == c.actor) removed.push_back(m.id);
      auto it = std::find(m.members.begin(), m.members.end(), c.actor);
      if (it != m.members.end()) {
        m.members.erase(it);
        if (m.members.empty()) removed.push_back(m.id);
      }
    }
    erase_mentions(removed);
    doc_.relations.erase(std::remove_if(doc_.relations.begin(), doc_.relations.end(),
                                        [&](const Relation& r) { return r.source == c.actor || r.target == c.actor; }),
                         doc_.relations.end());
    doc_.actors.erase(std::remove_if(doc_.actors.begin(), doc_.actors.end(), [&](const Actor& a) { return a.id == c.actor; }),
                      doc_.actors.end());
  }

  void operator()(const RenameActor& c) {
    Actor* a = find_actor(c.actor);
    if (!a) return;
    if (is_blank(c.name)) return error("command.value", "an actor's name must not be empty");
    a->name = c.name;
    touch(*a);
  }

  void operator()(const SetActorType& c) {
    Actor* a = find_actor(c.actor);
    if (!a) return;
    a->type = c.type;
    touch(*a);
  }

  void operator()(const SetActorCodes& c) {
    Actor* a = find_actor(c.actor);
    if (!a) return;
    if (!check_codes(c.country.value_or(""), c.sector.value_or(""), c.code.value_or(""))) return;
    if (c.country) a->country = *c.country;
    if (c.sector) a->sector = *c.sector;
    if (c.code) a->code = *c.code;
    touch(*a);
  }

  void operator()(const MergeActors& c) {
    if (!find_actor(c.into) || !find_actor(c.from)) return;
    if (c.into == c.from) return error("command.self_merge", "an actor cannot be merged into itself");
    for (auto& m : doc_.mentions) {
      if (m.actor == c.from) {
        m.actor = c.into;
        touch(m);
      }
      auto it = std::find(m.members.begin(), m.members.end(), c.from);
      if (it != m.members.end()) {
        if (std::find(m.members.begin(), m.members.end(), c.into) != m.members.end()) m.members.erase(it);
        else *it = c.into;
        touch(m);
      }
    }
    for (auto& r : doc_.relations) {
      if (r.source == c.from || r.target == c.from) {
        if (r.source == c.from) r.source = c.into;
        if (r.target == c.from) r.target = c.into;
        touch(r);
      }
    }
    doc_.relations.erase(std::remove_if(doc_.relations.begin(), doc_.relations.end(), [](const Relation& r) { return r.source == r.target; }),
                         doc_.relations.end());
    Actor* into = doc_.find_actor(c.into);
    const Actor* from = doc_.find_actor(c.from);
    if (into->country.empty()) into->country = from->country;
    if (into->sector.empty()) into->sector = from->sector;
    if (into->code.empty()) into->code = from->code;
    touch(*into);
    doc_.actors.erase(std::remove_if(doc_.actors.begin(), doc_.actors.end(), [&](const Actor& a) { return a.id == c.from; }),
                      doc_.actors.end());
  }

  void operator()(const SplitMention& c) {
    Mention* m = find_mention(c.mention);
    if (!m) return;
    if (m->actor.empty()) return error("command.plural", "a plural mention cannot be split off; set its actor instead");
    const auto count = std::count_if(doc_.mentions.begin(), doc_.mentions.end(), [&](const Mention& x) { return x.actor == m->actor; });
    if (count < 2) return error("command.only_mention", "“" + covered(doc_.text, m->span) + "” is the only mention of its actor: nothing to split");
    const Actor old = *doc_.find_actor(m->actor);
    const std::string id = create_actor(covered(doc_.text, m->span), old.type, old.country, old.sector, old.code);
    m->actor = id;
    touch(*m);
    follow_mention(*m);
  }

  void operator()(const AddRelation& c) {
    if (!find_actor(c.source) || !find_actor(c.target)) return;
    if (c.source == c.target) return error("command.self_relation", "a relation needs two different actors");
    if (!check_type(c.type, c.cameo)) return;
    if (!check_anchor(c.source_mention, c.source) || !check_anchor(c.target_mention, c.target)) return;
    if (!check_new_span(c.trigger, true)) return;
    std::int64_t sentence = c.sentence;
    if (sentence < -1 || (sentence >= 0 && !doc_.sentences.empty() && sentence >= static_cast<std::int64_t>(doc_.sentences.size())))
      return error("sentence.range", "sentence " + std::to_string(sentence) + " does not exist");
    if (sentence == -1 && !c.trigger.empty()) sentence = sentence_at(doc_, c.trigger.start);
    Relation r;
    r.id = take_id(doc_, 'r');
    r.source = c.source;
    r.target = c.target;
    r.source_mention = c.source_mention;
    r.target_mention = c.target_mention;
    r.type = c.type;
    r.cameo = c.cameo;
    r.quad = *plover_quad(c.type);
    r.trigger = c.trigger;
    r.sentence = sentence;
    r.negated = c.negated;
    r.modality = c.modality;
    make_user(r);
    result_.created.push_back(r.id);
    doc_.relations.push_back(std::move(r));
  }

  void operator()(const RemoveRelation& c) {
    if (!find_relation(c.relation)) return;
    doc_.relations.erase(std::remove_if(doc_.relations.begin(), doc_.relations.end(), [&](const Relation& r) { return r.id == c.relation; }),
                         doc_.relations.end());
  }

  void operator()(const SetRelationType& c) {
    Relation* r = find_relation(c.relation);
    if (!r || !check_type(c.type, c.cameo)) return;
    r->type = c.type;
    r->cameo = c.cameo;
    r->quad = *plover_quad(c.type);
    touch(*r);
  }

  void operator()(const SwapRelation& c) {
    Relation* r = find_relation(c.relation);
    if (!r) return;
    std::swap(r->source, r->target);
    std::swap(r->source_mention, r->target_mention);
    touch(*r);
  }

  void operator()(const SetRelationSource& c) { set_end(c.relation, c.actor, c.mention, true); }
  void operator()(const SetRelationTarget& c) { set_end(c.relation, c.actor, c.mention, false); }

  void operator()(const SetRelationNegated& c) {
    Relation* r = find_relation(c.relation);
    if (!r) return;
    r->negated = c.negated;
    touch(*r);
  }

  void operator()(const SetRelationModality& c) {
    Relation* r = find_relation(c.relation);
    if (!r) return;
    r->modality = c.modality;
    touch(*r);
  }

  void operator()(const Accept& c) { set_status(c.id, Status::accepted); }
  void operator()(const Reject& c) { set_status(c.id, Status::rejected); }

  void operator()(const AcceptAllAbove& c) {
    if (!(c.min_confidence >= 0.0 && c.min_confidence <= 1.0))
      return error("command.value", "the confidence threshold must be between 0 and 1");
    auto accept = [&](auto& items) {
      for (auto& x : items)
        if (x.status == Status::suggested && x.confidence >= c.min_confidence) x.status = Status::accepted;
    };
    accept(doc_.actors);
    accept(doc_.mentions);
    accept(doc_.relations);
  }

  void operator()(const SetMeta& c) {
    if (c.title) doc_.meta.title = *c.title;
    if (c.url) doc_.meta.url = *c.url;
    if (c.date) doc_.meta.date = *c.date;
    if (c.annotator) doc_.meta.annotator = *c.annotator;
    if (c.notes) doc_.meta.notes = *c.notes;
  }

 private:
  void error(const char* code, std::string message) {
    Diagnostic d;
    d.severity = Severity::error;
    d.code = code;
    d.source = "command";
    d.message = std::move(message);
    result_.diagnostics.push_back(std::move(d));
  }

  Actor* find_actor(const std::string& id) {
    Actor* a = doc_.find_actor(id);
    if (!a) error("command.unknown_id", "no actor has id \"" + id + "\"");
    return a;
  }
  Mention* find_mention(const std::string& id) {
    Mention* m = doc_.find_mention(id);
    if (!m) error("command.unknown_id", "no mention has id \"" + id + "\"");
    return m;
  }
  Relation* find_relation(const std::string& id) {
    Relation* r = doc_.find_relation(id);
    if (!r) error("command.unknown_id", "no relation has id \"" + id + "\"");
    return r;
  }

  bool check_new_span(const Span& s, bool allow_empty) {
    const std::size_t n = count_code_points(doc_.text);
    if (s.start > s.end) return error("span.order", "span start " + std::to_string(s.start) + " is after its end " + std::to_string(s.end)), false;
    if (s.empty() && !allow_empty) return error("span.empty", "a mention must cover at least one character"), false;
    if (s.end > n)
      return error("span.range", "span end " + std::to_string(s.end) + " is beyond the text (" + std::to_string(n) + " code points)"), false;
    if (!s.empty() && (splits_character(doc_.text, s.start, n) || splits_character(doc_.text, s.end, n)))
      return error("span.boundary", "span [" + std::to_string(s.start) + ", " + std::to_string(s.end) +
                                        ") cuts a character in two (an accent, emoji modifier or joined emoji)"),
             false;
    return true;
  }

  bool check_overlap(const Span& s) {
    for (const auto& m : doc_.mentions) {
      if (m.status == Status::rejected) continue;
      if (m.span.start < s.end && s.start < m.span.end) {
        error("mention.overlap", "the new mention overlaps mention " + m.id + " " + quoted(doc_.text, m.span));
        return false;
      }
    }
    return true;
  }

  bool check_referents(const std::string& actor, const std::vector<std::string>& members) {
    if (!members.empty()) {
      if (!actor.empty()) return error("command.value", "a mention has either an actor or plural members, not both"), false;
      if (members.size() < 2) return error("command.value", "a plural mention needs two or more members"), false;
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (!find_actor(members[i])) return false;
        if (std::find(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(i), members[i]) != members.begin() + static_cast<std::ptrdiff_t>(i))
          return error("command.value", "actor \"" + members[i] + "\" is listed twice"), false;
      }
      return true;
    }
    return actor.empty() || find_actor(actor) != nullptr;
  }

  bool check_codes(const std::string& country, const std::string& sector, const std::string& code) {
    if (!country.empty() && (country.size() != 3 || !all_of_chars(country, false)))
      return error("command.value", "country must be an ISO 3166-1 alpha-3 code in capitals (e.g. IRN), not \"" + country + "\""), false;
    if (sector.size() > 16 || !all_of_chars(sector, true))
      return error("command.value", "sector must be capitals and digits (e.g. GOV), not \"" + sector + "\""), false;
    if (code.size() > 32 || !all_of_chars(code, true))
      return error("command.value", "code must be capitals and digits (e.g. IRNGOV), not \"" + code + "\""), false;
    return true;
  }

  bool check_type(const std::string& type, const std::string& cameo) {
    if (!plover_quad(type)) return error("plover.type", "unknown PLOVER type \"" + type + "\""), false;
    if (!cameo_fits_plover(cameo, type))
      return error(cameo_digits(cameo) ? "cameo.type" : "cameo.format",
                   cameo_digits(cameo) ? "CAMEO code \"" + cameo + "\" does not fit type " + type
                                       : "CAMEO code \"" + cameo + "\" must be 2 to 4 digits"),
             false;
    return true;
  }

  bool check_anchor(const std::string& mention, const std::string& actor) {
    if (mention.empty()) return true;
    const Mention* m = find_mention(mention);
    if (!m) return false;
    if (!refers_to(*m, actor))
      return error("ref.anchor", "mention " + mention + " " + quoted(doc_.text, m->span) + " does not refer to " + actor_label(doc_, actor)), false;
    return true;
  }

  std::string create_actor(const std::string& name, ActorType type, const std::string& country, const std::string& sector,
                           const std::string& code) {
    Actor a;
    a.id = take_id(doc_, 'a');
    a.name = name;
    a.type = type;
    a.country = country;
    a.sector = sector;
    a.code = code;
    make_user(a);
    result_.created.push_back(a.id);
    doc_.actors.push_back(a);
    return a.id;
  }

  void clear_anchors(const std::vector<std::string>& mentions) {
    auto gone = [&](const std::string& id) { return !id.empty() && std::find(mentions.begin(), mentions.end(), id) != mentions.end(); };
    for (auto& r : doc_.relations) {
      if (gone(r.source_mention)) r.source_mention.clear();
      if (gone(r.target_mention)) r.target_mention.clear();
    }
  }

  void erase_mentions(const std::vector<std::string>& ids) {
    clear_anchors(ids);
    doc_.mentions.erase(std::remove_if(doc_.mentions.begin(), doc_.mentions.end(),
                                       [&](const Mention& m) { return std::find(ids.begin(), ids.end(), m.id) != ids.end(); }),
                        doc_.mentions.end());
  }

  // Relations anchored on `m` follow its new referent; an anchor that no longer fits and cannot
  // be followed (plural mention, or the relation would point to itself) is cleared.
  void follow_mention(const Mention& m) {
    for (auto& r : doc_.relations) {
      for (int end = 0; end < 2; ++end) {
        std::string& anchor = end == 0 ? r.source_mention : r.target_mention;
        std::string& actor = end == 0 ? r.source : r.target;
        const std::string& other = end == 0 ? r.target : r.source;
        if (anchor != m.id || refers_to(m, actor)) continue;
        if (!m.actor.empty() && m.actor != other) actor = m.actor;
        else anchor.clear();
        touch(r);
      }
    }
  }

  void set_end(const std::string& relation, const std::string& actor, const std::string& mention, bool source) {
    Relation* r = find_relation(relation);
    if (!r || !find_actor(actor)) return;
    if (actor == (source ? r->target : r->source)) return error("command.self_relation", "a relation needs two different actors");
    if (!check_anchor(mention, actor)) return;
    (source ? r->source : r->target) = actor;
    (source ? r->source_mention : r->target_mention) = mention;
    touch(*r);
  }

  void set_status(const std::string& id, Status status) {
    Actor* a = doc_.find_actor(id);
    Mention* m = doc_.find_mention(id);
    Relation* r = doc_.find_relation(id);
    const int found = (a != nullptr) + (m != nullptr) + (r != nullptr);
    if (found == 0) return error("command.unknown_id", "no actor, mention or relation has id \"" + id + "\"");
    if (found > 1) return error("command.ambiguous_id", "\"" + id + "\" is the id of more than one kind of annotation");
    if (m) m->status = status;
    if (r) r->status = status;
    if (a) {
      a->status = status;
      if (status == Status::rejected) {
        for (auto& x : doc_.mentions)
          if (x.actor == id) x.status = Status::rejected;
        for (auto& x : doc_.relations)
          if (x.source == id || x.target == id) x.status = Status::rejected;
      }
    }
  }

  Document& doc_;
  CommandResult& result_;
};

// [SECTION] Describing

class Describer {
 public:
  explicit Describer(const Document& doc) : doc_(doc) {}

  std::string operator()(const AddMention& c) const {
    std::string target;
    if (!c.members.empty()) {
      for (const auto& id : c.members) target += (target.empty() ? "" : " + ") + actor_label(doc_, id);
    } else if (!c.actor.empty()) {
      target = actor_label(doc_, c.actor);
    } else {
      target = "new actor “" + (c.new_actor_name.empty() ? covered(doc_.text, c.span) : c.new_actor_name) + "”";
    }
    return "Add mention " + quoted(doc_.text, c.span) + " → " + target;
  }
  std::string operator()(const RemoveMention& c) const { return "Remove mention " + mention(c.mention); }
  std::string operator()(const SetMentionKind& c) const { return "Mark " + mention(c.mention) + " as " + to_string(c.kind); }
  std::string operator()(const SetMentionActor& c) const {
    std::string target;
    for (const auto& id : c.members) target += (target.empty() ? "" : " + ") + actor_label(doc_, id);
    if (target.empty()) target = actor_label(doc_, c.actor);
    return "Link " + mention(c.mention) + " → " + target;
  }
  std::string operator()(const CreateActorFromMention& c) const {
    const Mention* m = doc_.find_mention(c.mention);
    const std::string name = !c.name.empty() ? c.name : m ? covered(doc_.text, m->span) : c.mention;
    return "New actor “" + name + "” from " + mention(c.mention);
  }
  std::string operator()(const RemoveActor& c) const {
    std::size_t mentions = 0, relations = 0;
    for (const auto& m : doc_.mentions) mentions += refers_to(m, c.actor);
    for (const auto& r : doc_.relations) relations += r.source == c.actor || r.target == c.actor;
    return "Remove actor " + actor_label(doc_, c.actor) + " (" + std::to_string(mentions) + " mention" + (mentions == 1 ? "" : "s") +
           ", " + std::to_string(relations) + " relation" + (relations == 1 ? "" : "s") + ")";
  }
  std::string operator()(const RenameActor& c) const { return "Rename " + actor_label(doc_, c.actor) + " → " + c.name; }
  std::string operator()(const SetActorType& c) const { return "Set type of " + actor_label(doc_, c.actor) + " → " + to_string(c.type); }
  std::string operator()(const SetActorCodes& c) const {
    std::string parts;
    auto add = [&](const char* what, const std::optional<std::string>& v) {
      if (v) parts += std::string(parts.empty() ? "" : ", ") + what + " " + (v->empty() ? "(none)" : *v);
    };
    add("country", c.country);
    add("sector", c.sector);
    add("code", c.code);
    return "Set " + (parts.empty() ? std::string("codes") : parts) + " of " + actor_label(doc_, c.actor);
  }
  std::string operator()(const MergeActors& c) const { return "Merge " + actor_label(doc_, c.from) + " into " + actor_label(doc_, c.into); }
  std::string operator()(const SplitMention& c) const {
    const Mention* m = doc_.find_mention(c.mention);
    return "Split " + mention(c.mention) + " off " + (m ? actor_label(doc_, m->actor) : std::string("its actor"));
  }
  std::string operator()(const AddRelation& c) const {
    return "Add relation " + actor_label(doc_, c.source) + " → " + c.type + " → " + actor_label(doc_, c.target);
  }
  std::string operator()(const RemoveRelation& c) const { return "Remove relation " + relation(c.relation); }
  std::string operator()(const SetRelationType& c) const {
    return "Set type of " + relation(c.relation) + " → " + c.type + (c.cameo.empty() ? "" : " (" + c.cameo + ")");
  }
  std::string operator()(const SwapRelation& c) const { return "Swap direction of " + relation(c.relation); }
  std::string operator()(const SetRelationSource& c) const { return "Set source of " + relation(c.relation) + " → " + actor_label(doc_, c.actor); }
  std::string operator()(const SetRelationTarget& c) const { return "Set target of " + relation(c.relation) + " → " + actor_label(doc_, c.actor); }
  std::string operator()(const SetRelationNegated& c) const {
    return std::string(c.negated ? "Negate " : "Un-negate ") + relation(c.relation);
  }
  std::string operator()(const SetRelationModality& c) const {
    return "Set modality of " + relation(c.relation) + " → " + to_string(c.modality);
  }
  std::string operator()(const Accept& c) const { return "Accept " + any(c.id); }
  std::string operator()(const Reject& c) const { return "Reject " + any(c.id); }
  std::string operator()(const AcceptAllAbove& c) const {
    return "Accept all suggestions with confidence ≥ " + format_confidence(c.min_confidence);
  }
  std::string operator()(const SetMeta& c) const {
    std::string parts;
    auto add = [&](const char* what, const std::optional<std::string>& v) {
      if (v) parts += std::string(parts.empty() ? "" : ", ") + what;
    };
    add("title", c.title);
    add("URL", c.url);
    add("date", c.date);
    add("annotator", c.annotator);
    add("notes", c.notes);
    return "Edit " + (parts.empty() ? std::string("meta") : parts);
  }

 private:
  std::string mention(const std::string& id) const {
    const Mention* m = doc_.find_mention(id);
    return m ? quoted(doc_.text, m->span) : id;
  }
  std::string relation(const std::string& id) const {
    const Relation* r = doc_.find_relation(id);
    return r ? relation_label(doc_, *r) : id;
  }
  std::string any(const std::string& id) const {
    if (const Actor* a = doc_.find_actor(id)) return "actor " + a->name;
    if (const Mention* m = doc_.find_mention(id)) return "mention " + quoted(doc_.text, m->span) + " → " + actors_label(doc_, *m);
    if (const Relation* r = doc_.find_relation(id)) return "relation " + relation_label(doc_, *r);
    return id;
  }

  const Document& doc_;
};

}  // namespace

CommandResult apply(Document& doc, const Command& cmd) {
  CommandResult result;
  // Remember every id present now, so that one removed by this command is never handed out again.
  doc.last_actor_id = std::max(doc.last_actor_id, largest_suffix(doc.actors, 'a'));
  doc.last_mention_id = std::max(doc.last_mention_id, largest_suffix(doc.mentions, 'm'));
  doc.last_relation_id = std::max(doc.last_relation_id, largest_suffix(doc.relations, 'r'));
  std::visit(Applier(doc, result), cmd);
  if (!result.ok()) result.created.clear();
  return result;
}

std::string describe(const Command& cmd, const Document& doc) { return std::visit(Describer(doc), cmd); }

std::string fresh_id(const Document& doc, char prefix) {
  if (prefix != 'a' && prefix != 'm' && prefix != 'r') return {};
  return std::string(1, prefix) + std::to_string(next_number(doc, prefix));
}

std::optional<Span> span_from_utf16(const std::string& text, std::size_t start, std::size_t end) {
  if (start > end || !check_utf8(text).valid) return std::nullopt;
  const OffsetMap map(text);
  const std::size_t a = map.cp_of_utf16(start), b = map.cp_of_utf16(end);
  if (a == OffsetMap::npos || b == OffsetMap::npos) return std::nullopt;
  return Span{a, b};
}

}  // namespace dyad
