#include "mirror.hpp"

#include "json_out.hpp"

namespace dyad::app {
namespace {

std::string mention_label(const Document& doc, const MentionSpan& s) {
  const Mention& m = doc.mentions[static_cast<std::size_t>(s.mention)];
  std::string label;
  if (s.actor >= 0) {
    const Actor& a = doc.actors[static_cast<std::size_t>(s.actor)];
    label = std::string(to_string(a.type)) + " " + a.name;
  } else {
    label = "mention";
  }
  if (m.status == Status::suggested) label += " (suggested)";
  return label;
}

}  // namespace

std::string mirror_json(const Document& doc, const DocumentIndex& index, std::size_t max_bytes) {
  JsonOut j;
  j.begin_object().key("paragraphs").begin_array();
  bool para_open = false;
  // One [text, label-or-null] run of the current paragraph (opened by its first run).
  auto run = [&](std::string_view run_text, const std::string* label) {
    if (!para_open) j.begin_array();
    para_open = true;
    j.begin_array().value(run_text);
    if (label) j.value(*label);
    else j.value(nullptr);
    j.end_array();
  };
  auto end_para = [&] {
    if (para_open) j.end_array();
    para_open = false;
  };
  const std::string& text = doc.text;
  const std::string_view view(text);
  // Plain text from `from` to `to`, split into paragraphs at newlines.
  auto add_text = [&](std::size_t from, std::size_t to) {
    while (from < to) {
      const std::size_t nl = text.find('\n', from);
      const std::size_t end = (nl == std::string::npos || nl >= to) ? to : nl;
      if (end > from) run(view.substr(from, end - from), nullptr);
      if (end == nl && nl < to) {
        end_para();
        from = nl + 1;
      } else {
        from = end;
      }
    }
  };
  std::size_t stop = text.size();
  if (stop > max_bytes) {
    const std::size_t nl = text.find('\n', max_bytes);
    stop = nl == std::string::npos ? text.size() : nl;
  }
  std::size_t at = 0;
  for (const MentionSpan& s : index.mention_spans()) {
    if (s.byte_end > stop) break;
    if (s.byte_begin < at) continue;  // nested or overlapping: the outer one is already marked
    if (doc.mentions[static_cast<std::size_t>(s.mention)].status == Status::rejected) continue;
    add_text(at, s.byte_begin);
    const std::string label = mention_label(doc, s);
    run(view.substr(s.byte_begin, s.byte_end - s.byte_begin), &label);
    at = s.byte_end;
  }
  add_text(at, stop);
  end_para();
  if (stop < text.size()) {
    const std::string note = "[This copy for screen readers ends here; the article has " +
                             std::to_string(text.size() - stop) + " more bytes of text.]";
    run(note, nullptr);
    end_para();
  }
  j.end_array();

  j.key("relations").begin_array();
  const std::size_t max_relations = 2000;
  std::size_t written = 0;
  for (const Relation& r : doc.relations) {
    if (written >= max_relations) break;
    if (r.status == Status::rejected) continue;
    const Actor* s = doc.find_actor(r.source);
    const Actor* t = doc.find_actor(r.target);
    std::string line = (s ? s->name : r.source) + " → " + (r.negated ? "NOT " : "") + r.type + " → " + (t ? t->name : r.target);
    if (r.status == Status::suggested) line += " (suggested)";
    j.value(line);
    ++written;
  }
  j.end_array().end_object();
  return j.take();
}

}  // namespace dyad::app
