// Writing dyad/1 JSON. The key order here is the contract (docs/json-schema.md).
#include <algorithm>
#include <string_view>

#include "dyad/json_io.hpp"
#include "dyad/utf8.hpp"
#include "dyad/version.hpp"
#include "internal/json_writer.hpp"

namespace dyad {
namespace {

using detail::JsonWriter;

/// Unknown members read from a file, after the known ones, in their original order.
void write_extra(JsonWriter& w, const ExtraFields& extra) {
  for (const auto& [k, v] : extra) {
    w.key(k);
    w.raw(v);
  }
}

struct SpanWriter {
  const std::string& text;
  const OffsetMap& map;

  // "start", "end", "utf16", "text" members of the current object. Spans are clamped to the
  // text so that a corrupted span can never make the writer read out of bounds.
  void members(JsonWriter& w, const Span& s) const {
    const std::size_t n = map.size();
    const std::size_t a = std::min(s.start, n), b = std::min(std::max(s.end, a), n);
    w.key("start"); w.value(static_cast<std::uint64_t>(s.start));
    w.key("end"); w.value(static_cast<std::uint64_t>(s.end));
    w.key("utf16");
    w.begin_array();
    w.value(static_cast<std::uint64_t>(map.utf16_of(a)));
    w.value(static_cast<std::uint64_t>(map.utf16_of(b)));
    w.end_array();
    w.key("text");
    w.value(std::string_view(text).substr(map.byte_of(a), map.byte_of(b) - map.byte_of(a)));
  }
  void object(JsonWriter& w, const Span& s, const ExtraFields& extra) const {
    w.begin_object();
    members(w, s);
    write_extra(w, extra);
    w.end_object();
  }
};

void write_provenance(JsonWriter& w, const Provenance& p) {
  w.key("provenance");
  w.begin_object();
  w.key("by"); w.value(p.user ? "user" : "auto");
  if (!p.user || !p.rule.empty()) { w.key("rule"); w.value(p.rule); }
  write_extra(w, p.extra);
  w.end_object();
}

void write_review(JsonWriter& w, const Provenance& p, Status s, double confidence) {
  write_provenance(w, p);
  w.key("status"); w.value(to_string(s));
  w.key("confidence"); w.value_double(confidence);
}

void write_diagnostics(JsonWriter& w, const std::vector<Diagnostic>& diags) {
  w.begin_array();
  for (const auto& d : diags) {
    w.begin_object();
    w.key("severity"); w.value(to_string(d.severity));
    w.key("code"); w.value(d.code);
    w.key("message"); w.value(d.message);
    w.key("path"); w.value(d.path);
    w.key("line"); w.value(d.line);
    w.key("column"); w.value(d.column);
    w.key("offset"); w.value(d.offset);
    write_extra(w, d.extra);
    w.end_object();
  }
  w.end_array();
}

/// Indents compact JSON the way nlohmann's dump(2) does (2 spaces, "key": value, empty
/// containers as {} and []), streaming, so --pretty costs one more copy of the output and not a
/// parsed tree (which took 3.4 GB for 10 MB of text). Requires compact, valid JSON: what the
/// writer above produces.
std::string indent_compact_json(std::string_view in) {
  std::string out;
  out.reserve(in.size() + in.size() / 2);
  std::size_t depth = 0;
  auto newline = [&] {
    out += '\n';
    out.append(2 * depth, ' ');
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    switch (c) {
      case '"': {  // copy the whole string, escapes included
        const std::size_t start = i++;
        while (i < in.size() && in[i] != '"') i += in[i] == '\\' ? 2 : 1;
        out.append(in.substr(start, i - start + 1));
        break;
      }
      case '{':
      case '[':
        out += c;
        if (i + 1 < in.size() && (in[i + 1] == '}' || in[i + 1] == ']')) {
          out += in[++i];  // empty container stays on one line
        } else {
          ++depth;
          newline();
        }
        break;
      case '}':
      case ']':
        --depth;
        newline();
        out += c;
        break;
      case ',':
        out += ',';
        newline();
        break;
      case ':':
        out += ": ";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string diagnostics_to_json(const std::vector<Diagnostic>& diags) {
  std::string out;
  JsonWriter w(out);
  write_diagnostics(w, diags);
  w.finish();
  return out;
}

namespace {

void write_document(JsonWriter& w, const Document& doc, const WriteOptions& options, const SpanWriter& spans) {
  w.begin_object();
  w.key("schema"); w.value(kSchema);
  w.key("generator"); w.value(std::string("dyad ") + version());
  w.key("text"); w.value(doc.text);

  w.key("meta");
  w.begin_object();
  w.key("title"); w.value(doc.meta.title);
  w.key("url"); w.value(doc.meta.url);
  w.key("date"); w.value(doc.meta.date);
  w.key("annotator"); w.value(doc.meta.annotator);
  w.key("notes"); w.value(doc.meta.notes);
  write_extra(w, doc.meta.extra);
  w.end_object();

  w.key("sentences");
  w.begin_array();
  for (const auto& s : doc.sentences) spans.object(w, s.span, s.extra);
  w.end_array();

  w.key("tokens");
  w.begin_array();
  if (options.include_tokens)
    for (const auto& t : doc.tokens) spans.object(w, t.span, t.extra);
  w.end_array();

  w.key("actors");
  w.begin_array();
  for (const auto& a : doc.actors) {
    w.begin_object();
    w.key("id"); w.value(a.id);
    w.key("name"); w.value(a.name);
    w.key("type"); w.value(to_string(a.type));
    w.key("country"); w.value(a.country);
    w.key("sector"); w.value(a.sector);
    w.key("code"); w.value(a.code);
    write_review(w, a.provenance, a.status, a.confidence);
    write_extra(w, a.extra);
    w.end_object();
  }
  w.end_array();

  w.key("mentions");
  w.begin_array();
  for (const auto& m : doc.mentions) {
    w.begin_object();
    w.key("id"); w.value(m.id);
    w.key("actor");
    if (m.actor.empty()) w.null(); else w.value(m.actor);
    if (!m.members.empty()) {
      w.key("members");
      w.begin_array();
      for (const auto& id : m.members) w.value(id);
      w.end_array();
    }
    spans.members(w, m.span);
    w.key("kind"); w.value(to_string(m.kind));
    write_review(w, m.provenance, m.status, m.confidence);
    write_extra(w, m.extra);
    w.end_object();
  }
  w.end_array();

  w.key("relations");
  w.begin_array();
  for (const auto& r : doc.relations) {
    w.begin_object();
    w.key("id"); w.value(r.id);
    w.key("source"); w.value(r.source);
    w.key("target"); w.value(r.target);
    w.key("source_mention"); w.value(r.source_mention);
    w.key("target_mention"); w.value(r.target_mention);
    w.key("type"); w.value(r.type);
    w.key("cameo"); w.value(r.cameo);
    w.key("quad"); w.value(to_string(r.quad));
    w.key("trigger"); spans.object(w, r.trigger, r.trigger_extra);
    w.key("sentence"); w.value(r.sentence);
    w.key("negated"); w.value(r.negated);
    w.key("modality"); w.value(to_string(r.modality));
    w.key("time");
    if (r.time) spans.object(w, *r.time, r.time_extra); else w.null();
    write_review(w, r.provenance, r.status, r.confidence);
    write_extra(w, r.extra);
    w.end_object();
  }
  w.end_array();

  w.key("diagnostics");
  write_diagnostics(w, doc.diagnostics);

  write_extra(w, doc.extra);
  w.end_object();
}

}  // namespace

std::size_t json_size(const Document& doc, const WriteOptions& options) {
  const OffsetMap map(doc.text);
  const SpanWriter spans{doc.text, map};
  JsonWriter counter;
  write_document(counter, doc, options, spans);
  return counter.size() + 1;  // + the final newline
}

std::string to_json(const Document& doc, const WriteOptions& options) {
  const OffsetMap map(doc.text);
  const SpanWriter spans{doc.text, map};
  // The JSON of a long article is ~23x its text (mostly tokens). Above kCountFrom bytes of text
  // the size is counted first and the JSON written into a buffer of exactly that size: growing
  // it held up to twice the JSON at once (the 64 MB wasm heap budget for a 1 MB article).
  // Shorter texts are written in one pass into a buffer sized from an estimate (counting
  // costs ~half of writing; an overshoot of a few hundred KB does not matter).
  constexpr std::size_t kCountFrom = 256 * 1024;
  std::size_t expected = 0;
  if (doc.text.size() >= kCountFrom) {
    JsonWriter counter;
    write_document(counter, doc, options, spans);
    expected = counter.size() + 1;  // + the final newline
  } else {
    expected = 1024 + 3 * doc.text.size() + 64 * (doc.sentences.size() + doc.tokens.size()) +
               320 * (doc.actors.size() + doc.mentions.size()) + 640 * doc.relations.size();
  }
  std::string out;
  {
    JsonWriter w(out, expected);
    write_document(w, doc, options, spans);
    w.finish();
  }
  if (options.pretty) out = indent_compact_json(out);
  out += '\n';
  return out;
}

}  // namespace dyad
