#pragma once
// Compiled relation patterns: a word table (surface form -> lemmas, verb forms, cue classes),
// the patterns indexed by their trigger lemma, and time cues. Built by relations_tables.cpp from
// the TSV files in core/data (docs/patterns.md); read by the matcher in relations.cpp.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/document.hpp"
#include "dyad/relations.hpp"

namespace dyad::detail {

// [SECTION] Cue classes (relation_cues.tsv), one bit each
enum CueBit : std::uint32_t {
  kCueDet = 1u << 0,         // a, the, this ...
  kCuePossDet = 1u << 1,     // his, its, their ...
  kCuePrep = 1u << 2,        // in, on, with ...
  kCueConj = 1u << 3,        // and, or, but
  kCueBe = 1u << 4,          // is, was, been ...
  kCueHave = 1u << 5,        // has, had ...
  kCueDo = 1u << 6,          // did, does ...
  kCueModalPlan = 1u << 7,   // will, shall
  kCueModalHypo = 1u << 8,   // could, might, may
  kCueWould = 1u << 9,       // would
  kCueNeg = 1u << 10,        // not, never
  kCueAdv = 1u << 11,        // adverbs skipped inside a verb group
  kCueSubord = 1u << 12,     // after, while, because ...
  kCueRel = 1u << 13,        // who, which
  kCueReport = 1u << 14,     // say, tell, according ...
  kCueCond = 1u << 15,       // if, unless
  kCuePlan = 1u << 16,       // plan to, expected to ... (planned)
  kCueIntent = 1u << 17,     // ready to, willing to ... (intent: AGREE)
  kCueNegCtrl = 1u << 18,    // fail to, unable to (negated)
  kCueTransparent = 1u << 19,// begin to, continue to ... (asserted)
  kCueBlock = 1u << 20,      // deny V-ing: the embedded event is not asserted at all
  kCueQuant = 1u << 21,      // at least, about, dozens ...
  kCueVerb = 1u << 22,       // other frequent verbs: clause boundaries
  kCueTitle = 1u << 23,      // president, minister ... (skippable before a name)
  kCuePron = 1u << 24,       // personal pronouns that are not possessive determiners
  kCueCont = 1u << 25,       // continuation of a multi-word cue (the first word carries the class)
  kCueHypo = 1u << 26,       // possibly, potentially: the event is hypothetical
  kCueOblige = 1u << 27,     // must, should: "X said Y must ..." is X's demand on Y
  kCueHead = 1u << 28,       // leaders, members, officials ...: "leaders of X" stands for X
  kCueUltimatum = 1u << 29,  // unless: "X will V unless Y ..." is X's threat to Y
};

// Classes whose words are never inflected and never stand for a pattern's open-class word.
inline constexpr std::uint32_t kClosedClass = kCueDet | kCuePossDet | kCuePrep | kCueConj | kCueBe | kCueHave | kCueDo |
                                              kCueModalPlan | kCueModalHypo | kCueWould | kCueNeg | kCueSubord |
                                              kCueRel | kCuePron;

// Function words the matcher asks for by name (SurfaceInfo::word), compared as small codes.
enum class Word : std::uint8_t { none, and_, or_, by, of, to, that, what, as, according, get };
inline constexpr const char* kWordTexts[] = {"", "and", "or", "by", "of", "to", "that", "what", "as", "according", "get"};

// Verb and noun forms of a lemma a surface form can be.
enum FormBit : std::uint8_t {
  kFormBase = 1u << 0,
  kForm3sg = 1u << 1,  // also noun plural
  kFormPast = 1u << 2,
  kFormPart = 1u << 3,
  kFormGer = 1u << 4,
};

struct LemmaForm {
  std::uint32_t lemma = 0;
  std::uint8_t forms = 0;
};

// What a lowercased token can be.
struct SurfaceInfo {
  std::uint32_t cues = 0;
  std::uint32_t first = 0;   // into RelationTables::lemma_forms
  std::uint16_t count = 0;
  std::uint32_t anchors_first = 0;  // into RelationTables::anchor_patterns: patterns triggered here
  std::uint16_t anchors_count = 0;
  bool phrase_start = false;  // first word of a multi-word cue
  std::uint32_t phrase_list = 0;  // into RelationTables::cue_phrases_by_first, when phrase_start
  std::uint32_t time_word = 0xffffffffu;  // id in RelationTables::time_words, if a time cue word
  std::uint8_t time_classes = 0;          // bit per time class (weekday, month) it belongs to
  Word word = Word::none;                 // one of the function words above
};

// Open-addressing hash map from a string to an index, looked up with string_view (no allocation).
class StringIndex {
 public:
  // Index of `key`, inserting `value_if_new` when absent. Returns the stored value.
  std::uint32_t insert(std::string_view key, std::uint32_t value_if_new);
  // Stored value, or kNone.
  std::uint32_t find(std::string_view key) const;
  // The same with the key's hash already known (token_key of the folded form).
  std::uint32_t find(std::string_view key, std::uint64_t hash) const;
  std::size_t size() const { return count_; }
  static constexpr std::uint32_t kNone = 0xffffffffu;

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0 = empty
    std::uint32_t value = kNone;
  };
  static std::uint64_t hash_of(std::string_view s);  // detail::token_key
  void grow();
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
  // One bit per hash value's top 17 bits: most words of a text are in no table, and this 16 KiB
  // filter says so without touching the slots.
  static constexpr int kFilterBits = 17;
  std::vector<std::uint64_t> filter_ = std::vector<std::uint64_t>((1u << kFilterBits) / 64, 0);
};

// [SECTION] Patterns
enum class ElemKind : std::uint8_t { word, src, tgt, pair, poss, gap };

struct PatternElem {
  ElemKind kind = ElemKind::word;
  bool optional = false;
  std::uint32_t alt_first = 0;  // into RelationTables::alternatives (lemma ids)
  std::uint16_t alt_count = 0;
  std::uint64_t alt_mask = 0;   // bit (lemma % 64) of each alternative: a quick "no"
};

// How a pattern combines with an event embedded after it ("agreed to meet", "urged X to free Y").
enum class Wrap : std::uint8_t { none, intent, refuse, threat, request };

enum PatternFlag : std::uint32_t {
  kFlagSym = 1u << 0,        // symmetric: "X and Y met" is one relation X -> Y
  kFlagMutual = 1u << 1,     // mutual hostilities: one relation each way
  kFlagPlace = 1u << 2,      // the target may be a LOCATION actor ("visited Baku", "shelled Kharkiv")
  kFlagNoPassive = 1u << 3,  // never read in the passive voice
  kFlagPlanned = 1u << 4,    // the pattern itself states intent/plan ("is to visit")
  kFlagNegated = 1u << 5,    // the pattern itself is negative ("failed to reach agreement")
  kFlagNoSubject = 1u << 6,  // a SRC before the verb must be adjacent (no clause search)
  kFlagContext = 1u << 7,    // no target slot: the parties of the event before it in the sentence
                             // ("swapped prisoners in a deal brokered by the UAE")
  kFlagSeek = 1u << 8,       // no target slot: the first actor later in the clause ("rioted ... to
                             // demand the resignation of President X")
};

struct Pattern {
  std::string rule;     // provenance: "pattern:<table>:<id>"
  std::string type;     // PLOVER
  std::string cameo;
  Quad quad = Quad::verbal_cooperation;
  std::vector<PatternElem> elems;
  int trigger = 0;      // index of the trigger element (a word)
  int verb = -1;        // element index of the verb after a clause-subject slot, or -1
  int next_word = -1;   // a required word right after the trigger (no gap), checked first
  int prev_word = -1;   // a required word right before the trigger (no gap)
  std::uint32_t flags = 0;
  Wrap wrap = Wrap::none;
  int specificity = 0;  // more matched words and slots = more specific
  std::size_t row = 0;  // into rows
};

struct RelationTables {
  StringIndex surfaces;                  // lowercased form -> index into surface_info
  std::vector<SurfaceInfo> surface_info;
  std::vector<LemmaForm> lemma_forms;
  StringIndex lemmas;                    // lemma -> lemma id
  std::vector<std::uint32_t> alternatives;
  std::vector<Pattern> patterns;
  std::vector<std::uint32_t> anchor_patterns;  // grouped per surface
  std::vector<RelationPatternRow> rows;
  std::uint32_t and_lemma = StringIndex::kNone;  // "between SRC and TGT"

  // Multi-word cues ("according to", "at least"): first word surface -> phrases.
  struct CuePhrase {
    std::vector<std::string> words;
    std::uint32_t cues = 0;
  };
  std::vector<CuePhrase> cue_phrases;
  std::vector<std::vector<std::uint32_t>> cue_phrases_by_first;  // phrases of one first word

  // Time cues: each phrase a sequence of literal word ids (time_words) or classes.
  struct TimeToken {
    std::uint32_t word = StringIndex::kNone;  // literal word id, or kNone for a class
    std::uint8_t cls = 0;                     // kTimeWeekday ... when word is kNone
  };
  std::vector<std::vector<TimeToken>> time_cues;
  // Phrases by their first token: by literal word id, and by class (index 1..4).
  std::vector<std::vector<std::uint32_t>> time_by_word;
  std::vector<std::uint32_t> time_by_class[5];
  StringIndex time_words;    // literal word -> id
  StringIndex time_classes;  // word -> kTimeWeekday / kTimeMonth
  static constexpr std::uint8_t kTimeWeekday = 1;
  static constexpr std::uint8_t kTimeMonth = 2;
  static constexpr std::uint8_t kTimeYear = 3;  // 1900-2099
  static constexpr std::uint8_t kTimeDay = 4;   // 1-31

  const SurfaceInfo* lookup(std::string_view folded) const {
    const std::uint32_t i = surfaces.find(folded);
    return i == StringIndex::kNone ? nullptr : &surface_info[i];
  }
  const SurfaceInfo* lookup(std::string_view folded, std::uint64_t key) const {
    const std::uint32_t i = surfaces.find(folded, key);
    return i == StringIndex::kNone ? nullptr : &surface_info[i];
  }
};

// Inflected forms of an English lemma (regular rules; irregular pasts come from the table).
struct InflectedForm {
  std::string text;
  std::uint8_t forms = 0;
};
void regular_forms(std::string_view lemma, std::vector<InflectedForm>& out);

}  // namespace dyad::detail
