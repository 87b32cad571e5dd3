// Mention detection: lexicon matches over tokens, title + name patterns, capitalised names of
// unknown people, organisations and places, nominal descriptions and pronouns. Spans follow the
// dev set conventions (tests/data/dev/README.md): names without titles, articles or possessive
// 's; nominals without determiners; a title directly before a name is not a mention.
//
// Everything here is one left-to-right pass per sentence with bounded look-ahead; lexicon
// lookups are hash probes of folded token sequences (gazetteer.hpp).
#include <algorithm>
#include <cmath>
#include <array>
#include <string_view>

#include "internal/mentions.hpp"
#include "internal/word_lists.hpp"

namespace dyad::detail {
namespace {

// [SECTION] Small helpers

bool is_digit_token(const TokenInfo& t) { return t.has(kTokDigit); }

Gender gender_of(std::string_view g) {
  if (g == "male") return Gender::male;
  if (g == "female") return Gender::female;
  return Gender::unknown;
}

// Best lexicon match starting at a token: the longest phrase with at least one sense whose
// capitalisation constraint the text satisfies.
struct LexMatch {
  const Gazetteer::Entry* entry = nullptr;
  std::uint32_t len = 0;
};

class Detector {
 public:
  Detector(const TextLayer& text, const Lexicons& lex, Detection& out)
      : L_(text), lex_(lex), gaz_(lex.gazetteer()), out_(out), toks_(text.tokens) {}

  void run() {
    for (std::size_t i = 0; i < toks_.size(); ++i) {
      const TokenInfo& t = toks_[i];
      if (!t.has(kTokWord) || t.has(kTokDigit)) continue;
      if (!t.has(kTokUpperInitial) && t.has(kTokHasLower)) lower_seen_[t.key] = 1;
      // Capitalised inside a sentence (not after a quote or colon) and not a common word.
      if (t.has(kTokUpperInitial) && !t.has(kTokSentenceStart) && i > 0 && !toks_[i - 1].has(kTokQuote) &&
          !toks_[i - 1].has(kTokTerminal) && L_.surface(i - 1) != ":" && gaz_.common_word(t.key) == WordTag::none)
        if (auto& n = cap_seen_[t.key]; n < 255) ++n;
    }
    find_phrases();
    out_.candidates.clear();
    out_.candidates.reserve(toks_.size() / 8 + 16);
    out_.coordinations.clear();
    out_.quotations.clear();
    find_quotations();
    find_dateline();
    for (std::uint32_t s = 0; s < L_.sentences.size(); ++s) sentence(s);
    link_appositions();
    find_coordinations();
    find_speakers();
    mark_subjects();
  }

 private:
  // [SECTION] Token tests

  std::string_view fold(std::size_t i) const { return L_.fold_of(i); }
  bool caps_sentence(std::size_t i) const { return (L_.sentences[toks_[i].sentence].flags & kSentAllCaps) != 0; }
  bool word(std::size_t i) const { return i < toks_.size() && toks_[i].has(kTokWord) && !toks_[i].has(kTokClitic); }
  // Capitalised word that may be part of a name (not in a headline in capitals).
  bool cap(std::size_t i) const {
    return word(i) && toks_[i].has(kTokUpperInitial) && !caps_sentence(i) && !is_digit_token(toks_[i]);
  }
  bool lower_word(std::size_t i) const { return word(i) && !toks_[i].has(kTokUpperInitial) && !is_digit_token(toks_[i]); }
  bool is(std::size_t i, std::string_view w) const { return i < toks_.size() && fold(i) == w; }
  bool sentence_initial(std::size_t i) const {
    const std::uint32_t s = toks_[i].sentence;
    std::size_t b = L_.sentences[s].tok_begin;
    if (out_.dateline_end > b && out_.dateline_begin >= b && out_.dateline_begin < L_.sentences[s].tok_end)
      b = out_.dateline_end;
    while (b < i && (toks_[b].has(kTokQuote) || toks_[b].has(kTokDash) || L_.surface(b) == "(")) ++b;
    if (b == i) return true;
    // After an opening quote or a colon inside the sentence.
    return i > 0 && (toks_[i - 1].has(kTokQuote) && toks_[i - 1].has(kTokSpaceBefore) == false
                         ? false
                         : (L_.surface(i - 1) == ":" ||
                            (toks_[i - 1].has(kTokQuote) && (i < 2 || L_.surface(i - 2) == ":" || toks_[i - 2].has(kTokTerminal)))));
  }
  WordTag common(std::size_t i) const { return gaz_.common_word(toks_[i].key); }
  // The word occurs in lower case somewhere in this document ("Analysts ... analysts").
  bool lowercase_elsewhere(std::size_t i) const { return lower_seen_.find(toks_[i].key) != nullptr; }
  // The word is capitalised inside sentences elsewhere in this document: a name here too.
  bool name_like_elsewhere(std::size_t i) const {
    const std::uint8_t* n = cap_seen_.find(toks_[i].key);
    if (!n) return false;
    const bool here = toks_[i].has(kTokUpperInitial) && !sentence_initial(i);
    return *n >= (here ? 2 : 1);
  }
  // Looks like an ordinary English word by its ending ("Outgoing", "Exiled", "Analysts").
  bool english_shape(std::size_t i) const {
    const std::string_view f = fold(i);
    static constexpr std::string_view kSuffixes[] = {"ing", "ed", "ly", "tion", "sion", "ment", "ness", "ity",
                                                     "ists", "ysts", "ism", "ance", "ence", "able", "ible", "ous",
                                                     "ive", "ers", "ful", "less"};
    for (auto suf : kSuffixes)
      if (f.size() > suf.size() + 2 && f.substr(f.size() - suf.size()) == suf) return true;
    return false;
  }
  bool glued(std::size_t i) const { return i < toks_.size() && !toks_[i].has(kTokSpaceBefore); }
  // A hyphen joining two parts of one word ("Amir-Abdollahian", "army-backed").
  bool word_hyphen(std::size_t i) const {
    return i + 1 < toks_.size() && toks_[i].has(kTokHyphen) && !toks_[i].has(kTokDash) && glued(i) && glued(i + 1) &&
           word(i + 1) && i > 0 && word(i - 1);
  }
  bool in_sentence(std::size_t i, std::uint32_t s) const { return i < toks_.size() && toks_[i].sentence == s; }

  // [SECTION] Lexicon access

  bool sense_ok(const Sense& s, std::size_t i) const {
    if (s.flags & kSenseAcronym) {
      for (std::size_t k = i; k < i + s.tokens; ++k)
        if (toks_[k].has(kTokWord) && !toks_[k].has(kTokDigit) && !toks_[k].has(kTokAllCaps)) return false;
      return true;
    }
    if (s.flags & kSenseProper) return toks_[i].has(kTokUpperInitial) || caps_sentence(i);
    return true;
  }

  // Every lexicon phrase starting at each token, found once: one hash probe per token, more only
  // while the tokens so far are the prefix of a longer phrase.
  void find_phrases() {
    phrase_first_.assign(toks_.size() + 1, 0);
    phrases_.clear();
    for (std::size_t i = 0; i < toks_.size(); ++i) {
      phrase_first_[i] = static_cast<std::uint32_t>(phrases_.size());
      if (toks_[i].has(kTokPunct) && !toks_[i].has(kTokWord)) continue;
      const std::uint32_t s = toks_[i].sentence;
      std::uint64_t key = kPhraseSeed;
      for (std::size_t j = i; j < toks_.size() && toks_[j].sentence == s && j - i < gaz_.max_phrase_tokens(); ++j) {
        key = phrase_key_step(key, toks_[j].key);
        const Gazetteer::Entry* e = gaz_.find(key);
        if (!e) break;
        if (e->count > 0) phrases_.push_back({e, static_cast<std::uint32_t>(j - i + 1)});
        if (!e->prefix) break;
      }
    }
    phrase_first_[toks_.size()] = static_cast<std::uint32_t>(phrases_.size());
    // Nearest token at or after each one where a head noun (body, title, nominal) starts.
    next_head_.assign(toks_.size() + 1, static_cast<std::uint32_t>(-1) / 2);
    for (std::size_t i = toks_.size(); i-- > 0;) {
      next_head_[i] = next_head_[i + 1];
      for (std::uint32_t p = phrase_first_[i]; p < phrase_first_[i + 1]; ++p) {
        const Sense* ss = gaz_.senses(*phrases_[p].entry);
        for (std::uint32_t k = 0; k < phrases_[p].entry->count; ++k)
          if (kHeadKinds & (1u << static_cast<unsigned>(ss[k].kind))) next_head_[i] = static_cast<std::uint32_t>(i);
      }
      // Title words no row spells out ("Secretary") count too.
      if (gaz_.title_tail(toks_[i].key) != -1) next_head_[i] = static_cast<std::uint32_t>(i);
    }
  }

  // Longest match at i (at most max_len tokens) with a valid sense of one of `kinds` (all kinds
  // if the mask is 0).
  LexMatch match(std::size_t i, std::uint32_t kind_mask = 0, std::size_t max_len = 0xFFFF) const {
    if (i >= toks_.size()) return {};
    for (std::uint32_t p = phrase_first_[i + 1]; p-- > phrase_first_[i];) {
      const LexMatch& m = phrases_[p];
      if (m.len > max_len) continue;
      const Sense* ss = gaz_.senses(*m.entry);
      for (std::uint32_t k = 0; k < m.entry->count; ++k)
        if ((kind_mask == 0 || (kind_mask & (1u << static_cast<unsigned>(ss[k].kind)))) && sense_ok(ss[k], i)) return m;
    }
    return {};
  }

  const Sense* sense(const LexMatch& m, std::size_t i, SenseKind kind) const {
    if (!m.entry) return nullptr;
    const Sense* ss = gaz_.senses(*m.entry);
    for (std::uint32_t k = 0; k < m.entry->count; ++k)
      if (ss[k].kind == kind && sense_ok(ss[k], i)) return &ss[k];
    return nullptr;
  }

  static constexpr std::uint32_t bit(SenseKind k) { return 1u << static_cast<unsigned>(k); }
  static constexpr std::uint32_t kNameKinds =
      (1u << static_cast<unsigned>(SenseKind::country)) | (1u << static_cast<unsigned>(SenseKind::capital)) |
      (1u << static_cast<unsigned>(SenseKind::organization)) | (1u << static_cast<unsigned>(SenseKind::place));
  static constexpr std::uint32_t kHeadKinds =
      (1u << static_cast<unsigned>(SenseKind::sector)) | (1u << static_cast<unsigned>(SenseKind::title)) |
      (1u << static_cast<unsigned>(SenseKind::nominal));

  Gender given_name_gender(std::size_t i, bool* found) const {
    *found = false;
    if (!cap(i) && !(word(i) && caps_sentence(i))) return Gender::unknown;
    const LexMatch m = match(i, bit(SenseKind::given_name));
    if (!m.entry) return Gender::unknown;
    const Sense* s = sense(m, i, SenseKind::given_name);
    if (!s) return Gender::unknown;
    *found = true;
    return gender_of(lex_.given_names()[s->row].gender);
  }

  // [SECTION] Quotations and the dateline

  void find_quotations() {
    std::int32_t open = -1;
    for (std::size_t i = 0; i < toks_.size(); ++i) {
      const TokenInfo& t = toks_[i];
      if (t.has(kTokParagraphBefore) && open >= 0) {
        // A quotation running over a paragraph break closes there (wire style reopens it).
        out_.quotations.push_back({static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(i), -1});
        open = -1;
      }
      if (!t.has(kTokQuote)) continue;
      const std::string_view s = L_.surface(i);
      const bool opening = s == "\xE2\x80\x9C" || s == "\xC2\xAB" || s == "\xE2\x80\x9E" ||
                           ((s == "\"" || s == "''" || s == "``") && open < 0);
      const bool closing = s == "\xE2\x80\x9D" || s == "\xC2\xBB" || ((s == "\"" || s == "''") && open >= 0);
      if (opening && open < 0) {
        open = static_cast<std::int32_t>(i + 1);
      } else if (closing && open >= 0) {
        out_.quotations.push_back({static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(i), -1});
        open = -1;
      }
    }
    if (open >= 0)
      out_.quotations.push_back({static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(toks_.size()), -1});
  }

  // The quotation token i is in. Candidates are added left to right, so a cursor that only moves
  // forward finds it in amortised constant time.
  std::int32_t quote_of(std::size_t i) {
    const auto& qs = out_.quotations;
    while (quote_cursor_ < qs.size() && qs[quote_cursor_].te <= i) ++quote_cursor_;
    if (quote_cursor_ < qs.size() && i >= qs[quote_cursor_].tb) return static_cast<std::int32_t>(quote_cursor_);
    return -1;
  }

  // "BAKU, March 12 (Reuters) —" or "BAKU (AP) —": a city in capitals, then the date and agency,
  // then a dash. None of it is a mention; the city's country is remembered as context.
  void find_dateline() {
    out_.dateline_begin = 0;
    out_.dateline_end = 0;
    out_.dateline_country = -1;
    // The dateline opens the first paragraph of the story, possibly after a headline.
    for (std::size_t p = 0, paragraphs = 0; p < toks_.size() && paragraphs < 3; ++p) {
      if (p != 0 && !toks_[p].has(kTokParagraphBefore)) continue;
      ++paragraphs;
      if (dateline_at(p)) return;
    }
  }

  bool dateline_at(std::size_t start) {
    std::size_t i = start;
    const std::size_t limit = std::min<std::size_t>(toks_.size(), start + 16);
    std::size_t city_end = 0;
    while (i < limit && i < start + 4 && word(i) && toks_[i].has(kTokAllCaps)) ++i;
    if (i == start || i >= limit || !(L_.surface(i) == "," || L_.surface(i) == "(" || toks_[i].has(kTokDash)))
      return false;
    city_end = i;
    for (; i < limit; ++i) {
      if (i > start && toks_[i].has(kTokNewlineBefore)) return false;
      if (toks_[i].has(kTokDash)) {
        out_.dateline_begin = static_cast<std::uint32_t>(start);
        out_.dateline_end = static_cast<std::uint32_t>(i + 1);
        break;
      }
      if (toks_[i].has(kTokTerminal)) return false;
    }
    if (out_.dateline_end == 0) return false;
    // The city: a capital (its country) or a country name.
    for (std::size_t b = start; b < city_end; ++b) {
      const LexMatch m = match(b, bit(SenseKind::capital) | bit(SenseKind::country));
      if (!m.entry) continue;
      if (const Sense* s = sense(m, b, SenseKind::capital)) out_.dateline_country = static_cast<std::int32_t>(s->row);
      else if (const Sense* c = sense(m, b, SenseKind::country)) out_.dateline_country = static_cast<std::int32_t>(c->row);
      break;
    }
    return true;
  }

  // [SECTION] Candidates

  Candidate& add(std::size_t tb, std::size_t te, MentionKind kind, Ref ref, ActorType type, const char* rule,
                 float confidence) {
    Candidate c;
    c.tb = static_cast<std::uint32_t>(tb);
    c.te = static_cast<std::uint32_t>(te);
    c.sentence = toks_[tb].sentence;
    c.kind = kind;
    c.ref = ref;
    c.type = type;
    c.rule = rule;
    c.confidence = confidence;
    c.quote = quote_of(tb);
    c.in_quote = c.quote >= 0;
    c.indefinite = tb > 0 && (is(tb - 1, "a") || is(tb - 1, "an"));
    out_.candidates.push_back(std::move(c));
    return out_.candidates.back();
  }

  // Name words of a token range, folded: glued parts ("Amir-Abdollahian") make one word.
  std::string name_key(std::size_t tb, std::size_t te) const {
    std::string k;
    for (std::size_t i = tb; i < te; ++i) {
      if (!toks_[i].has(kTokWord) && !toks_[i].has(kTokHyphen) && !toks_[i].has(kTokQuote)) continue;
      if (!k.empty() && toks_[i].has(kTokSpaceBefore)) k.push_back(' ');
      k.append(fold(i));
    }
    return k;
  }

  std::string_view surface_name(std::size_t tb, std::size_t te) const { return L_.surface(tb, te); }

  // [SECTION] Sentences

  void sentence(std::uint32_t s) {
    const SentenceInfo& S = L_.sentences[s];
    std::size_t i = S.tok_begin;
    if (out_.dateline_end > i && out_.dateline_begin >= i && out_.dateline_begin < S.tok_end) i = out_.dateline_end;
    const std::size_t end = S.tok_end;
    while (i < end) {
      const std::size_t next = step(i, end);
      i = next > i ? next : i + 1;
    }
  }

  // Recognises whatever starts at token i; returns the index after it.
  std::size_t step(std::size_t i, std::size_t end) {
    const TokenInfo& t = toks_[i];
    if (!t.has(kTokWord)) {
      if (is_agency_paren(i)) return i + 3;
      return i + 1;
    }
    // A lexicon name of several words wins over every shorter reading of its first word:
    // "The Hague", "DR Congo" (not "Dr"), "Her Majesty's Treasury" (not "her"), "March 23
    // Movement", "Iranian Students' News Agency".
    const LexMatch long_name = match(i, kNameKinds);
    if (long_name.entry && long_name.len >= 2 && (t.has(kTokUpperInitial) || caps_sentence(i))) {
      const LexMatch np_head = match(i, kHeadKinds | bit(SenseKind::country_adjective));
      if (np_head.len <= long_name.len) {
        const std::size_t run = name_run_end(i, end);
        if (i + long_name.len >= run) return lexicon_name(i, i + long_name.len, long_name);
        return proper_name(i, end);
      }
    }
    // A lexicon name in lower case ("mainland China", "blue helmets", "dpa").
    if (long_name.entry && !t.has(kTokUpperInitial) && !caps_sentence(i) && !pronoun_info(t.key))
      return lower_case_lexicon_name(i, i + long_name.len, long_name);
    // "I-Kiribati": a longer lexicon phrase is no pronoun.
    const bool in_phrase = match(i).len >= 2;
    if (const PronounInfo* p = pronoun_info(toks_[i].key);
        p && !in_phrase && !(t.has(kTokAllCaps) && t.fold_len > 1 && !caps_sentence(i))) {
      if (p->cls != PronounClass::it || !expletive_it(i)) {
        Candidate& c = add(i, i + 1, MentionKind::pronoun, Ref::pronoun, ActorType::person, "rule:pronoun", 0.6f);
        c.pronoun = p->cls;
        c.possessive = p->possessive;
        c.object = fold(i) == "him" || fold(i) == "them" || fold(i) == "us" || fold(i) == "me";
        c.number = p->plural ? Number::plural : Number::singular;
        c.gender = p->cls == PronounClass::he ? Gender::male : p->cls == PronounClass::she ? Gender::female : Gender::unknown;
      }
      return i + 1;
    }
    if (is_determiner(toks_[i].key)) return i + 1;
    if (is_month_or_day(toks_[i].key) && !caps_sentence(i)) return i + 1;
    // Most words start nothing: lower case, no lexicon phrase here and no head noun close enough
    // for a noun phrase to reach it.
    if (!t.has(kTokUpperInitial) && phrase_first_[i] == phrase_first_[i + 1] && next_head_[i] > i + 10 &&
        !is_name_particle(t.key) && !caps_sentence(i) && !(definite_before(i) && org_head(t.key) != OrgHead::none))
      return i + 1;

    // A noun phrase headed by a title, body noun or nominal ("Turkish Foreign Minister",
    // "the Iranian side", "army", "top Azerbaijani diplomat"), possibly before a name.
    NounPhrase np;
    if (parse_noun_phrase(i, end, np)) {
      const std::size_t after = np.head_end;
      // Title (+ more titles) + capitalised name: a person; the title is not a mention.
      if (np.head_kind == SenseKind::title || np.title_chain) {
        std::size_t j = after;
        std::int32_t title_row = np.title_row;
        while (j < end) {
          const LexMatch tm = match(j, bit(SenseKind::title) | bit(SenseKind::honorific));
          if (!tm.entry) break;
          if (const Sense* ts = sense(tm, j, SenseKind::title)) {
            if (title_row < 0 || lex_.titles()[ts->row].rank < lex_.titles()[static_cast<std::size_t>(title_row)].rank)
              title_row = static_cast<std::int32_t>(ts->row);
          }
          j += tm.len;
        }
        if (j < end && name_start(j)) {
          const std::size_t ne = person_name_end(j, end);
          if (ne > j && person_after_title(j, ne)) {
            Candidate& c = add(j, ne, MentionKind::name, Ref::person, ActorType::person, "rule:title+name", 0.9f);
            if (title_row < 0) {
              title_row = -1;
              c.sector = "GOV";
            }
            c.title = title_row;
            c.country = np.country;
            if (title_row >= 0) {
              const TitleEntry& te = lex_.titles()[static_cast<std::size_t>(title_row)];
              c.sector = te.sector;
              c.gender = gender_of(te.gender);
            }
            c.name = surface_name(j, ne);
            c.key = name_key(j, ne);
            apply_given_name_gender(c);
            c.possessor = np.possessor;
            if (np.affiliation >= 0) c.affiliation = np.affiliation;
            return ne;
          }
        }
      }
      // A body or title with a capitalised continuation is part of a longer name ("Iranian
      // Truck Drivers’ Syndicate", "State Department"): handled as a name below.
      if (!(np.capitalised && continues_name(after))) {
        const std::size_t before = out_.candidates.size();
        emit_noun_phrase(np);
        // "[army] troops", "roads [ministry] officials": the people of a body named just before
        // are no mention of their own.
        if (out_.candidates.size() > before && np.head_kind == SenseKind::sector && lower_word(after)) {
          const LexMatch mm = match(after, bit(SenseKind::sector));
          if (const Sense* ms = sense(mm, after, SenseKind::sector); ms && (ms->flags & kSensePlural) &&
                                                                      members_noun(lex_.sectors()[ms->row].noun))
            return after + mm.len;
        }
        return after;
      }
    }

    // "the commission", "the syndicate", "the office": a body named before, by its head word.
    if (lower_word(i) && definite_before(i) &&
        org_head(toks_[i].key) != OrgHead::none && !(i + 1 < end && cap(i + 1)) &&
        !(i + 1 < end && lower_word(i + 1) && common(i + 1) == WordTag::noun)) {
      Candidate& c = add(i, i + 1, MentionKind::nominal, Ref::anaphor,
                         org_head(toks_[i].key) == OrgHead::government ? ActorType::government : ActorType::organization,
                         "rule:definite", 0.55f);
      c.key = std::string(fold(i));
      return i + 1;
    }

    // Honorific + name.
    {
      const LexMatch hm = match(i, bit(SenseKind::honorific));
      if (const Sense* hs = sense(hm, i, SenseKind::honorific); hs && name_start(i + hm.len)) {
        const std::size_t j = i + hm.len;
        const std::size_t ne = person_name_end(j, end);
        if (ne > j) {
          Candidate& c = add(j, ne, MentionKind::name, Ref::person, ActorType::person, "rule:honorific+name", 0.9f);
          c.gender = gender_of(lex_.honorifics()[hs->row].gender);
          c.name = surface_name(j, ne);
          c.key = name_key(j, ne);
          return ne;
        }
      }
    }

    if (plural_demonym(i)) {
      // "Palestinians protested", "Iranians voted": the people of a country, a group.
      if (const std::int32_t row = civilians_row(); row >= 0) {
        const SectorEntry& se = lex_.sectors()[static_cast<std::size_t>(row)];
        Candidate& c = add(i, i + 1, MentionKind::nominal, Ref::body, ActorType::group, "rule:plural-demonym", 0.6f);
        c.sector_row = row;
        c.sector = se.sector;
        c.country = static_cast<std::int32_t>(sense(match(i, bit(SenseKind::country_adjective)), i,
                                                    SenseKind::country_adjective)->row);
        c.number = Number::plural;
        c.noun = se.noun;
        return i + 1;
      }
    }
    if (cap(i) || (particle_start(i) && name_start(i))) return proper_name(i, end);
    if (caps_sentence(i)) return headline_name(i, end);
    return i + 1;
  }

  // [SECTION] Pronouns

  // "it" without a referent: "it is expected", "it was not clear", "it's".
  bool expletive_it(std::size_t i) const {
    if (fold(i) != "it") return false;
    const std::size_t j = i + 1;
    if (j >= toks_.size()) return false;
    const std::string_view n = fold(j);
    if (n == "seems" || n == "seemed" || n == "appears" || n == "appeared" || n == "remains" || n == "remained" ||
        n == "takes" || n == "took")
      return true;
    // "it is unclear", "it was expected that", "it's time": an empty subject before a predicate
    // about a proposition, not "it was concerned".
    if (n == "is" || n == "was" || n == "'s" || n == "would" || n == "will") {
      std::size_t k = j + 1;
      if (k < toks_.size() && (is(k, "be") || is(k, "not") || is(k, "also") || is(k, "still"))) ++k;
      if (k < toks_.size() && (is(k, "be") || is(k, "been"))) ++k;
      if (k >= toks_.size()) return false;
      static constexpr std::string_view kPredicates[] = {
          "clear", "unclear", "likely", "unlikely", "possible", "impossible", "important", "necessary", "expected",
          "believed", "thought", "reported", "known", "unknown", "hard", "difficult", "easy", "time", "too", "the",
          "a", "an", "understood", "estimated", "feared", "hoped", "said", "true", "false", "worth", "up", "over",
          "now", "essential", "vital", "crucial", "urgent", "normal", "rare", "common", "obvious", "evident"};
      const std::string_view p = fold(k);
      for (auto w : kPredicates)
        if (p == w) return true;
    }
    return false;
  }

  // After a capitalised body or title, does a longer name go on? "State Department",
  // "Ministry of Roads and Urban Development", "Iranian Truck Drivers’ Syndicate".
  bool continues_name(std::size_t k) const {
    if (k >= toks_.size()) return false;
    if (cap(k)) return !sense(match(k, kHeadKinds), k, SenseKind::title) && !is_month_or_day(toks_[k].key);
    if ((is(k, "of") || is(k, "for")) && k + 1 < toks_.size()) {
      std::size_t n = k + 1;
      if (is(n, "the") || is(n, "a")) ++n;
      return cap(n) && !starts_title_before_name(n);
    }
    if (glued(k) && ((toks_[k].has(kTokQuote) && !toks_[k].has(kTokWord)) || fold(k) == "'s") && cap(k + 1)) return true;
    return false;
  }

  // Is a name after a title really a person's? Not "General [Elections Commission]" (an
  // organisation), "Official [Journal]" (a common noun), "semi-official [Tasnim] news agency".
  bool person_after_title(std::size_t j, std::size_t ne) const {
    const std::string_view last = fold(ne - 1);
    if (org_head(last) != OrgHead::none || location_head(last) || non_actor_head(last)) return false;
    if (ne - j == 1 && common(j) == WordTag::noun && !name_like_elsewhere(j)) return false;
    if (ne + 1 < toks_.size() && is(ne, "news") && is(ne + 1, "agency")) return false;
    return true;
  }

  // "(dyad)", "(Reuters)": an agency credit in parentheses.
  bool is_agency_paren(std::size_t i) const {
    if (L_.surface(i) != "(" || i + 2 >= toks_.size() || L_.surface(i + 2) != ")") return false;
    if (i > out_.dateline_end) return false;
    return word(i + 1);
  }

  // [SECTION] Noun phrases

  struct NounPhrase {
    std::size_t start = 0;     // first token of the mention span
    std::size_t head_begin = 0, head_end = 0;
    SenseKind head_kind = SenseKind::sector;
    std::uint32_t head_row = 0;
    std::uint8_t head_flags = 0;
    std::int32_t country = -1;
    std::int32_t possessor = -1;   // candidate: "Iran" in "Iran's", "his"
    std::int32_t affiliation = -1;
    std::int32_t title_row = -1;
    std::int32_t quantity = 0;
    bool has_demonym = false;
    std::int32_t country_and = -1;  // "Indian and Pakistani troops": the second demonym's country
    bool capitalised = false;      // every word of the phrase capitalised
    bool title_chain = false;
    bool quantified = false;
    bool generic_title = false;  // a title word no row spells out ("Secretary")
    std::int32_t alt_sector_row = -1;  // the same words as a body noun ("diplomats")
  };

  static std::int32_t number_word(std::string_view f) {
    static constexpr std::array<std::string_view, 11> kNums = {"", "one", "two", "three", "four", "five", "six", "seven",
                                                              "eight", "nine", "ten"};
    for (std::size_t k = 1; k < kNums.size(); ++k)
      if (f == kNums[k]) return static_cast<std::int32_t>(k);
    return 0;
  }

  bool modifier(std::size_t i) const {
    if (!word(i)) return false;
    const std::string_view f = fold(i);
    const std::uint64_t key = toks_[i].key;
    if (is_determiner(key) || pronoun_info(key) || is_stop_modifier(key)) return false;
    const WordTag tag = common(i);
    if (toks_[i].has(kTokUpperInitial) && !caps_sentence(i) && (tag == WordTag::none || name_like_elsewhere(i)))
      return false;
    if (match(i, kNameKinds).entry) return false;
    if (tag == WordTag::adp || tag == WordTag::cconj || tag == WordTag::sconj || tag == WordTag::aux ||
        tag == WordTag::pron || tag == WordTag::det || tag == WordTag::part || tag == WordTag::adv)
      return false;
    const bool participle = f.size() > 3 && (f.substr(f.size() - 2) == "ed" || f.substr(f.size() - 3) == "ing");
    if (tag == WordTag::verb && !participle) return false;
    if (participle && (tag == WordTag::verb || tag == WordTag::none) && i > 0) {
      // "the freed men", "of detained drivers", but not the verb in "Police detained 14 protesters".
      const std::string_view p = fold(i - 1);
      const WordTag pt = word(i - 1) ? common(i - 1) : WordTag::none;
      const bool opens = is_determiner(p) || (pronoun_info(p) && pronoun_info(p)->possessive) || pt == WordTag::adp ||
                         pt == WordTag::adj || pt == WordTag::num || is_digit_token(toks_[i - 1]) || p == "both" ||
                         p == "all" || p == "'s" || (toks_[i - 1].has(kTokQuote) && !toks_[i - 1].has(kTokWord));
      if (!opens) return false;
    }
    return true;
  }

  // A title (lexicon or a title word such as "Secretary") within the next three tokens, then a name.
  bool title_ahead(std::size_t k, std::size_t end) const {
    for (std::size_t j = k; j < end && j < k + 3; ++j) {
      if (!word(j) || !toks_[j].has(kTokUpperInitial)) return false;
      const LexMatch tm = match(j, bit(SenseKind::title));
      if (tm.entry && name_start(j + tm.len)) return true;
      if (gaz_.title_tail(toks_[j].key) != -1 && name_start(j + 1)) return true;
      if (match(j, kNameKinds).entry) return false;
    }
    return false;
  }

  // A capitalised demonym in the plural standing alone ("Palestinians", "Azeris", "Britons"): it
  // ends in "s", its singular is a demonym of the same country, and no noun follows it.
  bool plural_demonym(std::size_t k) const {
    if (!cap(k) || k + 1 > toks_.size()) return false;
    const std::string_view f = fold(k);
    if (f.size() < 5 || f.back() != 's') return false;
    const LexMatch m = match(k, bit(SenseKind::country_adjective));
    const Sense* ds = sense(m, k, SenseKind::country_adjective);
    if (!ds || m.len != 1) return false;
    const Gazetteer::Entry* e = gaz_.find(phrase_key_step(kPhraseSeed, token_key(f.substr(0, f.size() - 1))));
    if (!e) return false;
    bool same_row = false;
    const Sense* ss = gaz_.senses(*e);
    for (std::uint32_t n = 0; n < e->count; ++n)
      same_row |= ss[n].kind == SenseKind::country_adjective && ss[n].row == ds->row;
    if (!same_row) return false;
    return !(k + 1 < toks_.size() && lower_word(k + 1) && common(k + 1) == WordTag::noun);
  }

  // The sectors row of "civilians" (the people of a country), or -1.
  std::int32_t civilians_row() {
    if (civilians_row_ == -2) {
      civilians_row_ = -1;
      const auto& ss = lex_.sectors();
      for (std::size_t r = 0; r < ss.size(); ++r)
        if (ss[r].noun == "civilians") civilians_row_ = static_cast<std::int32_t>(r);
    }
    return civilians_row_;
  }

  // "the", "'s" or "its" right before token i (by key: this runs for most lower-case words).
  bool definite_before(std::size_t i) const {
    static const std::uint64_t kThe = token_key("the"), kS = token_key("'s"), kIts = token_key("its");
    if (i == 0) return false;
    const std::uint64_t k = toks_[i - 1].key;
    return k == kThe || k == kS || k == kIts;
  }

  bool approximator(std::size_t k) const {
    const std::string_view f = fold(k);
    return f == "about" || f == "around" || f == "nearly" || f == "almost" || f == "roughly" ||
           f == "approximately" || f == "some" || f == "over" || f == "than" || f == "least" || f == "estimated" ||
           f == "up";
  }

  bool past_participle(std::size_t k) const {
    const std::string_view f = fold(k);
    if (f == "freed") return true;
    return f.size() > 4 && f.substr(f.size() - 2) == "ed" && common(k) != WordTag::adj && common(k) != WordTag::noun;
  }

  // Nouns for the people of a body: "troops", "officials", "officers", "fighters".
  static bool members_noun(std::string_view noun) {
    return noun == "troops" || noun == "soldiers" || noun == "officials" || noun == "officers" ||
           noun == "fighters" || noun == "personnel" || noun == "members" || noun == "staff";
  }

  bool quantifier_at(std::size_t k) const {
    if (!word(k)) return false;
    const std::string_view f = fold(k);
    return number_word(f) > 0 || f == "several" || f == "both" ||
           (is_digit_token(toks_[k]) && f.find(':') == std::string_view::npos);
  }

  bool parse_noun_phrase(std::size_t i, std::size_t end, NounPhrase& np) const {
    np = NounPhrase{};
    np.start = i;
    std::size_t j = i;
    // Quantifier: both, all, two, 37; "thousands of".
    if (j + 2 < end && word(j) && is(j + 1, "of")) {
      const std::string_view f = fold(j);
      if (f == "thousands" || f == "hundreds" || f == "dozens" || f == "millions" || f == "tens") {
        np.quantified = true;
        j += 2;
      }
    }
    if (j < end && word(j) && !np.quantified) {
      const std::string_view f = fold(j);
      const std::int32_t n = number_word(f);
      if (f == "both" || f == "neither" || f == "all" || n > 0 || f == "several" ||
          (is_digit_token(toks_[j]) && f.find(':') == std::string_view::npos)) {
        np.quantified = true;
        np.quantity = f == "both" || f == "neither" ? 2 : n;
        // "about 40,000 [displaced people]", "at least 23 [civilians]", "more than 300
        // [prisoners]": an approximate number stays outside, with its approximator.
        if ((n > 0 || is_digit_token(toks_[j])) && j > 0 && approximator(j - 1)) np.start = j + 1;
        ++j;
        if (f == "all" && j < end && number_word(fold(j)) > 0) {
          np.quantity = number_word(fold(j));
          ++j;
        }
      }
    }
    // Possessor before the phrase: "Iran's", "his".
    if (i >= 1) {
      const std::int32_t last = out_.candidates.empty() ? -1 : static_cast<std::int32_t>(out_.candidates.size() - 1);
      if (last >= 0) {
        const Candidate& pc = out_.candidates[static_cast<std::size_t>(last)];
        if (pc.te == i && pc.possessive) np.possessor = last;
        if (i >= 1 && toks_[i - 1].has(kTokClitic) && fold(i - 1) == "'s" && pc.te == i - 1) {
          np.possessor = last;
          if (pc.ref == Ref::state || pc.ref == Ref::government) np.country = pc.country;
        }
        if (pc.te + 1 == i && toks_[pc.te].has(kTokQuote) && !toks_[pc.te].has(kTokSpaceBefore)) {
          // plural possessive: "Iran’" rarely; "the drivers’ union"
          np.possessor = last;
        }
      }
    }
    if (!out_.candidates.empty()) {
      const std::int32_t last = static_cast<std::int32_t>(out_.candidates.size() - 1);
      const Candidate& pc = out_.candidates[static_cast<std::size_t>(last)];
      if (pc.te == i && pc.kind != MentionKind::pronoun &&
          (pc.ref == Ref::body || pc.ref == Ref::named_body || pc.ref == Ref::organization || pc.ref == Ref::government))
        np.affiliation = last;
    }
    std::size_t mods = 0;
    bool any = false;
    for (;;) {
      if (j >= end) return false;
      // Hyphenated modifier: "army-backed", "high-level", "Russian-backed" (unless a head noun or
      // title is written with the hyphen: "president-elect", "secretary-general").
      if (word(j) && word_hyphen(j + 1) && j + 2 < end && !toks_[j + 2].has(kTokUpperInitial) &&
          match(j, kHeadKinds).len < 3) {
        if (++mods > 3) return false;
        j += 3;
        continue;
      }
      // A head here?
      const LexMatch hm = match(j, kHeadKinds);
      const bool after_hyphen = j >= 2 && toks_[j - 1].has(kTokHyphen) && !toks_[j - 1].has(kTokDash) && glued(j - 1) &&
                                glued(j) && !(is(j - 2, "ex") || is(j - 2, "vice") || is(j - 2, "co"));
      if (hm.entry && after_hyphen && j == i) return false;
      if (hm.entry) {
        // Prefer a demonym reading of a word that is both ("Iranian" is no head anyway).
        np.head_begin = j;
        np.head_end = j + hm.len;
        const Sense* ns = sense(hm, j, SenseKind::nominal);
        const Sense* ts = sense(hm, j, SenseKind::title);
        const Sense* ss = sense(hm, j, SenseKind::sector);
        const Sense* h = ns ? ns : ts ? ts : ss;
        if (ns && ss) np.alt_sector_row = static_cast<std::int32_t>(ss->row);
        // A title that a sector noun also covers ("leaders"): title if a name follows.
        if (ts && (ns || ss) && !name_start(np.head_end)) h = ns ? ns : ss;
        if (ts && name_start(np.head_end)) h = ts;
        np.head_kind = h->kind;
        np.head_row = h->row;
        np.head_flags = h->flags;
        if (h->kind == SenseKind::title) np.title_row = static_cast<std::int32_t>(h->row);
        // "government troops", "regime forces": the forces of the government, one body.
        if (h->kind == SenseKind::sector && np.head_end < end && lower_word(np.head_end) &&
            is_government_noun(fold_phrase(lex_.sectors()[h->row].noun))) {
          const LexMatch fm = match(np.head_end, bit(SenseKind::sector));
          if (const Sense* fs = sense(fm, np.head_end, SenseKind::sector);
              fs && (lex_.sectors()[fs->row].sector == "MIL" || lex_.sectors()[fs->row].sector == "COP")) {
            np.head_begin = np.head_end;
            np.head_end += fm.len;
            np.head_row = fs->row;
            np.head_flags = fs->flags;
            break;
          }
        }
        // "Finance Cabinet Secretary Faith Chebet Langat": in a capitalised title the body noun
        // is a modifier of the title that follows.
        if (h->kind != SenseKind::title && toks_[j].has(kTokUpperInitial) && np.head_end < end &&
            toks_[np.head_end].has(kTokUpperInitial)) {
          const std::size_t k = np.head_end;
          const LexMatch tm = match(k, bit(SenseKind::title));
          const bool title_next = (tm.entry && name_start(k + tm.len)) ||
                                  (gaz_.title_tail(toks_[k].key) != -1 && name_start(k + 1));
          if (title_next) {
            j = k;
            ++mods;
            continue;
          }
        }
        break;
      }
      // A title no row spells out, before a name: "Cabinet Secretary Faith Chebet Langat".
      if (!hm.entry && word(j) && j > i && name_start(j + 1) && toks_[j].has(kTokUpperInitial)) {
        const std::int32_t tail = gaz_.title_tail(toks_[j].key);
        if (tail != -1) {
          np.head_begin = j;
          np.head_end = j + 1;
          np.head_kind = SenseKind::title;
          np.head_row = tail >= 0 ? static_cast<std::uint32_t>(tail) : 0;
          np.head_flags = 0;
          np.title_row = tail;
          np.generic_title = tail < 0;
          break;
        }
      }
      const LexMatch dm = match(j, bit(SenseKind::country_adjective));
      if (const Sense* ds = sense(dm, j, SenseKind::country_adjective)) {
        // A demonym that is part of a name ("Palestinian Prisoners’ Society") is still taken
        // here; the caller falls back to a name when a capitalised word follows the head.
        if (!toks_[j].has(kTokUpperInitial) && !caps_sentence(j)) return false;
        np.country = static_cast<std::int32_t>(ds->row);
        np.has_demonym = true;
        j += dm.len;
        any = true;
        // "Indian and Pakistani troops": two demonyms before one body noun are two bodies.
        if (j + 1 < end && is(j, "and") && np.country_and < 0) {
          const LexMatch dm2 = match(j + 1, bit(SenseKind::country_adjective));
          if (const Sense* ds2 = sense(dm2, j + 1, SenseKind::country_adjective);
              ds2 && ds2->row != ds->row && cap(j + 1) && match(j + 1 + dm2.len, bit(SenseKind::sector)).entry) {
            np.country_and = static_cast<std::int32_t>(ds2->row);
            j += 1 + dm2.len;
          }
        }
        continue;
      }
      // Hyphenated modifier: "army-backed", "high-level", "Russian-backed".
      if (word(j) && word_hyphen(j + 1) && j + 2 < end) {
        if (++mods > 3) return false;
        j += 3;
        any = true;
        continue;
      }
      // "Interior Cabinet Secretary Hassan Abdi Noor": capitalised words before a title and a name.
      if (word(j) && toks_[j].has(kTokUpperInitial) && !match(j, kNameKinds).entry && title_ahead(j + 1, end) &&
          org_head(toks_[j].key) == OrgHead::none && !name_like_elsewhere(j) && j + 1 < end) {
        if (++mods > 3) return false;
        ++j;
        any = true;
        continue;
      }
      if (modifier(j) && j + 1 < end) {
        // "executing eight civilians", "at least 23 civilians": a word before a number is no
        // modifier of the head; the phrase starts at the number.
        if (quantifier_at(j + 1)) return false;
        // "the freed [prisoners]", "the sanctioned [officials]": a leading past participle says
        // what happened to the group and stays outside; so does a verb after "to" ("to support
        // police").
        if (j == np.start && (past_participle(j) || (j > 0 && is(j - 1, "to") && common(j) != WordTag::adj)))
          return false;
        if (++mods > 3) return false;
        ++j;
        any = true;
        continue;
      }
      return false;
    }
    (void)any;
    // Capitalisation of the whole phrase (demonym + head).
    bool all_cap = true;
    for (std::size_t k = np.start; k < np.head_end; ++k)
      if (word(k) && !toks_[k].has(kTokUpperInitial) && !is_connector_word(toks_[k].key)) all_cap = false;
    np.capitalised = all_cap && !caps_sentence(np.start);
    // "the drivers’ union": a plural body noun + apostrophe + another body noun is one phrase.
    if (np.head_end + 1 < end && toks_[np.head_end].has(kTokQuote) && !toks_[np.head_end].has(kTokSpaceBefore)) {
      const LexMatch more = match(np.head_end + 1, bit(SenseKind::sector));
      if (const Sense* ms = sense(more, np.head_end + 1, SenseKind::sector)) {
        np.head_kind = SenseKind::sector;
        np.head_row = ms->row;
        np.head_flags = ms->flags;
        np.head_begin = np.head_end + 1;
        np.head_end = np.head_end + 1 + more.len;
      }
    }
    return true;
  }

  void emit_noun_phrase(const NounPhrase& np) {
    const std::size_t tb = np.start, te = np.head_end;
    const bool plural = (np.head_flags & kSensePlural) != 0;
    // "close military ties", "a state guest house", "the official rate": the head noun modifies
    // another noun (but "police spokesman": a body before a title is kept).
    if (te < toks_.size() && lower_word(te) && !match(te, kHeadKinds).entry) {
      const WordTag nt = common(te);
      const std::string_view nf = fold(te);
      const bool verbal = nf.size() > 3 && (nf.substr(nf.size() - 2) == "ed" || nf.substr(nf.size() - 3) == "ing");
      const bool noun_next = nt == WordTag::noun || nt == WordTag::adj || (nt == WordTag::none && !verbal && !is_speech_verb(nf));
      if (noun_next) {
        const bool has_mods = np.head_begin > np.start && !np.has_demonym && !np.quantified;
        const bool indefinite = tb > 0 && (is(tb - 1, "a") || is(tb - 1, "an"));
        const bool bare_body = np.head_kind == SenseKind::sector && np.head_begin == np.start && !indefinite &&
                               fold(np.head_begin) != "state";
        if (has_mods || indefinite || !bare_body) return;
        // "[army] snipers": a body before the people it consists of; but "military helicopter",
        // "military ties": an adjective before a thing.
        if (common(np.head_begin) == WordTag::adj && !people_noun(te)) return;
      }
    }
    // "would press", "to court": a verb, not a body.
    if (tb > 0 && word(tb - 1) && (common(tb - 1) == WordTag::aux || is(tb - 1, "to")) && np.head_begin == tb &&
        !np.has_demonym)
      return;
    // Weapons are no actors ("artillery", "drones").
    if (np.head_kind == SenseKind::sector && is_weapon_noun(fold_phrase(lex_.sectors()[np.head_row].noun))) return;
    // "social media": no actor.
    if (np.head_begin > np.start && is(np.head_begin - 1, "social")) return;
    // Bare plural people ("diplomats said"): nobody in particular.
    if (np.head_kind == SenseKind::nominal && (np.head_flags & kSensePlural) && !np.has_demonym && np.possessor < 0 &&
        !np.quantified && lex_.nominals()[np.head_row].role == "person" && !(tb > 0 && is(tb - 1, "the")))
      return;
    // "a third country", "any country": not a specific actor.
    if (tb > 0 && (is(tb - 1, "a") || is(tb - 1, "an") || is(tb - 1, "any") || is(tb - 1, "another") ||
                   is(tb - 1, "no") || is(tb - 1, "every") || is(tb - 1, "each")) &&
        np.head_kind == SenseKind::nominal && !np.has_demonym) {
      const std::string& role = lex_.nominals()[np.head_row].role;
      if (role == "state" || role == "government") return;
    }
    // Listeners, not actors: "told reporters".
    if (np.head_kind == SenseKind::sector && tb > 0 && (is(tb - 1, "told") || is(tb - 1, "to")) &&
        lex_.sectors()[np.head_row].sector == "MED")
      return;
    // A capitalised body noun without a demonym is an official name ("State Department",
    // "National Assembly", "Treasury"); at the start of a sentence a single word is not.
    if (np.capitalised && !np.has_demonym) {
      const LexMatch om = match(tb, bit(SenseKind::organization));
      if (om.entry && tb + om.len == te) {
        lexicon_name(tb, te, om);
        return;
      }
    }
    // One capitalised generic body word ("the Government said", "the Army", "the Bank") is the
    // short descriptive form, written with a capital in some house styles: a nominal like "the
    // government". "the Treasury" is a name.
    const bool generic_word = te - tb == 1 && (org_head(toks_[tb].key) != OrgHead::none || is_government_noun(toks_[tb].key));
    if (np.capitalised && !np.has_demonym && np.head_kind == SenseKind::sector && !generic_word &&
        (te - tb > 1 || !sentence_initial(tb))) {
      const SectorEntry& se = lex_.sectors()[np.head_row];
      Candidate& c = add(tb, te, MentionKind::name, Ref::named_body, actor_type_of(se.type), "rule:named-body", 0.7f);
      c.sector_row = static_cast<std::int32_t>(np.head_row);
      c.sector = se.sector;
      c.country = np.country;
      c.possessor = np.possessor;
      c.name = surface_name(tb, te);
      c.key = name_key(tb, te);
      c.number = Number::singular;
      return;
    }
    switch (np.head_kind) {
      case SenseKind::title: {
        const TitleEntry& t = lex_.titles()[np.head_row];
        Candidate& c = add(tb, te, MentionKind::nominal, plural ? Ref::plural : Ref::role, ActorType::person,
                           "rule:title", 0.6f);
        c.title = static_cast<std::int32_t>(np.head_row);
        c.sector = t.sector;
        c.gender = gender_of(t.gender);
        c.country = np.country;
        c.possessor = np.possessor;
        c.number = plural ? Number::plural : Number::singular;
        c.quantity = np.quantity;
        c.noun = t.title;
        break;
      }
      case SenseKind::nominal: {
        const NominalEntry& n = lex_.nominals()[np.head_row];
        // "neither side", like "both sides", is about two actors.
        const bool pl = n.number == "plural" || (np.quantified && fold(np.start) == "neither");
        // "its diplomats", "Iranian negotiators": people of one actor (its body when the words are
        // a body noun too), not a group of named actors.
        if (pl && n.role == "person" && (np.possessor >= 0 || np.has_demonym) && np.quantity == 0) {
          if (np.possessor < 0 || out_.candidates[static_cast<std::size_t>(np.possessor)].number != Number::plural) {
            if (np.alt_sector_row < 0) return;
            NounPhrase body = np;
            body.head_kind = SenseKind::sector;
            body.head_row = static_cast<std::uint32_t>(np.alt_sector_row);
            emit_noun_phrase(body);
            return;
          }
        }
        Ref ref = Ref::role;
        ActorType type = ActorType::person;
        if (n.role == "state") {
          ref = Ref::state;
          type = ActorType::state;
        } else if (n.role == "government") {
          ref = Ref::government;
          type = ActorType::government;
        } else if (n.role == "organization" || (n.role == "group" && !pl)) {
          // "the bloc", "the group": only ever an actor named before.
          if (np.has_demonym || np.possessor >= 0) return;
          Candidate& c = add(tb, te, MentionKind::nominal, Ref::anaphor,
                             n.role == "group" ? ActorType::group : ActorType::organization, "rule:nominal", 0.6f);
          c.nominal = static_cast<std::int32_t>(np.head_row);
          c.sector = n.sector;
          c.key = fold_phrase(n.noun);
          return;
        } else if (n.role == "group") {
          ref = Ref::body;
          type = ActorType::group;
        }
        // Indefinite bare person nouns ("a diplomat familiar with ...") are not specific.
        if (ref == Ref::role && tb > 0 && (is(tb - 1, "a") || is(tb - 1, "an")) && !np.has_demonym &&
            !apposition_follows(te) && !apposition_precedes(tb))
          return;
        if (ref == Ref::role && !np.has_demonym && np.possessor < 0 && n.role == "person" && !pl && tb > 0 &&
            !is(tb - 1, "the") && !is(tb - 1, "a") && !is(tb - 1, "an") && !apposition_follows(te))
          return;
        Candidate& c = add(tb, te, MentionKind::nominal, pl ? Ref::plural : ref, type, "rule:nominal", 0.6f);
        c.nominal = static_cast<std::int32_t>(np.head_row);
        c.sector = n.sector;
        c.counterpart = n.role == "counterpart";
        c.country = np.country;
        c.possessor = np.possessor;
        c.number = pl || n.number == "collective" ? Number::plural : Number::singular;
        c.quantity = np.quantity;
        c.noun = n.noun;
        if (pl) c.type = type;
        // "the two sides" stays plural even when the noun's role is a state.
        if (pl) c.ref = Ref::plural;
        if (pl && ref == Ref::state) c.type = ActorType::state;
        break;
      }
      case SenseKind::sector: {
        const SectorEntry& se = lex_.sectors()[np.head_row];
        if (se.sector == "MED" && fold_contains(se.noun, "agency")) return;  // cited news agencies
        // "North Darfur state", "Hormozgan province": a body noun right after a place name.
        if (tb > 0 && tb == np.head_begin && cap(tb - 1) && !np.has_demonym && lower_word(tb) &&
            !is_determiner(toks_[tb - 1].key) && common(tb - 1) == WordTag::none)
          return;
        const bool gov = se.sector == "GOV" && is_government_noun(fold_phrase(se.noun));
        // "both governments", "the two armies": several actors named before.
        const bool group_of_actors = plural && !np.has_demonym &&
                                     (np.quantity >= 2 || (np.quantified && fold(np.start) == "both")) &&
                                     se.type != "GROUP";
        Candidate& c = add(tb, te, MentionKind::nominal,
                           group_of_actors ? Ref::plural : gov ? Ref::government : Ref::body, actor_type_of(se.type),
                           "rule:body", 0.65f);
        c.sector_row = static_cast<std::int32_t>(np.head_row);
        c.sector = se.sector;
        c.country = np.country;
        c.country_and = np.country_and;
        c.possessor = np.possessor;
        c.number = plural ? Number::plural : Number::singular;
        c.quantity = np.quantity;
        c.noun = se.noun;
        if (np.has_demonym) c.rule = "rule:demonym+body";
        break;
      }
      default:
        break;
    }
  }

  // A plural noun for people ("snipers", "officials", "commanders", "servicemen").
  bool people_noun(std::size_t k) const {
    if (!lower_word(k)) return false;
    const std::string_view f = fold(k);
    static constexpr std::string_view kEndings[] = {"ers", "ors", "ists", "ians", "ants", "ents", "men", "ees", "ives"};
    for (auto e : kEndings)
      if (f.size() > e.size() + 2 && f.substr(f.size() - e.size()) == e) return true;
    return f == "staff" || f == "personnel" || f == "units" || f == "chiefs" || f == "police";
  }

  static ActorType actor_type_of(std::string_view t) {
    if (t == "GROUP") return ActorType::group;
    if (t == "ORGANIZATION") return ActorType::organization;
    if (t == "STATE") return ActorType::state;
    if (t == "PERSON") return ActorType::person;
    if (t == "LOCATION") return ActorType::location;
    return ActorType::government;
  }

  static bool fold_contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }
  static std::string fold_phrase(std::string_view s) { return detail::fold(s); }

  // "Elnur Hasanli, a researcher": a name, a comma and an article before the description.
  bool apposition_precedes(std::size_t tb) const {
    if (tb < 3 || L_.surface(tb - 2) != "," || out_.candidates.empty()) return false;
    const Candidate& last = out_.candidates.back();
    return last.te == tb - 2 && last.kind == MentionKind::name && (last.ref == Ref::person || last.uncertain_type);
  }

  bool apposition_follows(std::size_t te) const {
    return te + 1 < toks_.size() && L_.surface(te) == "," && cap(te + 1) && toks_[te + 1].sentence == toks_[te].sentence;
  }

  // [SECTION] Names

  bool particle_start(std::size_t i) const { return word(i) && !toks_[i].has(kTokUpperInitial) && is_name_particle(toks_[i].key); }

  // Can a person's name start at token i?
  bool name_start(std::size_t i) const {
    if (i >= toks_.size()) return false;
    if (particle_start(i)) {
      std::size_t j = i;
      while (j < toks_.size() && (particle_start(j) || (toks_[j].has(kTokHyphen) && glued(j)))) ++j;
      return cap(j) && toks_[j].sentence == toks_[i].sentence;
    }
    if (!cap(i) && !(word(i) && caps_sentence(i))) return false;
    const std::string_view f = fold(i);
    if (is_month_or_day(f) || is_determiner(f) || pronoun_info(f)) return false;
    const WordTag tag = common(i);
    if (tag == WordTag::adp || tag == WordTag::cconj || tag == WordTag::det || tag == WordTag::aux ||
        tag == WordTag::sconj || tag == WordTag::pron || tag == WordTag::verb)
      return false;
    return true;
  }

  // End of a person's name starting at j: capitalised words, particles, hyphen-joined parts,
  // initials.
  std::size_t person_name_end(std::size_t j, std::size_t end) const {
    std::size_t k = j, last = j;
    while (k < end) {
      if (cap(k) || (word(k) && caps_sentence(k) && k == j)) {
        if (k > j && is_month_or_day(toks_[k].key)) break;
        if (k > j && starts_title_before_name(k)) break;
        last = ++k;
        continue;
      }
      if (toks_[k].has(kTokInitial) && k > j) {
        last = ++k;
        continue;
      }
      if (particle_start(k)) {
        ++k;
        continue;
      }
      if (toks_[k].has(kTokHyphen) && !toks_[k].has(kTokDash) && glued(k) && glued(k + 1) && k > j &&
          (cap(k + 1) || particle_start(k + 1))) {
        ++k;
        continue;
      }
      break;
    }
    return last;
  }

  bool starts_title_before_name(std::size_t k) const {
    const LexMatch m = match(k, bit(SenseKind::title) | bit(SenseKind::honorific));
    if (!m.entry) return false;
    return name_start(k + m.len);
  }

  // A capitalised sequence starting at i: lexicon names, organisations, people, places.
  std::size_t proper_name(std::size_t i, std::size_t end) {
    const LexMatch lm = match(i, kNameKinds);
    // A demonym is no name ("Turkish coast", "Filipino sailors") unless a longer name starts
    // with it ("Palestinian Prisoners’ Society").
    if (!lm.entry && place_word(i) && !(cap(i + 1) && continues_name(i + 1))) return i + 1;
    std::size_t run_end = name_run_end(i, end);
    if (run_end <= i) return i + 1;
    // "U.S. Treasury Department", "U.S. State Department": the country, then the body.
    {
      const LexMatch cm = match(i, bit(SenseKind::country), run_end - i - 1);
      if (cm.entry && i + cm.len < run_end) {
        const LexMatch om = match(i + cm.len, bit(SenseKind::organization));
        if (om.entry && i + cm.len + om.len == run_end) {
          lexicon_name(i, i + cm.len, cm);
          return lexicon_name(i + cm.len, run_end, om);
        }
      }
    }
    const bool particle_name = is_name_particle(toks_[i].key) && (particle_start(i + 1) || cap(i + 1));

    // At the start of a sentence a common word is no name ("Analysts said", "Trade between"),
    // unless the word is a name elsewhere in the text or a longer name needs it.
    if (!lm.entry && sentence_initial(i) && !particle_start(i) && !particle_name && !name_like_elsewhere(i)) {
      bool given = false;
      given_name_gender(i, &given);
      const bool ordinary = common(i) != WordTag::none || lowercase_elsewhere(i) || english_shape(i);
      if (ordinary && !given) {
        const std::size_t words = count_words(i, run_end);
        const bool org_like = has_head_word(i, run_end) || has_connector(i, run_end);
        const WordTag tag = common(i);
        // "Innocent Bisengimana": an adjective or noun before an unknown name is a given name.
        const bool given_like = words == 2 && (tag == WordTag::adj || tag == WordTag::noun) && !place_word(i + 1) &&
                                common(i + 1) == WordTag::none && !match(i + 1, kNameKinds).entry &&
                                !lowercase_elsewhere(i + 1) && !english_shape(i + 1);
        // "Leaders of the East African Community": the common word is not part of the name.
        const bool of_next = i + 1 < end && (is(i + 1, "of") || is(i + 1, "for"));
        if (words == 1 || of_next || (!org_like && !given_like)) return i + 1;
      }
    }

    if (lm.entry && i + lm.len >= run_end) return lexicon_name(i, i + lm.len, lm);
    if (lm.entry) return unknown_name(i, run_end, &lm);
    return unknown_name(i, run_end, nullptr);
  }

  bool has_head_word(std::size_t tb, std::size_t te) const {
    for (std::size_t k = tb; k < te; ++k)
      if (word(k) && (org_head(toks_[k].key) != OrgHead::none || location_head(toks_[k].key))) return true;
    return false;
  }
  bool has_connector(std::size_t tb, std::size_t te) const {
    for (std::size_t k = tb; k < te; ++k)
      if (is(k, "of") || is(k, "for") || is(k, "and")) return true;
    return false;
  }

  // End of a run of capitalised words with the connectors names contain.
  std::size_t name_run_end(std::size_t i, std::size_t end) const {
    std::size_t k = i, last = i;
    bool saw_connector = false, saw_head = false;
    const bool person_like = [&] {
      bool given = false;
      given_name_gender(i, &given);
      return given;
    }();
    while (k < end) {
      // A given name written with a hyphen ("Jae-in", "Ing-wen").
      if (cap(k)) {
        const LexMatch gm = match(k, bit(SenseKind::given_name));
        if (gm.entry && gm.len > 1) {
          last = k = k + gm.len;
          continue;
        }
      }
      if (cap(k) || (k == i && particle_start(k))) {
        if (k > i && is_month_or_day(toks_[k].key)) break;
        if (k > i && starts_title_before_name(k) && !saw_connector) break;
        if (org_head(toks_[k].key) != OrgHead::none) saw_head = true;
        last = ++k;
        continue;
      }
      if (toks_[k].has(kTokInitial) && k > i && cap(k + 1)) {
        last = ++k;
        continue;
      }
      if (toks_[k].has(kTokAbbrev) && toks_[k].has(kTokAllCaps) && k == i) {
        last = ++k;
        continue;
      }
      if (particle_start(k) && name_start(k)) {
        ++k;
        continue;
      }
      // Hyphen inside a name ("Amir-Abdollahian", "PDI-P", "al-Burhan"), but not between two
      // place names ("Tehran-Baku").
      if (k > i && toks_[k].has(kTokHyphen) && !toks_[k].has(kTokDash) && glued(k) && glued(k + 1) &&
          (cap(k + 1) || particle_start(k + 1) || (word(k + 1) && toks_[k + 1].has(kTokAllCaps)))) {
        if (place_word(k - 1) || place_word(k + 1) || match(k + 1, kNameKinds).entry) break;
        ++k;
        continue;
      }
      // "of", "for" (+ "the"/"a") inside organisation and place names.
      if (k > i && !person_like && (is(k, "of") || is(k, "for")) && last == k) {
        std::size_t n = k + 1;
        if (n < end && (is(n, "the") || is(n, "a"))) ++n;
        if (n < end && cap(n) && !starts_title_before_name(n) && (saw_head || of_joins(k - 1))) {
          saw_connector = true;
          k = n;
          continue;
        }
        break;
      }
      // "and" / "&" inside an organisation name after "of"/"for" ("Ministry of Roads and Urban
      // Development").
      if (k > i && (is(k, "and") || L_.surface(k) == "&") && last == k && cap(k + 1) &&
          (saw_connector || L_.surface(k) == "&") && !match(k + 1, kNameKinds).entry) {
        ++k;
        continue;
      }
      // "Drivers’ Syndicate", "People's Unity Alliance": a common plural or noun + apostrophe.
      const bool plural_before = k > i && fold(k - 1).size() > 3 && fold(k - 1).back() == 's';
      if (k > i && last == k && cap(k + 1) && glued(k) &&
          ((toks_[k].has(kTokQuote) && !toks_[k].has(kTokWord) && (plural_before || common(k - 1) != WordTag::none)) ||
           (toks_[k].has(kTokClitic) && fold(k) == "'s" && common(k - 1) != WordTag::none)) &&
          !place_word(k - 1) && !match(k - 1, kNameKinds).entry) {
        ++k;
        continue;
      }
      break;
    }
    return last;
  }

  // A word on the left of "of" that makes "X of Y" one name: an organisation or place head, or a
  // common noun ("Line of Control", "Liberation of Rwanda").
  bool of_joins(std::size_t k) const {
    const std::string_view f = fold(k);
    if (org_head(f) != OrgHead::none || location_head(f)) return true;
    if (place_word(k) || match(k, kNameKinds).entry) return false;
    const WordTag tag = common(k);
    return tag == WordTag::noun || tag == WordTag::adj || english_shape(k);
  }

  // A token that alone is a country, capital or demonym.
  bool place_word(std::size_t k) const {
    if (!word(k)) return false;
    const LexMatch m = match(k, bit(SenseKind::country) | bit(SenseKind::capital) | bit(SenseKind::country_adjective));
    return m.entry && m.len == 1;
  }

  // The capitalised start of a lexicon phrase that goes on in lower case ("M23 rebels", "U.N.
  // human rights office", "UN nuclear watchdog"): names are capitalised words only.
  std::size_t capitalised_prefix(std::size_t tb, std::size_t te) const {
    std::size_t k = tb;
    // Connectors and particles ("Petróleos de Venezuela") stay inside when a capital follows.
    auto inner = [&](std::size_t t) { return is_connector_word(toks_[t].key) || is_name_particle(toks_[t].key); };
    while (k < te && (!word(k) || toks_[k].has(kTokUpperInitial) || toks_[k].has(kTokDigit) || inner(k) ||
                      fold(k).find('\'') != std::string_view::npos))
      ++k;
    while (k > tb && (!word(k - 1) || inner(k - 1))) --k;
    return k;
  }

  std::size_t lexicon_name(std::size_t tb, std::size_t te, const LexMatch& m) {
    const Sense* org = sense(m, tb, SenseKind::organization);
    const Sense* country = sense(m, tb, SenseKind::country);
    const Sense* capital = sense(m, tb, SenseKind::capital);
    // A given name followed by a surname beats a country/capital reading ("Chad Smith").
    bool given = false;
    given_name_gender(tb, &given);
    if (given && te - tb == 1 && cap(te) && !place_word(te) && !match(te, kNameKinds).entry && !org)
      return unknown_name(tb, name_run_end(tb, toks_.size()), nullptr);
    // A capital that is also an organisation's alias ("Brussels" for the EU) names the
    // organisation, except where the city is meant ("talks in Brussels").
    if (org && capital && capital_as_place(tb, te)) org = nullptr;
    if (org) {
      const OrganizationEntry& o = lex_.organizations()[org->row];
      if (o.sector == "MED" && cited_media(tb, te)) return te;
      // A descriptive alias: the name is its capitalised start, the rest a description.
      const std::size_t pe = caps_sentence(tb) ? te : capitalised_prefix(tb, te);
      if (pe > tb && pe < te) {
        const LexMatch pm = match(tb, kNameKinds, pe - tb);
        if (!pm.entry || tb + pm.len != pe) {
          // "M23 rebels": the capitalised start names the same organisation.
          add_organization(tb, pe, MentionKind::name, org->row, 0.85f);
          return te;
        }
        if (pm.entry && tb + pm.len == pe) {
          lexicon_name(tb, pe, pm);
          const Sense* ps = sense(pm, tb, SenseKind::organization);
          if (!(ps && ps->row == org->row)) add_organization(pe, te, MentionKind::nominal, org->row, 0.7f);
          return te;
        }
      }
      add_organization(tb, te, MentionKind::name, org->row, 0.9f);
      return te;
    }
    if (country) {
      Candidate& c = add(tb, te, MentionKind::name, Ref::state, ActorType::state, "lexicon:countries", 0.95f);
      c.country = static_cast<std::int32_t>(country->row);
      c.name = lex_.countries()[country->row].name;
      c.key = name_key(tb, te);
      return te;
    }
    if (capital) {
      const bool place = capital_as_place(tb, te);
      Candidate& c = add(tb, te, MentionKind::name, place ? Ref::location : Ref::government,
                         place ? ActorType::location : ActorType::government, "lexicon:countries", place ? 0.8f : 0.75f);
      c.country = static_cast<std::int32_t>(capital->row);
      c.capital_metonym = !place;
      c.sector = place ? "" : "GOV";
      c.name = surface_name(tb, te);
      c.key = name_key(tb, te);
      return te;
    }
    if (const Sense* place = sense(m, tb, SenseKind::place)) {
      const PlaceEntry& p = lex_.places()[place->row];
      // "Caribbean nations", "the Arctic ice": a place name used as an adjective.
      if (te - tb == 1 && adjectival_use(tb, te)) return te;
      Candidate& c = add(tb, te, MentionKind::name, Ref::location, ActorType::location, "lexicon:places", 0.85f);
      if (!p.country.empty()) c.country = country_index(p.country);
      c.name = surface_name(tb, te);
      c.key = name_key(tb, te);
      return te;
    }
    return unknown_name(tb, te, nullptr);
  }

  // A news outlet only cited as a source ("Tasnim news agency reported", "told Reuters",
  // "according to state news agency IRNA"), not one that acts or is acted on.
  bool cited_media(std::size_t tb, std::size_t te) const {
    auto outlet_word = [&](std::size_t k) {
      const std::string_view f = fold(k);
      return f == "news" || f == "agency" || f == "newspaper" || f == "daily" || f == "broadcaster" ||
             f == "television" || f == "channel" || f == "outlet" || f == "website" || f == "state" || f == "media" ||
             f == "semi-official" || f == "official" || f == "state-run" || f == "," || f == "(" || f == ")";
    };
    std::size_t k = te;
    while (k < toks_.size() && k < te + 4 && outlet_word(k)) ++k;
    if (k < toks_.size()) {
      const std::string_view f = fold(k);
      if (f == "reported" || f == "reports" || f == "said" || f == "says" || f == "quoted" || f == "cited" ||
          f == "wrote" || f == "carried" || f == "published" || f == "broadcast" || f == "showed" || f == "aired")
        return true;
    }
    std::size_t b = tb;
    while (b > 0 && b + 4 > tb && (outlet_word(b - 1) || is_determiner(toks_[b - 1].key))) --b;
    if (b > 0) {
      const std::string_view f = fold(b - 1);
      if (f == "told" || f == "to" || f == "citing" || f == "via" || f == "by" || f == "on" || f == "in") {
        if (f != "to" || (b >= 2 && fold(b - 2) == "according") || (b >= 2 && fold(b - 2) == "told")) return true;
        if (f == "by" || f == "on" || f == "in" || f == "told" || f == "citing" || f == "via") return f != "by" || b >= 2;
      }
    }
    return false;
  }

  // A lexicon phrase starting in lower case: with a capitalised word it is a name ("mainland
  // China"), otherwise a description of that actor ("blue helmets", "the UN nuclear watchdog").
  std::size_t lower_case_lexicon_name(std::size_t tb, std::size_t te, const LexMatch& m) {
    bool any_cap = false;
    for (std::size_t k = tb; k < te; ++k) any_cap |= cap(k);
    if (any_cap) return lexicon_name(tb, te, m);
    const Sense* org = sense(m, tb, SenseKind::organization);
    const Sense* country = sense(m, tb, SenseKind::country);
    if (org) {
      const OrganizationEntry& o = lex_.organizations()[org->row];
      if (o.sector == "MED" && cited_media(tb, te)) return te;
      add_organization(tb, te, MentionKind::nominal, org->row, 0.7f);
      return te;
    }
    if (country) {
      Candidate& c = add(tb, te, MentionKind::nominal, Ref::state, ActorType::state, "lexicon:countries", 0.7f);
      c.country = static_cast<std::int32_t>(country->row);
      c.name = lex_.countries()[country->row].name;
      return te;
    }
    return tb + 1;
  }

  // A mention of the organisation in row `row` of organizations.tsv; a NAME keeps its folded words.
  Candidate& add_organization(std::size_t tb, std::size_t te, MentionKind kind, std::uint32_t row, float confidence) {
    const OrganizationEntry& o = lex_.organizations()[row];
    Candidate& c = add(tb, te, kind, Ref::organization, actor_type_of(o.type), "lexicon:organizations", confidence);
    c.org = static_cast<std::int32_t>(row);
    c.sector = o.sector;
    c.name = o.name;
    if (kind == MentionKind::name) c.key = name_key(tb, te);
    if (!o.country.empty()) c.country = country_index(o.country);
    return c;
  }

  std::int32_t country_index(std::string_view iso3) const {
    const auto& cs = lex_.countries();
    for (std::size_t k = 0; k < cs.size(); ++k)
      if (cs[k].iso3 == iso3) return static_cast<std::int32_t>(k);
    return -1;
  }

  // A capital after "in", "to", "from" ... or before a place noun is the city, not the state.
  bool capital_as_place(std::size_t tb, std::size_t te) const {
    // "Tehran-Baku ties", "the Ankara-Athens talks": a pair of capitals stands for governments.
    if (te + 1 < toks_.size() && toks_[te].has(kTokHyphen) && glued(te) && glued(te + 1) && place_word(te + 1))
      return false;
    if (tb >= 2 && toks_[tb - 1].has(kTokHyphen) && glued(tb - 1) && glued(tb) && place_word(tb - 2)) return false;
    if (tb > 0 && is_locative_preposition(toks_[tb - 1].key)) return true;
    // "cities like Beijing", "capitals such as Riga", "the capital Belgrade", "the capital,
    // Belgrade", "fewer lines than Madrid": named as a city.
    if (tb > 0 && (is(tb - 1, "like") || is(tb - 1, "including") || is(tb - 1, "than") || is(tb - 1, "capital") ||
                   is(tb - 1, "reached") || is(tb - 1, "entered") || is(tb - 1, "left") || is(tb - 1, "toured")))
      return true;
    if (tb > 1 && ((is(tb - 1, "as") && is(tb - 2, "such")) || (L_.surface(tb - 1) == "," && is(tb - 2, "capital"))))
      return true;
    // "the Pyongyang Metro": a capital naming something in the city.
    if (te < toks_.size() && cap(te) && !place_word(te) && !match(te, kNameKinds | kHeadKinds).entry &&
        toks_[te].sentence == toks_[tb].sentence)
      return true;
    // "London's landmark South Bank Tower", "Bangkok's tallest building": a possessive of the
    // city's features, not of a government's acts.
    if (te + 1 < toks_.size() && fold(te) == "'s" && word(te + 1)) {
      const std::string_view n = fold(te + 1);
      if ((n.size() > 4 && n.substr(n.size() - 3) == "est") || n == "landmark" || n == "historic" || n == "old" ||
          n == "famous" || n == "private" || n == "streets" || n == "mayor" || n == "residents" || n == "airport" ||
          n == "skyline" || n == "metro" || n == "subway" || n == "population" || n == "suburbs" || n == "downtown")
        return true;
    }
    if (tb > 1 && is(tb - 1, "the") && is(tb - 2, "in")) return true;
    if (te < toks_.size() && lower_word(te) && is_place_noun(toks_[te].key)) return true;
    if (tb > 1 && (is(tb - 1, "of") && (is(tb - 2, "city") || is(tb - 2, "capital") || is(tb - 2, "streets"))))
      return true;
    return false;
  }

  void apply_given_name_gender(Candidate& c) const {
    if (c.gender != Gender::unknown) return;
    bool given = false;
    const Gender g = given_name_gender(c.tb, &given);
    if (given) c.gender = g;
  }

  // The head word that types a name: its last word, or the word before its first "of"/"for"
  // ("Ministry of Roads and Urban Development", "Office for the Coordination of ...").
  std::string_view type_word(std::size_t tb, std::size_t te) const {
    const std::string_view last = fold(te - 1);
    if (org_head(last) != OrgHead::none || location_head(last)) return last;
    for (std::size_t k = tb + 1; k < te; ++k)
      if ((is(k, "of") || is(k, "for")) && word(k - 1)) return fold(k - 1);
    for (std::size_t k = te; k-- > tb;)
      if (word(k) && org_head(toks_[k].key) != OrgHead::none) return fold(k);
    return last;
  }

  // A capitalised word modifying the noun after it ("the Caspian shore", "Catholic priests"), not
  // after a preposition ("near Kutum last month") and not before a verb or a place noun.
  bool adjectival_use(std::size_t tb, std::size_t te) const {
    const bool after_preposition = tb > 0 && word(tb - 1) && common(tb - 1) == WordTag::adp;
    if (after_preposition || te >= toks_.size() || !lower_word(te) || is_place_noun(toks_[te].key) ||
        is_speech_verb(toks_[te].key))
      return false;
    const WordTag nt = common(te);
    const std::string_view nf = fold(te);
    const bool past = nf.size() > 3 && nf.substr(nf.size() - 2) == "ed";
    return nt == WordTag::noun || nt == WordTag::adj || (nt == WordTag::none && !past);
  }

  // [SECTION] The name-type model

  void add_feature(std::string_view prefix, std::string_view value, std::array<float, 3>& score) {
    feat_.assign(prefix);
    feat_.append(value);
    if (const auto* ll = gaz_.name_feature(token_key(feat_)))
      for (std::size_t k = 0; k < 3; ++k) score[k] += (*ll)[k];
  }

  // Probabilities that the name [tb, te) is a person, an organisation, a place, from its words,
  // its last word's ending and the words around it (tools/extract/name_features.py defines the
  // same features). All three are 1/3 when the model is empty.
  std::array<float, 3> name_type(std::size_t tb, std::size_t te) {
    std::array<float, 3> score = gaz_.name_type_prior();
    if (!gaz_.has_name_model()) return {1.f / 3, 1.f / 3, 1.f / 3};
    std::size_t n = 0, first = te, last = te;
    for (std::size_t k = tb; k < te; ++k) {
      if (!toks_[k].has(kTokWord)) continue;
      add_feature("w=", fold(k), score);
      if (first == te) first = k;
      last = k;
      ++n;
    }
    if (n == 0) return {1.f / 3, 1.f / 3, 1.f / 3};
    add_feature("f=", fold(first), score);
    const std::string_view lw = fold(last);
    add_feature("l=", lw, score);
    bool ascii = true;
    for (char ch : lw) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii && lw.size() >= 4) add_feature("s3=", lw.substr(lw.size() - 3), score);
    if (ascii && lw.size() >= 3) add_feature("s2=", lw.substr(lw.size() - 2), score);
    const std::uint32_t s = toks_[tb].sentence;
    const std::size_t sb = std::max<std::size_t>(L_.sentences[s].tok_begin, out_.dateline_end > L_.sentences[s].tok_begin &&
                                                                                    out_.dateline_begin >= L_.sentences[s].tok_begin
                                                                                ? out_.dateline_end
                                                                                : 0);
    add_feature("p=", tb > sb ? fold(tb - 1) : std::string_view("<s>"), score);
    add_feature("n=", te < L_.sentences[s].tok_end ? fold(te) : std::string_view("</s>"), score);
    const char len[2] = {static_cast<char>('0' + std::min<std::size_t>(n, 4)), 0};
    add_feature("len=", len, score);
    std::size_t letters = 0;
    for (char ch : L_.surface(first)) letters += (ch >= 'A' && ch <= 'Z') ? 1 : 0;
    if (n == 1 && toks_[first].has(kTokAllCaps) && letters >= 2) add_feature("caps", "", score);
    const float m = std::max(score[0], std::max(score[1], score[2]));
    float z = 0.f;
    for (auto& v : score) z += (v = std::exp(v - m));
    for (auto& v : score) v /= z;
    return score;
  }

  // The plural of a common English word ("hospitals", "celebrities", "sixties").
  bool common_plural(std::size_t k) const {
    const std::string_view f = fold(k);
    if (f.size() < 4 || f.back() != 's' || f[f.size() - 2] == 's') return false;
    auto is_common = [&](const std::string& w) { return w.size() >= 4 && gaz_.common_word(token_key(w)) == WordTag::noun; };
    if (is_common(std::string(f.substr(0, f.size() - 1)))) return true;
    if (f.size() > 4 && f.substr(f.size() - 3) == "ies" && is_common(std::string(f.substr(0, f.size() - 3)) + "y")) return true;
    if (f.size() > 4 && f.substr(f.size() - 2) == "es" && is_common(std::string(f.substr(0, f.size() - 2)))) return true;
    return false;
  }

  bool has_non_actor_head(std::size_t tb, std::size_t te) const {
    for (std::size_t k = tb; k < te; ++k)
      if (word(k) && k > tb && non_actor_head(toks_[k].key)) return true;
    return false;
  }

  // A name no lexicon knows: a person, organisation or place by its shape and context.
  std::size_t unknown_name(std::size_t tb, std::size_t te, const LexMatch* starts_with) {
    // Cited news agency: "agency Belta", "told Reuters".
    if (tb > 0 && (is(tb - 1, "agency") || is(tb - 1, "newspaper") || is(tb - 1, "daily") || is(tb - 1, "broadcaster")))
      return te;
    if (te + 1 < toks_.size() && is(te, "news") && is(te + 1, "agency")) return te;
    const std::string_view tw = type_word(tb, te);
    const OrgHead head = org_head(tw);
    // Treaties, wars, laws, events are not actors ("Aachen Treaty", "World War Two").
    if (non_actor_head(tw) || (head == OrgHead::none && has_non_actor_head(tb, te))) return te;
    const bool place_head = location_head(tw);
    const std::size_t words = count_words(tb, te);
    bool given = false;
    const Gender g = given_name_gender(tb, &given);
    std::size_t letters = 0;
    for (char ch : fold(tb)) letters += (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ? 1 : 0;
    const bool acronym = words == 1 && toks_[tb].has(kTokAllCaps) && letters >= 2;

    if (starts_with && starts_with->entry) {
      const Sense* cs = sense(*starts_with, tb, SenseKind::country);
      const Sense* os = sense(*starts_with, tb, SenseKind::organization);
      const Sense* ca = sense(*starts_with, tb, SenseKind::capital);
      const std::size_t rest = tb + starts_with->len;
      // "U.S. Treasury Department": the country, then an organisation the lexicon knows.
      if (cs || ca) {
        const LexMatch rm = match(rest, bit(SenseKind::organization));
        if (rm.entry && rest + rm.len == te) {
          lexicon_name(tb, rest, *starts_with);
          return lexicon_name(rest, te, rm);
        }
      }
      const bool one_name = head != OrgHead::none || place_head;
      if (!one_name || (os && place_word(te - 1) && head == OrgHead::none)) {
        // "Iran President" or two names side by side: the lexicon name alone.
        if (!os || !(place_word(te - 1) && words > 2)) return lexicon_name(tb, rest, *starts_with);
      }
      Candidate& c = add(tb, te, MentionKind::name, head == OrgHead::government ? Ref::named_body : Ref::organization,
                         head == OrgHead::government ? ActorType::government : ActorType::organization,
                         "rule:capitalised+head", 0.7f);
      if (cs) c.country = static_cast<std::int32_t>(cs->row);
      if (os) {
        const OrganizationEntry& o = lex_.organizations()[os->row];
        if (!o.country.empty()) c.country = country_index(o.country);
        if (c.ref == Ref::organization) c.sector = o.sector;
      }
      if (head == OrgHead::group) c.type = ActorType::group;
      if (place_head && head == OrgHead::none) {
        c.ref = Ref::location;
        c.type = ActorType::location;
      }
      c.name = surface_name(tb, te);
      c.key = name_key(tb, te);
      if (c.ref == Ref::named_body) c.sector = head_sector(tw);
      return te;
    }

    const bool known_name = name_like_elsewhere(tb) || given;
    // "North", "Western" alone are directions, not names ("the North–South corridor").
    if (words == 1 && is_compass_word(toks_[tb].key)) return te;
    // A lone initial is no name ("on X."), nor is the plural of an acronym ("MLAs", "GIFs").
    if (words == 1 && toks_[tb].has(kTokInitial)) return te;
    if (words == 1 && te == tb + 1 && acronym_plural(L_.surface(tb))) return te;
    // Adjectival use of an unknown word: "the Caspian shore", "Catholic priests".
    if (words == 1 && !known_name && !acronym && adjectival_use(tb, te)) return te;
    // "Hospitals", "Celebrities": the plural of an English word.
    if (words == 1 && !known_name && !acronym && common_plural(tb)) return te;
    // "Afterwards," "Furthermore," at the start of a sentence.
    if (words == 1 && !known_name && sentence_initial(tb) && te < toks_.size() && L_.surface(te) == ",") return te;
    if (words == 1 && !acronym && !known_name && sentence_initial(tb) &&
        (common(tb) != WordTag::none || lowercase_elsewhere(tb) || english_shape(tb)))
      return te;

    Ref ref = Ref::person;
    ActorType type = ActorType::person;
    const char* rule = "rule:capitalised";
    float conf = 0.6f;
    bool uncertain = false;
    if (head != OrgHead::none) {
      ref = head == OrgHead::government ? Ref::named_body : Ref::organization;
      type = head == OrgHead::government ? ActorType::government : ActorType::organization;
      if (head == OrgHead::group) type = ActorType::group;
      rule = "rule:capitalised+head";
      conf = 0.7f;
    } else if (place_head || (te < toks_.size() && lower_word(te) && is_place_noun(toks_[te].key))) {
      ref = Ref::location;
      type = ActorType::location;
      rule = "rule:capitalised+place";
      conf = 0.7f;
    } else if (given) {
      rule = "rule:given-name";
      conf = 0.8f;
    } else if (acronym) {
      ref = Ref::organization;
      type = ActorType::organization;
      rule = "rule:acronym";
      conf = 0.55f;
      uncertain = true;
    } else if (tb > 1 && is(tb - 1, "of") && is_compass_word(toks_[tb - 2].key)) {
      // "south of Crete", "east of Pinga".
      ref = Ref::location;
      type = ActorType::location;
      rule = "rule:capitalised+place";
      conf = 0.7f;
    } else if (tb > 0 && is_locative_preposition(toks_[tb - 1].key)) {
      ref = Ref::location;
      type = ActorType::location;
      rule = "rule:capitalised+preposition";
      conf = 0.6f;
      uncertain = words == 1;
    } else if (words >= 2) {
      rule = "rule:capitalised";
      conf = 0.6f;
    } else {
      uncertain = true;
      conf = 0.5f;
    }
    // The rules above without strong evidence (a default, a preposition, an acronym): let the
    // name-type model decide when it is confident.
    if (rule == std::string_view("rule:capitalised") || rule == std::string_view("rule:acronym") ||
        rule == std::string_view("rule:capitalised+preposition")) {
      const auto p = name_type(tb, te);
      const std::size_t best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
      const float needed = rule == std::string_view("rule:capitalised") ? 0.7f : 0.6f;
      if (p[best] >= needed) {
        static constexpr Ref kRefs[] = {Ref::person, Ref::organization, Ref::location};
        static constexpr ActorType kTypes[] = {ActorType::person, ActorType::organization, ActorType::location};
        // A name that says something or is said to ("Obama mocked", "said Duffy") is no place.
        const bool speaker = (te < toks_.size() && (is_speech_verb(toks_[te].key) || agent_verb(te))) ||
                             (tb > 0 && is_speech_verb(toks_[tb - 1].key));
        if (kRefs[best] != ref && !(speaker && best == 2)) {
          ref = kRefs[best];
          type = kTypes[best];
          rule = "rule:capitalised+model";
        }
        conf = std::min(0.8f, 0.4f + 0.4f * p[best]);
      }
    }
    Candidate& c = add(tb, te, MentionKind::name, ref, type, rule, conf);
    c.uncertain_type = uncertain;
    c.given_name = given && words == 1;
    c.name = surface_name(tb, te);
    c.key = name_key(tb, te);
    if (ref == Ref::person) c.gender = g;
    if (ref == Ref::named_body) c.sector = head_sector(tw);
    return te;
  }

  // A verb right after a name makes the name its subject, an agent ("Obama mocked", "Duffy
  // denies"); places do not act, except capitals, which the lexicon knows.
  bool agent_verb(std::size_t k) const {
    if (!lower_word(k) || toks_[k].sentence != toks_[k - 1].sentence) return false;
    const WordTag tag = common(k);
    if (tag == WordTag::verb || tag == WordTag::aux) return !is(k, "to") && !is(k, "be");
    const std::string_view f = fold(k);
    return tag == WordTag::none && f.size() > 4 && f.substr(f.size() - 2) == "ed";
  }

  static bool acronym_plural(std::string_view w) {
    if (w.size() < 3 || w.back() != 's') return false;
    for (std::size_t k = 0; k + 1 < w.size(); ++k)
      if (w[k] < 'A' || w[k] > 'Z') return false;
    return true;
  }

  std::size_t count_words(std::size_t tb, std::size_t te) const {
    std::size_t n = 0;
    for (std::size_t k = tb; k < te; ++k)
      if (word(k) && (k == tb || toks_[k].has(kTokSpaceBefore))) ++n;
    return n;
  }

  // In a headline in capitals only lexicon names are taken.
  std::size_t headline_name(std::size_t i, std::size_t /*end*/) {
    const LexMatch lm = match(i, kNameKinds);
    if (!lm.entry) return i + 1;
    return lexicon_name(i, i + lm.len, lm);
  }

  // [SECTION] Links between candidates

  // "his Iranian counterpart, Abbas Araghchi," / "Elnur Hasanli, a researcher" / "Rapid Support
  // Forces (RSF)" / "an adviser to the RSF, Mohamed Osman Karrar".
  void link_appositions() {
    auto& cs = out_.candidates;
    for (std::size_t b = 1; b < cs.size(); ++b) {
      Candidate& B = cs[b];
      if (B.kind == MentionKind::pronoun) continue;
      std::size_t a = b - 1;
      while (a > 0 && cs[a].kind == MentionKind::pronoun && cs[a].te == cs[a + 1].tb) --a;
      Candidate& A = cs[a];
      if (A.kind == MentionKind::pronoun || A.sentence != B.sentence) continue;
      // Tokens between A and B.
      std::size_t k = A.te;
      const bool paren = k < B.tb && L_.surface(k) == "(" && B.te < toks_.size() && L_.surface(B.te) == ")";
      if (paren && k + 1 == B.tb && B.kind == MentionKind::name && A.kind == MentionKind::name) {
        B.same_as = static_cast<std::int32_t>(a);
        continue;
      }
      if (k >= B.tb || L_.surface(k) != ",") continue;
      ++k;
      while (k < B.tb && (is_determiner(toks_[k].key) || (pronoun_info(toks_[k].key) && pronoun_info(toks_[k].key)->possessive))) ++k;
      if (k != B.tb) continue;
      const bool a_person = A.kind == MentionKind::name && (A.ref == Ref::person || A.uncertain_type);
      const bool b_person = B.kind == MentionKind::name && (B.ref == Ref::person || B.uncertain_type);
      const bool a_role = A.kind == MentionKind::nominal && A.ref == Ref::role;
      const bool b_role = B.kind == MentionKind::nominal && B.ref == Ref::role;
      // The apposition must be closed: a comma, the sentence end, or a verb after it.
      const std::size_t after = B.te;
      const bool closed = after >= toks_.size() || toks_[after].sentence != B.sentence || L_.surface(after) == "," ||
                          toks_[after].has(kTokTerminal) || is_speech_verb(toks_[after].key) ||
                          (a_person && b_role);
      if ((a_role && b_person) || (a_person && b_role)) {
        if (!closed) continue;
        B.same_as = static_cast<std::int32_t>(a);
        if (b_person) make_person(B);
        if (a_person) make_person(A);
      } else if (A.kind == MentionKind::name && B.kind == MentionKind::nominal &&
                 (A.ref == Ref::organization || A.ref == Ref::named_body) &&
                 (B.ref == Ref::body || B.ref == Ref::government)) {
        B.same_as = static_cast<std::int32_t>(a);
      }
    }
    // "A spokesman for Iran's judiciary, Hamid Rezaei": role, preposition, names and
    // descriptions, comma, name.
    for (std::size_t b = 2; b < cs.size(); ++b) {
      Candidate& B = cs[b];
      if (B.kind != MentionKind::name || (B.ref != Ref::person && !B.uncertain_type) || B.same_as >= 0) continue;
      if (B.tb < 1 || L_.surface(B.tb - 1) != ",") continue;
      for (std::size_t a = b - 1; a-- > 0 && b - a <= 5;) {
        Candidate& A = cs[a];
        if (A.sentence != B.sentence) break;
        if (A.kind != MentionKind::nominal || A.ref != Ref::role) continue;
        std::size_t k = A.te;
        if (k >= B.tb || !(is(k, "to") || is(k, "of") || is(k, "for") || is(k, "at") || is(k, "with"))) break;
        // Everything between is candidates, determiners and possessive 's.
        bool ok = true;
        std::size_t t = k + 1;
        std::size_t next = a + 1;
        while (t < B.tb - 1 && ok) {
          if (next < b && cs[next].tb == t) {
            t = cs[next].te;
            ++next;
          } else if (is_determiner(toks_[t].key) || fold(t) == "'s" || toks_[t].has(kTokQuote)) {
            ++t;
          } else {
            ok = false;
          }
        }
        if (ok && t == B.tb - 1) {
          B.same_as = static_cast<std::int32_t>(a);
          if (next > a + 1 && A.affiliation < 0) A.affiliation = static_cast<std::int32_t>(next - 1);
          make_person(B);
        }
        break;
      }
    }
    // "Dmitry Peskov, the Kremlin's spokesman,": name, comma, possessor, role.
    for (std::size_t b = 2; b < cs.size(); ++b) {
      Candidate& B = cs[b];
      const Candidate& P = cs[b - 1];
      Candidate& A = cs[b - 2];
      if (B.kind != MentionKind::nominal || B.ref != Ref::role || B.same_as >= 0) continue;
      if (B.possessor != static_cast<std::int32_t>(b - 1) || P.kind == MentionKind::pronoun) continue;
      if (A.kind != MentionKind::name || (A.ref != Ref::person && !A.uncertain_type) || A.sentence != B.sentence) continue;
      std::size_t k = A.te;
      if (k >= P.tb || L_.surface(k) != ",") continue;
      ++k;
      while (k < P.tb && is_determiner(toks_[k].key)) ++k;
      const bool closed = B.te >= toks_.size() || L_.surface(B.te) == "," || toks_[B.te].has(kTokTerminal);
      if (k != P.tb || !closed) continue;
      B.same_as = static_cast<std::int32_t>(b - 2);
      if (P.ref == Ref::organization || P.ref == Ref::named_body || P.ref == Ref::government || P.ref == Ref::body)
        B.affiliation = static_cast<std::int32_t>(b - 1);
      make_person(A);
    }
    // "an adviser to the RSF, Mohamed Osman Karrar": role, preposition, organisation, name.
    for (std::size_t b = 2; b < cs.size(); ++b) {
      Candidate& B = cs[b];
      Candidate& C = cs[b - 1];
      Candidate& A = cs[b - 2];
      if (B.kind != MentionKind::name || B.ref != Ref::person || B.same_as >= 0) continue;
      if (A.kind != MentionKind::nominal || A.ref != Ref::role || A.sentence != B.sentence) continue;
      if (C.kind != MentionKind::name) continue;
      std::size_t k = A.te;
      if (k >= C.tb || !(is(k, "to") || is(k, "of") || is(k, "for") || is(k, "at"))) continue;
      ++k;
      if (k < C.tb && is(k, "the")) ++k;
      if (k != C.tb || C.te >= B.tb || L_.surface(C.te) != "," || C.te + 1 != B.tb) continue;
      B.same_as = static_cast<std::int32_t>(b - 2);
      A.affiliation = static_cast<std::int32_t>(b - 1);
    }
  }

  // A name of unknown kind that an apposition shows to be a person's.
  static void make_person(Candidate& c) {
    if (!c.uncertain_type) return;
    c.ref = Ref::person;
    c.type = ActorType::person;
    c.uncertain_type = false;
  }

  static bool strongly_located(const Candidate& c) {
    return c.kind == MentionKind::name && !weakly_typed(c) && c.ref == Ref::location;
  }
  static bool strongly_person(const Candidate& c) {
    const std::string_view r = c.rule;
    return c.kind == MentionKind::name && c.ref == Ref::person &&
           (r == "rule:title+name" || r == "rule:honorific+name" || r == "rule:given-name");
  }

  // "Nairobi, Mombasa and Kisumu", "Kamchatka and Sakhalin": names of unknown kind coordinated
  // with places are places; coordinated with people they are people. Conflicting evidence
  // changes nothing.
  void type_by_coordination(const Coordination& co) {
    auto& cs = out_.candidates;
    bool place = false, person = false;
    for (std::int32_t m : co.candidates) {
      place |= strongly_located(cs[static_cast<std::size_t>(m)]);
      person |= strongly_person(cs[static_cast<std::size_t>(m)]);
    }
    if (place == person) return;
    for (std::int32_t m : co.candidates) {
      Candidate& c = cs[static_cast<std::size_t>(m)];
      if (!weakly_typed(c) || count_words(c.tb, c.te) > 3) continue;
      c.ref = place ? Ref::location : Ref::person;
      c.type = place ? ActorType::location : ActorType::person;
      c.uncertain_type = false;
      c.rule = "rule:capitalised+coordination";
    }
  }

  // "Azerbaijan and Iran", "the army and the RSF", "Poland, Latvia and Lithuania".
  void find_coordinations() {
    auto& cs = out_.candidates;
    std::size_t a = 0;
    while (a < cs.size()) {
      if (cs[a].kind == MentionKind::pronoun) {
        ++a;
        continue;
      }
      Coordination co;
      co.sentence = cs[a].sentence;
      co.candidates.push_back(static_cast<std::int32_t>(a));
      std::size_t b = a + 1;
      while (b < cs.size()) {
        const Candidate& P = cs[co.candidates.back()];
        const Candidate& N = cs[b];
        if (N.sentence != P.sentence || N.kind == MentionKind::pronoun) break;
        std::size_t k = P.te;
        bool ok = false;
        if (k < N.tb && (L_.surface(k) == "," || is(k, "and") || is(k, "or"))) {
          const bool comma = L_.surface(k) == ",";
          ++k;
          if (comma && k < N.tb && is(k, "and")) ++k;
          while (k < N.tb && is_determiner(toks_[k].key)) ++k;
          ok = k == N.tb;
        }
        if (!ok) break;
        co.candidates.push_back(static_cast<std::int32_t>(b));
        ++b;
      }
      // A list needs "and" before its last member.
      if (co.candidates.size() >= 2) {
        const Candidate& last = cs[co.candidates.back()];
        bool has_and = false;
        for (std::size_t k = cs[co.candidates[co.candidates.size() - 2]].te; k < last.tb; ++k) has_and |= is(k, "and");
        if (has_and) {
          type_by_coordination(co);
          out_.coordinations.push_back(std::move(co));
        }
        a = b;
      } else {
        ++a;
      }
    }
  }

  // Who said each quotation: "..., X said", "... said X", "X said: “...".
  void find_speakers() {
    auto& cs = out_.candidates;
    for (auto& q : out_.quotations) {
      std::int32_t best = -1;
      // After the closing quote, in the same sentence or the next one.
      const std::size_t close = q.te;
      if (close < toks_.size()) {
        const std::uint32_t s = toks_[close].sentence;
        std::size_t limit = close + 12;
        const auto first = std::upper_bound(cs.begin(), cs.end(), close,
                                            [](std::size_t t, const Candidate& C) { return t < C.tb; });
        for (std::size_t c = static_cast<std::size_t>(first - cs.begin()); c < cs.size() && best < 0; ++c) {
          const Candidate& C = cs[c];
          if (C.tb > limit) break;
          if (C.sentence != s && C.sentence != s + 1) continue;
          if (C.in_quote) continue;
          // "X said" / "said X"
          const bool before_verb = C.te < toks_.size() && (is_speech_verb(toks_[C.te].key) ||
                                                           (C.te + 1 < toks_.size() && is_speech_verb(toks_[C.te + 1].key)));
          const bool after_verb = C.tb > 0 && is_speech_verb(toks_[C.tb - 1].key);
          if (before_verb || after_verb) best = static_cast<std::int32_t>(c);
        }
      }
      // Before the opening quote: "X said: “..."
      if (best < 0 && q.tb >= 2) {
        const std::size_t open = q.tb - 1;
        const auto after_open = std::upper_bound(cs.begin(), cs.end(), open,
                                                 [](std::size_t t, const Candidate& C) { return t < C.tb; });
        for (std::size_t c = static_cast<std::size_t>(after_open - cs.begin()); c-- > 0;) {
          const Candidate& C = cs[c];
          if (C.te > open) continue;
          if (C.sentence != toks_[open].sentence) break;
          bool verb = false;
          for (std::size_t k = C.te; k < open && k < C.te + 3; ++k) verb |= is_speech_verb(toks_[k].key);
          if (verb) best = static_cast<std::int32_t>(c);
          break;
        }
      }
      q.speaker = best;
    }
    // A quotation without attribution continues the previous speaker's (same paragraph).
    for (std::size_t k = 1; k < out_.quotations.size(); ++k) {
      auto& q = out_.quotations[k];
      if (q.speaker >= 0) continue;
      const auto& p = out_.quotations[k - 1];
      if (p.speaker >= 0 && q.tb >= 1 && !toks_[q.tb - 1].has(kTokParagraphBefore)) q.speaker = p.speaker;
    }
  }

  // The first actor mention of each sentence (and after a clause break) is its subject.
  void mark_subjects() {
    auto& cs = out_.candidates;
    std::uint32_t sent = static_cast<std::uint32_t>(-1);
    for (auto& c : cs) {
      if (c.sentence != sent) {
        sent = c.sentence;
        c.subject = true;
      }
    }
  }

  const TextLayer& L_;
  const Lexicons& lex_;
  const Gazetteer& gaz_;
  Detection& out_;
  const std::vector<TokenInfo>& toks_;
  FlatMap<std::uint8_t> lower_seen_;
  FlatMap<std::uint8_t> cap_seen_;
  std::size_t quote_cursor_ = 0;
  std::string feat_;  // scratch for name-type features
  std::vector<LexMatch> phrases_;           // all lexicon phrases, by start token
  std::vector<std::uint32_t> phrase_first_; // token -> first index into phrases_
  std::vector<std::uint32_t> next_head_;    // token -> nearest token where a head noun starts
  std::int32_t civilians_row_ = -2;         // civilians_row(), once looked up (-2: not yet)
};

}  // namespace

void detect_mentions(const TextLayer& text, const Lexicons& lex, Detection& out) { Detector(text, lex, out).run(); }

}  // namespace dyad::detail
