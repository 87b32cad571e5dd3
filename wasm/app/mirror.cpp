#include "mirror.hpp"

#include <nlohmann/json.hpp>

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
  using nlohmann::json;
  json paragraphs = json::array();
  json para = json::array();
  const std::string& text = doc.text;
  // Plain text from `from` to `to`, split into paragraphs at newlines.
  auto add_text = [&](std::size_t from, std::size_t to) {
    while (from < to) {
      const std::size_t nl = text.find('\n', from);
      const std::size_t end = (nl == std::string::npos || nl >= to) ? to : nl;
      if (end > from) para.push_back(json::array({text.substr(from, end - from), nullptr}));
      if (end == nl && nl < to) {
        if (!para.empty()) paragraphs.push_back(std::move(para));
        para = json::array();
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
    para.push_back(json::array({text.substr(s.byte_begin, s.byte_end - s.byte_begin), mention_label(doc, s)}));
    at = s.byte_end;
  }
  add_text(at, stop);
  if (!para.empty()) paragraphs.push_back(std::move(para));
  if (stop < text.size()) {
    const std::string note = "[This copy for screen readers ends here; the article has " +
                             std::to_string(text.size() - stop) + " more bytes of text.]";
    paragraphs.push_back(json::array({json::array({note, nullptr})}));
  }

  json relations = json::array();
  const std::size_t max_relations = 2000;
  for (const Relation& r : doc.relations) {
    if (relations.size() >= max_relations) break;
    if (r.status == Status::rejected) continue;
    const Actor* s = doc.find_actor(r.source);
    const Actor* t = doc.find_actor(r.target);
    std::string line = (s ? s->name : r.source) + " → " + (r.negated ? "NOT " : "") + r.type + " → " + (t ? t->name : r.target);
    if (r.status == Status::suggested) line += " (suggested)";
    relations.push_back(line);
  }
  return json{{"paragraphs", paragraphs}, {"relations", relations}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace dyad::app
