// Native throughput of each pipeline stage on 1k..1M-word articles (Google Benchmark).
// Stages are measured through the public API: a stage's own cost is the difference between a
// run that stops after it and one that stops before it (ExtractOptions switches).
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include <dyad/dyad.hpp>

#include "corpus.hpp"

namespace {

const std::string& article(std::size_t words) {
  static const auto paragraphs = dyad::bench::load_paragraphs(DYAD_DEV_DIR);
  static std::map<std::size_t, std::string> cache;
  auto it = cache.find(words);
  if (it == cache.end()) it = cache.emplace(words, dyad::bench::compose_article(paragraphs, words)).first;
  return it->second;
}

void report(benchmark::State& state, const std::string& text, std::size_t tokens) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["words"] = static_cast<double>(dyad::bench::count_words(text));
  if (tokens)
    state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_utf8_check(benchmark::State& state) {
  const auto& text = article(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(dyad::check_utf8(text));
  report(state, text, 0);
}

void BM_offset_map(benchmark::State& state) {
  const auto& text = article(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    dyad::OffsetMap m(text);
    benchmark::DoNotOptimize(m.size());
  }
  report(state, text, 0);
}

void run_extract(benchmark::State& state, bool mentions, bool relations) {
  const auto& text = article(static_cast<std::size_t>(state.range(0)));
  dyad::ExtractOptions o;
  o.mentions = mentions;
  o.relations = relations;
  std::size_t tokens = 0;
  for (auto _ : state) {
    auto doc = dyad::extract(text, o);
    tokens = doc.tokens.size();
    benchmark::DoNotOptimize(doc.mentions.data());
  }
  report(state, text, tokens);
}

void BM_text_layer(benchmark::State& state) { run_extract(state, false, false); }
void BM_text_mentions_actors(benchmark::State& state) { run_extract(state, true, false); }
void BM_whole_pipeline(benchmark::State& state) { run_extract(state, true, true); }

void BM_json_write(benchmark::State& state) {
  const auto& text = article(static_cast<std::size_t>(state.range(0)));
  const auto doc = dyad::extract(text);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto json = dyad::to_json(doc);
    bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["json_bytes"] = static_cast<double>(bytes);
}

void BM_json_read(benchmark::State& state) {
  const auto& text = article(static_cast<std::size_t>(state.range(0)));
  const auto json = dyad::to_json(dyad::extract(text));
  for (auto _ : state) {
    auto r = dyad::from_json(json);
    benchmark::DoNotOptimize(r.document.has_value());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * json.size()));
  state.counters["json_bytes"] = static_cast<double>(json.size());
}

#define DYAD_SIZES ->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)
BENCHMARK(BM_utf8_check) DYAD_SIZES;
BENCHMARK(BM_offset_map) DYAD_SIZES;
BENCHMARK(BM_text_layer) DYAD_SIZES;
BENCHMARK(BM_text_mentions_actors) DYAD_SIZES;
BENCHMARK(BM_whole_pipeline) DYAD_SIZES;
BENCHMARK(BM_json_write) DYAD_SIZES;
BENCHMARK(BM_json_read) DYAD_SIZES;

}  // namespace

BENCHMARK_MAIN();
