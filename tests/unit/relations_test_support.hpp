#pragma once
// Builds documents for relation tests from marked-up text, with the real segmenter for
// sentences and tokens and hand-marked mentions:
//   [Iran]                 a mention of the actor "Iran" (a STATE unless told otherwise)
//   [he|Jeyhun Bayramov]   a mention of the actor "Jeyhun Bayramov" (PRONOUN: a pronoun's text)
//   [the two sides|Iran+Iraq]   a plural mention with members
//   [Baku|Baku@LOCATION]   the actor's type; [Tehran|Iranian government@GOVERNMENT:IRN] and country;
//                          [Fidan@PERSON:TUR:GOV] and sector
//   <Iran>                 as [Iran], and remembered as the expected source (pattern examples)
// In pattern examples the first [..] is the expected target.

#include <string>
#include <string_view>
#include <vector>

#include <dyad/document.hpp>
#include <dyad/relations.hpp>
#include <dyad/text.hpp>
#include <dyad/utf8.hpp>

namespace dyad::test {

struct MarkedDocument {
  Document doc;
  std::vector<std::string> sources;  // actor ids marked <..>
  std::vector<std::string> targets;  // actor ids of every [..], in order
  std::string error;                 // markup problem, "" if none

  /// Id of the actor named `name`, or "".
  std::string id(const std::string& name) const {
    for (const Actor& a : doc.actors)
      if (a.name == name) return a.id;
    return "";
  }
  /// Name of the actor `id`.
  std::string name(const std::string& actor_id) const {
    for (const Actor& a : doc.actors)
      if (a.id == actor_id) return a.name;
    return "?";
  }
};

inline bool is_pronoun_text(const std::string& s) {
  static const char* kPronouns[] = {"he", "she", "it", "its", "his", "her", "their", "they", "them", "we", "our",
                                    "us", "him", "He", "She", "It", "Its", "His", "Her", "Their", "They", "We", "Our"};
  for (const char* p : kPronouns)
    if (s == p) return true;
  return false;
}

inline std::string actor_for(MarkedDocument& md, std::string spec) {
  ActorType type = ActorType::state;
  std::string country, sector;
  const auto at = spec.find('@');
  if (at != std::string::npos) {
    std::string t = spec.substr(at + 1);
    spec = spec.substr(0, at);
    const auto colon = t.find(':');
    if (colon != std::string::npos) {
      country = t.substr(colon + 1);
      t = t.substr(0, colon);
      const auto colon2 = country.find(':');  // PERSON:TUR:GOV
      if (colon2 != std::string::npos) {
        sector = country.substr(colon2 + 1);
        country = country.substr(0, colon2);
      }
    }
    if (auto pt = parse_actor_type(t)) type = *pt;
    else md.error = "unknown actor type " + t;
  }
  for (const Actor& a : md.doc.actors)
    if (a.name == spec) return a.id;
  Actor a;
  a.id = "a" + std::to_string(md.doc.actors.size() + 1);
  a.name = spec;
  a.type = type;
  a.country = country;
  a.sector = sector;
  md.doc.actors.push_back(a);
  return a.id;
}

/// Parses the markup, segments the plain text and returns the document (no relations yet).
inline MarkedDocument marked_document(std::string_view markup) {
  MarkedDocument md;
  struct Pending {
    std::size_t start_cp, end_cp;
    std::string text, spec;
    bool source;
  };
  std::vector<Pending> pending;
  std::string text;
  std::size_t cp = 0;
  for (std::size_t i = 0; i < markup.size();) {
    const char c = markup[i];
    if (c == '[' || c == '<') {
      const char close = c == '[' ? ']' : '>';
      const std::size_t end = markup.find(close, i + 1);
      if (end == std::string_view::npos) {
        md.error = "unclosed " + std::string(1, c);
        return md;
      }
      std::string inner(markup.substr(i + 1, end - i - 1));
      std::string covered = inner, spec;
      const auto bar = inner.find('|');
      if (bar != std::string::npos) {
        covered = inner.substr(0, bar);
        spec = inner.substr(bar + 1);
      } else {
        const auto atp = inner.find('@');
        covered = inner.substr(0, atp);
        spec = inner;
      }
      Pending p;
      p.start_cp = cp;
      p.text = covered;
      p.spec = spec;
      p.source = c == '<';
      text += covered;
      cp += count_code_points(covered);
      p.end_cp = cp;
      pending.push_back(p);
      i = end + 1;
      continue;
    }
    std::size_t j = i;
    decode_utf8(markup, j);
    text.append(markup.substr(i, j - i));
    ++cp;
    i = j;
  }
  md.doc.text = text;
  const Segmentation seg = segment(md.doc.text);
  md.doc.sentences = seg.sentences;
  md.doc.tokens = seg.tokens;
  for (const Pending& p : pending) {
    Mention m;
    m.id = "m" + std::to_string(md.doc.mentions.size() + 1);
    m.span = Span{p.start_cp, p.end_cp};
    if (p.spec.find('+') != std::string::npos) {
      std::size_t from = 0;
      while (true) {
        const auto plus = p.spec.find('+', from);
        m.members.push_back(actor_for(md, p.spec.substr(from, plus == std::string::npos ? std::string::npos : plus - from)));
        if (plus == std::string::npos) break;
        from = plus + 1;
      }
      m.kind = is_pronoun_text(p.text) ? MentionKind::pronoun : MentionKind::nominal;
    } else {
      m.actor = actor_for(md, p.spec);
      if (is_pronoun_text(p.text)) m.kind = MentionKind::pronoun;
      else if (!p.text.empty() && p.text[0] >= 'a' && p.text[0] <= 'z') m.kind = MentionKind::nominal;
      else m.kind = MentionKind::name;
    }
    const std::string who = m.actor;
    md.doc.mentions.push_back(m);
    if (p.source) md.sources.push_back(who);
    else if (!who.empty()) md.targets.push_back(who);
  }
  return md;
}

/// One line per relation: "Iran -CONSULT/040-> Iraq (planned, negated) [pattern:...]".
inline std::string describe(const MarkedDocument& md) {
  std::string out;
  for (const Relation& r : md.doc.relations) {
    out += md.name(r.source) + " -" + r.type + "/" + r.cameo + "-> " + md.name(r.target) + " (" + to_string(r.modality) +
           (r.negated ? ", negated" : "") + ") [" + r.provenance.rule + "]\n";
  }
  return out.empty() ? "(no relations)\n" : out;
}

/// The relation source -type-> target by actor names, or nullptr.
inline const Relation* find(const MarkedDocument& md, const std::string& source, const std::string& type,
                            const std::string& target) {
  const std::string s = md.id(source), t = md.id(target);
  for (const Relation& r : md.doc.relations)
    if (r.source == s && r.target == t && r.type == type) return &r;
  return nullptr;
}

/// Builds the document and runs relation extraction on it.
inline MarkedDocument extracted(std::string_view markup, const RelationOptions& options = {}) {
  MarkedDocument md = marked_document(markup);
  extract_relations(md.doc, options);
  return md;
}

}  // namespace dyad::test
