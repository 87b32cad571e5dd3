// Relation extraction: verb and noun patterns matched over a sentence's tokens and mentions,
// with source and target read off the clause (docs/patterns.md describes the rules).
//
// A sentence becomes a list of items: each mention is one item, every token outside mentions is
// one item (lowercased, looked up once in the word table). Patterns are tried only at items whose
// word can trigger them; a match fills its slots from the items around it, and the clause
// subject of a verb is found by walking left over the verb group (auxiliaries, negation,
// "expected to", "refused to"), appositions and relative clauses. Everything is linear in the
// sentence length apart from short, bounded look-arounds.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dyad/eval.hpp"
#include "dyad/relations.hpp"
#include "dyad/utf8.hpp"
#include "internal/relations.hpp"
#include "internal/relations_tables.hpp"
#include "internal/text_layer.hpp"

namespace dyad {
namespace {

using detail::ElemKind;
using detail::Pattern;
using detail::PatternElem;
using detail::RelationTables;
using detail::StringIndex;
using detail::SurfaceInfo;
using detail::Word;
using detail::Wrap;
namespace cue = detail;  // cue bits: cue::kCueDet ...

// [SECTION] Sentence items

// A code point span in 8 bytes (texts are at most 16 MiB).
struct Span32 {
  std::uint32_t start = 0, end = 0;
  Span32() = default;
  Span32(Span s) : start(static_cast<std::uint32_t>(s.start)), end(static_cast<std::uint32_t>(s.end)) {}
  operator Span() const { return Span{start, end}; }
};

// One item of a sentence, kept small: a sentence's items are walked many times.
struct Item {
  const SurfaceInfo* surf = nullptr;  // a word's entry; for a description, its head noun's
  std::string_view norm;        // the folded text of a word (TextLayer::folded)
  std::int32_t mention = -1;    // index into Document::mentions, or -1 for a word
  Span32 span;
  std::uint32_t cues = 0;
  char punct = 0;               // ',', ';', ':', '(', ')', '"', '.', '-', '?', '!' for punctuation
  bool cap : 1;                 // starts with an upper-case letter
  bool number : 1;              // starts with a digit or currency sign
  bool possessive : 1;          // 's, ' (possessive marker)
  bool hyphen_joined : 1;       // a mention written right after another with a hyphen: Tehran-Baku
  bool attached : 1;            // written without space after the previous item
  Item() : cap(false), number(false), possessive(false), hyphen_joined(false), attached(false) {}
};

struct SentenceItems {
  std::vector<Item> items;
  std::string_view text(const Item& it) const { return it.norm; }
};

// Up to eight item indices without allocation (coordinated heads of a phrase).
class Heads {
 public:
  static constexpr int kCapacity = 8;
  bool empty() const { return n_ == 0; }
  std::size_t size() const { return static_cast<std::size_t>(n_); }
  int operator[](std::size_t i) const { return v_[i]; }
  int back() const { return v_[n_ - 1]; }
  const int* begin() const { return v_; }
  const int* end() const { return v_ + n_; }
  void push_back(int x) {
    if (n_ < kCapacity) v_[n_++] = x;
  }
  void push_front(int x) {
    if (n_ == kCapacity) --n_;
    for (int i = n_; i > 0; --i) v_[i] = v_[i - 1];
    v_[0] = x;
    ++n_;
  }

 private:
  int v_[kCapacity];  // only the first n_ are meaningful
  int n_ = 0;
};

// A noun phrase resolved to mentions: [start, end] items, the head mention and coordinated heads.
struct Np {
  int start = -1, end = -1;
  Heads heads;  // item indices of mention heads, left to right
  bool valid() const { return !heads.empty(); }
};

struct VerbGroup {
  int start = -1;           // first item of the group (auxiliaries included)
  bool negated = false;
  bool planned = false;
  bool would = false;
  bool hypo = false;
  bool passive = false;
  int to_item = -1;         // "to" of an infinitive
  int controller = -1;      // item before "to" / before the gerund's preposition
  int object = -1;          // mention item before "to" ("urged [Iran] to")
  int gerund_prep = -1;     // "of" in "accused X of attacking"
  std::uint32_t control_cues = 0;
};

struct Match {
  int pattern = -1;
  int trigger = -1;          // item
  int verb = -1;             // item of the verb with a clause subject slot, or -1
  int lo = -1, hi = -1;      // items covered by the pattern's words
  Np src, tgt, pair;
  ElemKind subject_slot = ElemKind::gap;  // src or tgt when filled from the clause subject
  bool passive = false;
  bool accepted = false;
  // filled in later
  VerbGroup vg;
  int controller = -1;       // match index this event is embedded in
  bool embedded = false;     // composed into its controller's relation
  bool subject_done = false;
  bool subject_busy = false;
  bool suppressed = false;   // stated as an obligation ("Y must release"): not an event
  double penalty = 0.0;
};

// [SECTION] Document context

// Byte offset of increasing code point offsets of valid UTF-8, in one forward pass.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view s) : s_(s) {}
  std::size_t byte_of(std::size_t cp) {
    if (cp < cp_) cp_ = byte_ = 0;
    // ASCII runs eight bytes at a time
    while (cp - cp_ >= 8 && byte_ + 8 <= s_.size()) {
      std::uint64_t w;
      std::memcpy(&w, s_.data() + byte_, 8);
      if (w & 0x8080808080808080ull) break;
      byte_ += 8;
      cp_ += 8;
    }
    while (cp_ < cp && byte_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[byte_]);
      byte_ += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      ++cp_;
    }
    return std::min(byte_, s_.size());
  }

 private:
  std::string_view s_;
  std::size_t cp_ = 0, byte_ = 0;
};

// What the matcher needs to know about a mention, computed once per document.
struct MentionInfo {
  std::size_t byte_start = 0, byte_end = 0;
  const Actor* actor = nullptr;        // nullptr for plural mentions
  bool place = false;                  // its actor is a LOCATION
  bool possessive_pronoun = false;     // his, its, their ...
  const SurfaceInfo* head = nullptr;   // a description's head noun ("[additional troops]")
};

struct DocContext {
  const Document& doc;
  const detail::TextLayer& layer;
  const RelationTables& t;
  std::unordered_map<std::string, const Actor*> actors;  // only when ids are not a1, a2, ... in order
  bool sequential_ids = true;
  std::vector<int> mention_order;  // indices of doc.mentions sorted by start
  std::vector<MentionInfo> mentions;

  DocContext(const Document& d, const detail::TextLayer& l, const RelationTables& tables) : doc(d), layer(l), t(tables) {
    for (std::size_t i = 0; i < d.actors.size() && sequential_ids; ++i) sequential_ids = sequential_id(d.actors[i].id) == i + 1;
    if (!sequential_ids) {
      actors.reserve(d.actors.size() * 2);
      for (const Actor& a : d.actors) actors.emplace(a.id, &a);
    }
    mention_order.resize(d.mentions.size());
    for (std::size_t i = 0; i < d.mentions.size(); ++i) mention_order[i] = static_cast<int>(i);
    auto by_start = [&](int a, int b) {
      return d.mentions[static_cast<std::size_t>(a)].span.start < d.mentions[static_cast<std::size_t>(b)].span.start;
    };
    if (!std::is_sorted(mention_order.begin(), mention_order.end(), by_start))
      std::stable_sort(mention_order.begin(), mention_order.end(), by_start);
    mentions.resize(d.mentions.size());
    // Mentions against tokens (both in text order): byte spans, head word, pronoun form.
    CodePointCursor cursor(layer.text);  // for a mention that does not start or end on a token
    std::size_t ti = 0;
    const std::size_t nt = layer.tokens.size();
    for (int mi : mention_order) {
      const Mention& m = d.mentions[static_cast<std::size_t>(mi)];
      MentionInfo& info = mentions[static_cast<std::size_t>(mi)];
      while (ti < nt && layer.tokens[ti].cp_end <= m.span.start) ++ti;
      std::size_t last = ti;
      while (last + 1 < nt && layer.tokens[last + 1].cp_begin < m.span.end) ++last;
      const bool aligned = ti < nt && layer.tokens[ti].cp_begin == m.span.start && layer.tokens[last].cp_end == m.span.end;
      if (aligned) {
        info.byte_start = layer.tokens[ti].byte_begin;
        info.byte_end = layer.tokens[last].byte_end;
      } else {
        info.byte_start = cursor.byte_of(m.span.start);
        CodePointCursor end = cursor;
        info.byte_end = end.byte_of(m.span.end);
      }
      if (!m.actor.empty()) {
        info.actor = actor(m.actor);
        info.place = info.actor && info.actor->type == ActorType::location;
      }
      if (m.kind == MentionKind::name || ti >= nt) continue;
      std::size_t head_token = last;
      for (std::size_t k = ti + 1; k < last; ++k)
        if (layer.fold_of(layer.tokens[k]) == "of") {  // "[prisoners of war]": the noun before "of"
          // ... unless it is a quantity: "[thousands of additional troops]"
          const detail::TokenInfo& q = layer.tokens[k - 1];
          const SurfaceInfo* qs = t.lookup(layer.fold_of(q), q.key);
          if (!q.has(detail::kTokDigit) && !(qs && (qs->cues & cue::kCueQuant))) head_token = k - 1;
          break;
        }
      const detail::TokenInfo& head = layer.tokens[head_token];
      const SurfaceInfo* si = t.lookup(layer.fold_of(head), head.key);
      if (m.kind == MentionKind::pronoun) info.possessive_pronoun = ti == last && si && (si->cues & cue::kCuePossDet) != 0;
      else info.head = si;
    }
  }

  std::string_view text_between(int mention_a, int mention_b) const {
    const std::size_t a = mentions[static_cast<std::size_t>(mention_a)].byte_end;
    const std::size_t b = mentions[static_cast<std::size_t>(mention_b)].byte_start;
    return b >= a ? layer.text.substr(a, b - a) : std::string_view();
  }
  // "a17" -> 17; 0 for any other form
  static std::size_t sequential_id(const std::string& id) {
    if (id.size() < 2 || id.size() > 10 || id[0] != 'a' || id[1] == '0') return 0;
    std::size_t n = 0;
    for (std::size_t i = 1; i < id.size(); ++i) {
      if (id[i] < '0' || id[i] > '9') return 0;
      n = n * 10 + static_cast<std::size_t>(id[i] - '0');
    }
    return n;
  }
  const Actor* actor(const std::string& id) const {
    if (sequential_ids) {
      const std::size_t n = sequential_id(id);
      return n >= 1 && n <= doc.actors.size() ? &doc.actors[n - 1] : nullptr;
    }
    auto it = actors.find(id);
    return it == actors.end() ? nullptr : it->second;
  }
};

// [SECTION] Code maps for composed events

// CAMEO code of "X agreed/pledged/offered to <event>": intent to do it (root 03).
std::string intent_code(const Pattern& e) {
  if (e.type == "AGREE") return e.cameo;
  if (e.type == "CONSULT") return "036";
  if (e.type == "COOPERATE") return e.cameo.size() >= 3 && e.cameo[2] >= '1' && e.cameo[2] <= '4' ? "031" + e.cameo.substr(2, 1) : "031";
  if (e.type == "AID") return e.cameo.size() >= 3 && e.cameo[2] >= '1' && e.cameo[2] <= '4' ? "033" + e.cameo.substr(2, 1) : "033";
  if (e.type == "SUPPORT") return "032";
  if (e.type == "CONCEDE") return "035";
  if (e.type == "RETREAT") {
    if (e.cameo.rfind("0841", 0) == 0) return "0353";
    if (e.cameo.rfind("087", 0) == 0) return "0356";
    if (e.cameo.rfind("085", 0) == 0) return "0354";
    if (e.cameo.rfind("086", 0) == 0) return "0355";
    return "035";
  }
  return "030";
}

std::string refuse_code(const Pattern& e) {
  if (e.type == "CONSULT") return "125";
  if (e.type == "AGREE") return "127";
  if (e.type == "COOPERATE") return "121";
  if (e.type == "AID") return "122";
  if (e.type == "CONCEDE") return "124";
  if (e.type == "RETREAT") {
    if (e.cameo.rfind("0841", 0) == 0) return "1243";
    if (e.cameo.rfind("085", 0) == 0) return "1244";
    if (e.cameo.rfind("086", 0) == 0) return "1245";
    if (e.cameo.rfind("087", 0) == 0) return "1246";
    return "124";
  }
  return "120";
}

std::string threat_code(const Pattern& e) {
  if (e.type == "SANCTION") return e.cameo.rfind("163", 0) == 0 ? "1312" : (e.cameo.rfind("16", 0) == 0 ? "131" : "131");
  if (e.type == "COERCE") return e.cameo.rfind("173", 0) == 0 || e.cameo.rfind("174", 0) == 0 ? "132" : "131";
  if (e.type == "ASSAULT" || e.type == "MOBILIZE") return "138";
  if (e.type == "PROTEST") return "133";
  return "130";
}

std::string request_code(const Pattern& e) {
  if (e.type == "CONSULT") return "106";
  if (e.type == "AGREE") return e.cameo.rfind("037", 0) == 0 ? "107" : (e.cameo.rfind("0356", 0) == 0 ? "1056" : "102");
  if (e.type == "COOPERATE") return "101";
  if (e.type == "AID") return "103";
  if (e.type == "SUPPORT") return "102";
  if (e.type == "CONCEDE") return e.cameo.rfind("081", 0) == 0 ? "1051" : "105";
  if (e.type == "RETREAT") {
    if (e.cameo.rfind("0841", 0) == 0) return "1053";
    if (e.cameo.rfind("085", 0) == 0) return "1054";
    if (e.cameo.rfind("086", 0) == 0) return "1055";
    if (e.cameo.rfind("087", 0) == 0) return "1056";
    return "105";
  }
  return "100";
}

// [SECTION] Sentence matcher

// One participant of an event: the actor and the mention it is anchored on.
struct Party {
  const Actor* actor = nullptr;
  const Mention* mention = nullptr;
};

struct Speaker {
  int cue = -1;
  int lo = 0, hi = -1;             // items the report covers
  std::vector<Party> actors;  // who says it (empty when no actor)
};

class SentenceMatcher {
 public:
  SentenceMatcher(DocContext& ctx, std::vector<Relation>& out) : c_(ctx), t_(ctx.t), out_(out) {}

  /// Finds the relations of one sentence (one matcher serves all sentences, reusing its buffers).
  void run(std::int64_t sentence_index, std::size_t token_begin, std::size_t token_end, std::size_t& mention_cursor);

 private:
  // --- items
  void build_items(std::size_t token_begin, std::size_t token_end, std::size_t& mention_cursor);
  void mark_cue_phrases();
  bool leading_verb(const Mention& m, std::size_t token) const;
  const Item& at(int i) const { return s_.items[static_cast<std::size_t>(i)]; }
  int size() const { return static_cast<int>(s_.items.size()); }
  bool is_mention(int i) const { return i >= 0 && i < size() && at(i).mention >= 0; }
  bool is_word(int i, Word w) const {
    return i >= 0 && i < size() && at(i).mention < 0 && at(i).surf && at(i).surf->word == w;
  }
  bool has_cue(int i, std::uint32_t bits) const { return i >= 0 && i < size() && at(i).mention < 0 && (at(i).cues & bits) != 0; }
  bool is_punct(int i, char p = 0) const { return i >= 0 && i < size() && at(i).punct != 0 && (p == 0 || at(i).punct == p); }
  // a hyphen inside a word ("51-year-old"), not a dash between clauses
  bool compound_hyphen(int i) const {
    return is_punct(i, '-') && at(i).attached && i + 1 < size() && at(i + 1).attached && i > 0 && at(i - 1).punct == 0;
  }
  const Mention& mention_of(int i) const { return c_.doc.mentions[static_cast<std::size_t>(at(i).mention)]; }
  // a description mention whose head is a word for the people of a body ("officials", "troops")
  bool people_of(int i) const {
    return is_mention(i) && mention_of(i).kind == MentionKind::nominal && at(i).surf &&
           (at(i).surf->cues & cue::kCueHead) != 0 && !at(i).possessive;
  }
  bool is_pronoun_mention(int i) const { return is_mention(i) && mention_of(i).kind == MentionKind::pronoun; }
  bool is_possessive_pronoun(int i) const;
  bool is_place(int i) const;
  std::uint8_t forms_of(int i, std::uint32_t lemma) const;
  bool matches(int i, const PatternElem& e, std::uint32_t* lemma = nullptr) const;
  bool verb_like(int i) const;
  bool is_gerund(int i) const;
  // the item is in the target slot of a matched pattern ("called on [Iran] to")
  bool pattern_target(int i) const {
    for (const Match& c : matches_)
      if (c.accepted && c.tgt.valid() && i >= c.tgt.start && i <= c.tgt.end) return true;
    return false;
  }
  // a mention inside a prepositional phrase ("outside [Parliament]", "in the [Gaza Strip]")
  bool in_pp(int i) const {
    const Np np = np_ending_at(i, false);
    int b = np.start - 1;
    while (b >= 0 && at(b).mention < 0 && (has_cue(b, cue::kCueDet | cue::kCueQuant | cue::kCueTitle) || at(b).number)) --b;
    return has_cue(b, cue::kCuePrep) && !is_word(b, Word::of) && !is_word(b, Word::to);
  }
  // inside a time expression (found on first use: most sentences never ask)
  bool in_time(int i) const {
    if (!times_done_) find_time_spans();
    return i >= 0 && static_cast<std::size_t>(i) < time_item_.size() && time_item_[static_cast<std::size_t>(i)];
  }

  // --- matching
  void find_matches();
  bool try_match(const Pattern& p, int pattern_index, int anchor, Match& m);
  bool match_forward(const Pattern& p, int k, int pos, bool gap, bool passive, Match& m, int& end) const;
  bool skippable_in_pattern(int i, bool gap) const;
  int word_backward(int pos, const PatternElem& e, bool gap) const;
  Np np_forward(int pos, bool allow_place, bool coordinate, bool stop_at_possessive) const;
  Np np_ending_at(int i, bool coordinate, bool object = false) const;
  Np pair_forward(int pos) const;
  int apposition_end(int comma) const;
  bool passive_context(int verb_item, std::uint32_t lemma) const;

  // --- clause analysis
  VerbGroup verb_group(int verb_item, bool passive) const;
  bool find_subject(int before, Np& out, double& penalty, int depth) const;
  bool subject_of_previous_verb(int before, Np& out, double& penalty, int depth) const;
  void resolve_subject(int mi);
  void find_speakers();
  bool reported_for(int trigger, const std::vector<Party>& sources) const;
  bool hypothetical_clause(int trigger) const;
  bool inside_condition(int trigger) const;
  void find_time_spans() const;
  std::optional<Span> time_cue(int trigger);

  // --- output
  void parties(const Np& np, bool allow_place, std::vector<Party>& out) const;
  void emit_all();
  void emit_obligations();
  void seek_target(int from, bool allow_place, const std::vector<Party>& sources, std::vector<Party>& out) const;
  bool own_side(const Party& p, const std::vector<Party>& sources) const;
  void emit_ultimatum(const std::string& type, int trigger, const std::vector<Party>& sources,
                      const std::vector<Party>& event_targets, Modality modality, bool negated, double confidence);
  void context_parties(int trigger, const std::vector<Party>& sources, std::vector<Party>& out) const;
  bool inside_accusation(int mi, const std::vector<Party>& sources) const;
  void emit(const std::string& type, const std::string& cameo, std::string rule,
            const std::vector<Party>& sources, const std::vector<Party>& targets, std::uint32_t flags, int trigger,
            Modality modality, bool negated, double confidence);

  DocContext& c_;
  const RelationTables& t_;
  std::int64_t sentence_ = -1;
  std::vector<Relation>& out_;
  SentenceItems s_;
  std::vector<Match> matches_;
  std::vector<int> match_at_verb_;     // item -> match index whose verb/trigger is there
  std::vector<Speaker> speakers_;
  std::vector<std::size_t> emitted_;   // indices into out_ emitted for this sentence
  std::vector<std::pair<Party, Party>> emitted_parties_;  // their source and target
  std::vector<std::pair<const Party*, const Party*>> pairs_;  // scratch of emit()
  std::vector<Party> sources_, targets_;                     // scratch of emit_all()
  std::vector<Party> ultimatum_targets_;                     // scratch of emit_ultimatum()
  // time expressions, found lazily (find_time_spans is const: a cache of the sentence)
  mutable std::vector<std::pair<int, int>> times_;  // first and last item
  mutable std::vector<bool> time_item_;             // item is inside a time expression
  mutable std::vector<std::uint32_t> time_word_;    // scratch of find_time_spans
  mutable std::vector<std::uint8_t> time_cls_;
  mutable bool times_done_ = false;
  std::vector<const SurfaceInfo*> surfs_;   // word table entry of each token of the sentence
  std::vector<int> anchor_items_;           // items whose word triggers some pattern
  std::size_t surfs_begin_ = 0;
};

// [SECTION] Items

void SentenceMatcher::build_items(std::size_t token_begin, std::size_t token_end, std::size_t& mention_cursor) {
  const Document& doc = c_.doc;
  const detail::TextLayer& layer = c_.layer;
  s_.items.clear();
  anchor_items_.clear();
  std::size_t prev_end = static_cast<std::size_t>(-1);
  int last_mention_item = -1;
  for (std::size_t ti = token_begin; ti < token_end; ++ti) {
    const detail::TokenInfo& tok = layer.tokens[ti];
    const Span ts{tok.cp_begin, tok.cp_end};
    // A verb swallowed at the start of a description ("[accused Iranian authorities]") is read
    // as a word of its own, so the pattern can see it; the mention keeps its span.
    bool split = false;
    if (mention_cursor < c_.mention_order.size()) {
      const Mention& next = doc.mentions[static_cast<std::size_t>(c_.mention_order[mention_cursor])];
      split = next.span.start <= ts.start && ts.end < next.span.end && leading_verb(next, ti);
    }
    // Mentions overlapping this token (each emitted once, in text order).
    bool covered = false;
    while (!split && mention_cursor < c_.mention_order.size()) {
      const Mention& m = doc.mentions[static_cast<std::size_t>(c_.mention_order[mention_cursor])];
      if (m.span.end <= ts.start) {  // ended before this token: skip (out of tokens)
        ++mention_cursor;
        continue;
      }
      if (m.span.start >= ts.end) break;
      // overlaps
      covered = true;
      Item it;
      it.mention = c_.mention_order[mention_cursor];
      it.span = m.span;
      it.attached = prev_end == m.span.start;
      if (last_mention_item >= 0 && last_mention_item == size() - 1) {
        const Span prev = s_.items.back().span;
        if (prev.end <= m.span.start && m.span.start - prev.end <= 1) {
          const std::string_view between = c_.text_between(s_.items.back().mention, it.mention);
          it.hyphen_joined = between == "-" || between == "\xE2\x80\x93" || between == "\xE2\x80\x94";
        }
      } else if (size() >= 2 && at(size() - 1).punct == '-' && at(size() - 1).attached && is_mention(size() - 2) &&
                 prev_end == m.span.start) {
        // "Tehran - Baku" tokenised with the hyphen apart: drop the hyphen item
        s_.items.pop_back();
        it.hyphen_joined = true;
      }
      // "recalled its [ambassador]", "deployed [additional troops]": the head noun of a
      // description can also be a pattern's word
      it.surf = c_.mentions[static_cast<std::size_t>(it.mention)].head;
      s_.items.push_back(it);
      last_mention_item = size() - 1;
      prev_end = m.span.end;
      ++mention_cursor;
    }
    // A mention that extends beyond this token keeps covering the next tokens.
    if (!covered && !s_.items.empty() && s_.items.back().mention >= 0 && s_.items.back().span.end > ts.start) covered = true;
    if (covered) continue;
    Item it;
    it.span = ts;
    it.attached = prev_end == ts.start;
    it.norm = layer.fold_of(tok);
    const std::string_view w = it.norm;
    it.cap = tok.has(detail::kTokUpperInitial);
    if (!w.empty()) {
      const char f = w[0];
      it.number = tok.has(detail::kTokDigit) || f == '$' || w.rfind("\xE2\x82\xAC", 0) == 0 || w.rfind("\xC2\xA3", 0) == 0;
      if (w == "'s" || w == "'" || w == "s'") it.possessive = w != "'" || it.attached;
      if (w.size() == 1 && !it.possessive) {
        switch (f) {
          case ',': case ';': case ':': case '(': case ')': case '"': case '.': case '-': case '?': case '!':
          case '[': case ']': case '\'':
            it.punct = f == '[' ? '(' : f == ']' ? ')' : f == '\'' ? '"' : f;
            break;
          default: break;
        }
      } else if (w == "--" || w == "...") {
        it.punct = w == "--" ? '-' : '.';
      }
    }
    it.surf = surfs_[ti - surfs_begin_];
    if (it.surf) {
      it.cues = it.surf->cues;
      if (it.surf->anchors_count) anchor_items_.push_back(size());
    }
    s_.items.push_back(it);
    prev_end = ts.end;
  }
  mark_cue_phrases();
}

bool SentenceMatcher::leading_verb(const Mention& m, std::size_t ti) const {
  const detail::TokenInfo& tok = c_.layer.tokens[ti];
  if (m.kind == MentionKind::name || m.span.start > tok.cp_begin || tok.cp_end >= m.span.end) return false;
  if (!tok.has(detail::kTokWord) || tok.has(detail::kTokUpperInitial) || tok.has(detail::kTokDigit)) return false;
  // "the detained drivers": a participle after a determiner describes the group
  if (m.span.start == tok.cp_begin && !s_.items.empty()) {
    const Item& prev = s_.items.back();
    if (prev.mention < 0 && ((prev.cues & (cue::kCueDet | cue::kCuePossDet | cue::kCueQuant | cue::kCuePrep)) || prev.number))
      return false;
  }
  const SurfaceInfo* si = surfs_[ti - surfs_begin_];
  if (!si) return false;
  if (si->cues & (cue::kCueReport | cue::kCueBlock)) return true;
  if (si->anchors_count == 0) return false;
  // past forms only: a gerund may well describe the group ("striking drivers", "warring parties")
  for (std::uint16_t k = 0; k < si->count; ++k)
    if (t_.lemma_forms[si->first + k].forms & (detail::kFormPast | detail::kFormPart)) return true;
  return false;
}

void SentenceMatcher::mark_cue_phrases() {
  for (int i = 0; i < size(); ++i) {
    const Item& it = at(i);
    if (!it.surf || !it.surf->phrase_start) continue;
    std::size_t best_len = 0;
    std::uint32_t best_cues = 0;
    for (std::uint32_t pi : t_.cue_phrases_by_first[it.surf->phrase_list]) {
      const auto& ph = t_.cue_phrases[pi];
      if (ph.words.size() <= best_len || i + static_cast<int>(ph.words.size()) > size()) continue;
      bool ok = true;
      for (std::size_t k = 0; ok && k < ph.words.size(); ++k) {
        const int j = i + static_cast<int>(k);
        ok = !is_mention(j) && s_.text(at(j)) == ph.words[k];
      }
      if (ok) {
        best_len = ph.words.size();
        best_cues = ph.cues;
      }
    }
    if (best_len == 0) continue;
    s_.items[static_cast<std::size_t>(i)].cues = best_cues;
    for (std::size_t k = 1; k < best_len; ++k) s_.items[static_cast<std::size_t>(i) + k].cues = cue::kCueCont;
    i += static_cast<int>(best_len) - 1;
  }
}

bool SentenceMatcher::is_possessive_pronoun(int i) const {
  return is_mention(i) && c_.mentions[static_cast<std::size_t>(at(i).mention)].possessive_pronoun;
}

bool SentenceMatcher::is_place(int i) const {
  return is_mention(i) && c_.mentions[static_cast<std::size_t>(at(i).mention)].place;
}

std::uint8_t SentenceMatcher::forms_of(int i, std::uint32_t lemma) const {
  if (i < 0 || i >= size()) return 0;
  const Item& it = at(i);
  if (it.mention >= 0 || !it.surf) return 0;
  for (std::uint16_t k = 0; k < it.surf->count; ++k) {
    const auto& lf = t_.lemma_forms[it.surf->first + k];
    if (lf.lemma == lemma) return lf.forms;
  }
  return 0;
}

bool SentenceMatcher::matches(int i, const PatternElem& e, std::uint32_t* lemma) const {
  if (i < 0 || i >= size() || !at(i).surf) return false;
  const SurfaceInfo& si = *at(i).surf;
  for (std::uint16_t k = 0; k < si.count; ++k) {
    const std::uint32_t l = t_.lemma_forms[si.first + k].lemma;
    if ((e.alt_mask & (1ull << (l % 64))) == 0) continue;
    for (std::uint16_t a = 0; a < e.alt_count; ++a)
      if (t_.alternatives[e.alt_first + a] == l) {
        if (lemma) *lemma = l;
        return true;
      }
  }
  return false;
}

// A word that heads a verb phrase of its own: a matched verb, an auxiliary, a reporting or
// frequent verb, or a past form of any known verb.
bool SentenceMatcher::is_gerund(int i) const {
  if (i < 0 || i >= size() || at(i).mention >= 0 || !at(i).surf) return false;
  for (std::uint16_t k = 0; k < at(i).surf->count; ++k)
    if (t_.lemma_forms[at(i).surf->first + k].forms & detail::kFormGer) return true;
  return false;
}

bool SentenceMatcher::verb_like(int i) const {
  if (i < 0 || i >= size() || at(i).mention >= 0) return false;
  if (match_at_verb_[static_cast<std::size_t>(i)] >= 0) return true;
  const Item& it = at(i);
  if (it.cues & (cue::kCueReport | cue::kCueVerb | cue::kCueBe | cue::kCueHave | cue::kCueModalPlan | cue::kCueWould |
                 cue::kCueModalHypo | cue::kCueDo))
    return (it.cues & cue::kCueCont) == 0;
  if (!it.surf) return false;
  for (std::uint16_t k = 0; k < it.surf->count; ++k)
    if (t_.lemma_forms[it.surf->first + k].forms & (detail::kFormPast)) return true;
  return false;
}

// [SECTION] Noun phrases

// The mention phrase starting at or shortly after `pos`: skips determiners, numbers, titles
// and a few modifiers; extends over possessives to the head ("Iran's foreign ministry") and,
// when `coordinate`, over "X, Y and Z".
Np SentenceMatcher::np_forward(int pos, bool allow_place, bool coordinate, bool stop_at_possessive) const {
  Np np;
  int i = pos;
  int skipped = 0;
  while (i < size() && skipped <= 4) {
    const Item& it = at(i);
    if (it.mention >= 0) {
      if (is_place(i) && !allow_place) {
        // a place name used as a modifier ("Kharkiv residents"): keep looking for the head
        ++skipped;
        ++i;
        continue;
      }
      break;
    }
    if (it.punct != 0 && it.punct != '"') return np;
    if (it.possessive) return np;
    if (is_word(i, Word::what) && is_mention(i + 1) && verb_like(i + 2)) {
      // "condemned what it called China's actions": the speaker's label, not the target
      i += 3;
      if (is_word(i, Word::as)) ++i;
      continue;
    }
    const std::uint32_t c = it.cues;
    // a participle after a determiner describes the head: "the detained journalists"
    const bool participle = verb_like(i) && ((i > pos && (has_cue(i - 1, cue::kCueDet | cue::kCueQuant) || at(i - 1).number)) ||
                                             (is_mention(i + 1) && has_cue(i - 1, cue::kCuePrep)));  // "of detained [drivers]"
    const bool skippable = (c & (cue::kCueDet | cue::kCueQuant | cue::kCueTitle | cue::kCueAdv | cue::kCueCont)) != 0 ||
                           it.number || it.punct == '"' || participle ||
                           ((c & (cue::kCueDet | cue::kCuePossDet)) == 0 && (c & ~cue::kCueTitle) == 0 && !verb_like(i) &&
                            (it.surf == nullptr || it.surf->anchors_count == 0));
    // "12 of the detained drivers", "leaders of [Romania]'s government": a partitive after a
    // number, or "of" after a word for the people of a body
    const bool partitive =
        (is_word(i, Word::of) && i > pos && (at(i - 1).number || has_cue(i - 1, cue::kCueQuant | cue::kCueHead))) ||
        (has_cue(i, cue::kCueHead) && is_word(i + 1, Word::of));  // "talks with [leaders] of X"
    if (!skippable && !partitive) return np;
    ++skipped;
    ++i;
  }
  if (i >= size() || !is_mention(i)) return np;
  np.start = i;
  int head = i;
  // Extend to the head: [Iran] 's [foreign ministry]; [U.N.] [human rights office]; [his] [counterpart]
  int people = -1;  // "[roads ministry] [officials]": the people of the body before them, kept in the phrase
  while (true) {
    int j = head + 1;
    if (is_mention(j) && !at(j).hyphen_joined && !is_place(j)) {
      if (people_of(j) && !people_of(head) && !is_pronoun_mention(head)) {
        people = j;
        break;
      }
      head = j;
      continue;
    }
    const bool poss = (j < size() && at(j).possessive) || is_possessive_pronoun(head);
    if (!poss || stop_at_possessive) break;
    int k = j < size() && at(j).possessive ? j + 1 : j;  // "his" may end the sentence
    int words = 0;
    // the head ends before a clause: "[New Delhi]'s claim that [Pakistani troops] fired" is the claim's
    bool clause = false;
    while (k < size() && !is_mention(k) && words < 3 && at(k).punct == 0 && !has_cue(k, cue::kCuePrep | cue::kCueConj) &&
           !verb_like(k)) {
      if (has_cue(k, cue::kCueSubord | cue::kCueRel | cue::kCueReport | cue::kCueCond) || is_word(k, Word::that)) {
        clause = true;
        break;
      }
      ++k;
      ++words;
    }
    if (!clause && is_mention(k) && !is_place(k)) {
      head = k;
      continue;
    }
    break;
  }
  np.end = std::max(head, people);
  np.heads.push_back(head);
  if (!coordinate) return np;
  // Coordination: X and Y; X, Y and Z. Comma-only lists are appositions, not coordination.
  int j = np.end + 1;
  Heads extra;
  bool saw_and = false;
  int end = np.end;
  while (j < size()) {
    const bool and_ = has_cue(j, cue::kCueConj) && (is_word(j, Word::and_) || is_word(j, Word::or_));
    const bool comma = is_punct(j, ',');
    if (!and_ && !comma) break;
    int k = j + 1;
    if (comma && (is_word(k, Word::and_) || is_word(k, Word::or_))) ++k;
    Np next = np_forward(k, allow_place, false, stop_at_possessive);
    if (!next.valid() || next.start - k > 3) break;
    // "recalled its ambassador from [China], and [officials] said": a new clause's subject
    if (verb_like(next.end + 1) && !has_cue(next.end + 1, cue::kCueDet | cue::kCueQuant)) break;
    if (and_ || k > j + 1) saw_and = true;
    extra.push_back(next.heads[0]);
    end = next.end;
    j = next.end + 1;
    if (saw_and) {
      for (int h : extra) np.heads.push_back(h);
      extra = Heads{};
      np.end = end;
    }
  }
  return np;
}

// The mention phrase whose last item is `i` (a mention): takes possessors and modifiers in;
// with `coordinate`, also "X and Y" before it unless a verb precedes them.
Np SentenceMatcher::np_ending_at(int i, bool coordinate, bool object) const {
  Np np;
  if (!is_mention(i)) return np;
  np.end = i;
  np.start = i;
  // "[roads ministry] [officials] said": the body the people belong to
  np.heads.push_back(people_of(i) && is_mention(i - 1) && !at(i).hyphen_joined && !is_place(i - 1) && !people_of(i - 1) &&
                             !is_pronoun_mention(i - 1)
                         ? i - 1
                         : i);
  int k = i - 1;
  while (k >= 0) {
    if (is_mention(k) && !at(np.start).hyphen_joined && !is_place(np.start)) {
      np.start = k;
      --k;
      continue;
    }
    if (k >= 1 && at(k).possessive && is_mention(k - 1)) {
      np.start = k - 1;
      k -= 2;
      continue;
    }
    break;
  }
  if (!coordinate) return np;
  Heads before;  // conjuncts before the head, left to right
  int start = np.start;
  bool saw_and = false;
  k = np.start - 1;
  while (k >= 1 && (has_cue(k, cue::kCueDet | cue::kCueTitle) || (at(k).mention < 0 && at(k).cap && at(k).punct == 0)) &&
         !is_word(k, Word::and_))
    --k;  // "X and the Y", "X and President Y"
  while (k >= 1) {
    const bool and_ = is_word(k, Word::and_) || is_word(k, Word::or_);
    const bool comma = is_punct(k, ',');
    if (!and_ && !comma) break;
    int m = k - 1;
    if (!is_mention(m)) break;
    if (and_ && is_mention(k + 1) == false) {
      // "Merz and President Macron", "Gaddafi and Bulgarian President Zhivkov": titles between
      // the conjunction and the name
      int t = k + 1;
      while (t < np.start && (has_cue(t, cue::kCueTitle | cue::kCueDet) || (at(t).mention < 0 && at(t).cap))) ++t;
      if (t != np.start) break;
    }
    Np prev = np_ending_at(m, false);
    if (and_) saw_and = true;
    before.push_front(prev.heads[0]);
    start = prev.start;
    k = prev.start - 1;
    // skip a determiner before a conjunct: "the army and the RSF"
    if (k >= 0 && has_cue(k, cue::kCueDet) && (is_word(k - 1, Word::and_) || is_punct(k - 1, ','))) --k;
  }
  if (!saw_and || before.empty()) return np;
  // "attacked Ukraine and Poland condemned": a verb before the first conjunct means it is an object
  int b = start - 1;
  while (b >= 0 && has_cue(b, cue::kCueDet | cue::kCueAdv)) --b;
  if (!object && b >= 0 && verb_like(b) && !has_cue(b, cue::kCueReport)) return np;
  if (b >= 0 && has_cue(b, cue::kCuePrep)) return np;
  for (std::size_t q = before.size(); q > 0; --q) np.heads.push_front(before[q - 1]);
  np.start = start;
  return np;
}

// The closing comma of a short apposition after a mention (", UNHCR,", ", Liu Jianhua,"), or -1.
int SentenceMatcher::apposition_end(int comma) const {
  bool mention = false;
  for (int i = comma + 1; i < size() && i <= comma + 6; ++i) {
    if (is_punct(i, ',')) return mention ? i : -1;
    if (is_mention(i)) mention = true;
    else if (at(i).punct != 0 || verb_like(i) || has_cue(i, cue::kCueConj | cue::kCuePrep | cue::kCueRel)) return -1;
  }
  return -1;
}

// "between X and Y", "between the two sides", "between them": two or more participants.
Np SentenceMatcher::pair_forward(int pos) const {
  Np first = np_forward(pos, false, true, false);
  if (!first.valid()) return first;
  if (first.heads.size() >= 2) return first;
  const Mention& m = mention_of(first.heads[0]);
  if (m.members.size() >= 2) return first;
  // "between the army, led by Gen. X, and the RSF": look for "and" + mention a little further
  for (int j = first.end + 1; j < size() && j <= first.end + 14; ++j) {
    if (is_punct(j, ';') || is_punct(j, '.') || is_punct(j, ':')) break;
    if (is_word(j, Word::and_)) {
      Np second = np_forward(j + 1, false, false, false);
      if (second.valid() && second.start - j <= 4) {
        first.heads.push_back(second.heads[0]);
        first.end = second.end;
        return first;
      }
    }
  }
  return first;
}

// [SECTION] Matching

// Whether item `i` may stand between two words of a pattern: inside a gap almost anything but
// punctuation, clause boundaries and names; between adjacent words only determiners, adverbs
// and numbers ("signed an agreement", "imposed new sanctions").
bool SentenceMatcher::skippable_in_pattern(int i, bool gap) const {
  const Item& it = at(i);
  if (gap) {  // "extradited suspected militant [Haroon Aswad] to Britain": names may stand in a gap
    if (it.punct != 0 && it.punct != '-') return false;
    if (it.mention >= 0 || (it.cues & (cue::kCueReport | cue::kCueSubord | cue::kCueRel)) == 0) return true;
    // "investigated alleged war crimes by": a report word modifying the plain noun after it
    const int n = i + 1;
    return (it.cues & (cue::kCueSubord | cue::kCueRel)) == 0 && n < size() && at(n).mention < 0 && at(n).punct == 0 &&
           at(n).cues == 0 && !at(n).cap && !at(n).number;
  }
  return it.mention < 0 && (it.punct == 0 || it.punct == '"') &&
         ((it.cues & (cue::kCueDet | cue::kCueAdv | cue::kCueQuant | cue::kCueCont)) || it.number || it.punct == '"' ||
          // "imposed sanctions on Wednesday on X" (only words of time cues can be in one)
          (((it.surf && (it.surf->time_word != StringIndex::kNone || it.surf->time_classes)) || it.number) && in_time(i)));
}

int SentenceMatcher::word_backward(int pos, const PatternElem& e, bool gap) const {
  const int limit = gap ? 6 : 2;
  for (int i = pos, skipped = 0; i >= 0; --i) {
    if (matches(i, e)) return i;
    if (skipped >= limit || !skippable_in_pattern(i, gap)) return -1;
    ++skipped;
  }
  return -1;
}

bool SentenceMatcher::passive_context(int v, std::uint32_t lemma) const {
  if ((forms_of(v, lemma) & detail::kFormPart) == 0) return false;
  if (is_word(v + 1, Word::by)) return true;
  int j = v - 1;
  while (j >= 0 && has_cue(j, cue::kCueAdv | cue::kCueNeg)) --j;
  if (has_cue(j, cue::kCueBe)) return true;
  return is_word(j, Word::get);
}

// Matches elements k.. of `p` forward from item `pos`; a word after a gap is tried at each of
// its candidate positions in turn ("pledged $2 billion in aid to": "billion", then "aid").
bool SentenceMatcher::match_forward(const Pattern& p, int k, int pos, bool gap, bool passive, Match& m, int& end) const {
  const auto& el = p.elems;
  const int n = static_cast<int>(el.size());
  if (k >= n) {
    end = pos;
    return true;
  }
  const PatternElem& e = el[static_cast<std::size_t>(k)];
  switch (e.kind) {
    case ElemKind::gap: return match_forward(p, k + 1, pos, true, passive, m, end);
    case ElemKind::word: {
      const int limit = gap ? 6 : 2;
      for (int i = pos, skipped = 0; i < size(); ++i) {
        if (matches(i, e)) {
          const int saved_hi = m.hi;
          m.hi = std::max(m.hi, i);
          if (match_forward(p, k + 1, i + 1, false, passive, m, end)) return true;
          m.hi = saved_hi;
        }
        if (skipped >= limit || !skippable_in_pattern(i, gap)) break;
        ++skipped;
      }
      return e.optional && match_forward(p, k + 1, pos, gap, passive, m, end);
    }
    case ElemKind::poss:
      if (pos < size() && at(pos).possessive) return match_forward(p, k + 1, pos + 1, false, passive, m, end);
      return false;
    case ElemKind::src:
    case ElemKind::tgt: {
      if (passive && k == p.verb + 1) return match_forward(p, k + 1, pos, false, passive, m, end);
      const bool next_and = k + 1 < n && el[static_cast<std::size_t>(k) + 1].kind == ElemKind::word &&
                            t_.alternatives[el[static_cast<std::size_t>(k) + 1].alt_first] == t_.and_lemma;
      const bool next_poss = k + 1 < n && el[static_cast<std::size_t>(k) + 1].kind == ElemKind::poss;
      const bool place = e.kind == ElemKind::tgt && (p.flags & detail::kFlagPlace) != 0;
      Np np = np_forward(pos, place, !next_and, next_poss);
      if (!np.valid()) return false;
      Np& slot = e.kind == ElemKind::src ? m.src : m.tgt;
      const Np saved = slot;
      slot = np;
      if (match_forward(p, k + 1, np.end + 1, false, passive, m, end)) return true;
      // "forced [the UN refugee agency], [UNHCR], out of": the rest of the pattern after an apposition
      if (k + 1 < n && is_punct(np.end + 1, ',')) {
        const int close = apposition_end(np.end + 1);
        if (close >= 0 && match_forward(p, k + 1, close + 1, false, passive, m, end)) return true;
      }
      slot = saved;
      return false;
    }
    case ElemKind::pair: {
      Np np = pair_forward(pos);
      if (!np.valid()) return false;
      const Np saved = m.pair;
      m.pair = np;
      if (match_forward(p, k + 1, np.end + 1, false, passive, m, end)) return true;
      m.pair = saved;
      return false;
    }
  }
  return false;
}

bool SentenceMatcher::try_match(const Pattern& p, int pattern_index, int anchor, Match& m) {
  const auto& el = p.elems;
  const int n = static_cast<int>(el.size());
  // reset what matching fills (a full Match{} per attempt costs more than the attempt)
  m.src.heads = Heads{};
  m.tgt.heads = Heads{};
  m.pair.heads = Heads{};
  m.verb = -1;
  m.subject_slot = ElemKind::gap;
  m.passive = false;
  m.pattern = pattern_index;
  m.trigger = anchor;
  m.lo = m.hi = anchor;
  std::uint32_t trigger_lemma = 0;
  if (!matches(anchor, el[static_cast<std::size_t>(p.trigger)], &trigger_lemma)) return false;
  // Fail fast: the word right after (or before) the trigger, when the pattern has one there.
  if (p.next_word >= 0) {
    const PatternElem& e = el[static_cast<std::size_t>(p.next_word)];
    bool found = false;
    for (int i = anchor + 1, skipped = 0; i < size() && !found; ++i, ++skipped) {
      if (matches(i, e)) found = true;
      else if (skipped >= 2 || !skippable_in_pattern(i, false)) break;
    }
    if (!found) return false;
  }
  if (p.prev_word >= 0 && word_backward(anchor - 1, el[static_cast<std::size_t>(p.prev_word)], false) < 0) return false;

  // A verb right after a determiner or possessive is a noun ("the attack", "its visit").
  const bool clause_verb = p.verb >= 0 && (p.flags & detail::kFlagNoSubject) == 0;
  if (p.verb == p.trigger) {
    const int b = anchor - 1;
    if (has_cue(b, cue::kCueDet | cue::kCuePossDet) || (b >= 0 && at(b).possessive) || is_possessive_pronoun(b)) return false;
    // "conceded to demands from X": a plural after a preposition is a noun, not a verb
    const std::uint8_t tf = forms_of(anchor, trigger_lemma);
    if ((tf & detail::kForm3sg) && !(tf & (detail::kFormBase | detail::kFormPast | detail::kFormGer)) &&
        has_cue(b, cue::kCuePrep))
      return false;
    // "the mistreatment of detained drivers", "12 detained drivers": a participle describing the
    // mention after it
    if ((forms_of(anchor, trigger_lemma) & detail::kFormPart) && is_mention(anchor + 1) &&
        (has_cue(b, cue::kCuePrep | cue::kCueQuant) || (b >= 0 && at(b).number)))
      return false;
  }
  const bool passive = clause_verb && p.verb == p.trigger && (p.flags & detail::kFlagNoPassive) == 0 &&
                       p.verb + 1 < n && el[static_cast<std::size_t>(p.verb) + 1].kind == ElemKind::tgt &&
                       passive_context(anchor, trigger_lemma);
  if (!passive && p.verb == p.trigger && clause_verb && passive_context(anchor, trigger_lemma) &&
      !is_word(anchor + 1, Word::by)) {
    // "talks were held", "sanctions were imposed": passive without a direct object slot
    int j = anchor - 1;
    while (j >= 0 && has_cue(j, cue::kCueAdv | cue::kCueNeg)) --j;
    if (has_cue(j, cue::kCueBe)) return false;
  }
  m.passive = passive;

  // Forward
  int pos = anchor + 1;
  if (passive && is_word(pos, Word::by)) {
    Np agent = np_forward(pos + 1, false, true, false);
    if (agent.valid()) {
      m.src = agent;
      pos = agent.end + 1;
    }
  }
  if (!match_forward(p, p.trigger + 1, pos, false, passive, m, pos)) return false;
  if (passive && !m.src.valid()) {
    // agent after the rest of the pattern: "was accused of spying by Russia"
    for (int j = pos; j < size() && j <= pos + 4; ++j) {
      if (at(j).punct == ',' || at(j).punct == ';') break;
      if (is_word(j, Word::by)) {
        Np agent = np_forward(j + 1, false, true, false);
        if (agent.valid()) m.src = agent;
        break;
      }
    }
    if (!m.src.valid()) return false;
  }

  // Backward
  pos = anchor - 1;
  bool gap = false;
  int verb_item = p.verb == p.trigger ? anchor : -1;
  for (int k = p.trigger - 1; k >= 0; --k) {
    const PatternElem& e = el[static_cast<std::size_t>(k)];
    switch (e.kind) {
      case ElemKind::gap: gap = true; break;
      case ElemKind::word: {
        const int idx = word_backward(pos, e, gap);
        gap = false;
        if (idx < 0) {
          if (e.optional) break;
          return false;
        }
        pos = idx - 1;
        m.lo = idx;
        if (k == p.verb) verb_item = idx;
        break;
      }
      case ElemKind::poss: {
        // "[Iran] 's ... visit" or "[its] ... visit": up to three modifier words in between
        int j = pos;
        int words = 0;
        while (j >= 0 && !is_mention(j) && !at(j).possessive && at(j).punct == 0 && words < 3 &&
               !has_cue(j, cue::kCuePrep | cue::kCueConj) && !verb_like(j)) {
          --j;
          ++words;
        }
        if (words > 0 && !gap && words > 2) return false;
        gap = false;
        if (j >= 0 && at(j).possessive) pos = j - 1;
        else if (is_possessive_pronoun(j)) pos = j;
        else return false;
        break;
      }
      case ElemKind::src:
      case ElemKind::tgt: {
        if (k == 0 && p.verb == 1 && clause_verb) {
          // filled from the clause subject later
          m.subject_slot = passive ? ElemKind::tgt : e.kind;
          m.verb = verb_item;
          break;
        }
        if (!is_mention(pos)) return false;
        Np np = np_ending_at(pos, k + 1 < n && el[static_cast<std::size_t>(k) + 1].kind != ElemKind::poss);
        if (!np.valid()) return false;
        if (k + 1 < n && el[static_cast<std::size_t>(k) + 1].kind == ElemKind::poss) {
          // the possessor itself, not a phrase around it
          np = Np{};
          np.start = np.end = pos;
          np.heads.push_back(pos);
        }
        (e.kind == ElemKind::src ? m.src : m.tgt) = np;
        pos = np.start - 1;
        m.lo = std::min(m.lo, np.start);
        break;
      }
      case ElemKind::pair: {
        // "the [Ankara]-[Athens] talks"
        if (!is_mention(pos) || !at(pos).hyphen_joined || !is_mention(pos - 1)) return false;
        m.pair.start = pos - 1;
        m.pair.end = pos;
        m.pair.heads = Heads{};
        m.pair.heads.push_back(pos - 1);
        m.pair.heads.push_back(pos);
        pos -= 2;
        break;
      }
    }
  }
  if (p.verb >= 0 && !clause_verb && verb_item >= 0) m.verb = verb_item;
  if (m.subject_slot == ElemKind::gap && p.verb == 1 && clause_verb) return false;
  return true;
}

void SentenceMatcher::find_matches() {
  matches_.clear();
  match_at_verb_.assign(s_.items.size(), -1);
  for (const int i : anchor_items_) {
    const Item& it = at(i);
    Match best;
    bool have = false;
    // anchored patterns come most specific first: the first match wins
    for (std::uint16_t k = 0; k < it.surf->anchors_count && !have; ++k) {
      const int pi = static_cast<int>(t_.anchor_patterns[it.surf->anchors_first + k]);
      if (try_match(t_.patterns[static_cast<std::size_t>(pi)], pi, i, best)) have = true;
    }
    if (have) matches_.push_back(std::move(best));
  }
  // Overlaps: a more specific match covering another's trigger wins.
  std::vector<int> order(matches_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return t_.patterns[static_cast<std::size_t>(matches_[static_cast<std::size_t>(a)].pattern)].specificity >
           t_.patterns[static_cast<std::size_t>(matches_[static_cast<std::size_t>(b)].pattern)].specificity;
  });
  std::vector<std::pair<int, int>> covered;
  std::vector<int> covering;  // match index of each covered range
  for (int idx : order) {
    Match& m = matches_[static_cast<std::size_t>(idx)];
    const Pattern& mp = t_.patterns[static_cast<std::size_t>(m.pattern)];
    bool inside = false;
    for (std::size_t k = 0; k < covered.size() && !inside; ++k) {
      if (m.trigger < covered[k].first || m.trigger > covered[k].second) continue;
      // "welcomed the agreement between X and Y": an event noun with its own pair of participants
      // is an event of its own inside another of a different type
      const Pattern& cp = t_.patterns[static_cast<std::size_t>(matches_[static_cast<std::size_t>(covering[k])].pattern)];
      // likewise a noun event whose other side comes from the events around it ("agreed to a
      // request by Ankara": Ankara's request too)
      const bool nested = mp.verb < 0 && (m.pair.valid() || (mp.flags & detail::kFlagContext)) && cp.type != mp.type;
      inside = !nested;
    }
    if (inside) continue;
    m.accepted = true;
    covered.emplace_back(m.lo, m.hi);
    covering.push_back(idx);
  }
  match_at_verb_.assign(s_.items.size(), -1);
  for (std::size_t i = 0; i < matches_.size(); ++i) {
    const Match& m = matches_[i];
    if (!m.accepted) continue;
    match_at_verb_[static_cast<std::size_t>(m.verb >= 0 ? m.verb : m.trigger)] = static_cast<int>(i);
  }
}

// [SECTION] Clause analysis

// Walks left from the verb over auxiliaries, negation, modals and "to"-infinitive controllers.
VerbGroup SentenceMatcher::verb_group(int v, bool passive) const {
  VerbGroup g;
  g.passive = passive;
  int j = v - 1;
  bool seen_to = false;
  while (j >= 0) {
    const Item& it = at(j);
    if (it.mention >= 0 || it.punct != 0) break;
    const std::uint32_t c = it.cues;
    if (c & cue::kCueCont) {
      --j;
      continue;
    }
    if (c & cue::kCueNeg) {
      g.negated = true;
      --j;
      continue;
    }
    if (c & cue::kCueHypo) {
      g.hypo = true;
      --j;
      continue;
    }
    if (c & cue::kCueAdv) {
      --j;
      continue;
    }
    if (c & (cue::kCueBe | cue::kCueHave | cue::kCueDo)) {
      --j;
      continue;
    }
    if (c & cue::kCueModalPlan) {
      g.planned = true;
      --j;
      continue;
    }
    if (c & cue::kCueWould) {
      g.would = true;
      --j;
      continue;
    }
    if (c & cue::kCueModalHypo) {
      g.hypo = true;
      --j;
      continue;
    }
    if (is_word(j, Word::to) && !seen_to) {
      int p = j - 1;
      while (p >= 0 && has_cue(p, cue::kCueAdv)) --p;
      if (p < 0) break;
      g.to_item = j;
      if (is_mention(p) && in_pp(p) && !pattern_target(p)) {  // "a hunger strike outside [Parliament] to demand": purpose
        g.to_item = -1;
        break;
      }
      if (is_mention(p)) {
        g.object = p;
        g.controller = p;
        j = p;
        break;
      }
      const std::uint32_t pc = at(p).mention < 0 ? at(p).cues : 0;
      if (match_at_verb_[static_cast<std::size_t>(p)] >= 0 || (pc & (cue::kCuePlan | cue::kCueIntent | cue::kCueNegCtrl |
                                                                        cue::kCueTransparent | cue::kCueBlock))) {
        g.controller = p;
        g.control_cues = pc;
        if (pc & cue::kCuePlan) g.planned = true;
        if (pc & cue::kCueNegCtrl) g.negated = true;
        seen_to = true;
        j = p - 1;
        continue;
      }
      // a matched pattern ending in "to" ("urged Iran to", "agreed to"): its last word is "to"
      for (const Match& m : matches_)
        if (m.accepted && m.hi == j) {
          g.controller = j;
          break;
        }
      if (g.controller == j) break;  // the controller is the pattern itself
      if (has_cue(p, cue::kCueBe)) {  // "is to visit"
        g.planned = true;
        seen_to = true;
        j = p - 1;
        continue;
      }
      g.to_item = -1;
      break;
    }
    if (c & cue::kCuePrep) {
      // "criticised [X] for failing to consult": the object controls a gerund controller too
      const std::string_view cw = j + 1 < size() ? at(j + 1).norm : std::string_view();
      const bool ing = is_gerund(j + 1) || (cw.size() > 4 && cw.substr(cw.size() - 3) == "ing");
      if (seen_to && g.controller == j + 1 && ing && is_mention(j - 1)) {
        g.gerund_prep = j;
        g.object = j - 1;
        break;
      }
      // gerund after a preposition: "accused X of attacking", "interest in deepening"
      if (is_gerund(v) && j == v - 1) {
        g.gerund_prep = j;
        g.controller = j - 1;
        if (is_mention(j - 1)) g.object = j - 1;
        const std::uint32_t pc = j - 1 >= 0 && at(j - 1).mention < 0 ? at(j - 1).cues : 0;
        g.control_cues = pc;
      }
      break;
    }
    break;
  }
  g.start = j + 1;
  return g;
}

// The clause subject to the left of position `before` (exclusive end: the item before the
// verb group). Returns false when none is found.
bool SentenceMatcher::find_subject(int before, Np& out, double& penalty, int depth) const {
  if (depth > 3) return false;
  int j = before;
  int words = 0;
  Np fallback;
  double fallback_penalty = 0.2;
  bool appositive_name = false;  // the fallback is a bare name in an apposition
  int of_item = -1;              // "of" of a "leaders of X" fallback
  auto use_fallback = [&] {
    if (!fallback.valid()) return false;
    out = fallback;
    penalty = fallback_penalty;
    return true;
  };
  while (j >= 0) {
    const Item& it = at(j);
    if (it.mention >= 0) {
      Np np = np_ending_at(j, true);
      int b = np.start - 1;
      while (b >= 0 && at(b).mention < 0 && (has_cue(b, cue::kCueDet | cue::kCueQuant | cue::kCueTitle) || at(b).number)) --b;
      // "the Albanians of southern [Serbia]": one plain lower-case modifier after a preposition
      if (b >= 1 && at(b).mention < 0 && at(b).punct == 0 && !at(b).cap && at(b).cues == 0 && !verb_like(b) &&
          has_cue(b - 1, cue::kCuePrep))
        --b;
      const bool pp = has_cue(b, cue::kCuePrep) && !is_word(b, Word::of);
      const bool of = is_word(b, Word::of);
      bool place = true;
      for (int h : np.heads) place = place && is_place(h);
      if (pp || place) {
        j = b >= 0 && pp ? b - 1 : np.start - 1;
        ++words;
        continue;
      }
      if (of) {
        // "thousands of [Nigerians]", "leaders of [Romania]": X stands for the phrase
        if (!fallback.valid() && (at(b - 1).number || has_cue(b - 1, cue::kCueQuant | cue::kCueHead))) {
          fallback = np;
          of_item = b;
        }
        j = b - 1;
        ++words;
        continue;
      }
      // "A spokesman for the judiciary, Hamid Rezaei, warned": the name in the apposition is
      // the more precise reference for a description
      // "the military operations chiefs of [the two armies]": a mention that only modifies the
      // word for the people of X is no subject of its own
      if (of_item >= 0 && np.end < of_item - 1) {
        bool modifier = true;
        for (int q = np.end + 1; q < of_item && modifier; ++q)
          modifier = at(q).mention < 0 && at(q).punct == 0 && !at(q).possessive &&
                     (at(q).cues & ~(cue::kCueHead | cue::kCueTitle | cue::kCueAdv)) == 0 && !verb_like(q);
        if (modifier) return use_fallback();
      }
      // "his main rival, Ratna Hapsari, rejected": a possessor before the described noun is not it
      const bool possessor = is_possessive_pronoun(np.end) || (np.end + 1 < size() && at(np.end + 1).possessive);
      if (fallback.valid() && appositive_name && np.heads.size() == 1 &&
          (mention_of(np.heads.back()).kind == MentionKind::nominal || possessor)) {
        out = fallback;
        penalty = 0.05;
        return true;
      }
      out = np;
      penalty = words > 0 ? 0.1 : 0.0;
      return true;
    }
    if (it.punct == ',' || (it.punct == '-' && !compound_hyphen(j))) {
      // apposition, relative clause or parenthetical between subject and verb
      int k = j - 1;
      while (k >= 0 && !(at(k).punct == ',' || at(k).punct == '(' || (at(k).punct == '-' && !compound_hyphen(k)) || at(k).punct == ';' ||
                         at(k).punct == ':' || at(k).punct == '"')) {
        if (at(k).punct == ')') {  // "run by the Great Indonesia Movement Party (Gerindra)": inside the segment
          int o = k - 1;
          while (o >= 0 && at(o).punct != '(' && at(o).punct != ')') --o;
          if (o < 0 || at(o).punct != '(') break;
          k = o;
        }
        --k;
      }
      const int seg_lo = k + 1, seg_hi = j - 1;
      if (seg_hi < seg_lo) return false;
      // a relative clause inside an apposition ("a former tax inspector who led the coalition") is
      // part of it: its verbs and names do not count
      int seg_end = seg_hi;
      for (int q = seg_lo + 1; q <= seg_hi; ++q)
        if (has_cue(q, cue::kCueRel)) {
          seg_end = q - 1;
          break;
        }
      bool has_mention = false, has_verb = false;
      for (int q = seg_lo; q <= seg_end; ++q) {
        if (is_mention(q)) has_mention = true;
        else if (verb_like(q) && !has_cue(q, cue::kCueBe)) has_verb = true;
      }
      const bool rel = has_cue(seg_lo, cue::kCueRel);
      const bool adverbial = seg_hi - seg_lo <= 4 && (has_cue(seg_lo, cue::kCuePrep | cue::kCueAdv) || at(seg_lo).number);
      const bool participle = at(seg_lo).mention < 0 && is_word(seg_lo + 1, Word::by);
      const bool apposition = !has_verb && (has_mention || has_cue(seg_lo, cue::kCueDet | cue::kCuePossDet)) &&
                              seg_end - seg_lo <= 10 && seg_hi - seg_lo <= 24;
      if ((rel || adverbial || participle || apposition) && k >= 0 && at(k).punct == ',') {
        // "The mission's head, Leonor Carvalho, called on": the apposition names the subject
        // when the phrase before it is no actor
        if (apposition && !fallback.valid())
          for (int q = seg_end; q >= seg_lo; --q)
            if (is_mention(q) && !is_place(q)) {
              fallback = np_ending_at(q, true);
              fallback_penalty = 0.1;
              appositive_name = mention_of(q).kind == MentionKind::name && seg_hi - seg_lo + 1 == fallback.end - fallback.start + 1;
              break;
            }
        j = k - 1;
        ++words;
        continue;
      }
      if ((rel || participle || apposition) && k >= 0 && at(k).punct == '-') {
        j = k - 1;
        continue;
      }
      return use_fallback();
    }
    if (it.punct == ')') {
      int k = j - 1;
      while (k >= 0 && at(k).punct != '(') --k;
      if (k < 0) return false;
      j = k - 1;
      continue;
    }
    if (it.punct == '"') {  // "Paris “looks forward to”": quotes do not end the clause
      --j;
      continue;
    }
    if (it.punct != 0) return use_fallback();
    const std::uint32_t c = it.cues;
    if (c & cue::kCueRel) {
      // "Aliyev, who met Putin": the antecedent
      int k = j - 1;
      if (is_punct(k, ',')) --k;
      if (is_mention(k)) {
        out = np_ending_at(k, true);
        penalty = 0.05;
        return true;
      }
      return false;
    }
    if (c & cue::kCueConj) {
      if (words == 0) return subject_of_previous_verb(j - 1, out, penalty, depth + 1);
      return use_fallback();
    }
    if ((c & (cue::kCueSubord | cue::kCueReport | cue::kCueVerb | cue::kCueCont)) || verb_like(j) || is_word(j, Word::that)) {
      if (c & cue::kCueCont) {
        --j;
        continue;
      }
      return use_fallback();
    }
    // a word inside the subject phrase: "army snipers", "its aircraft", "the head"
    if (++words > 5) break;
    --j;
  }
  return use_fallback();
}

// VP coordination and participle clauses: "X denied ... and accused Y", ", killing Z".
bool SentenceMatcher::subject_of_previous_verb(int before, Np& out, double& penalty, int depth) const {
  if (depth > 3) return false;
  // An event verb of this sentence first ("Police released ..., the agency reported, but have
  // not freed ..."), then any verb ("said there was ... and urged").
  for (int k = before; k >= 0; --k) {
    const int mi = match_at_verb_[static_cast<std::size_t>(k)];
    if (mi < 0 || matches_[static_cast<std::size_t>(mi)].verb != k) continue;
    const VerbGroup g = verb_group(k, false);
    if (find_subject(g.start - 1, out, penalty, depth + 1)) {
      penalty += 0.1;
      return true;
    }
    break;
  }
  for (int k = before, tried = 0; k >= 0 && tried < 3; --k) {
    if (!verb_like(k)) continue;
    if (has_cue(k, cue::kCueBe | cue::kCueHave | cue::kCueDo | cue::kCueModalPlan | cue::kCueWould | cue::kCueModalHypo))
      continue;  // an auxiliary belongs to the verb after it
    ++tried;
    // "X said troops had made a withdrawal and accused Y": a verb inside a reported clause
    // (a report verb, then that clause's subject) is no event; coordinate with the report verb
    if (!has_cue(k, cue::kCueReport)) {
      for (int r = k - 1; r >= 0; --r) {
        if (is_punct(r, '.') || is_punct(r, ';')) break;
        if (!has_cue(r, cue::kCueReport) || has_cue(r, cue::kCueCont)) continue;
        bool subject = false;
        for (int q = r + 1; q < k && !subject; ++q) subject = is_mention(q);
        if (subject) k = r;
        break;
      }
    }
    const VerbGroup g = verb_group(k, false);
    if (find_subject(g.start - 1, out, penalty, depth + 1)) {
      penalty += 0.1;
      return true;
    }
  }
  return false;
}

void SentenceMatcher::resolve_subject(int mi) {
  Match& m = matches_[static_cast<std::size_t>(mi)];
  if (m.subject_done || m.subject_busy) return;
  m.subject_busy = true;
  const int v = m.verb >= 0 ? m.verb : m.trigger;
  m.vg = verb_group(v, m.passive);
  // "is expected to visit Israel and meet Netanyahu": a coordinated verb shares the plan
  if (!m.vg.planned && !m.vg.would && !m.vg.hypo && has_cue(m.vg.start - 1, cue::kCueConj)) {
    for (int k = m.vg.start - 2; k >= 0; --k) {
      const int pi = match_at_verb_[static_cast<std::size_t>(k)];
      if (pi < 0 || pi == mi || matches_[static_cast<std::size_t>(pi)].verb != k) continue;
      resolve_subject(pi);
      const VerbGroup& pg = matches_[static_cast<std::size_t>(pi)].vg;
      m.vg.planned = pg.planned;
      m.vg.would = pg.would;
      m.vg.hypo = pg.hypo;
      break;
    }
  }
  Np subj;
  double penalty = 0.0;
  bool found = false;
  const VerbGroup& g = m.vg;
  // The controller: a match whose verb is before "to", or whose words end with "to"/the preposition.
  int ctrl = -1;
  if (g.controller >= 0) {
    for (std::size_t k = 0; k < matches_.size(); ++k) {
      const Match& c = matches_[k];
      if (!c.accepted || static_cast<int>(k) == mi) continue;
      const int cv = c.verb >= 0 ? c.verb : c.trigger;
      if (cv == g.controller || c.hi == g.controller || (g.to_item >= 0 && c.hi == g.to_item) ||
          (g.gerund_prep >= 0 && c.hi == g.gerund_prep) ||
          (g.object >= 0 && c.tgt.valid() && g.object >= c.tgt.start && g.object <= c.tgt.end)) {
        ctrl = static_cast<int>(k);
        break;
      }
    }
  }
  m.controller = ctrl;
  if (g.object >= 0) {
    subj = np_ending_at(g.object, true, true);
    found = subj.valid();
  } else if (ctrl >= 0) {
    Match& c = matches_[static_cast<std::size_t>(ctrl)];
    if (c.subject_slot != ElemKind::gap) resolve_subject(ctrl);
    const Np& cs = c.subject_slot == ElemKind::tgt ? c.tgt : c.src;
    if (c.subject_slot != ElemKind::gap && cs.valid()) {
      subj = cs;
      penalty = c.penalty;
      found = true;
    }
  }
  if (!found && m.subject_slot != ElemKind::gap) {
    // ", killing 23 civilians", "after arresting dozens": a participle clause shares the
    // subject of the verb before it
    const bool participle_clause =
        g.start == v && is_gerund(v) && (is_punct(v - 1, ',') || has_cue(v - 1, cue::kCueSubord));
    if (participle_clause) found = subject_of_previous_verb(v - 2, subj, penalty, 0);
    else if (g.gerund_prep < 0) found = find_subject(g.start - 1, subj, penalty, 0);
    // "opened fire to disperse [demonstrators]", "sent troops to protect X": a purpose infinitive
    // after a complete verb phrase shares that verb's subject
    if (!found && g.start == v && is_word(v - 1, Word::to) && v >= 2 &&
        (!is_mention(v - 2) || (in_pp(v - 2) && !pattern_target(v - 2))) &&
        !verb_like(v - 2) && at(v - 2).punct == 0) {
      found = subject_of_previous_verb(v - 2, subj, penalty, 0);
      penalty += 0.05;
    }
    // "issued a statement condemning X", "a declaration demanding that": a participle after the
    // object noun of a verb shares that verb's subject
    if (!found && g.gerund_prep < 0 && !participle_clause && g.start == v && is_gerund(v) && v >= 2 &&
        at(v - 1).mention < 0 && at(v - 1).punct == 0 && at(v - 1).cues == 0 && !verb_like(v - 1) &&
        has_cue(v - 2, cue::kCueDet | cue::kCuePossDet | cue::kCueQuant)) {
      found = subject_of_previous_verb(v - 2, subj, penalty, 0);
      penalty += 0.05;
    }
  }
  if (found && m.subject_slot != ElemKind::gap) {
    (m.subject_slot == ElemKind::tgt ? m.tgt : m.src) = subj;
    m.penalty = penalty;
  }
  m.subject_busy = false;
  m.subject_done = true;
}

// Reported speech: "X said ...", "..., X said", "according to X".
void SentenceMatcher::find_speakers() {
  speakers_.clear();
  for (int i = 0; i < size(); ++i) {
    if (!has_cue(i, cue::kCueReport) || has_cue(i, cue::kCueCont)) continue;
    Speaker sp;
    sp.cue = i;
    Np who;
    if (is_word(i, Word::according)) {
      who = np_forward(i + 2, false, true, false);
      const bool postposed = is_punct(i - 1, ',') || i > 0;
      if (postposed && i > 0) {
        sp.lo = 0;
        sp.hi = i - 1;
      } else {
        sp.lo = who.valid() ? who.end + 1 : i + 2;
        sp.hi = size() - 1;
      }
    } else {
      int b = i - 1;
      while (b >= 0 && has_cue(b, cue::kCueAdv | cue::kCueHave | cue::kCueDo | cue::kCueModalPlan | cue::kCueWould)) --b;
      const bool inverted = b >= 0 && (is_punct(b, ',') || is_punct(b, '"'));
      if (inverted) {
        who = np_forward(i + 1, false, false, false);
        sp.lo = 0;
        sp.hi = b - 1;
      } else {
        double pen = 0;
        if (!find_subject(b, who, pen, 1)) who = Np{};
        const int subj_start = who.valid() ? who.start : b;
        int q = subj_start - 1;
        while (q >= 0 && has_cue(q, cue::kCueDet)) --q;
        if (q >= 0 && (is_punct(q, ',') || is_punct(q, '"'))) {
          sp.lo = 0;
          sp.hi = q - 1;
        } else {
          sp.lo = i + 1;
          sp.hi = size() - 1;
        }
      }
    }
    if (who.valid()) parties(who, false, sp.actors);
    speakers_.push_back(std::move(sp));
  }
}

bool SentenceMatcher::reported_for(int trigger, const std::vector<Party>& sources) const {
  const Speaker* best = nullptr;
  for (const Speaker& sp : speakers_) {
    if (trigger < sp.lo || trigger > sp.hi) continue;
    if (!best || (sp.hi - sp.lo) < (best->hi - best->lo)) best = &sp;
  }
  if (!best || best->actors.empty()) return false;
  for (const Party& s : sources) {
    for (const Party& a : best->actors) {
      if (a.actor == s.actor) return false;
      // a government speaking for its own state, forces or ministers is the actor's own account
      const Actor* sa = s.actor;
      const Actor* aa = a.actor;
      if (sa && aa && !sa->country.empty() && sa->country == aa->country &&
          (aa->type == ActorType::state || aa->type == ActorType::government) &&
          (sa->type == ActorType::state || sa->type == ActorType::government))
        return false;
    }
  }
  return true;
}

bool SentenceMatcher::hypothetical_clause(int trigger) const {
  for (int i = trigger + 1; i < size(); ++i) {
    if (is_punct(i, ';') || is_punct(i, '.')) break;
    if (has_cue(i, cue::kCueCond)) return true;
  }
  for (int i = trigger - 1; i >= 0; --i) {
    if (is_punct(i, ';') || has_cue(i, cue::kCueReport)) break;
    if (has_cue(i, cue::kCueCond)) return true;
  }
  return false;
}

// Whether `trigger` stands inside an if/unless clause: "unless [Baghdad] released the prisoners".
bool SentenceMatcher::inside_condition(int trigger) const {
  for (int i = trigger - 1; i >= 0; --i) {
    if (at(i).punct != 0 && at(i).punct != '"' && at(i).punct != '-') return false;
    if (has_cue(i, cue::kCueReport | cue::kCueSubord | cue::kCueRel)) return false;
    if (has_cue(i, cue::kCueCond)) return true;
  }
  return false;
}

// Time expressions of the sentence, found once (on the first relation that needs them).
void SentenceMatcher::find_time_spans() const {
  times_done_ = true;
  const int n = size();
  std::vector<std::uint32_t>& word = time_word_;
  std::vector<std::uint8_t>& cls = time_cls_;  // bit per class
  word.assign(static_cast<std::size_t>(n), StringIndex::kNone);
  cls.assign(static_cast<std::size_t>(n), 0);
  for (int i = 0; i < n; ++i) {
    if (is_mention(i)) continue;
    const std::string_view w = s_.text(at(i));
    if (const SurfaceInfo* si = at(i).surf) {
      word[static_cast<std::size_t>(i)] = si->time_word;
      cls[static_cast<std::size_t>(i)] = si->time_classes;
    }
    if (!at(i).number) continue;
    const bool digits = !w.empty() && std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (digits && w.size() == 4 && (w[0] == '1' || w[0] == '2') && (w.substr(0, 2) == "19" || w.substr(0, 2) == "20"))
      cls[static_cast<std::size_t>(i)] |= 1u << RelationTables::kTimeYear;
    if (digits && w.size() <= 2) cls[static_cast<std::size_t>(i)] |= 1u << RelationTables::kTimeDay;
  }
  auto fits = [&](int i, const RelationTables::TimeToken& tt) {
    return tt.word != StringIndex::kNone ? word[static_cast<std::size_t>(i)] == tt.word
                                         : (cls[static_cast<std::size_t>(i)] & (1u << tt.cls)) != 0;
  };
  for (int i = 0; i < n; ++i) {
    const std::uint32_t w = word[static_cast<std::size_t>(i)];
    const std::uint8_t c = cls[static_cast<std::size_t>(i)];
    if (w == StringIndex::kNone && c == 0) continue;
    int best_end = -1;
    auto try_phrases = [&](const std::vector<std::uint32_t>& list) {
      for (std::uint32_t pi : list) {
        const auto& phrase = t_.time_cues[pi];
        const int len = static_cast<int>(phrase.size());
        if (i + len > n || i + len - 1 <= best_end) continue;
        bool ok = true;
        for (int k = 1; ok && k < len; ++k) ok = fits(i + k, phrase[static_cast<std::size_t>(k)]);
        if (ok) best_end = i + len - 1;
      }
    };
    if (w != StringIndex::kNone) try_phrases(t_.time_by_word[w]);
    for (std::uint8_t k = 1; k <= RelationTables::kTimeDay; ++k)
      if (c & (1u << k)) try_phrases(t_.time_by_class[k]);
    if (best_end >= 0) {
      times_.emplace_back(i, best_end);
      i = best_end;
    }
  }
  time_item_.assign(static_cast<std::size_t>(n), false);
  for (auto [first, last] : times_)
    for (int i = first; i <= last; ++i) time_item_[static_cast<std::size_t>(i)] = true;
}

std::optional<Span> SentenceMatcher::time_cue(int trigger) {
  if (!times_done_) find_time_spans();
  std::optional<Span> best;
  int best_dist = 1 << 30;
  for (auto [first, last] : times_) {
    const int dist = trigger < first ? first - trigger : (trigger > last ? trigger - last : 0);
    if (dist < best_dist) {
      best = Span{at(first).span.start, at(last).span.end};
      best_dist = dist;
    }
  }
  return best;
}

// [SECTION] Output

void SentenceMatcher::parties(const Np& np, bool allow_place, std::vector<Party>& out) const {
  for (int h : np.heads) {
    if (!is_mention(h)) continue;
    const Mention& m = mention_of(h);
    auto add = [&](const Actor* a) {
      if (!a) return;
      if (a->type == ActorType::location && !allow_place) return;
      for (const Party& p : out)
        if (p.actor == a) return;
      out.push_back({a, &m});
    };
    if (!m.members.empty())
      for (const auto& a : m.members) add(c_.actor(a));
    else add(c_.mentions[static_cast<std::size_t>(at(h).mention)].actor);
  }
}

// A state, its government, or a person holding a government or military office.
bool speaks_for_state(const Actor& a) {
  return a.type == ActorType::state || a.type == ActorType::government ||
         (a.type == ActorType::person && (a.sector == "GOV" || a.sector == "MIL"));
}

// An actor and itself, or a state and its own government: no event between them.
bool same_party(const Actor* a, const Actor* b) {
  if (a == b) return true;
  auto state_side = [](const Actor* x) { return x->type == ActorType::state || x->type == ActorType::government; };
  return !a->country.empty() && a->country == b->country && state_side(a) && state_side(b) &&
         (a->type == ActorType::state || b->type == ActorType::state);
}

void SentenceMatcher::emit(const std::string& type, const std::string& cameo,
                           std::string rule, const std::vector<Party>& sources, const std::vector<Party>& targets,
                           std::uint32_t flags, int trigger, Modality modality, bool negated, double confidence) {
  auto& pairs = pairs_;
  pairs.clear();
  if (!targets.empty()) {
    for (const Party& s : sources)
      for (const Party& t : targets)
        if (!same_party(s.actor, t.actor)) pairs.emplace_back(&s, &t);
  } else if (sources.size() >= 2 && (flags & (detail::kFlagSym | detail::kFlagMutual))) {
    for (std::size_t i = 1; i < sources.size(); ++i) pairs.emplace_back(&sources[0], &sources[i]);
  }
  const Quad quad = plover_quad(type).value_or(Quad::verbal_conflict);  // types come from checked rows
  const auto time = time_cue(trigger);
  for (auto [s, t] : pairs) {
    for (int dir = 0; dir < ((flags & detail::kFlagMutual) ? 2 : 1); ++dir) {
      const Party* a = dir == 0 ? s : t;
      const Party* b = dir == 0 ? t : s;
      // one relation per directed event, type and sentence
      bool dup = false;
      for (std::size_t k = 0; k < emitted_.size(); ++k) {
        Relation& r = out_[emitted_[k]];
        if (emitted_parties_[k].first.actor == a->actor && emitted_parties_[k].second.actor == b->actor && r.type == type) {
          if (confidence > r.confidence) r.confidence = confidence;
          dup = true;
        }
      }
      if (dup) continue;
      Relation r;
      r.source = a->actor->id;
      r.target = b->actor->id;
      r.source_mention = a->mention->id;
      r.target_mention = b->mention->id;
      r.type = type;
      r.cameo = cameo;
      r.quad = quad;
      r.trigger = at(trigger).span;
      r.sentence = sentence_;
      r.negated = negated;
      r.modality = modality;
      r.time = time;
      r.provenance.rule = rule;
      r.confidence = confidence;
      emitted_.push_back(out_.size());
      emitted_parties_.emplace_back(*a, *b);
      out_.push_back(std::move(r));
    }
  }
}

// The parties of the latest relation before `trigger` in this sentence, minus `sources`.
// The parties of the events before `trigger` in this sentence ("Hamas freed ... and Israel
// released ... in a swap mediated by Qatar"): their sources, and the other side of a symmetric
// event; not the captives of a release or the victims of an attack.
void SentenceMatcher::context_parties(int trigger, const std::vector<Party>& sources, std::vector<Party>& out) const {
  auto add = [&](const Party& p) {
    for (const Party& s : sources)
      if (s.actor == p.actor) return;
    for (const Party& o : out)
      if (o.actor == p.actor) return;
    out.push_back(p);
  };
  // only the events of this clause: after the last report or subordinate cue before the trigger
  // ("X killed ..., the governor said, hours after A and B swapped prisoners in a deal brokered by C")
  std::size_t from = 0;
  for (int i = trigger - 1; i >= 0; --i)
    if (has_cue(i, cue::kCueReport | cue::kCueSubord) && !has_cue(i, cue::kCueCont) && !is_word(i, Word::that)) {
      from = at(i).span.start;
      break;
    }
  for (std::size_t k = 0; k < emitted_.size(); ++k) {
    const Relation& r = out_[emitted_[k]];
    if (r.trigger.start >= at(trigger).span.start || r.trigger.start < from) continue;
    add(emitted_parties_[k].first);
    if (is_symmetric_plover_type(r.type) || r.type == "SUPPORT") add(emitted_parties_[k].second);
  }
}

bool SentenceMatcher::inside_accusation(int mi, const std::vector<Party>& sources) const {
  const Match& m = matches_[static_cast<std::size_t>(mi)];
  for (std::size_t k = 0; k < matches_.size(); ++k) {
    const Match& c = matches_[k];
    if (!c.accepted || static_cast<int>(k) == mi || c.trigger >= m.trigger) continue;
    if (t_.patterns[static_cast<std::size_t>(c.pattern)].type != "ACCUSE") continue;
    bool linked = static_cast<int>(k) == m.controller && m.vg.gerund_prep >= 0;
    if (!linked && m.verb < 0) {
      // a noun event in the accusation's object, with no clause boundary in between
      linked = true;
      for (int j = std::max(c.hi, c.trigger) + 1; j < m.trigger && linked; ++j)
        if (at(j).punct != 0 && at(j).punct != '"') linked = false;
    }
    if (!linked) continue;
    std::vector<Party> accusers;
    parties(c.subject_slot == ElemKind::tgt ? c.tgt : c.src, false, accusers);
    for (const Party& a : accusers)
      for (const Party& s : sources)
        if (a.actor == s.actor) return false;
    return !accusers.empty();
  }
  return false;
}

// The first actor in the rest of the clause after `from` (not a source, not a place unless
// allowed), for events whose pattern has no target slot.
// A sought target on the source's own side: the source itself, or the state or government of a
// source that speaks for that state.
bool SentenceMatcher::own_side(const Party& p, const std::vector<Party>& sources) const {
  for (const Party& s : sources)
    if (same_party(s.actor, p.actor) ||
        (!p.actor->country.empty() && p.actor->country == s.actor->country &&
         (p.actor->type == ActorType::state || p.actor->type == ActorType::government) && speaks_for_state(*s.actor)))
      return true;
  return false;
}

void SentenceMatcher::seek_target(int from, bool allow_place, const std::vector<Party>& sources,
                                  std::vector<Party>& out) const {
  for (int i = from; i < size() && i < from + 20; ++i) {
    const Item& it = at(i);
    if (it.punct != 0 && it.punct != '"' && it.punct != '-') return;
    if (it.mention < 0 && (it.cues & (cue::kCueReport | cue::kCueRel))) return;
    // "called for a strike and urged [Ruto] to ...": a coordinated verb starts a clause of its own
    if (it.mention < 0 && (it.cues & cue::kCueConj)) {
      int v = i + 1;
      while (v < size() && has_cue(v, cue::kCueAdv)) ++v;
      if (verb_like(v)) return;
    }
    if (it.mention < 0) continue;
    if (is_place(i) && !allow_place) continue;
    const Np np = np_forward(i, allow_place, false, false);
    if (!np.valid()) continue;
    parties(np, allow_place, out);
    // not the source's own side: "[Fidan] warned that [Turkey] would respond if [Greece] ..."
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Party& p) { return own_side(p, sources); }), out.end());
    if (!out.empty()) return;
    i = np.end;
  }
}

// "X said Y must release Z", "X declared that Y should step down": X demands of Y (REQUEST),
// and what Y must do is not an event that happened.
void SentenceMatcher::emit_obligations() {
  for (int i = 1; i < size(); ++i) {
    if (!has_cue(i, cue::kCueOblige)) continue;
    const Speaker* frame = nullptr;
    for (const Speaker& sp : speakers_)
      if (sp.cue < i && i >= sp.lo && i <= sp.hi && !sp.actors.empty()) frame = &sp;
    if (!frame) continue;
    Np subj;
    double penalty = 0;
    int b = i - 1;
    while (b >= 0 && has_cue(b, cue::kCueAdv)) --b;
    if (!is_mention(b) || !find_subject(b, subj, penalty, 1)) continue;
    // the event Y must do, if a pattern found one
    const Pattern* inner = nullptr;
    for (Match& e : matches_) {
      if (!e.accepted) continue;
      const int v = e.verb >= 0 ? e.verb : e.trigger;
      if (v > i && e.vg.start >= 0 && e.vg.start <= i) {
        e.suppressed = true;
        inner = &t_.patterns[static_cast<std::size_t>(e.pattern)];
      }
    }
    std::vector<Party>& targets = targets_;
    targets.clear();
    parties(subj, false, targets);
    std::vector<Party> speakers = frame->actors;
    const std::string cameo = inner ? request_code(*inner) : "100";
    std::string rule = "rule:obligation";
    if (inner) {
      rule.push_back('+');
      rule.append(inner->rule, inner->rule.rfind(':') + 1, std::string::npos);
    }
    emit("REQUEST", cameo, rule, speakers, targets, 0, frame->cue, Modality::asserted, false,
         0.6 - penalty);
  }
}

void SentenceMatcher::emit_all() {
  // Subjects first (controllers before the events embedded in them, by recursion).
  for (std::size_t i = 0; i < matches_.size(); ++i)
    if (matches_[i].accepted) resolve_subject(static_cast<int>(i));
  // Non-subject events embedded in a controller still need their controller links.
  for (std::size_t i = 0; i < matches_.size(); ++i) {
    Match& m = matches_[i];
    if (!m.accepted || m.controller < 0) continue;
    const Pattern& cp = t_.patterns[static_cast<std::size_t>(matches_[static_cast<std::size_t>(m.controller)].pattern)];
    if (cp.wrap != Wrap::none) m.embedded = true;
  }
  find_speakers();
  emit_obligations();
  for (std::size_t i = 0; i < matches_.size(); ++i) {
    Match& m = matches_[i];
    if (!m.accepted || m.embedded || m.suppressed) continue;
    const Pattern& p = t_.patterns[static_cast<std::size_t>(m.pattern)];
    // The embedded event of a wrapper, if any.
    const Match* e = nullptr;
    for (std::size_t k = 0; k < matches_.size(); ++k)
      if (matches_[k].accepted && matches_[k].embedded && matches_[k].controller == static_cast<int>(i)) {
        e = &matches_[k];
        break;
      }
    const Pattern* ep = e ? &t_.patterns[static_cast<std::size_t>(e->pattern)] : nullptr;
    std::string type = p.type, cameo = p.cameo, rule = p.rule;
    std::uint32_t flags = p.flags;
    int trigger = m.trigger;
    Np src = m.src, tgt = m.tgt;
    bool place = (p.flags & detail::kFlagPlace) != 0;
    const VerbGroup& g = m.vg;
    bool negated = g.negated || (p.flags & detail::kFlagNegated);
    bool planned = g.planned || (p.flags & detail::kFlagPlanned);
    bool hypo = g.hypo;
    bool would = g.would;
    double confidence = (p.verb >= 0 ? 0.8 : 0.7) - m.penalty;
    if (m.passive) confidence -= 0.05;
    if (m.pair.valid()) {
      if (src.valid()) tgt = m.pair;
      else src = m.pair;
    }
    // Cue controllers without a pattern of their own: "is ready to expand ties" -> intent;
    // "denied attacking" -> nothing.
    if (g.control_cues & cue::kCueBlock) continue;
    if ((g.control_cues & cue::kCueIntent) && p.type != "AGREE") {
      type = "AGREE";
      cameo = intent_code(p);
      planned = false;
    }
    if (e && ep) {
      const Wrap w = p.wrap;
      const Np& etgt = e->pair.valid() && !e->src.valid() ? e->pair : e->tgt;
      switch (w) {
        case Wrap::intent:
          type = "AGREE";
          cameo = intent_code(*ep);
          if (!tgt.valid()) {
            tgt = etgt;
            place = place || (ep->flags & detail::kFlagPlace);
          }
          flags |= ep->flags & (detail::kFlagSym);
          break;
        case Wrap::refuse:
          type = "REJECT";
          cameo = refuse_code(*ep);
          if (!tgt.valid()) {
            tgt = etgt;
            place = place || (ep->flags & detail::kFlagPlace);
          }
          break;
        case Wrap::threat:
          type = "THREATEN";
          cameo = threat_code(*ep);
          if (!tgt.valid()) {
            tgt = etgt;
            place = place || (ep->flags & detail::kFlagPlace);
          }
          break;
        case Wrap::request:
          type = "REQUEST";
          cameo = request_code(*ep);
          if (!tgt.valid()) tgt = etgt;
          break;
        case Wrap::none: break;
      }
      if (w == Wrap::intent || w == Wrap::refuse || w == Wrap::threat || w == Wrap::request) {
        rule.push_back('+');
        rule.append(ep->rule, ep->rule.rfind(':') + 1, std::string::npos);
        confidence -= 0.05;
      }
    }
    std::vector<Party>& sources = sources_;
    std::vector<Party>& targets = targets_;
    sources.clear();
    targets.clear();
    parties(src, false, sources);
    parties(tgt, place, targets);
    if (sources.empty()) continue;
    if (targets.empty() && (flags & detail::kFlagContext)) context_parties(m.trigger, sources, targets);
    // a refusal or threat whose inner event found no target either: "refused to commit to any
    // assistance to the [US]-led war"
    const bool seek_after_inner = e && (p.wrap == Wrap::refuse || p.wrap == Wrap::threat);
    if (targets.empty() && (seek_after_inner || (!e && ((flags & detail::kFlagSeek) || p.wrap == Wrap::intent ||
                                                        p.wrap == Wrap::refuse || p.wrap == Wrap::threat)))) {
      // "threatened to cut off electricity to [Nakhichevan]", "rioted ... demanding the
      // removal of President [Mubarak]": the first actor later in the clause
      int from = std::max(m.hi, m.trigger) + 1;
      if (seek_after_inner) from = std::max({from, e->hi + 1, e->trigger + 1});
      seek_target(from, place, sources, targets);
      confidence -= 0.15;
    }
    Modality modality = Modality::asserted;
    const bool cond = (would || hypo) && hypothetical_clause(m.trigger);
    if (cond || (hypo && !would) || inside_condition(m.trigger)) modality = Modality::hypothetical;
    else if (planned || would) modality = Modality::planned;
    else if (reported_for(m.trigger, sources)) modality = Modality::reported;
    // events embedded under an accusation ("accused X of attacking", "condemned X's
    // mistreatment of Y") are the accuser's claim
    if (modality == Modality::asserted && inside_accusation(static_cast<int>(i), sources)) modality = Modality::reported;
    if (is_pronoun_mention(src.valid() ? src.heads[0] : -1)) confidence -= 0.05;
    confidence = std::clamp(confidence, 0.05, 0.95);
    emit(type, cameo, rule, sources, targets, flags, trigger, modality, negated, confidence);
    emit_ultimatum(type, m.trigger, sources, targets, modality, negated, confidence);
  }
}

// "Nigeria will withdraw its force from Chad unless [President Goukouni] holds elections",
// "Iran threatened to launch an offensive unless [Baghdad] accepted its conditions": a threat, or a
// planned conflictual act, made conditional on what another actor does is a threat to that actor.
void SentenceMatcher::emit_ultimatum(const std::string& type, int trigger, const std::vector<Party>& sources,
                                     const std::vector<Party>& event_targets, Modality modality, bool negated,
                                     double confidence) {
  if (sources.empty()) return;
  const bool threat = type == "THREATEN";
  if (!threat) {
    if (modality != Modality::planned && modality != Modality::hypothetical) return;
    const Quad q = plover_quad(type).value_or(Quad::verbal_cooperation);
    if (type != "RETREAT" && q != Quad::verbal_conflict && q != Quad::material_conflict) return;
  }
  int u = -1;
  for (int i = trigger + 1; i < size() && u < 0; ++i) {
    if (is_punct(i, ';') || is_punct(i, '.') || has_cue(i, cue::kCueReport)) return;
    if (has_cue(i, cue::kCueUltimatum)) u = i;
  }
  if (u < 0) return;
  // the conditional's subject, followed by its verb group ("unless [Baghdad] accepted", "unless [Israel] does not")
  const Np np = np_forward(u + 1, false, true, false);
  if (!np.valid()) return;
  int k = np.end + 1;
  while (has_cue(k, cue::kCueAdv | cue::kCueNeg | cue::kCueDo | cue::kCueHave | cue::kCueBe | cue::kCueModalPlan |
                        cue::kCueModalHypo | cue::kCueWould))
    ++k;
  if (k >= size() || at(k).mention >= 0 || at(k).punct != 0 || (at(k).cap && !verb_like(k))) return;
  std::vector<Party>& targets = ultimatum_targets_;
  targets.clear();
  parties(np, false, targets);
  targets.erase(std::remove_if(targets.begin(), targets.end(),
                               [&](const Party& p) {
                                 // "threatened [Iraq] with sanctions unless [Baghdad] ...": the same side
                                 for (const Party& t : event_targets)
                                   if (same_party(t.actor, p.actor) ||
                                       (!p.actor->country.empty() && p.actor->country == t.actor->country &&
                                        (p.actor->type == ActorType::state || p.actor->type == ActorType::government) &&
                                        (t.actor->type == ActorType::state || t.actor->type == ActorType::government)))
                                     return true;
                                 return own_side(p, sources);
                               }),
                targets.end());
  if (targets.empty()) return;
  emit("THREATEN", "130", "rule:ultimatum", sources, targets, 0, trigger, Modality::asserted, negated && threat,
       std::max(0.05, confidence - 0.1));
}

void SentenceMatcher::run(std::int64_t sentence_index, std::size_t token_begin, std::size_t token_end,
                          std::size_t& mention_cursor) {
  sentence_ = sentence_index;
  matches_.clear();
  speakers_.clear();
  emitted_.clear();
  emitted_parties_.clear();
  times_.clear();
  times_done_ = false;
  // Look every word up once; a sentence without a word that triggers a pattern is done.
  surfs_.resize(token_end - token_begin);
  bool any_anchor = false;
  for (std::size_t ti = token_begin; ti < token_end; ++ti) {
    const detail::TokenInfo& tok = c_.layer.tokens[ti];
    const SurfaceInfo* si = t_.lookup(c_.layer.fold_of(tok), tok.key);
    surfs_[ti - token_begin] = si;
    any_anchor = any_anchor || (si && si->anchors_count > 0);
  }
  if (!any_anchor) return;
  surfs_begin_ = token_begin;
  build_items(token_begin, token_end, mention_cursor);
  if (s_.items.empty()) return;
  find_matches();
  bool obligation = false;
  for (const Item& it : s_.items) obligation = obligation || (it.mention < 0 && (it.cues & cue::kCueOblige));
  if (matches_.empty() && !obligation) return;
  emit_all();
}

// [SECTION] Entry point

// Number of distinct actors (up to 2) mentioned from mention_order[first] up to code point `end`.
int distinct_actors(const DocContext& ctx, std::size_t first, std::size_t end) {
  const std::string* one = nullptr;
  for (std::size_t k = first; k < ctx.mention_order.size(); ++k) {
    const Mention& m = ctx.doc.mentions[static_cast<std::size_t>(ctx.mention_order[k])];
    if (m.span.start >= end) break;
    if (m.members.size() >= 2) return 2;
    if (m.actor.empty()) continue;
    if (!one) one = &m.actor;
    else if (*one != m.actor) return 2;
  }
  return one ? 1 : 0;
}

// Appends `found` to doc.relations with fresh ids, skipping those already there.
void append_relations(Document& doc, std::vector<Relation>& found, const RelationOptions& options) {
  // Ids continue after the existing relations; an existing relation of the same event is kept.
  std::size_t next_id = 1;
  for (const Relation& r : doc.relations) {
    if (r.id.size() > 1 && r.id[0] == 'r') {
      std::size_t v = 0;
      bool digits = true;
      for (std::size_t i = 1; i < r.id.size(); ++i) {
        if (r.id[i] < '0' || r.id[i] > '9') {
          digits = false;
          break;
        }
        v = v * 10 + static_cast<std::size_t>(r.id[i] - '0');
      }
      if (digits && v >= next_id) next_id = v + 1;
    }
  }
  const std::size_t existing = doc.relations.size();
  if (existing == 0) {
    // the usual case: hand the vector over (a copy would double the memory of a long text)
    std::size_t kept = 0;
    for (Relation& r : found) {
      if (r.confidence < options.min_confidence) continue;
      r.id = std::to_string(next_id++);
      r.id.insert(r.id.begin(), 'r');
      if (&found[kept] != &r) found[kept] = std::move(r);
      ++kept;
    }
    found.resize(kept);
    doc.relations = std::move(found);
    return;
  }
  doc.relations.reserve(existing + found.size());
  for (Relation& r : found) {
    if (r.confidence < options.min_confidence) continue;
    bool dup = false;
    for (std::size_t i = 0; i < existing && !dup; ++i) {
      const Relation& o = doc.relations[i];
      dup = o.source == r.source && o.target == r.target && o.type == r.type && o.trigger == r.trigger;
    }
    if (dup) continue;
    r.id = std::to_string(next_id++);
    r.id.insert(r.id.begin(), 'r');
    doc.relations.push_back(std::move(r));
  }
}

// The text layer of a document that comes without one (loaded JSON, hand-made documents): byte
// spans, folded forms and keys of its tokens, and its sentences as token ranges.
detail::TextLayer layer_of(const Document& doc) {
  detail::TextLayer layer;
  layer.text = doc.text;
  layer.tokens.reserve(doc.tokens.size());
  CodePointCursor cursor(doc.text);
  for (const Token& t : doc.tokens) {
    detail::TokenInfo ti;
    ti.cp_begin = static_cast<std::uint32_t>(t.span.start);
    ti.cp_end = static_cast<std::uint32_t>(t.span.end);
    ti.byte_begin = static_cast<std::uint32_t>(cursor.byte_of(t.span.start));
    CodePointCursor end = cursor;
    ti.byte_end = static_cast<std::uint32_t>(end.byte_of(t.span.end));
    ti.fold_begin = static_cast<std::uint32_t>(layer.folded.size());
    const std::string_view raw = std::string_view(doc.text).substr(ti.byte_begin, ti.byte_end - ti.byte_begin);
    for (std::size_t i = 0; i < raw.size();) {
      const char32_t cp = decode_utf8(raw, i);
      if (ti.fold_len == 0 && layer.folded.size() == ti.fold_begin) {
        const detail::CharClass c = detail::classify(cp);
        if (c == detail::CharClass::letter || c == detail::CharClass::digit) ti.flags |= detail::kTokWord;
        if (c == detail::CharClass::digit) ti.flags |= detail::kTokDigit;
        if (detail::is_upper(cp)) ti.flags |= detail::kTokUpperInitial;
      }
      detail::append_folded(layer.folded, cp);
    }
    ti.fold_len = static_cast<std::uint32_t>(layer.folded.size() - ti.fold_begin);
    ti.key = detail::token_key(layer.fold_of(ti));
    layer.tokens.push_back(ti);
  }
  std::size_t token = 0;
  for (const Sentence& s : doc.sentences) {
    while (token < layer.tokens.size() && layer.tokens[token].cp_begin < s.span.start) ++token;
    std::size_t end = token;
    while (end < layer.tokens.size() && layer.tokens[end].cp_begin < s.span.end) ++end;
    detail::SentenceInfo si;
    si.tok_begin = static_cast<std::uint32_t>(token);
    si.tok_end = static_cast<std::uint32_t>(end);
    layer.sentences.push_back(si);
    token = end;
  }
  return layer;
}

}  // namespace

namespace detail {

void extract_relations(Document& doc, const TextLayer& layer, const RelationOptions& options) {
  const RelationPatterns& patterns = options.patterns ? *options.patterns : RelationPatterns::built_in();
  if (layer.sentences.empty() || layer.tokens.empty() || doc.mentions.empty()) return;
  DocContext ctx(doc, layer, patterns.tables());
  std::vector<Relation> found;
  SentenceMatcher sm(ctx, found);
  std::size_t mention_cursor = 0;
  for (std::size_t si = 0; si < layer.sentences.size(); ++si) {
    const SentenceInfo& sent = layer.sentences[si];
    if (sent.tok_end <= sent.tok_begin) continue;
    const std::size_t start = layer.tokens[sent.tok_begin].cp_begin, end = layer.tokens[sent.tok_end - 1].cp_end;
    // mentions starting before this sentence are not carried into it
    while (mention_cursor < ctx.mention_order.size() &&
           doc.mentions[static_cast<std::size_t>(ctx.mention_order[mention_cursor])].span.start < start)
      ++mention_cursor;
    // A relation needs two actors: a sentence with fewer is not read at all.
    if (distinct_actors(ctx, mention_cursor, end) >= 2)
      sm.run(static_cast<std::int64_t>(si), sent.tok_begin, sent.tok_end, mention_cursor);
  }
  append_relations(doc, found, options);
}

}  // namespace detail

void extract_relations(Document& doc, const RelationOptions& options) {
  if (doc.sentences.empty() || doc.tokens.empty() || doc.mentions.empty()) return;
  const detail::TextLayer layer = layer_of(doc);
  detail::extract_relations(doc, layer, options);
}

}  // namespace dyad
