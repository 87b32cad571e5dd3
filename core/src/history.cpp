// Snapshot undo/redo (opensim-creator's model): every step keeps the annotations before it;
// the text layer is shared. A byte budget drops the oldest steps.
#include "dyad/history.hpp"

#include <algorithm>
#include <utility>

namespace dyad {
namespace {

std::size_t extra_bytes(const ExtraFields& extra) {
  std::size_t n = extra.capacity() * sizeof(ExtraFields::value_type);
  for (const auto& [k, v] : extra) n += k.capacity() + v.capacity();
  return n;
}

std::size_t bytes_of(const Actor& a) {
  return sizeof(Actor) + a.id.capacity() + a.name.capacity() + a.country.capacity() + a.sector.capacity() + a.code.capacity() +
         a.provenance.rule.capacity() + extra_bytes(a.extra);
}

std::size_t bytes_of(const Mention& m) {
  std::size_t n = sizeof(Mention) + m.id.capacity() + m.actor.capacity() + m.provenance.rule.capacity() + extra_bytes(m.extra);
  for (const auto& id : m.members) n += sizeof(std::string) + id.capacity();
  return n;
}

std::size_t bytes_of(const Relation& r) {
  return sizeof(Relation) + r.id.capacity() + r.source.capacity() + r.target.capacity() + r.source_mention.capacity() +
         r.target_mention.capacity() + r.type.capacity() + r.cameo.capacity() + r.provenance.rule.capacity() + extra_bytes(r.extra);
}

std::size_t bytes_of(const Meta& m) {
  return sizeof(Meta) + m.title.capacity() + m.url.capacity() + m.date.capacity() + m.annotator.capacity() + m.notes.capacity() +
         extra_bytes(m.extra);
}

template <class T>
std::size_t sum_bytes(const std::vector<T>& v) {
  std::size_t n = 0;
  for (const auto& x : v) n += bytes_of(x);
  return n;
}

std::size_t annotation_bytes(const std::vector<Actor>& actors, const std::vector<Mention>& mentions,
                             const std::vector<Relation>& relations, const Meta& meta) {
  return sum_bytes(actors) + sum_bytes(mentions) + sum_bytes(relations) + bytes_of(meta);
}

bool same_spans(const std::vector<Sentence>& a, const std::vector<Sentence>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i].span == b[i].span)) return false;
  return true;
}

bool same_spans(const std::vector<Token>& a, const std::vector<Token>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i].span == b[i].span)) return false;
  return true;
}

bool same_diagnostics(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].code != b[i].code || a[i].message != b[i].message || a[i].path != b[i].path || a[i].offset != b[i].offset) return false;
  return true;
}

}  // namespace

std::size_t annotation_bytes(const Document& doc) { return annotation_bytes(doc.actors, doc.mentions, doc.relations, doc.meta); }

History::History(Document doc, std::size_t byte_limit) : byte_limit_(byte_limit) { reset(std::move(doc)); }

void History::reset(Document doc) {
  current_ = std::move(doc);
  base_ = std::make_shared<const Base>(Base{current_.text, current_.sentences, current_.tokens, current_.diagnostics, current_.extra});
  undo_.clear();
  redo_.clear();
  bytes_ = 0;
  dropped_ = 0;
}

History::Snapshot History::snapshot() const {
  Snapshot s;
  s.base = base_;
  s.actors = current_.actors;
  s.mentions = current_.mentions;
  s.relations = current_.relations;
  s.meta = current_.meta;
  s.bytes = annotation_bytes(s.actors, s.mentions, s.relations, s.meta);
  return s;
}

void History::restore(Snapshot& s) {
  if (s.base != base_) {
    current_.text = s.base->text;
    current_.sentences = s.base->sentences;
    current_.tokens = s.base->tokens;
    current_.diagnostics = s.base->diagnostics;
    current_.extra = s.base->extra;
    base_ = s.base;
  }
  current_.actors = std::move(s.actors);
  current_.mentions = std::move(s.mentions);
  current_.relations = std::move(s.relations);
  current_.meta = std::move(s.meta);
}

CommandResult History::apply(const Command& cmd) {
  std::string label = describe(cmd, current_);
  Snapshot before = snapshot();
  CommandResult result = dyad::apply(current_, cmd);
  if (result.ok()) record(std::move(label), std::move(before));
  return result;
}

void History::commit(Document doc, std::string label) {
  Snapshot before = snapshot();
  const bool same_base = doc.text == base_->text && same_spans(doc.sentences, base_->sentences) && same_spans(doc.tokens, base_->tokens) &&
                         same_diagnostics(doc.diagnostics, base_->diagnostics) && doc.extra == base_->extra;
  current_ = std::move(doc);
  if (!same_base)
    base_ = std::make_shared<const Base>(Base{current_.text, current_.sentences, current_.tokens, current_.diagnostics, current_.extra});
  record(std::move(label), std::move(before));
}

void History::record(std::string label, Snapshot before) {
  redo_.clear();
  undo_.push_back(Step{std::move(label), std::move(before)});
  recount();
  while (bytes_ > byte_limit_ && undo_.size() > 1) {
    undo_.pop_front();
    ++dropped_;
    recount();
  }
}

// Annotations of every snapshot, plus each text layer that is no longer the current one once.
void History::recount() {
  bytes_ = 0;
  std::vector<const Base*> counted;
  auto add = [&](const Snapshot& s) {
    bytes_ += s.bytes;
    if (s.base != base_ && std::find(counted.begin(), counted.end(), s.base.get()) == counted.end()) {
      counted.push_back(s.base.get());
      bytes_ += s.base->text.capacity() + s.base->sentences.capacity() * sizeof(Sentence) + s.base->tokens.capacity() * sizeof(Token);
    }
  };
  for (const auto& step : undo_) add(step.state);
  for (const auto& step : redo_) add(step.state);
}

bool History::undo() {
  if (undo_.empty()) return false;
  Step step = std::move(undo_.back());
  undo_.pop_back();
  Snapshot after = snapshot();
  restore(step.state);
  redo_.push_back(Step{std::move(step.label), std::move(after)});
  recount();
  return true;
}

bool History::redo() {
  if (redo_.empty()) return false;
  Step step = std::move(redo_.back());
  redo_.pop_back();
  Snapshot before = snapshot();
  restore(step.state);
  undo_.push_back(Step{std::move(step.label), std::move(before)});
  recount();
  return true;
}

std::vector<std::string> History::undo_labels() const {
  std::vector<std::string> out;
  for (const auto& s : undo_) out.push_back(s.label);
  return out;
}

std::vector<std::string> History::redo_labels() const {
  std::vector<std::string> out;
  for (auto it = redo_.rbegin(); it != redo_.rend(); ++it) out.push_back(it->label);
  return out;
}

std::vector<std::string> History::labels() const {
  std::vector<std::string> out = undo_labels();
  for (auto& l : redo_labels()) out.push_back(std::move(l));
  return out;
}

}  // namespace dyad
