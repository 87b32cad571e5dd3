#pragma once
/// Extraction of a long text a block at a time between frames, so that the page keeps drawing,
/// shows progress and answers input (Cancel) while a book-length paste is annotated.
///
/// Texts up to kSingleCallBytes are extracted in one call, as before (a 40,000-word article
/// takes a few hundred milliseconds). Longer ones are cut at paragraph (else line, sentence,
/// word) boundaries into blocks of about kBlockBytes, each extracted by the core on its own,
/// and the results joined into one document: offsets shifted, ids renumbered, and actors of the
/// same type and name in different blocks made one actor. What is lost against one call:
/// coreference across blocks beyond exact names ("Kobakhidze" in one block is not linked to
/// "Irakli Kobakhidze" in another).

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <dyad/dyad.hpp>

namespace dyad::app {

class ExtractionJob {
 public:
  /// Longest text extracted in one call.
  static constexpr std::size_t kSingleCallBytes = 256 * 1024;
  /// Target size of one block (about 40-60 ms of extraction in Chromium).
  static constexpr std::size_t kBlockBytes = 48 * 1024;

  /// Starts on `text` (valid UTF-8, at most kMaxTextBytes), forgetting any job in progress.
  void start(std::string text);
  /// True from start() until finish() or cancel().
  bool running() const { return running_; }
  /// Extracts blocks until `clock()` reaches `deadline_ms`, at least one. True when all are done.
  bool step(double deadline_ms, const std::function<double()>& clock);
  /// Share of the text extracted, 0..1.
  double progress() const;
  std::size_t blocks_done() const { return next_; }
  std::size_t blocks_total() const { return cuts_.empty() ? 0 : cuts_.size() - 1; }
  std::size_t total_bytes() const { return text_.size(); }
  /// The joined document, once step() returned true. Ends the job.
  Document finish();
  /// Drops the job and its partial result.
  void cancel();

 private:
  void append(Document block);

  std::string text_;
  std::vector<std::size_t> cuts_;  ///< block boundaries in bytes: 0, ..., text_.size()
  std::size_t next_ = 0;           ///< next block to extract
  Document out_;
  std::size_t out_cps_ = 0;        ///< code points in out_.text
  std::unordered_map<std::string, std::string> actor_by_key_;  ///< "TYPE\x1fname" -> id in out_
  std::size_t actors_ = 0;
  std::size_t mentions_ = 0;
  std::size_t relations_ = 0;
  bool running_ = false;
};

}  // namespace dyad::app
