// Scoring a predicted document against gold. The definitions are in docs/evaluation.md; every
// matching here is one-to-one and greedy over a deterministic ranking, so a report depends only
// on the two documents (never on hash order or timing).
#include "dyad/eval.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

namespace dyad {

// [SECTION] Score arithmetic

namespace {

double ratio_or(double num, double den, double fallback) { return den > 0 ? num / den : fallback; }

double harmonic(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

}  // namespace

double Score::precision() const {
  if (tp + fp == 0) return fn == 0 ? 1.0 : 0.0;
  return static_cast<double>(tp) / static_cast<double>(tp + fp);
}

double Score::recall() const {
  if (tp + fn == 0) return fp == 0 ? 1.0 : 0.0;
  return static_cast<double>(tp) / static_cast<double>(tp + fn);
}

double Score::f1() const { return harmonic(precision(), recall()); }

Score& Score::operator+=(const Score& o) {
  tp += o.tp;
  fp += o.fp;
  fn += o.fn;
  return *this;
}

double RatioScore::precision() const { return ratio_or(p_num, p_den, 1.0); }
double RatioScore::recall() const { return ratio_or(r_num, r_den, 1.0); }
double RatioScore::f1() const { return harmonic(precision(), recall()); }

RatioScore& RatioScore::operator+=(const RatioScore& o) {
  p_num += o.p_num;
  p_den += o.p_den;
  r_num += o.r_num;
  r_den += o.r_den;
  return *this;
}

double Accuracy::value() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0.0; }

Accuracy& Accuracy::operator+=(const Accuracy& o) {
  correct += o.correct;
  total += o.total;
  return *this;
}

template <typename T, std::size_t N>
static void add_all(std::array<T, N>& a, const std::array<T, N>& b) {
  for (std::size_t i = 0; i < N; ++i) a[i] += b[i];
}

MentionScores& MentionScores::operator+=(const MentionScores& o) {
  exact += o.exact;
  overlap += o.overlap;
  add_all(exact_by_kind, o.exact_by_kind);
  add_all(overlap_by_kind, o.overlap_by_kind);
  add_all(exact_by_type, o.exact_by_type);
  add_all(overlap_by_type, o.overlap_by_type);
  return *this;
}

ActorScores& ActorScores::operator+=(const ActorScores& o) {
  clusters += o.clusters;
  add_all(clusters_by_type, o.clusters_by_type);
  b_cubed += o.b_cubed;
  muc += o.muc;
  type += o.type;
  country += o.country;
  sector += o.sector;
  code += o.code;
  return *this;
}

RelationScores& RelationScores::operator+=(const RelationScores& o) {
  strict += o.strict;
  dyad += o.dyad;
  for (const auto& [k, v] : o.by_type) by_type[k] += v;
  quad += o.quad;
  type += o.type;
  cameo_root += o.cameo_root;
  cameo_root_strict += o.cameo_root_strict;
  negated += o.negated;
  modality += o.modality;
  return *this;
}

EvalReport& EvalReport::operator+=(const EvalReport& o) {
  documents += o.documents;
  mentions += o.mentions;
  actors += o.actors;
  relations += o.relations;
  diagnostics.insert(diagnostics.end(), o.diagnostics.begin(), o.diagnostics.end());
  return *this;
}

EvalReport sum(const std::vector<EvalReport>& reports) {
  EvalReport total;
  for (const auto& r : reports) total += r;
  return total;
}

bool is_symmetric_plover_type(std::string_view type) {
  return type == "AGREE" || type == "CONSULT" || type == "COOPERATE";
}

// [SECTION] The scored view of one document

namespace {

constexpr int kNone = -1;
constexpr int kMixedType = -1;

/// A mention that takes part in scoring, with its actors as indices into View::actors.
struct MentionView {
  Span span;
  MentionKind kind = MentionKind::name;
  std::vector<int> actors;  // one for an ordinary mention, the members for a plural one
  int type = kMixedType;    // ActorType shared by all its actors, or kMixedType
};

struct RelationView {
  const Relation* rel = nullptr;
  int source = kNone;  // actor index
  int target = kNone;
};

/// What evaluation sees of a document: rejected annotations and everything hanging off a
/// rejected actor removed, ids resolved to indices.
struct View {
  std::vector<const Actor*> actors;
  std::vector<bool> actor_has_mentions;
  std::vector<MentionView> mentions;
  std::vector<RelationView> relations;
};

View make_view(const Document& doc) {
  View v;
  std::unordered_map<std::string, int> actor_index;
  for (const Actor& a : doc.actors) {
    if (a.status == Status::rejected || actor_index.count(a.id)) continue;
    actor_index.emplace(a.id, static_cast<int>(v.actors.size()));
    v.actors.push_back(&a);
  }
  v.actor_has_mentions.assign(v.actors.size(), false);
  auto lookup = [&](const std::string& id) {
    const auto it = actor_index.find(id);
    return it == actor_index.end() ? kNone : it->second;
  };
  for (const Mention& m : doc.mentions) {
    if (m.status == Status::rejected || m.span.empty()) continue;
    MentionView mv;
    mv.span = m.span;
    mv.kind = m.kind;
    if (!m.actor.empty()) {
      if (const int a = lookup(m.actor); a != kNone) mv.actors.push_back(a);
    } else {
      for (const auto& id : m.members) {
        const int a = lookup(id);
        if (a != kNone && std::find(mv.actors.begin(), mv.actors.end(), a) == mv.actors.end()) mv.actors.push_back(a);
      }
    }
    if (mv.actors.empty()) continue;
    mv.type = static_cast<int>(v.actors[static_cast<std::size_t>(mv.actors[0])]->type);
    for (const int a : mv.actors) {
      v.actor_has_mentions[static_cast<std::size_t>(a)] = true;
      if (static_cast<int>(v.actors[static_cast<std::size_t>(a)]->type) != mv.type) mv.type = kMixedType;
    }
    v.mentions.push_back(std::move(mv));
  }
  for (const Relation& r : doc.relations) {
    if (r.status == Status::rejected) continue;
    RelationView rv{&r, lookup(r.source), lookup(r.target)};
    if (rv.source == kNone || rv.target == kNone) continue;
    v.relations.push_back(rv);
  }
  return v;
}

using Pairs = std::vector<std::pair<int, int>>;  // (gold index, predicted index)

std::size_t overlap_size(const Span& a, const Span& b) {
  const std::size_t lo = std::max(a.start, b.start), hi = std::min(a.end, b.end);
  return hi > lo ? hi - lo : 0;
}

std::size_t distance(std::size_t a, std::size_t b) { return a > b ? a - b : b - a; }

/// Candidate pair with its ranking key (smaller key = taken first).
template <typename Key>
struct Candidate {
  Key key;
  int gold;
  int pred;
};

/// One-to-one greedy matching over ranked candidates.
template <typename Key>
Pairs greedy(std::vector<Candidate<Key>> cands, std::size_t n_gold, std::size_t n_pred) {
  std::sort(cands.begin(), cands.end(), [](const Candidate<Key>& a, const Candidate<Key>& b) {
    return std::tie(a.key, a.gold, a.pred) < std::tie(b.key, b.gold, b.pred);
  });
  std::vector<bool> gold_used(n_gold, false), pred_used(n_pred, false);
  Pairs out;
  for (const auto& c : cands) {
    const auto g = static_cast<std::size_t>(c.gold), p = static_cast<std::size_t>(c.pred);
    if (gold_used[g] || pred_used[p]) continue;
    gold_used[g] = pred_used[p] = true;
    out.emplace_back(c.gold, c.pred);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Score score_of(const Pairs& pairs, std::size_t n_gold, std::size_t n_pred) {
  Score s;
  s.tp = pairs.size();
  s.fn = n_gold - pairs.size();
  s.fp = n_pred - pairs.size();
  return s;
}

// [SECTION] Mentions

/// Indices of the mentions a filter keeps.
template <typename Keep>
std::vector<int> indices_where(const std::vector<MentionView>& ms, Keep keep) {
  std::vector<int> out;
  for (std::size_t i = 0; i < ms.size(); ++i)
    if (keep(ms[i])) out.push_back(static_cast<int>(i));
  return out;
}

/// Calls f(g, p) for every selected gold/predicted pair whose spans overlap, without trying all
/// pairs: predictions sorted by start, and only those that can reach the gold span are visited.
template <typename F>
void for_overlapping(const View& gold, const std::vector<int>& gi, const View& pred, std::vector<int> pi, F f) {
  std::sort(pi.begin(), pi.end(), [&](int a, int b) {
    return pred.mentions[static_cast<std::size_t>(a)].span.start < pred.mentions[static_cast<std::size_t>(b)].span.start;
  });
  std::size_t longest = 0;
  for (const int p : pi) longest = std::max(longest, pred.mentions[static_cast<std::size_t>(p)].span.size());
  for (const int g : gi) {
    const Span& gs = gold.mentions[static_cast<std::size_t>(g)].span;
    const std::size_t from = gs.start > longest ? gs.start - longest : 0;
    auto it = std::lower_bound(pi.begin(), pi.end(), from, [&](int p, std::size_t v) {
      return pred.mentions[static_cast<std::size_t>(p)].span.start < v;
    });
    for (; it != pi.end() && pred.mentions[static_cast<std::size_t>(*it)].span.start < gs.end; ++it)
      if (overlap_size(gs, pred.mentions[static_cast<std::size_t>(*it)].span) > 0) f(g, *it);
  }
}

/// Exact-span matching among the selected mentions (returned as indices into the full lists).
/// Duplicated spans pair up one-to-one, same kind first.
Pairs match_exact(const View& gold, const std::vector<int>& gi, const View& pred, const std::vector<int>& pi) {
  std::vector<Candidate<int>> cands;
  for_overlapping(gold, gi, pred, pi, [&](int g, int p) {
    const auto& gm = gold.mentions[static_cast<std::size_t>(g)];
    const auto& pm = pred.mentions[static_cast<std::size_t>(p)];
    if (gm.span == pm.span) cands.push_back({gm.kind == pm.kind ? 0 : 1, g, p});
  });
  return greedy(std::move(cands), gold.mentions.size(), pred.mentions.size());
}

/// Overlap matching: largest overlap first, then the closest boundaries.
Pairs match_overlap(const View& gold, const std::vector<int>& gi, const View& pred, const std::vector<int>& pi) {
  using Key = std::tuple<std::int64_t, std::size_t>;
  std::vector<Candidate<Key>> cands;
  for_overlapping(gold, gi, pred, pi, [&](int g, int p) {
    const auto& gs = gold.mentions[static_cast<std::size_t>(g)].span;
    const auto& ps = pred.mentions[static_cast<std::size_t>(p)].span;
    const auto ov = static_cast<std::int64_t>(overlap_size(gs, ps));
    cands.push_back({Key{-ov, distance(gs.start, ps.start) + distance(gs.end, ps.end)}, g, p});
  });
  return greedy(std::move(cands), gold.mentions.size(), pred.mentions.size());
}

template <typename Keep>
void score_mention_subset(const View& gold, const View& pred, Keep keep, Score& exact, Score& overlap) {
  const auto gi = indices_where(gold.mentions, keep), pi = indices_where(pred.mentions, keep);
  exact = score_of(match_exact(gold, gi, pred, pi), gi.size(), pi.size());
  overlap = score_of(match_overlap(gold, gi, pred, pi), gi.size(), pi.size());
}

// [SECTION] Actors

/// Aligns predicted actors to gold actors by the number of exactly matched mentions they share
/// (a plural mention counts for each of its members). Returns pred index -> gold index.
std::vector<int> align_actors(const View& gold, const View& pred, const Pairs& exact) {
  std::map<std::pair<int, int>, int> shared;  // (gold actor, pred actor) -> count
  for (const auto& [g, p] : exact)
    for (const int ga : gold.mentions[static_cast<std::size_t>(g)].actors)
      for (const int pa : pred.mentions[static_cast<std::size_t>(p)].actors) ++shared[{ga, pa}];
  using Key = std::tuple<int, int>;  // (-shared, type differs)
  std::vector<Candidate<Key>> cands;
  for (const auto& [k, n] : shared) {
    const bool same_type = gold.actors[static_cast<std::size_t>(k.first)]->type ==
                           pred.actors[static_cast<std::size_t>(k.second)]->type;
    cands.push_back({Key{-n, same_type ? 0 : 1}, k.first, k.second});
  }
  std::vector<int> p2g(pred.actors.size(), kNone);
  for (const auto& [g, p] : greedy(std::move(cands), gold.actors.size(), pred.actors.size()))
    p2g[static_cast<std::size_t>(p)] = g;
  return p2g;
}

void score_actors(const View& gold, const View& pred, const Pairs& exact, const std::vector<int>& p2g, ActorScores& out) {
  std::vector<int> g2p(gold.actors.size(), kNone);
  for (std::size_t p = 0; p < p2g.size(); ++p)
    if (p2g[p] != kNone) g2p[static_cast<std::size_t>(p2g[p])] = static_cast<int>(p);

  // Clusters: only actors with at least one scored mention are clusters.
  for (std::size_t g = 0; g < gold.actors.size(); ++g) {
    if (!gold.actor_has_mentions[g]) continue;
    const auto t = static_cast<std::size_t>(gold.actors[g]->type);
    const int p = g2p[g];
    if (p == kNone) {
      ++out.clusters.fn;
      ++out.clusters_by_type[t].fn;
      continue;
    }
    const Actor& ga = *gold.actors[g];
    const Actor& pa = *pred.actors[static_cast<std::size_t>(p)];
    ++out.clusters.tp;
    if (pa.type == ga.type) ++out.clusters_by_type[t].tp;
    else ++out.clusters_by_type[t].fn;
    out.type.count(pa.type == ga.type);
    out.country.count(pa.country == ga.country);
    out.sector.count(pa.sector == ga.sector);
    out.code.count(pa.code == ga.code);
  }
  for (std::size_t p = 0; p < pred.actors.size(); ++p) {
    if (!pred.actor_has_mentions[p]) continue;
    const auto t = static_cast<std::size_t>(pred.actors[p]->type);
    const int g = p2g[p];
    if (g == kNone) {
      ++out.clusters.fp;
      ++out.clusters_by_type[t].fp;
    } else if (gold.actors[static_cast<std::size_t>(g)]->type != pred.actors[p]->type) {
      ++out.clusters_by_type[t].fp;
    }
  }

  // B-cubed and MUC over exactly matched mentions that each side gives a single actor.
  std::vector<std::pair<int, int>> links;  // (gold actor, pred actor) per mention
  for (const auto& [g, p] : exact) {
    const auto& ga = gold.mentions[static_cast<std::size_t>(g)].actors;
    const auto& pa = pred.mentions[static_cast<std::size_t>(p)].actors;
    if (ga.size() == 1 && pa.size() == 1) links.emplace_back(ga[0], pa[0]);
  }
  std::map<int, double> gold_size, pred_size;
  std::map<std::pair<int, int>, double> both;
  for (const auto& l : links) {
    ++gold_size[l.first];
    ++pred_size[l.second];
    ++both[l];
  }
  for (const auto& l : links) {
    const double n = both[l];
    out.b_cubed.p_num += n / pred_size[l.second];
    out.b_cubed.r_num += n / gold_size[l.first];
    out.b_cubed.p_den += 1;
    out.b_cubed.r_den += 1;
  }
  // MUC: a gold cluster of size k split into j predicted pieces misses j - 1 of its k - 1 links.
  std::map<int, double> gold_parts, pred_parts;
  for (const auto& [k, n] : both) {
    (void)n;
    ++gold_parts[k.first];
    ++pred_parts[k.second];
  }
  for (const auto& [a, n] : gold_size) {
    out.muc.r_num += n - gold_parts[a];
    out.muc.r_den += n - 1;
  }
  for (const auto& [a, n] : pred_size) {
    out.muc.p_num += n - pred_parts[a];
    out.muc.p_den += n - 1;
  }
}

// [SECTION] Relations

std::string_view cameo_root(const std::string& cameo) { return std::string_view(cameo).substr(0, std::min<std::size_t>(2, cameo.size())); }

/// Matches relations whose endpoints correspond through the actor alignment. `strict` also
/// requires equal types. Reversed endpoints match when a type involved is symmetric.
Pairs match_relations(const View& gold, const View& pred, const std::vector<int>& p2g, bool strict) {
  // Ranking: same type, overlapping triggers, same direction, nearest triggers.
  using Key = std::tuple<int, std::int64_t, int, std::size_t>;
  std::vector<Candidate<Key>> cands;
  for (std::size_t gi = 0; gi < gold.relations.size(); ++gi) {
    const auto& g = gold.relations[gi];
    for (std::size_t pi = 0; pi < pred.relations.size(); ++pi) {
      const auto& p = pred.relations[pi];
      const int ps = p2g[static_cast<std::size_t>(p.source)], pt = p2g[static_cast<std::size_t>(p.target)];
      if (ps == kNone || pt == kNone) continue;
      const bool same_type = g.rel->type == p.rel->type;
      if (strict && !same_type) continue;
      const bool forward = ps == g.source && pt == g.target;
      const bool symmetric = is_symmetric_plover_type(g.rel->type) || is_symmetric_plover_type(p.rel->type);
      const bool backward = symmetric && ps == g.target && pt == g.source;
      if (!forward && !backward) continue;
      const auto ov = static_cast<std::int64_t>(overlap_size(g.rel->trigger, p.rel->trigger));
      cands.push_back({Key{same_type ? 0 : 1, -ov, forward ? 0 : 1, distance(g.rel->trigger.start, p.rel->trigger.start)},
                       static_cast<int>(gi), static_cast<int>(pi)});
    }
  }
  return greedy(std::move(cands), gold.relations.size(), pred.relations.size());
}

void score_relations(const View& gold, const View& pred, const std::vector<int>& p2g, RelationScores& out) {
  const Pairs strict = match_relations(gold, pred, p2g, true);
  const Pairs dyad = match_relations(gold, pred, p2g, false);
  out.strict = score_of(strict, gold.relations.size(), pred.relations.size());
  out.dyad = score_of(dyad, gold.relations.size(), pred.relations.size());

  std::vector<bool> gold_hit(gold.relations.size(), false), pred_hit(pred.relations.size(), false);
  for (const auto& [g, p] : strict) {
    const Relation& gr = *gold.relations[static_cast<std::size_t>(g)].rel;
    const Relation& pr = *pred.relations[static_cast<std::size_t>(p)].rel;
    gold_hit[static_cast<std::size_t>(g)] = pred_hit[static_cast<std::size_t>(p)] = true;
    ++out.by_type[gr.type].tp;
    out.cameo_root_strict.count(cameo_root(gr.cameo) == cameo_root(pr.cameo));
    out.negated.count(gr.negated == pr.negated);
    out.modality.count(gr.modality == pr.modality);
  }
  for (std::size_t g = 0; g < gold_hit.size(); ++g)
    if (!gold_hit[g]) ++out.by_type[gold.relations[g].rel->type].fn;
  for (std::size_t p = 0; p < pred_hit.size(); ++p)
    if (!pred_hit[p]) ++out.by_type[pred.relations[p].rel->type].fp;

  for (const auto& [g, p] : dyad) {
    const Relation& gr = *gold.relations[static_cast<std::size_t>(g)].rel;
    const Relation& pr = *pred.relations[static_cast<std::size_t>(p)].rel;
    out.quad.count(gr.quad == pr.quad);
    out.type.count(gr.type == pr.type);
    out.cameo_root.count(cameo_root(gr.cameo) == cameo_root(pr.cameo));
  }
}

}  // namespace

// [SECTION] evaluate

EvalReport evaluate(const Document& gold, const Document& pred) {
  EvalReport report;
  report.documents = 1;
  if (gold.text != pred.text) {
    Diagnostic d;
    d.severity = Severity::error;
    d.code = "eval.text_mismatch";
    d.message = "the predicted document's text differs from the gold text, so offsets do not correspond";
    report.diagnostics.push_back(std::move(d));
  }
  const View g = make_view(gold);
  const View p = make_view(pred);

  auto& ms = report.mentions;
  score_mention_subset(g, p, [](const MentionView&) { return true; }, ms.exact, ms.overlap);
  for (std::size_t k = 0; k < kMentionKindCount; ++k)
    score_mention_subset(g, p, [k](const MentionView& m) { return static_cast<std::size_t>(m.kind) == k; },
                         ms.exact_by_kind[k], ms.overlap_by_kind[k]);
  for (std::size_t t = 0; t < kActorTypeCount; ++t)
    score_mention_subset(g, p, [t](const MentionView& m) { return m.type == static_cast<int>(t); }, ms.exact_by_type[t],
                         ms.overlap_by_type[t]);

  std::vector<int> all_g(g.mentions.size()), all_p(p.mentions.size());
  for (std::size_t i = 0; i < all_g.size(); ++i) all_g[i] = static_cast<int>(i);
  for (std::size_t i = 0; i < all_p.size(); ++i) all_p[i] = static_cast<int>(i);
  const Pairs exact = match_exact(g, all_g, p, all_p);
  const std::vector<int> p2g = align_actors(g, p, exact);
  score_actors(g, p, exact, p2g, report.actors);
  score_relations(g, p, p2g, report.relations);
  return report;
}

// [SECTION] JSON

namespace {

using Json = nlohmann::ordered_json;

double rounded(double x) { return std::round(x * 10000.0) / 10000.0; }

Json score_json(const Score& s) {
  Json j;
  j["tp"] = s.tp;
  j["fp"] = s.fp;
  j["fn"] = s.fn;
  j["precision"] = rounded(s.precision());
  j["recall"] = rounded(s.recall());
  j["f1"] = rounded(s.f1());
  return j;
}

Json ratio_json(const RatioScore& s) {
  Json j;
  j["precision"] = rounded(s.precision());
  j["recall"] = rounded(s.recall());
  j["f1"] = rounded(s.f1());
  j["p_num"] = rounded(s.p_num);
  j["p_den"] = rounded(s.p_den);
  j["r_num"] = rounded(s.r_num);
  j["r_den"] = rounded(s.r_den);
  return j;
}

Json accuracy_json(const Accuracy& a) {
  Json j;
  j["correct"] = a.correct;
  j["total"] = a.total;
  j["accuracy"] = rounded(a.value());
  return j;
}

}  // namespace

std::string to_json(const EvalReport& r, const WriteOptions& options) {
  Json j;
  j["schema"] = "dyad-eval/1";
  j["documents"] = r.documents;

  // The headline numbers (the issues' targets) in one flat object.
  Json summary;
  summary["named_mentions_f1"] = rounded(r.mentions.named().f1());
  summary["named_mentions_precision"] = rounded(r.mentions.named().precision());
  summary["named_mentions_recall"] = rounded(r.mentions.named().recall());
  summary["mentions_exact_f1"] = rounded(r.mentions.exact.f1());
  summary["mentions_overlap_f1"] = rounded(r.mentions.overlap.f1());
  summary["clusters_f1"] = rounded(r.actors.clusters.f1());
  summary["b_cubed_f1"] = rounded(r.actors.b_cubed.f1());
  summary["muc_f1"] = rounded(r.actors.muc.f1());
  summary["actor_code_accuracy"] = rounded(r.actors.code.value());
  summary["relations_f1"] = rounded(r.relations.strict.f1());
  summary["relations_dyad_f1"] = rounded(r.relations.dyad.f1());
  summary["quad_accuracy"] = rounded(r.relations.quad.value());
  j["summary"] = std::move(summary);

  Json m;
  m["named"] = score_json(r.mentions.named());
  m["exact"] = score_json(r.mentions.exact);
  m["overlap"] = score_json(r.mentions.overlap);
  Json by_kind = Json::object();
  for (std::size_t k = 0; k < kMentionKindCount; ++k) {
    Json e;
    e["exact"] = score_json(r.mentions.exact_by_kind[k]);
    e["overlap"] = score_json(r.mentions.overlap_by_kind[k]);
    by_kind[to_string(static_cast<MentionKind>(k))] = std::move(e);
  }
  m["by_kind"] = std::move(by_kind);
  Json by_type = Json::object();
  for (std::size_t t = 0; t < kActorTypeCount; ++t) {
    Json e;
    e["exact"] = score_json(r.mentions.exact_by_type[t]);
    e["overlap"] = score_json(r.mentions.overlap_by_type[t]);
    by_type[to_string(static_cast<ActorType>(t))] = std::move(e);
  }
  m["by_type"] = std::move(by_type);
  j["mentions"] = std::move(m);

  Json a;
  a["clusters"] = score_json(r.actors.clusters);
  Json cl_type = Json::object();
  for (std::size_t t = 0; t < kActorTypeCount; ++t)
    cl_type[to_string(static_cast<ActorType>(t))] = score_json(r.actors.clusters_by_type[t]);
  a["clusters_by_type"] = std::move(cl_type);
  a["b_cubed"] = ratio_json(r.actors.b_cubed);
  a["muc"] = ratio_json(r.actors.muc);
  a["type"] = accuracy_json(r.actors.type);
  a["country"] = accuracy_json(r.actors.country);
  a["sector"] = accuracy_json(r.actors.sector);
  a["code"] = accuracy_json(r.actors.code);
  j["actors"] = std::move(a);

  Json rel;
  rel["strict"] = score_json(r.relations.strict);
  rel["dyad"] = score_json(r.relations.dyad);
  Json rel_type = Json::object();
  for (const auto& [k, v] : r.relations.by_type) rel_type[k] = score_json(v);
  rel["by_type"] = std::move(rel_type);
  rel["quad"] = accuracy_json(r.relations.quad);
  rel["type"] = accuracy_json(r.relations.type);
  rel["cameo_root"] = accuracy_json(r.relations.cameo_root);
  rel["cameo_root_strict"] = accuracy_json(r.relations.cameo_root_strict);
  rel["negated"] = accuracy_json(r.relations.negated);
  rel["modality"] = accuracy_json(r.relations.modality);
  j["relations"] = std::move(rel);

  Json diags = Json::parse(diagnostics_to_json(r.diagnostics), nullptr, false);
  j["diagnostics"] = diags.is_discarded() ? Json::array() : std::move(diags);
  return j.dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace dyad
