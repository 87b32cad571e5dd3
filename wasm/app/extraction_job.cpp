#include "extraction_job.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

namespace dyad::app {
namespace {

/// Where the block starting at `from` ends: after a blank line in its second half if there is
/// one, else after a line break, a sentence end or a space, else at a character boundary.
std::size_t block_end(const std::string& text, std::size_t from, std::size_t target) {
  const std::size_t n = text.size();
  if (n - from <= target + target / 4) return n;  // no small tail block
  const std::size_t limit = from + target;
  const std::size_t floor = from + target / 2;
  auto after_last = [&](std::string_view what) -> std::size_t {
    const std::size_t at = text.rfind(what, limit - what.size());
    return at != std::string::npos && at >= floor ? at + what.size() : 0;
  };
  for (std::string_view sep : {std::string_view("\n\n"), std::string_view("\n"), std::string_view(". "),
                               std::string_view(" ")}) {
    if (const std::size_t end = after_last(sep)) return end;
  }
  std::size_t end = limit;
  while (end > from + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

Span shifted(Span s, std::size_t by) { return Span{s.start + by, s.end + by}; }

}  // namespace

void ExtractionJob::start(std::string text) {
  cancel();
  text_ = std::move(text);
  cuts_.push_back(0);
  while (cuts_.back() < text_.size()) cuts_.push_back(block_end(text_, cuts_.back(), kBlockBytes));
  if (cuts_.size() == 1) cuts_.push_back(0);  // empty text: one empty block
  running_ = true;
}

bool ExtractionJob::step(double deadline_ms, const std::function<double()>& clock) {
  if (!running_) return false;
  do {
    if (next_ + 1 >= cuts_.size()) return true;
    const std::size_t a = cuts_[next_];
    const std::size_t b = cuts_[next_ + 1];
    append(extract(std::string_view(text_).substr(a, b - a)));
    ++next_;
  } while (clock() < deadline_ms);
  return next_ + 1 >= cuts_.size();
}

double ExtractionJob::progress() const {
  if (!running_ || cuts_.size() < 2) return 0.0;
  if (text_.empty()) return next_ + 1 >= cuts_.size() ? 1.0 : 0.0;
  return static_cast<double>(cuts_[next_]) / static_cast<double>(text_.size());
}

void ExtractionJob::append(Document block) {
  const bool first = next_ == 0;
  const std::size_t cp_shift = out_cps_;
  const std::size_t byte_shift = out_.text.size();
  const auto sentence_shift = static_cast<std::int64_t>(out_.sentences.size());

  for (const Sentence& s : block.sentences) out_.sentences.push_back(Sentence{shifted(s.span, cp_shift)});
  for (const Token& t : block.tokens) out_.tokens.push_back(Token{shifted(t.span, cp_shift)});

  // Actors: one per (type, name) across blocks. Two actors of one block never become one (they
  // were told apart for a reason), so only the first of them joins an earlier block's actor.
  std::unordered_map<std::string, std::string> actor_id;
  std::unordered_set<std::string> taken;
  for (Actor& a : block.actors) {
    std::string key = std::string(to_string(a.type)) + '\x1f' + a.name;
    const auto known = actor_by_key_.find(key);
    if (known != actor_by_key_.end() && taken.insert(known->second).second) {
      actor_id[a.id] = known->second;
      continue;
    }
    std::string id = "a" + std::to_string(++actors_);
    actor_id[a.id] = id;
    taken.insert(id);
    if (known == actor_by_key_.end()) actor_by_key_.emplace(std::move(key), id);
    a.id = std::move(id);
    out_.actors.push_back(std::move(a));
  }
  auto map_actor = [&](std::string& id) {
    if (id.empty()) return;
    const auto it = actor_id.find(id);
    if (it != actor_id.end()) id = it->second;
  };

  std::unordered_map<std::string, std::string> mention_id;
  for (Mention& m : block.mentions) {
    std::string id = "m" + std::to_string(++mentions_);
    mention_id[m.id] = id;
    m.id = std::move(id);
    map_actor(m.actor);
    for (std::string& member : m.members) map_actor(member);
    m.span = shifted(m.span, cp_shift);
    out_.mentions.push_back(std::move(m));
  }
  auto map_mention = [&](std::string& id) {
    if (id.empty()) return;
    const auto it = mention_id.find(id);
    if (it != mention_id.end()) id = it->second;
  };

  for (Relation& r : block.relations) {
    r.id = "r" + std::to_string(++relations_);
    map_actor(r.source);
    map_actor(r.target);
    map_mention(r.source_mention);
    map_mention(r.target_mention);
    r.trigger = shifted(r.trigger, cp_shift);
    if (r.time) r.time = shifted(*r.time, cp_shift);
    if (r.sentence >= 0) r.sentence += sentence_shift;
    out_.relations.push_back(std::move(r));
  }

  for (Diagnostic& d : block.diagnostics) {
    if (d.offset >= 0) d.offset += static_cast<std::int64_t>(byte_shift);
    out_.diagnostics.push_back(std::move(d));
  }
  if (first) {
    out_.meta = std::move(block.meta);
    out_.extra = std::move(block.extra);
  }
  out_cps_ += count_code_points(block.text);
  out_.text += block.text;
}

Document ExtractionJob::finish() {
  Document doc = std::move(out_);
  doc.last_actor_id = actors_;
  doc.last_mention_id = mentions_;
  doc.last_relation_id = relations_;
  cancel();
  return doc;
}

void ExtractionJob::cancel() {
  text_.clear();
  text_.shrink_to_fit();
  cuts_.clear();
  next_ = 0;
  out_ = Document{};
  out_cps_ = 0;
  actor_by_key_.clear();
  actors_ = mentions_ = relations_ = 0;
  running_ = false;
}

}  // namespace dyad::app
