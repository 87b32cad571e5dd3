#include "document_index.hpp"

#include <algorithm>

namespace dyad::app {

void DocumentIndex::build(const Document& doc) {
  offsets_ = OffsetMap(doc.text);
  spans_.clear();
  longest_ = 0;
  actor_by_id_.clear();
  mention_by_id_.clear();
  mentions_per_actor_.assign(doc.actors.size(), 0);

  for (std::size_t i = 0; i < doc.actors.size(); ++i) actor_by_id_.emplace(doc.actors[i].id, static_cast<int>(i));
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    mention_by_id_.emplace(m.id, static_cast<int>(i));
    if (m.span.empty() || m.span.end > offsets_.size()) continue;
    MentionSpan s;
    s.byte_begin = offsets_.byte_of(m.span.start);
    s.byte_end = offsets_.byte_of(m.span.end);
    s.mention = static_cast<int>(i);
    s.actor = actor_index(m.actor);
    if (s.actor < 0 && !m.members.empty()) s.actor = actor_index(m.members.front());
    if (s.actor >= 0) ++mentions_per_actor_[static_cast<std::size_t>(s.actor)];
    longest_ = std::max(longest_, s.byte_end - s.byte_begin);
    spans_.push_back(s);
  }
  std::stable_sort(spans_.begin(), spans_.end(),
                   [](const MentionSpan& a, const MentionSpan& b) { return a.byte_begin < b.byte_begin; });
  span_by_mention_.assign(doc.mentions.size(), -1);
  for (std::size_t i = 0; i < spans_.size(); ++i)
    span_by_mention_[static_cast<std::size_t>(spans_[i].mention)] = static_cast<int>(i);
}

int DocumentIndex::span_of_mention(int mention) const {
  if (mention < 0 || static_cast<std::size_t>(mention) >= span_by_mention_.size()) return -1;
  return span_by_mention_[static_cast<std::size_t>(mention)];
}

int DocumentIndex::actor_index(const std::string& id) const {
  auto it = actor_by_id_.find(id);
  return it == actor_by_id_.end() ? -1 : it->second;
}

int DocumentIndex::mention_index(const std::string& id) const {
  auto it = mention_by_id_.find(id);
  return it == mention_by_id_.end() ? -1 : it->second;
}

int DocumentIndex::mention_count(int actor) const {
  if (actor < 0 || static_cast<std::size_t>(actor) >= mentions_per_actor_.size()) return 0;
  return mentions_per_actor_[static_cast<std::size_t>(actor)];
}

std::size_t DocumentIndex::first_span_overlapping(std::size_t byte) const {
  const std::size_t from = byte > longest_ ? byte - longest_ : 0;
  auto it = std::lower_bound(spans_.begin(), spans_.end(), from,
                             [](const MentionSpan& s, std::size_t b) { return s.byte_begin < b; });
  return static_cast<std::size_t>(it - spans_.begin());
}

int DocumentIndex::span_at(std::size_t byte) const {
  int best = -1;
  std::size_t best_len = 0;
  for (std::size_t i = first_span_overlapping(byte); i < spans_.size() && spans_[i].byte_begin <= byte; ++i) {
    const MentionSpan& s = spans_[i];
    if (byte < s.byte_end && (best < 0 || s.byte_end - s.byte_begin < best_len)) {
      best = static_cast<int>(i);
      best_len = s.byte_end - s.byte_begin;
    }
  }
  return best;
}

}  // namespace dyad::app
