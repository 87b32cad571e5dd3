// Export of a document to event tables, brat standoff, CoNLL BIO and JSON lines (docs/export.md).
#include "dyad/export.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/text.hpp"
#include "dyad/utf8.hpp"
#include "internal/json_writer.hpp"

namespace dyad {

namespace {

// [SECTION] Shared helpers

/// The document text with code point access; spans outside the text are refused, not trusted.
class TextView {
 public:
  explicit TextView(const std::string& text) : text_(text), map_(text) {}
  std::size_t size() const { return map_.size(); }
  bool valid(Span s) const { return s.start <= s.end && s.end <= map_.size(); }
  /// The covered text, or "" for a span outside the text.
  std::string_view cover(Span s) const {
    if (!valid(s)) return {};
    const std::size_t b = map_.byte_of(s.start);
    return std::string_view(text_).substr(b, map_.byte_of(s.end) - b);
  }
  /// The code point at index `cp` (< size()).
  char32_t at(std::size_t cp) const {
    std::size_t pos = map_.byte_of(cp);
    return decode_utf8(text_, pos);
  }

 private:
  const std::string& text_;
  OffsetMap map_;
};

/// A field of a tab-separated line: backslash, tab, LF and CR written as \\, \t, \n and \r
/// (the escaping of PostgreSQL's COPY text format and of Hive/Spark TSV readers).
void append_escaped(std::string& out, std::string_view s) {
  for (const char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

/// `s` on one line: tabs, CR and LF become spaces (for brat's note text).
std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return out;
}

/// A number as dyad/1 JSON writes it (shortest round trip: 0.8, 1.0, 0.55).
std::string format_number(double d) {
  std::string out;
  detail::JsonWriter w(out);
  w.value_double(d);
  w.finish();
  return out;
}

void warn(std::vector<Diagnostic>& diags, const char* code, std::string message, std::string path) {
  Diagnostic d;
  d.severity = Severity::warning;
  d.code = code;
  d.message = std::move(message);
  d.source = "export";
  d.path = std::move(path);
  diags.push_back(std::move(d));
}

std::string pointer(const char* array, std::size_t i) { return std::string("/") + array + "/" + std::to_string(i); }

/// The text of a relation's sentence: sentence `r.sentence` of the document; when that is
/// unknown (-1, as in hand-made gold without sentences), the sentence around the trigger, from
/// the document's sentences or else the core segmenter's (computed once, in `fallback`); "" if
/// neither is known.
std::string_view sentence_text(const Document& doc, const TextView& tv, const Relation& r,
                               std::optional<std::vector<Sentence>>& fallback) {
  if (r.sentence >= 0 && static_cast<std::uint64_t>(r.sentence) < doc.sentences.size())
    return tv.cover(doc.sentences[static_cast<std::size_t>(r.sentence)].span);
  if (r.trigger.empty() || !tv.valid(r.trigger)) return {};
  const std::vector<Sentence>* sentences = &doc.sentences;
  if (sentences->empty()) {
    if (!fallback) fallback = segment(doc.text).sentences;
    sentences = &*fallback;
  }
  for (const auto& s : *sentences)
    if (s.span.start <= r.trigger.start && r.trigger.end <= s.span.end) return tv.cover(s.span);
  return {};
}

/// The relations that are exported: every one not rejected.
bool exported(const Relation& r) { return r.status != Status::rejected; }

/// One exported relation with what the event formats show of it.
struct Event {
  const Relation& r;
  const Actor& source;  ///< an empty actor when the id resolves to none
  const Actor& target;
  std::string_view sentence_text;
};

/// Calls f(Event) for every exported relation, in document order.
template <class F>
void for_each_event(const Document& doc, const TextView& tv, F&& f) {
  static const Actor kNone{};
  std::optional<std::vector<Sentence>> fallback;
  for (const auto& r : doc.relations) {
    if (!exported(r)) continue;
    const Actor* src = doc.find_actor(r.source);
    const Actor* tgt = doc.find_actor(r.target);
    f(Event{r, src ? *src : kNone, tgt ? *tgt : kNone, sentence_text(doc, tv, r, fallback)});
  }
}

// [SECTION] events (TSV)

constexpr const char* kEventColumns[] = {
    "event_id",    "doc_title",   "doc_date",       "sentence",     "source_name", "source_code",
    "source_country", "plover_type", "cameo",        "quad",         "target_name", "target_code",
    "target_country", "negated",  "modality",       "status",       "confidence",  "trigger",
    "sentence_text"};

std::string export_events(const Document& doc, const TextView& tv) {
  std::string out;
  for (std::size_t i = 0; i < std::size(kEventColumns); ++i) {
    if (i) out += '\t';
    out += kEventColumns[i];
  }
  out += '\n';
  for_each_event(doc, tv, [&](const Event& e) {
    const Relation& r = e.r;
    const std::string sentence = r.sentence >= 0 ? std::to_string(r.sentence) : std::string();
    const std::string confidence = format_number(r.confidence);
    const std::string_view fields[] = {r.id,           doc.meta.title,    doc.meta.date,     sentence,
                                       e.source.name,  e.source.code,     e.source.country,  r.type,
                                       r.cameo,        to_string(r.quad), e.target.name,     e.target.code,
                                       e.target.country, r.negated ? "true" : "false", to_string(r.modality),
                                       to_string(r.status), confidence,   tv.cover(r.trigger), e.sentence_text};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i) out += '\t';
      append_escaped(out, fields[i]);
    }
    out += '\n';
  });
  return out;
}

// [SECTION] jsonl-events

std::string export_jsonl_events(const Document& doc, const TextView& tv) {
  std::string out;
  for_each_event(doc, tv, [&](const Event& e) {
    const Relation& r = e.r;
    detail::JsonWriter w(out);
    w.begin_object();
    w.key("event_id"); w.value(r.id);
    w.key("doc_title"); w.value(doc.meta.title);
    w.key("doc_date"); w.value(doc.meta.date);
    w.key("sentence");
    if (r.sentence >= 0) w.value(r.sentence);
    else w.null();
    w.key("source"); w.value(r.source);
    w.key("source_name"); w.value(e.source.name);
    w.key("source_code"); w.value(e.source.code);
    w.key("source_country"); w.value(e.source.country);
    w.key("plover_type"); w.value(r.type);
    w.key("cameo"); w.value(r.cameo);
    w.key("quad"); w.value(to_string(r.quad));
    w.key("target"); w.value(r.target);
    w.key("target_name"); w.value(e.target.name);
    w.key("target_code"); w.value(e.target.code);
    w.key("target_country"); w.value(e.target.country);
    w.key("negated"); w.value(r.negated);
    w.key("modality"); w.value(to_string(r.modality));
    w.key("status"); w.value(to_string(r.status));
    w.key("confidence"); w.value_double(r.confidence);
    w.key("trigger"); w.value(tv.cover(r.trigger));
    w.key("trigger_start"); w.value(static_cast<std::uint64_t>(r.trigger.start));
    w.key("trigger_end"); w.value(static_cast<std::uint64_t>(r.trigger.end));
    w.key("sentence_text"); w.value(e.sentence_text);
    w.end_object();
    w.finish();
    out += '\n';
  });
  return out;
}

// [SECTION] Mention labels (brat, CoNLL)

/// The actor type a mention is labelled with: its actor's, or for a plural mention the type
/// all its members share (GROUP when they differ). nullopt when no actor is found.
std::optional<ActorType> mention_type(const Document& doc, const Mention& m) {
  if (m.members.empty()) {
    const Actor* a = doc.find_actor(m.actor);
    if (!a) return std::nullopt;
    return a->type;
  }
  std::optional<ActorType> common;
  for (const auto& id : m.members) {
    const Actor* a = doc.find_actor(id);
    if (!a) continue;
    if (common && *common != a->type) return ActorType::group;
    common = a->type;
  }
  return common;
}

/// Mentions to export (not rejected, span inside the text, an actor found), ordered by start,
/// longer first, then document order.
std::vector<std::size_t> exported_mentions(const Document& doc, const TextView& tv, std::vector<Diagnostic>& diags,
                                           bool names_only) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    if (m.status == Status::rejected || (names_only && m.kind != MentionKind::name)) continue;
    if (!tv.valid(m.span) || m.span.empty()) {
      warn(diags, "export.span", "mention " + m.id + " has no span inside the text; it is not exported",
           pointer("mentions", i));
      continue;
    }
    if (!mention_type(doc, m)) {
      warn(diags, "export.actor", "mention " + m.id + " refers to no actor; it is not exported", pointer("mentions", i));
      continue;
    }
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Span& x = doc.mentions[a].span;
    const Span& y = doc.mentions[b].span;
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });
  return order;
}

// [SECTION] brat standoff

/// The fragments of `s` between line breaks (brat cannot mark a line break): non-empty.
std::vector<Span> brat_fragments(const TextView& tv, Span s) {
  std::vector<Span> out;
  std::size_t begin = s.start;
  for (std::size_t cp = s.start; cp <= s.end; ++cp) {
    if (cp == s.end || tv.at(cp) == U'\n' || tv.at(cp) == U'\r') {
      if (cp > begin) out.push_back({begin, cp});
      begin = cp + 1;
    }
  }
  return out;
}

std::string export_brat(const Document& doc, const TextView& tv, std::vector<Diagnostic>& diags) {
  std::string out;
  std::vector<std::string> tid(doc.mentions.size());  // "T3" for each exported mention
  std::size_t t = 0, note = 0;
  const auto add_note = [&](const std::string& target, const std::string& text) {
    out += '#' + std::to_string(++note) + "\tAnnotatorNotes " + target + '\t' + text + '\n';
  };
  for (const std::size_t i : exported_mentions(doc, tv, diags, false)) {
    const Mention& m = doc.mentions[i];
    const std::vector<Span> frags = brat_fragments(tv, m.span);
    if (frags.empty()) {
      warn(diags, "export.brat.span", "mention " + m.id + " covers only line breaks; brat cannot mark it",
           pointer("mentions", i));
      continue;
    }
    tid[i] = 'T' + std::to_string(++t);
    out += tid[i] + '\t' + to_string(*mention_type(doc, m)) + ' ';
    std::string covered;
    for (std::size_t f = 0; f < frags.size(); ++f) {
      if (f) {
        out += ';';
        covered += ' ';
      }
      out += std::to_string(frags[f].start) + ' ' + std::to_string(frags[f].end);
      covered += tv.cover(frags[f]);
    }
    out += '\t' + covered + '\n';
    std::string text = "mention=" + m.id;
    if (m.members.empty()) {
      const Actor* a = doc.find_actor(m.actor);
      text += " actor=" + a->id;
      if (!a->code.empty()) text += " code=" + a->code;
      text += " name=" + a->name;
    } else {
      text += " members=";
      for (std::size_t k = 0; k < m.members.size(); ++k) text += (k ? "," : "") + m.members[k];
    }
    add_note(tid[i], one_line(text));
  }
  std::size_t r_count = 0;
  for (std::size_t i = 0; i < doc.relations.size(); ++i) {
    const Relation& r = doc.relations[i];
    if (!exported(r)) continue;
    const auto anchor = [&](const std::string& mention_id) -> std::string {
      for (std::size_t k = 0; k < doc.mentions.size(); ++k)
        if (doc.mentions[k].id == mention_id) return tid[k];
      return {};
    };
    const std::string arg1 = anchor(r.source_mention), arg2 = anchor(r.target_mention);
    if (arg1.empty() || arg2.empty()) {
      warn(diags, "export.brat.unanchored",
           "relation " + r.id + " is not anchored on two exported mentions; brat relations join two text spans, so it is left out",
           pointer("relations", i));
      continue;
    }
    const std::string rid = 'R' + std::to_string(++r_count);
    out += rid + '\t' + r.type + " Arg1:" + arg1 + " Arg2:" + arg2 + '\n';
    std::string text = "relation=" + r.id;
    if (!r.cameo.empty()) text += " cameo=" + r.cameo;
    text += std::string(" negated=") + (r.negated ? "true" : "false") + " modality=" + to_string(r.modality);
    if (!r.trigger.empty() && tv.valid(r.trigger))
      text += " trigger=" + std::to_string(r.trigger.start) + "-" + std::to_string(r.trigger.end) + ":" +
              std::string(tv.cover(r.trigger));
    add_note(rid, one_line(text));
  }
  return out;
}

// [SECTION] CoNLL BIO

std::string export_conll(const Document& doc, const TextView& tv, std::vector<Diagnostic>& diags) {
  // The document's own segmentation, or the core tokenizer's for a document saved without tokens.
  std::vector<Span> tokens, sentences;
  if (doc.tokens.empty()) {
    const Segmentation seg = segment(doc.text);
    for (const auto& s : seg.tokens) tokens.push_back(s.span);
    for (const auto& s : seg.sentences) sentences.push_back(s.span);
  } else {
    for (const auto& s : doc.tokens)
      if (tv.valid(s.span) && !s.span.empty()) tokens.push_back(s.span);
    for (const auto& s : doc.sentences)
      if (tv.valid(s.span)) sentences.push_back(s.span);
  }
  const auto by_start = [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; };
  std::stable_sort(tokens.begin(), tokens.end(), by_start);
  std::stable_sort(sentences.begin(), sentences.end(), by_start);

  std::vector<std::string> tags(tokens.size(), "O");
  for (const std::size_t i : exported_mentions(doc, tv, diags, true)) {
    const Mention& m = doc.mentions[i];
    // Tokens overlapping the mention: from the first ending after its start.
    auto it = std::lower_bound(tokens.begin(), tokens.end(), m.span.start,
                               [](const Span& tok, std::size_t start) { return tok.end <= start; });
    std::size_t first = static_cast<std::size_t>(it - tokens.begin()), last = first;
    while (last < tokens.size() && tokens[last].start < m.span.end) ++last;
    if (first == last) {
      warn(diags, "export.conll.no_token", "mention " + m.id + " covers no token; it is not tagged", pointer("mentions", i));
      continue;
    }
    bool taken = false;
    for (std::size_t k = first; k < last; ++k) taken = taken || tags[k] != "O";
    if (taken) {
      warn(diags, "export.conll.overlap", "mention " + m.id + " overlaps an earlier mention; BIO tags cannot nest, it is not tagged",
           pointer("mentions", i));
      continue;
    }
    if (tokens[first].start < m.span.start || tokens[last - 1].end > m.span.end)
      warn(diags, "export.conll.misaligned",
           "mention " + m.id + " starts or ends inside a token; the whole token is tagged", pointer("mentions", i));
    const std::string cls = conll_class(*mention_type(doc, m));
    for (std::size_t k = first; k < last; ++k) tags[k] = (k == first ? "B-" : "I-") + cls;
  }

  std::string out;
  std::size_t sentence = 0;
  bool open = false;  // a sentence block has lines not yet closed by a blank line
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    // A new block when the token starts at or after the end of the current sentence.
    bool new_block = false;
    while (sentence < sentences.size() && tokens[k].start >= sentences[sentence].end) {
      ++sentence;
      new_block = true;
    }
    if (new_block && open) {
      out += '\n';
      open = false;
    }
    append_escaped(out, tv.cover(tokens[k]));
    out += '\t' + tags[k] + '\n';
    open = true;
  }
  if (open) out += '\n';
  return out;
}

}  // namespace

const char* to_string(ExportFormat f) {
  switch (f) {
    case ExportFormat::events: return "events";
    case ExportFormat::brat: return "brat";
    case ExportFormat::conll: return "conll";
    case ExportFormat::jsonl_events: return "jsonl-events";
  }
  return "events";
}

std::optional<ExportFormat> parse_export_format(std::string_view s) {
  for (const ExportFormat f : {ExportFormat::events, ExportFormat::brat, ExportFormat::conll, ExportFormat::jsonl_events})
    if (s == to_string(f)) return f;
  return std::nullopt;
}

const char* conll_class(ActorType t) {
  switch (t) {
    case ActorType::person: return "PER";
    case ActorType::state:
    case ActorType::location: return "LOC";
    case ActorType::government:
    case ActorType::organization:
    case ActorType::group: return "ORG";
  }
  return "MISC";
}

std::string export_document(const Document& doc, ExportFormat format, std::vector<Diagnostic>& diags) {
  const TextView tv(doc.text);
  switch (format) {
    case ExportFormat::events: return export_events(doc, tv);
    case ExportFormat::brat: return export_brat(doc, tv, diags);
    case ExportFormat::conll: return export_conll(doc, tv, diags);
    case ExportFormat::jsonl_events: return export_jsonl_events(doc, tv);
  }
  return {};
}

}  // namespace dyad
