// Loading and compiling the relation pattern tables (core/data/*.tsv, docs/patterns.md).
#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "dyad/relations.hpp"
#include "internal/embedded_data.hpp"
#include "internal/relations_tables.hpp"
#include "internal/text_layer.hpp"

namespace dyad {
namespace detail {

// [SECTION] StringIndex

// The text layer's token key, so a token's precomputed key finds it directly.
std::uint64_t StringIndex::hash_of(std::string_view s) { return token_key(s); }

// Keys are told apart by their 64-bit hash alone (as the text layer's gazetteer does): a
// lookup touches the filter and one slot, never the key text.
void StringIndex::grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.hash == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots_[i].hash != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::uint32_t StringIndex::insert(std::string_view key, std::uint32_t value_if_new) {
  const std::uint64_t h = hash_of(key);
  const std::uint32_t found = find(key, h);
  if (found != kNone) return found;
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].hash != 0) i = (i + 1) & mask;
  slots_[i] = Slot{h, value_if_new};
  ++count_;
  const std::uint64_t bit = h >> (64 - kFilterBits);
  filter_[bit / 64] |= 1ull << (bit % 64);
  return value_if_new;
}

std::uint32_t StringIndex::find(std::string_view key) const { return find(key, hash_of(key)); }

std::uint32_t StringIndex::find(std::string_view, std::uint64_t h) const {
  if (slots_.empty()) return kNone;
  const std::uint64_t bit = h >> (64 - kFilterBits);
  if ((filter_[bit / 64] & (1ull << (bit % 64))) == 0) return kNone;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask; slots_[i].hash != 0; i = (i + 1) & mask)
    if (slots_[i].hash == h) return slots_[i].value;
  return kNone;
}

// [SECTION] Inflection

namespace {

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

int syllables(std::string_view w) {
  int n = 0;
  bool prev = false;
  for (char c : w) {
    const bool v = is_vowel(c) || c == 'y';
    if (v && !prev) ++n;
    prev = v;
  }
  return n;
}

// consonant-vowel-consonant ending whose last consonant may double: ban -> banned.
bool cvc_ending(std::string_view w) {
  if (w.size() < 3) return false;
  const char a = w[w.size() - 3], b = w[w.size() - 2], c = w[w.size() - 1];
  return !is_vowel(a) && is_vowel(b) && !is_vowel(c) && c != 'w' && c != 'x' && c != 'y';
}

}  // namespace

void regular_forms(std::string_view lemma, std::vector<InflectedForm>& out) {
  const std::string w(lemma);
  out.push_back({w, kFormBase});
  if (w.empty()) return;
  const char last = w.back();
  const bool ends_consonant_y = w.size() >= 2 && last == 'y' && !is_vowel(w[w.size() - 2]);
  // -s: 3rd person singular and noun plural
  std::string s;
  if (ends_consonant_y) s = w.substr(0, w.size() - 1) + "ies";
  else if (last == 's' || last == 'x' || last == 'z' || (w.size() >= 2 && (w.compare(w.size() - 2, 2, "ch") == 0 ||
                                                                            w.compare(w.size() - 2, 2, "sh") == 0)))
    s = w + "es";
  else if (last == 'o' && w.size() >= 2 && !is_vowel(w[w.size() - 2])) s = w + "es";
  else s = w + "s";
  out.push_back({s, kForm3sg});
  // -ed and -ing, with consonant doubling for one-syllable CVC words (ban, plan) and both
  // spellings for longer ones (commit -> committed, visit -> visited).
  const bool cvc = cvc_ending(w);
  const int syl = syllables(w);
  std::vector<std::string> stems;
  if (cvc && syl == 1) stems.push_back(w + last);
  else if (cvc) {
    stems.push_back(w);
    stems.push_back(w + last);
  } else stems.push_back(w);
  for (const std::string& st : stems) {
    std::string ed;
    if (ends_consonant_y) ed = w.substr(0, w.size() - 1) + "ied";
    else if (last == 'e') ed = w + "d";
    else ed = st + "ed";
    out.push_back({ed, static_cast<std::uint8_t>(kFormPast | kFormPart)});
    std::string ing;
    if (w.size() >= 2 && w.compare(w.size() - 2, 2, "ie") == 0) ing = w.substr(0, w.size() - 2) + "ying";
    else if (last == 'e' && w.size() >= 2 && w[w.size() - 2] != 'e' && w[w.size() - 2] != 'y' && w[w.size() - 2] != 'o')
      ing = w.substr(0, w.size() - 1) + "ing";
    else ing = st + "ing";
    out.push_back({ing, kFormGer});
  }
}

// [SECTION] TSV reading

namespace {

struct TsvRow {
  std::vector<std::string_view> cells;
  std::int64_t line = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void add_diag(std::vector<Diagnostic>* diags, const std::string& source, std::int64_t line, std::string code,
              std::string message) {
  if (!diags) return;
  Diagnostic d;
  d.severity = Severity::error;
  d.code = std::move(code);
  d.message = std::move(message);
  d.source = source;
  d.line = line;
  diags->push_back(std::move(d));
}

// Splits a TSV text into rows (comments '#' and blank lines skipped) after checking the header.
std::vector<TsvRow> read_tsv(std::string_view text, const std::string& source,
                             const std::vector<std::string_view>& header, std::vector<Diagnostic>* diags) {
  std::vector<TsvRow> rows;
  std::int64_t line_no = 0;
  bool have_header = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    TsvRow row;
    row.line = line_no;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      row.cells.push_back(trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (!have_header) {
      have_header = true;
      bool ok = row.cells.size() >= header.size();
      for (std::size_t i = 0; ok && i < header.size(); ++i) ok = row.cells[i] == header[i];
      if (!ok) {
        std::string want;
        for (auto h : header) want += (want.empty() ? "" : "\\t") + std::string(h);
        add_diag(diags, source, line_no, "tsv.header", "the header row must start with: " + want);
        return rows;
      }
    } else {
      if (row.cells.size() < header.size()) {
        // Trailing empty optional cells may be omitted.
        row.cells.resize(header.size());
      }
      rows.push_back(std::move(row));
    }
    if (nl == text.size()) break;
  }
  if (!have_header) add_diag(diags, source, 0, "tsv.header", "the file is empty (no header row)");
  return rows;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

struct CueClassName {
  const char* name;
  std::uint32_t bit;
};
constexpr CueClassName kCueClasses[] = {
    {"det", kCueDet},           {"possdet", kCuePossDet},   {"prep", kCuePrep},
    {"conj", kCueConj},         {"be", kCueBe},             {"have", kCueHave},
    {"do", kCueDo},             {"modal_plan", kCueModalPlan}, {"modal_hypo", kCueModalHypo},
    {"would", kCueWould},       {"neg", kCueNeg},           {"adv", kCueAdv},
    {"subord", kCueSubord},     {"rel", kCueRel},           {"report", kCueReport},
    {"cond", kCueCond},         {"plan", kCuePlan},         {"intent", kCueIntent},
    {"negctrl", kCueNegCtrl},   {"transparent", kCueTransparent}, {"block", kCueBlock},
    {"quant", kCueQuant},       {"verb", kCueVerb},         {"title", kCueTitle},
    {"pron", kCuePron},         {"hypo", kCueHypo},         {"oblige", kCueOblige},
    {"head", kCueHead},         {"ultimatum", kCueUltimatum},
};

struct FlagName {
  const char* name;
  std::uint32_t flag;
  Wrap wrap;
};
constexpr FlagName kFlags[] = {
    {"sym", kFlagSym, Wrap::none},           {"mutual", kFlagMutual, Wrap::none},
    {"place", kFlagPlace, Wrap::none},       {"nopassive", kFlagNoPassive, Wrap::none},
    {"planned", kFlagPlanned, Wrap::none},   {"negated", kFlagNegated, Wrap::none},
    {"adjacent", kFlagNoSubject, Wrap::none},   {"context", kFlagContext, Wrap::none},
    {"seek", kFlagSeek, Wrap::none},
    {"intent", 0, Wrap::intent},             {"refuse", 0, Wrap::refuse},
    {"threat", 0, Wrap::threat},             {"request", 0, Wrap::request},
};

// The PLOVER type owns the code's root (document.hpp); root 08 is split between CONCEDE
// (080-083) and RETREAT (084-087), so those need a third digit.
bool cameo_fits_type(std::string_view type, std::string_view cameo) {
  if (cameo.size() < 2 || !cameo_fits_plover(cameo, type)) return false;
  if (cameo.substr(0, 2) != "08") return true;
  if (cameo.size() < 3) return false;
  return type == "CONCEDE" ? cameo[2] <= '3' : cameo[2] >= '4';
}

struct TempSurface {
  Word word = Word::none;
  std::uint32_t cues = 0;
  bool phrase_start = false;
  std::uint32_t time_word = StringIndex::kNone;
  std::uint8_t time_classes = 0;
  std::vector<LemmaForm> forms;
  std::vector<std::uint32_t> anchors;
};

class Builder {
 public:
  explicit Builder(RelationTables& t, std::vector<Diagnostic>* diags) : t_(t), diags_(diags) {}

  void load_irregular(std::string_view text) {
    const std::string src = "irregular_verbs.tsv";
    for (const TsvRow& r : read_tsv(text, src, {"lemma", "past", "participle"}, diags_)) {
      if (r.cells[0].empty() || r.cells[1].empty() || r.cells[2].empty()) {
        add_diag(diags_, src, r.line, "tsv.cell", "lemma, past and participle are required");
        continue;
      }
      auto& e = irregular_[std::string(r.cells[0])];
      for (auto p : split(r.cells[1], '|')) e.first.emplace_back(trim(p));
      for (auto p : split(r.cells[2], '|')) e.second.emplace_back(trim(p));
    }
  }

  void load_cues(std::string_view text) {
    const std::string src = "relation_cues.tsv";
    for (const TsvRow& r : read_tsv(text, src, {"cue", "class", "pos"}, diags_)) {
      const std::string_view cue = r.cells[0];
      std::uint32_t bits = 0;
      for (auto cls : split(r.cells[1], ',')) {
        cls = trim(cls);
        bool found = false;
        for (const auto& c : kCueClasses)
          if (cls == c.name) {
            bits |= c.bit;
            found = true;
          }
        if (!found) add_diag(diags_, src, r.line, "tsv.value", "unknown cue class '" + std::string(cls) + "'");
      }
      if (cue.empty() || bits == 0) {
        add_diag(diags_, src, r.line, "tsv.cell", "a cue needs a word and a known class");
        continue;
      }
      const std::string_view pos = r.cells[2];
      if (pos != "verb" && pos != "word") {
        add_diag(diags_, src, r.line, "tsv.value", "pos must be 'verb' or 'word'");
        continue;
      }
      if (cue.find(' ') != std::string_view::npos) {
        RelationTables::CuePhrase ph;
        for (auto w : split(cue, ' '))
          if (!w.empty()) ph.words.emplace_back(w);
        ph.cues = bits;
        surface(ph.words[0]).phrase_start = true;
        for (std::size_t i = 1; i < ph.words.size(); ++i) surface(ph.words[i]);
        t_.cue_phrases.push_back(std::move(ph));
        continue;
      }
      if (pos == "verb") {
        for (const InflectedForm& f : forms_of(cue)) surface(f.text).cues |= bits;
      } else {
        surface(cue).cues |= bits;
      }
    }
  }

  void load_time(std::string_view text) {
    const std::string src = "time_cues.tsv";
    for (const TsvRow& r : read_tsv(text, src, {"cue", "kind"}, diags_)) {
      const std::string_view cue = r.cells[0], kind = r.cells[1];
      if (cue.empty()) continue;
      if (kind == "weekday") {
        t_.time_classes.insert(cue, RelationTables::kTimeWeekday);
        surface(cue).time_classes |= 1u << RelationTables::kTimeWeekday;
      } else if (kind == "month") {
        t_.time_classes.insert(cue, RelationTables::kTimeMonth);
        surface(cue).time_classes |= 1u << RelationTables::kTimeMonth;
      }
      else if (kind == "phrase") {
        std::vector<RelationTables::TimeToken> words;
        for (auto w : split(cue, ' ')) {
          if (w.empty()) continue;
          RelationTables::TimeToken tt;
          if (w == "<weekday>") tt.cls = RelationTables::kTimeWeekday;
          else if (w == "<month>") tt.cls = RelationTables::kTimeMonth;
          else if (w == "<year>") tt.cls = RelationTables::kTimeYear;
          else if (w == "<day>") tt.cls = RelationTables::kTimeDay;
          else if (w.front() == '<') {
            add_diag(diags_, src, r.line, "tsv.value", "unknown class " + std::string(w));
            words.clear();
            break;
          } else {
            tt.word = t_.time_words.insert(w, static_cast<std::uint32_t>(t_.time_words.size()));
            surface(w).time_word = tt.word;
          }
          words.push_back(tt);
        }
        if (!words.empty()) t_.time_cues.push_back(std::move(words));
      } else {
        add_diag(diags_, src, r.line, "tsv.value", "kind must be weekday, month or phrase");
      }
    }
  }

  void load_patterns(std::string_view text, const std::string& table) {
    const std::string src = table + ".tsv";
    std::unordered_set<std::string> ids;
    for (const TsvRow& r : read_tsv(text, src, {"id", "pattern", "type", "cameo", "flags", "example"}, diags_)) {
      RelationPatternRow row;
      row.table = table;
      row.id = std::string(r.cells[0]);
      row.pattern = std::string(r.cells[1]);
      row.type = std::string(r.cells[2]);
      row.cameo = std::string(r.cells[3]);
      row.flags = std::string(r.cells[4]);
      row.example = std::string(r.cells[5]);
      row.line = r.line;
      if (row.id.empty() || !ids.insert(row.id).second) {
        add_diag(diags_, src, r.line, "tsv.id", "missing or duplicate id '" + row.id + "'");
        continue;
      }
      Pattern p;
      p.rule = "pattern:" + table + ":" + row.id;
      p.type = row.type;
      p.cameo = row.cameo;
      const auto quad = plover_quad(p.type);
      if (!quad) {
        add_diag(diags_, src, r.line, "tsv.value", "unknown PLOVER type '" + row.type + "'");
        continue;
      }
      p.quad = *quad;
      if (!cameo_fits_type(p.type, p.cameo)) {
        add_diag(diags_, src, r.line, "tsv.value",
                 "CAMEO code '" + row.cameo + "' is not a code of PLOVER type " + row.type);
        continue;
      }
      bool flags_ok = true;
      for (auto f : split(row.flags, ',')) {
        f = trim(f);
        if (f.empty()) continue;
        bool found = false;
        for (const auto& fl : kFlags)
          if (f == fl.name) {
            p.flags |= fl.flag;
            if (fl.wrap != Wrap::none) p.wrap = fl.wrap;
            found = true;
          }
        if (!found) {
          add_diag(diags_, src, r.line, "tsv.value", "unknown flag '" + std::string(f) + "'");
          flags_ok = false;
        }
      }
      if (!flags_ok) continue;
      std::string error;
      if (!compile(row.pattern, p, error)) {
        add_diag(diags_, src, r.line, "pattern.syntax", "pattern '" + row.pattern + "': " + error);
        continue;
      }
      p.row = t_.rows.size();
      t_.rows.push_back(std::move(row));
      const std::uint32_t index = static_cast<std::uint32_t>(t_.patterns.size());
      const PatternElem& trig = p.elems[static_cast<std::size_t>(p.trigger)];
      for (std::uint16_t a = 0; a < trig.alt_count; ++a) {
        const std::uint32_t lemma = t_.alternatives[trig.alt_first + a];
        lemma_anchors_[lemma].push_back(index);
      }
      t_.patterns.push_back(std::move(p));
    }
  }

  // Turns the temporary tables into the compact lookup structures.
  void finish() {
    for (std::size_t w = 1; w < std::size(kWordTexts); ++w) surface(kWordTexts[w]).word = static_cast<Word>(w);
    for (const char* f : {"got", "gets", "getting", "gotten"}) surface(f).word = Word::get;
    t_.and_lemma = t_.lemmas.find("and");
    t_.time_by_word.assign(t_.time_words.size(), {});
    for (std::uint32_t i = 0; i < t_.time_cues.size(); ++i) {
      const auto& first = t_.time_cues[i].front();
      if (first.word != StringIndex::kNone) t_.time_by_word[first.word].push_back(i);
      else t_.time_by_class[first.cls].push_back(i);
    }
    // Every surface form of a lemma that triggers patterns gets those patterns.
    for (auto& [text, ts] : temp_) {
      for (const LemmaForm& lf : ts.forms) {
        auto it = lemma_anchors_.find(lf.lemma);
        if (it == lemma_anchors_.end()) continue;
        for (std::uint32_t p : it->second)
          if (std::find(ts.anchors.begin(), ts.anchors.end(), p) == ts.anchors.end()) ts.anchors.push_back(p);
      }
    }
    // Deterministic order: sort surfaces by text.
    std::vector<const std::string*> keys;
    keys.reserve(temp_.size());
    for (auto& kv : temp_) keys.push_back(&kv.first);
    std::sort(keys.begin(), keys.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const std::string* k : keys) {
      TempSurface& ts = temp_[*k];
      SurfaceInfo si;
      si.cues = ts.cues;
      si.phrase_start = ts.phrase_start;
      if (ts.phrase_start) {
        si.phrase_list = static_cast<std::uint32_t>(t_.cue_phrases_by_first.size());
        t_.cue_phrases_by_first.emplace_back();
        for (std::uint32_t pi = 0; pi < t_.cue_phrases.size(); ++pi)
          if (t_.cue_phrases[pi].words[0] == *k) t_.cue_phrases_by_first.back().push_back(pi);
      }
      si.time_word = ts.time_word;
      si.time_classes = ts.time_classes;
      si.word = ts.word;
      si.first = static_cast<std::uint32_t>(t_.lemma_forms.size());
      si.count = static_cast<std::uint16_t>(ts.forms.size());
      t_.lemma_forms.insert(t_.lemma_forms.end(), ts.forms.begin(), ts.forms.end());
      // most specific first: the first pattern that matches at a word is the one kept
      std::sort(ts.anchors.begin(), ts.anchors.end(), [&](std::uint32_t a, std::uint32_t b) {
        const int sa = t_.patterns[a].specificity, sb = t_.patterns[b].specificity;
        return sa != sb ? sa > sb : a < b;
      });
      si.anchors_first = static_cast<std::uint32_t>(t_.anchor_patterns.size());
      si.anchors_count = static_cast<std::uint16_t>(ts.anchors.size());
      t_.anchor_patterns.insert(t_.anchor_patterns.end(), ts.anchors.begin(), ts.anchors.end());
      t_.surfaces.insert(*k, static_cast<std::uint32_t>(t_.surface_info.size()));
      t_.surface_info.push_back(si);
    }
  }

 private:
  TempSurface& surface(std::string_view s) { return temp_[std::string(s)]; }

  std::vector<InflectedForm> forms_of(std::string_view lemma) {
    std::vector<InflectedForm> out;
    regular_forms(lemma, out);
    auto it = irregular_.find(std::string(lemma));
    if (it != irregular_.end()) {
      // An irregular verb has no regular past: drop "-ed" forms, add the table's.
      out.erase(std::remove_if(out.begin(), out.end(),
                               [](const InflectedForm& f) { return (f.forms & (kFormPast | kFormPart)) != 0; }),
                out.end());
      for (const auto& p : it->second.first) out.push_back({p, kFormPast});
      for (const auto& p : it->second.second) out.push_back({p, kFormPart});
    }
    return out;
  }

  // Lemma id for a pattern word, registering its surface forms the first time.
  std::uint32_t lemma_id(std::string_view word) {
    const std::uint32_t next = static_cast<std::uint32_t>(t_.lemmas.size());
    const std::uint32_t id = t_.lemmas.insert(word, next);
    if (id != next) return id;
    auto it = temp_.find(std::string(word));
    const bool closed = it != temp_.end() && (it->second.cues & kClosedClass) != 0;
    if (closed || word == "'s" || word == "-") {
      add_form(word, id, kFormBase);
    } else {
      for (const InflectedForm& f : forms_of(word)) add_form(f.text, id, f.forms);
    }
    return id;
  }

  void add_form(std::string_view text, std::uint32_t lemma, std::uint8_t forms) {
    TempSurface& ts = surface(text);
    for (LemmaForm& lf : ts.forms)
      if (lf.lemma == lemma) {
        lf.forms |= forms;
        return;
      }
    ts.forms.push_back({lemma, forms});
  }

  bool compile(std::string_view pattern, Pattern& p, std::string& error) {
    int trigger = -1;
    int words = 0, slots = 0;
    bool has_src = false, has_tgt = false, has_pair = false;
    for (auto tok : split(pattern, ' ')) {
      if (tok.empty()) continue;
      PatternElem e;
      if (tok == "SRC") {
        e.kind = ElemKind::src;
        has_src = true;
        ++slots;
      } else if (tok == "TGT") {
        e.kind = ElemKind::tgt;
        has_tgt = true;
        ++slots;
      } else if (tok == "PAIR") {
        e.kind = ElemKind::pair;
        has_pair = true;
        slots += 2;  // both participants
      } else if (tok == "'s") {
        e.kind = ElemKind::poss;
      } else if (tok == "*") {
        e.kind = ElemKind::gap;
      } else {
        bool is_trigger = false;
        if (tok.front() == '^') {
          is_trigger = true;
          tok.remove_prefix(1);
        }
        if (!tok.empty() && tok.back() == '?') {
          e.optional = true;
          tok.remove_suffix(1);
        }
        if (tok.empty()) {
          error = "empty word";
          return false;
        }
        for (char c : tok) {
          if (c >= 'A' && c <= 'Z') {
            error = "words are lower case; slots are SRC, TGT, PAIR ('" + std::string(tok) + "')";
            return false;
          }
        }
        e.kind = ElemKind::word;
        e.alt_first = static_cast<std::uint32_t>(t_.alternatives.size());
        for (auto alt : split(tok, '|')) {
          if (alt.empty()) {
            error = "empty alternative in '" + std::string(tok) + "'";
            return false;
          }
          const std::uint32_t lemma = lemma_id(alt);
          t_.alternatives.push_back(lemma);
          e.alt_mask |= 1ull << (lemma % 64);
          ++e.alt_count;
        }
        if (is_trigger) {
          if (trigger >= 0) {
            error = "two trigger words (^)";
            return false;
          }
          if (e.optional) {
            error = "the trigger word cannot be optional";
            return false;
          }
          trigger = static_cast<int>(p.elems.size());
        }
        if (!e.optional) ++words;
      }
      p.elems.push_back(e);
    }
    if (trigger < 0) {
      for (std::size_t i = 0; i < p.elems.size(); ++i)
        if (p.elems[i].kind == ElemKind::word && !p.elems[i].optional) {
          trigger = static_cast<int>(i);
          break;
        }
    }
    if (trigger < 0) {
      error = "no word to trigger on";
      return false;
    }
    if (!has_src && !has_pair) {
      error = "needs a source: SRC or PAIR";
      return false;
    }
    if (!has_tgt && !has_pair && p.wrap == Wrap::none && (p.flags & (kFlagSym | kFlagMutual | kFlagContext | kFlagSeek)) == 0) {
      error = "needs a target (TGT or PAIR), or a flag that supplies one (sym, mutual, context, seek, or a wrapper)";
      return false;
    }
    for (std::size_t i = 0; i < p.elems.size(); ++i) {
      const ElemKind k = p.elems[i].kind;
      const bool last = i + 1 == p.elems.size();
      if (k == ElemKind::gap && (last || i == 0 || p.elems[i + 1].kind != ElemKind::word)) {
        if (!(i + 1 < p.elems.size() && p.elems[i + 1].kind == ElemKind::word)) {
          error = "'*' must stand before a word";
          return false;
        }
      }
      if (k == ElemKind::poss && (i == 0 || (p.elems[i - 1].kind != ElemKind::src && p.elems[i - 1].kind != ElemKind::tgt))) {
        error = "'s must follow SRC or TGT";
        return false;
      }
    }
    p.trigger = trigger;
    if (p.elems.size() >= 2 && (p.elems[0].kind == ElemKind::src || p.elems[0].kind == ElemKind::tgt) &&
        p.elems[1].kind == ElemKind::word)
      p.verb = 1;
    p.specificity = words * 2 + slots;
    const std::size_t t = static_cast<std::size_t>(trigger);
    if (t + 1 < p.elems.size() && p.elems[t + 1].kind == ElemKind::word && !p.elems[t + 1].optional)
      p.next_word = trigger + 1;
    if (t >= 1 && p.elems[t - 1].kind == ElemKind::word && !p.elems[t - 1].optional) p.prev_word = trigger - 1;
    return true;
  }

  RelationTables& t_;
  std::vector<Diagnostic>* diags_;
  std::unordered_map<std::string, TempSurface> temp_;
  std::unordered_map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> irregular_;
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> lemma_anchors_;
};

}  // namespace
}  // namespace detail

// [SECTION] Public API

RelationPatterns::RelationPatterns() : tables_(std::make_unique<detail::RelationTables>()) {}
RelationPatterns::~RelationPatterns() = default;
RelationPatterns::RelationPatterns(RelationPatterns&&) noexcept = default;
RelationPatterns& RelationPatterns::operator=(RelationPatterns&&) noexcept = default;

const std::vector<RelationPatternRow>& RelationPatterns::rows() const { return tables_->rows; }
std::size_t RelationPatterns::size() const { return tables_->patterns.size(); }

RelationPatternSources RelationPatterns::built_in_sources() {
  RelationPatternSources s;
  s.verb_patterns = detail::embedded_file("verb_patterns.tsv");
  s.noun_patterns = detail::embedded_file("noun_patterns.tsv");
  s.cues = detail::embedded_file("relation_cues.tsv");
  s.time_cues = detail::embedded_file("time_cues.tsv");
  s.irregular_verbs = detail::embedded_file("irregular_verbs.tsv");
  return s;
}

RelationPatterns RelationPatterns::load(const RelationPatternSources& sources, std::vector<Diagnostic>* diags) {
  RelationPatterns out;
  detail::Builder b(*out.tables_, diags);
  // Order matters: cues first (closed-class words are not inflected), irregular verbs before
  // any inflection.
  b.load_irregular(sources.irregular_verbs);
  b.load_cues(sources.cues);
  b.load_time(sources.time_cues);
  b.load_patterns(sources.verb_patterns, "verb_patterns");
  b.load_patterns(sources.noun_patterns, "noun_patterns");
  for (const auto& [name, text] : sources.extra_patterns) b.load_patterns(text, name);
  b.finish();
  return out;
}

const RelationPatterns& RelationPatterns::built_in() {
  static const RelationPatterns patterns = load(built_in_sources(), nullptr);
  return patterns;
}

}  // namespace dyad
