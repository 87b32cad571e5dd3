// Codes, confidence and provenance of actors and mentions, and writing them into the Document.
#include "internal/codes.hpp"

#include <algorithm>

namespace dyad::detail {
namespace {

std::string iso3_of(std::int32_t country, const Lexicons& lex) {
  return country >= 0 ? lex.countries()[static_cast<std::size_t>(country)].iso3 : std::string();
}

// The sector an actor gets: persons from their title, government bodies GOV by default.
std::string sector_of(const ActorRecord& a, const Lexicons& lex) {
  switch (a.type) {
    case ActorType::state:
    case ActorType::location:
      return "";
    case ActorType::person:
      if (a.title >= 0) {
        const std::string& s = lex.titles()[static_cast<std::size_t>(a.title)].sector;
        // "Pakistan's deputy high commissioner": an international title held for a country is
        // a diplomat's.
        if (s == "IGO" && a.country >= 0) return "GOV";
        if (!s.empty()) return s;
      }
      return a.sector;
    case ActorType::government:
      return a.sector.empty() ? "GOV" : a.sector;
    default:
      return a.sector;
  }
}

// "lexicon:countries:IRN", "lexicon:organizations:IGOUNO", "lexicon:sectors:foreign ministry".
std::string mention_rule(const Candidate& c, const Lexicons& lex) {
  const std::string rule(c.rule);
  if (rule == "lexicon:countries" && c.country >= 0) return rule + ":" + iso3_of(c.country, lex);
  if (rule == "lexicon:places") return rule + ":" + std::string(c.name);
  if (rule == "lexicon:organizations" && c.org >= 0)
    return rule + ":" + lex.organizations()[static_cast<std::size_t>(c.org)].code;
  if ((rule == "rule:body" || rule == "rule:demonym+body") && c.sector_row >= 0)
    return rule + "+lexicon:sectors:" + lex.sectors()[static_cast<std::size_t>(c.sector_row)].noun;
  if (rule == "rule:title" && c.title >= 0) return rule + "+lexicon:titles:" + lex.titles()[static_cast<std::size_t>(c.title)].title;
  if (rule == "rule:nominal" && c.nominal >= 0)
    return rule + "+lexicon:nominals:" + lex.nominals()[static_cast<std::size_t>(c.nominal)].noun;
  return rule;
}

}  // namespace

std::string actor_code(const ActorRecord& a, const Lexicons& lex) {
  const std::string iso3 = iso3_of(a.country, lex);
  if (a.type == ActorType::state) return iso3;
  if (a.type == ActorType::location) return "";
  if (a.org >= 0) return lex.organizations()[static_cast<std::size_t>(a.org)].code;
  const std::string sector = sector_of(a, lex);
  if (iso3.empty() || sector.empty()) return "";
  return iso3 + sector;
}

void write_document(const TextLayer& text, const Lexicons& lex, const std::vector<Candidate>& cands,
                    const std::vector<ActorRecord>& actors, Document& doc) {
  const auto& toks = text.tokens;
  // Which candidates become mentions: resolved to one actor, or plural with two or more.
  std::vector<std::int32_t> emitted;
  emitted.reserve(cands.size());
  for (std::size_t c = 0; c < cands.size(); ++c) {
    const Candidate& C = cands[c];
    if (C.actor >= 0 || C.members.size() >= 2) emitted.push_back(static_cast<std::int32_t>(c));
  }
  // Actor ids in order of first use.
  std::vector<std::int32_t> id_of(actors.size(), -1);
  std::vector<std::int32_t> order;
  auto root = [&](std::int32_t a) {
    while (a >= 0 && actors[static_cast<std::size_t>(a)].merged_into >= 0) a = actors[static_cast<std::size_t>(a)].merged_into;
    return a;
  };
  auto use = [&](std::int32_t a) {
    a = root(a);
    if (a < 0) return;
    if (id_of[static_cast<std::size_t>(a)] < 0) {
      id_of[static_cast<std::size_t>(a)] = static_cast<std::int32_t>(order.size());
      order.push_back(a);
    }
  };
  std::vector<double> conf_sum(actors.size(), 0.0);
  std::vector<int> conf_n(actors.size(), 0);
  for (std::int32_t c : emitted) {
    const Candidate& C = cands[static_cast<std::size_t>(c)];
    if (C.actor >= 0) {
      use(C.actor);
      const std::int32_t r = root(C.actor);
      conf_sum[static_cast<std::size_t>(r)] += C.confidence;
      ++conf_n[static_cast<std::size_t>(r)];
    }
    for (std::int32_t m : C.members) use(m);
  }

  doc.actors.reserve(doc.actors.size() + order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const ActorRecord& A = actors[static_cast<std::size_t>(order[k])];
    Actor out;
    out.id = "a" + std::to_string(k + 1);
    out.name = A.name;
    out.type = A.type;
    out.country = iso3_of(A.country, lex);
    out.sector = sector_of(A, lex);
    out.code = actor_code(A, lex);
    // A person speaking for a non-state body takes its sector: "Hamas official Osama Hamdan" is
    // PSEREB, not PSEGOV; "army spokesman" MIL.
    if (A.type == ActorType::person && A.affiliation >= 0) {
      const std::int32_t aff = root(cands[static_cast<std::size_t>(A.affiliation)].actor);
      if (aff >= 0) {
        const ActorRecord& F = actors[static_cast<std::size_t>(aff)];
        const std::string fs = sector_of(F, lex);
        const bool generic = out.sector.empty() || out.sector == "GOV";
        const std::string fcode = actor_code(F, lex);
        if (F.country < 0 && F.type == ActorType::organization && fcode.size() >= 6 &&
            (fcode.rfind("IGO", 0) == 0 || fcode.rfind("NGO", 0) == 0)) {
          // "NATO Secretary-General Mark Rutte", "a U.N. spokeswoman": an international body's
          // official takes its organisation's code (IGONAT, IGOUNO), not a country's.
          out.country.clear();
          out.sector = fcode.substr(0, 3);
          out.code = fcode.substr(0, 6);
        } else if (!out.country.empty() && generic && !fs.empty() && fs != "GOV" && F.type != ActorType::state &&
                   F.type != ActorType::location) {
          out.sector = fs;
          out.code = out.country + fs;
        }
      }
    }
    if (A.type == ActorType::location) out.sector.clear();
    std::string rule = A.rule;
    if (A.first >= 0) {
      const Candidate& F = cands[static_cast<std::size_t>(A.first)];
      if (rule.empty() || rule == F.rule) rule = mention_rule(F, lex);
    }
    if ((A.type == ActorType::government || A.type == ActorType::state) && rule.empty())
      rule = "rule:country-context";
    out.provenance.rule = rule.empty() ? "rule:resolution" : rule;
    const std::size_t idx = static_cast<std::size_t>(order[k]);
    const double conf = conf_n[idx] > 0 ? conf_sum[idx] / conf_n[idx] : 0.5;
    out.confidence = std::min(1.0, std::max(0.05, conf + (A.named ? 0.05 : 0.0)));
    out.confidence = static_cast<double>(static_cast<int>(out.confidence * 100.0 + 0.5)) / 100.0;
    doc.actors.push_back(std::move(out));
  }

  doc.mentions.reserve(doc.mentions.size() + emitted.size());
  std::size_t n = 0;
  for (std::int32_t c : emitted) {
    const Candidate& C = cands[static_cast<std::size_t>(c)];
    Mention m;
    m.id = "m" + std::to_string(++n);
    m.span = Span{toks[C.tb].cp_begin, toks[C.te - 1].cp_end};
    m.kind = C.kind;
    if (C.actor >= 0) {
      m.actor = doc.actors[static_cast<std::size_t>(id_of[static_cast<std::size_t>(root(C.actor))])].id;
    } else {
      for (std::int32_t a : C.members) {
        const std::string& id = doc.actors[static_cast<std::size_t>(id_of[static_cast<std::size_t>(root(a))])].id;
        if (std::find(m.members.begin(), m.members.end(), id) == m.members.end()) m.members.push_back(id);
      }
    }
    m.provenance.rule = mention_rule(C, lex);
    m.confidence = static_cast<double>(static_cast<int>(C.confidence * 100.0f + 0.5f)) / 100.0;
    doc.mentions.push_back(std::move(m));
  }
}

}  // namespace dyad::detail
