#pragma once
// Helpers for tests of the extraction pipeline: mentions as readable tuples.

#include <string>
#include <vector>

#include <dyad/dyad.hpp>

namespace dyad::test {

/// One mention as a test sees it.
struct SeenMention {
  std::string text;     ///< covered text
  MentionKind kind = MentionKind::name;
  std::string actor;    ///< actor's canonical name ("" for plural)
  ActorType type = ActorType::person;
  std::string code;     ///< actor's code
  std::vector<std::string> members;  ///< canonical names of a plural mention's members
  std::string rule;
};

/// Runs the pipeline (no relations) and lists mentions in text order.
inline std::vector<SeenMention> mentions_of(const std::string& text, const Document** out = nullptr) {
  static Document doc;
  ExtractOptions o;
  o.relations = false;
  doc = extract(text, o);
  if (out) *out = &doc;
  const OffsetMap map(doc.text);
  std::vector<SeenMention> seen;
  for (const auto& m : doc.mentions) {
    SeenMention s;
    s.text = doc.text.substr(map.byte_of(m.span.start), map.byte_of(m.span.end) - map.byte_of(m.span.start));
    s.kind = m.kind;
    s.rule = m.provenance.rule;
    if (const Actor* a = m.actor.empty() ? nullptr : doc.find_actor(m.actor)) {
      s.actor = a->name;
      s.type = a->type;
      s.code = a->code;
    }
    for (const auto& id : m.members)
      if (const Actor* a = doc.find_actor(id)) s.members.push_back(a->name);
    seen.push_back(std::move(s));
  }
  return seen;
}

/// The first mention covering exactly `text` (after `from` earlier ones), or nullptr.
inline const SeenMention* find(const std::vector<SeenMention>& ms, const std::string& text, int nth = 0) {
  for (const auto& m : ms)
    if (m.text == text && nth-- == 0) return &m;
  return nullptr;
}

/// The first mention covering exactly `text` (the nth such), or an empty one whose fields
/// match no expected value (check `!=` only after a REQUIRE of find()).
inline const SeenMention& seen(const std::vector<SeenMention>& ms, const std::string& text, int nth = 0) {
  static const SeenMention none = [] {
    SeenMention m;
    m.text = "<no mention>";
    return m;
  }();
  const SeenMention* m = find(ms, text, nth);
  return m ? *m : none;
}

/// Covered texts of all mentions, for messages.
inline std::string listing(const std::vector<SeenMention>& ms) {
  std::string out;
  for (const auto& m : ms) {
    out += "[" + m.text + "] " + to_string(m.kind) + " -> ";
    if (m.members.empty()) out += m.actor + " (" + to_string(m.type) + " " + m.code + ")";
    else {
      out += "{";
      for (const auto& n : m.members) out += n + ";";
      out += "}";
    }
    out += "\n";
  }
  return out;
}

}  // namespace dyad::test
