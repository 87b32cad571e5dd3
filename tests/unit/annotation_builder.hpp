#pragma once
// Builds small annotated documents for the model tests (commands, history, merge, JSON).

#include <string>
#include <vector>

#include <dyad/document.hpp>
#include <dyad/utf8.hpp>

namespace dyad::test {

/// Code point span of the `nth` occurrence of `needle` in `text` ({0, 0} if absent).
inline Span span_of(const std::string& text, const std::string& needle, int nth = 0) {
  std::size_t at = std::string::npos, from = 0;
  for (int i = 0; i <= nth; ++i) {
    at = text.find(needle, from);
    if (at == std::string::npos) return Span{};
    from = at + 1;
  }
  const std::size_t start = count_code_points(std::string_view(text).substr(0, at));
  return Span{start, start + count_code_points(needle)};
}

/// Adds annotations to a document with readable calls; ids follow a1, m1, r1, ...
struct ArticleBuilder {
  Document doc;

  explicit ArticleBuilder(std::string text) { doc.text = std::move(text); }

  /// Splits sentences at ". " (enough for test texts).
  ArticleBuilder& sentences() {
    std::size_t start = 0;
    const std::size_t n = count_code_points(doc.text);
    std::size_t byte = 0, cp = 0;
    while (byte < doc.text.size()) {
      const char32_t c = decode_utf8(doc.text, byte);
      ++cp;
      if (c == '.' && (byte >= doc.text.size() || doc.text[byte] == ' ')) {
        doc.sentences.push_back(Sentence{Span{start, cp}});
        start = cp + 1;
      }
    }
    if (start < n) doc.sentences.push_back(Sentence{Span{start, n}});
    return *this;
  }

  std::string actor(const std::string& name, ActorType type, const std::string& country = "", const std::string& sector = "",
                    const std::string& code = "", Status status = Status::suggested, bool user = false, double confidence = 0.9) {
    Actor a;
    a.id = "a" + std::to_string(doc.actors.size() + 1);
    a.name = name;
    a.type = type;
    a.country = country;
    a.sector = sector;
    a.code = code;
    a.provenance = user ? Provenance{true, ""} : Provenance{false, "test:actor"};
    a.status = status;
    a.confidence = confidence;
    doc.actors.push_back(a);
    return a.id;
  }

  std::string mention(const std::string& actor, const std::string& needle, int nth = 0, MentionKind kind = MentionKind::name,
                      Status status = Status::suggested, bool user = false, double confidence = 0.9) {
    Mention m;
    m.id = "m" + std::to_string(doc.mentions.size() + 1);
    m.actor = actor;
    m.span = span_of(doc.text, needle, nth);
    m.kind = kind;
    m.provenance = user ? Provenance{true, ""} : Provenance{false, "test:mention"};
    m.status = status;
    m.confidence = confidence;
    doc.mentions.push_back(m);
    return m.id;
  }

  std::string plural(const std::vector<std::string>& members, const std::string& needle, int nth = 0,
                     Status status = Status::suggested, bool user = false) {
    const std::string id = mention("", needle, nth, MentionKind::nominal, status, user);
    doc.mentions.back().members = members;
    return id;
  }

  std::string relation(const std::string& source, const std::string& target, const std::string& type, const std::string& cameo,
                       const std::string& trigger, const std::string& source_mention = "", const std::string& target_mention = "",
                       Status status = Status::suggested, bool user = false, double confidence = 0.8) {
    Relation r;
    r.id = "r" + std::to_string(doc.relations.size() + 1);
    r.source = source;
    r.target = target;
    r.source_mention = source_mention;
    r.target_mention = target_mention;
    r.type = type;
    r.cameo = cameo;
    r.quad = *plover_quad(type);
    r.trigger = span_of(doc.text, trigger);
    for (std::size_t i = 0; i < doc.sentences.size(); ++i)
      if (doc.sentences[i].span.start <= r.trigger.start && r.trigger.start < doc.sentences[i].span.end) r.sentence = static_cast<std::int64_t>(i);
    r.provenance = user ? Provenance{true, ""} : Provenance{false, "test:relation"};
    r.status = status;
    r.confidence = confidence;
    doc.relations.push_back(r);
    return r.id;
  }
};

/// The article most model tests edit: two ministers, two states, a capital used for its
/// government, a pronoun, a plural mention, an emoji; all suggestions of the extractor.
inline Document sample_article() {
  ArticleBuilder b(
      "Foreign Minister Jeyhun Bayramov met Abbas Araghchi in Baku on Tuesday. He said Azerbaijan and Iran agreed to reopen "
      "the border. Tehran accused Baku of delays 😀, but the two sides will meet again.");
  b.sentences();
  const auto a1 = b.actor("Jeyhun Bayramov", ActorType::person, "AZE", "GOV", "AZEGOV", Status::suggested, false, 0.95);
  const auto a2 = b.actor("Abbas Araghchi", ActorType::person, "IRN", "GOV", "IRNGOV", Status::suggested, false, 0.95);
  const auto a3 = b.actor("Baku", ActorType::location, "AZE", "", "", Status::suggested, false, 0.6);
  const auto a4 = b.actor("Azerbaijan", ActorType::state, "AZE", "", "AZE", Status::suggested, false, 0.99);
  const auto a5 = b.actor("Iran", ActorType::state, "IRN", "", "IRN", Status::suggested, false, 0.99);
  const auto a6 = b.actor("Iranian government", ActorType::government, "IRN", "GOV", "IRNGOV", Status::suggested, false, 0.7);
  const auto m1 = b.mention(a1, "Jeyhun Bayramov", 0, MentionKind::name, Status::suggested, false, 0.95);
  const auto m2 = b.mention(a2, "Abbas Araghchi", 0, MentionKind::name, Status::suggested, false, 0.95);
  b.mention(a3, "Baku", 0, MentionKind::name, Status::suggested, false, 0.6);
  b.mention(a1, "He", 0, MentionKind::pronoun, Status::suggested, false, 0.5);
  const auto m5 = b.mention(a4, "Azerbaijan", 0, MentionKind::name, Status::suggested, false, 0.99);
  const auto m6 = b.mention(a5, "Iran", 0, MentionKind::name, Status::suggested, false, 0.99);
  const auto m7 = b.mention(a6, "Tehran", 0, MentionKind::name, Status::suggested, false, 0.7);
  const auto m8 = b.mention(a3, "Baku", 1, MentionKind::name, Status::suggested, false, 0.6);
  b.plural({a4, a5}, "two sides");
  b.relation(a1, a2, "CONSULT", "040", "met", m1, m2, Status::suggested, false, 0.85);
  b.relation(a4, a5, "AGREE", "030", "agreed", m5, m6, Status::suggested, false, 0.8);
  b.relation(a6, a3, "ACCUSE", "112", "accused", m7, m8, Status::suggested, false, 0.6);
  return b.doc;
}

}  // namespace dyad::test
