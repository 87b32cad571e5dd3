#pragma once
/// Scoring a predicted document against a gold one: mentions, actors (coreference, codes) and
/// relations, each as P/R/F1. Pure functions, no I/O; the metrics are defined in docs/evaluation.md.

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.hpp"
#include "dyad/document.hpp"
#include "dyad/json_io.hpp"

namespace dyad {

/// Counts of one matching task and the precision, recall and F1 derived from them.
struct Score {
  std::size_t tp = 0;
  std::size_t fp = 0;
  std::size_t fn = 0;

  std::size_t gold() const { return tp + fn; }
  std::size_t predicted() const { return tp + fp; }
  /// Returns tp / (tp + fp); with nothing predicted, 1 if there was no gold either, else 0.
  double precision() const;
  /// Returns tp / (tp + fn); with no gold, 1 if nothing was predicted either, else 0.
  double recall() const;
  /// Harmonic mean of precision and recall; 0 when both are 0.
  double f1() const;
  Score& operator+=(const Score& o);
};

/// Precision and recall that are ratios of sums (B-cubed, MUC), so they add across documents.
struct RatioScore {
  double p_num = 0, p_den = 0;
  double r_num = 0, r_den = 0;

  /// Returns p_num / p_den (1 when p_den is 0: no evidence against).
  double precision() const;
  /// Returns r_num / r_den (1 when r_den is 0).
  double recall() const;
  double f1() const;
  RatioScore& operator+=(const RatioScore& o);
};

/// Share of matched pairs on which one attribute agrees.
struct Accuracy {
  std::size_t correct = 0;
  std::size_t total = 0;
  /// Returns correct / total; 0 when there are no pairs.
  double value() const;
  void count(bool ok) { ++total; if (ok) ++correct; }
  Accuracy& operator+=(const Accuracy& o);
};

inline constexpr std::size_t kMentionKindCount = 3;  ///< name, nominal, pronoun
inline constexpr std::size_t kActorTypeCount = 6;    ///< person ... location

/// Mention detection, scored by exact span and by overlap.
struct MentionScores {
  Score exact;    ///< span start and end equal
  Score overlap;  ///< spans share at least one code point (one-to-one, greedy by overlap size)
  /// Indexed by MentionKind: gold mentions of that kind against predicted mentions of that kind.
  std::array<Score, kMentionKindCount> exact_by_kind{};
  std::array<Score, kMentionKindCount> overlap_by_kind{};
  /// Indexed by ActorType of the mention's actor (plural mentions: the type all members share;
  /// mixed-type plural mentions are in no per-type bucket).
  std::array<Score, kActorTypeCount> exact_by_type{};
  std::array<Score, kActorTypeCount> overlap_by_type{};

  /// The headline number: NAME mentions, exact span.
  const Score& named() const { return exact_by_kind[static_cast<std::size_t>(MentionKind::name)]; }
  MentionScores& operator+=(const MentionScores& o);
};

/// Actors: cluster alignment, coreference link metrics and codes on aligned pairs.
struct ActorScores {
  Score clusters;  ///< a predicted actor is a TP if it is aligned to a gold actor
  /// Indexed by ActorType: TP when aligned and both actors have that type.
  std::array<Score, kActorTypeCount> clusters_by_type{};
  RatioScore b_cubed;  ///< over exactly matched single-actor mentions
  RatioScore muc;      ///< over the same mentions
  Accuracy type;       ///< on aligned pairs
  Accuracy country;
  Accuracy sector;
  Accuracy code;
  ActorScores& operator+=(const ActorScores& o);
};

/// Relations: matched through the actor alignment.
struct RelationScores {
  Score strict;  ///< source, target and PLOVER type
  Score dyad;    ///< source and target only
  std::map<std::string, Score> by_type;  ///< strict, per PLOVER type (gold type for FN, predicted for FP)
  Accuracy quad;              ///< on dyad-matched pairs
  Accuracy type;              ///< PLOVER type on dyad-matched pairs
  Accuracy cameo_root;        ///< first two CAMEO digits, on dyad-matched pairs
  Accuracy cameo_root_strict; ///< first two CAMEO digits, on strictly matched pairs
  Accuracy negated;           ///< on strictly matched pairs
  Accuracy modality;          ///< on strictly matched pairs
  RelationScores& operator+=(const RelationScores& o);
};

/// Everything evaluate() measures; reports of several documents add up with +=.
struct EvalReport {
  std::size_t documents = 0;
  MentionScores mentions;
  ActorScores actors;
  RelationScores relations;
  /// Problems with the pair itself (e.g. "eval.text_mismatch": offsets cannot be compared).
  std::vector<Diagnostic> diagnostics;
  EvalReport& operator+=(const EvalReport& o);
};

/// Scores `pred` against `gold` (same text; a text mismatch is reported as an error diagnostic
/// and the spans are compared anyway). Rejected annotations, and mentions and relations of
/// rejected actors, are ignored on both sides. Never throws.
EvalReport evaluate(const Document& gold, const Document& pred);

/// Sum of the reports (micro-average: counts add up before P/R/F1 are computed).
EvalReport sum(const std::vector<EvalReport>& reports);

/// PLOVER types whose direction carries no meaning (AGREE, CONSULT, COOPERATE).
bool is_symmetric_plover_type(std::string_view type);

/// Serialises a report as JSON ({"documents", "mentions", "actors", "relations"}, each score
/// with tp/fp/fn/precision/recall/f1). Stable key order; see docs/evaluation.md.
std::string to_json(const EvalReport& report, const WriteOptions& options = {});

}  // namespace dyad
