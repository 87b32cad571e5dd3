// Pipeline stages timed the same way natively and in wasm (one source, built by g++ and by em++
// with -sNODERAWFS for node), so the two columns of docs/benchmarks.md compare like with like.
// Google Benchmark (pipeline_bench.cpp) does not build for wasm.
//
// Usage: dyad_stage_bench OUT.json FILE...   (each FILE one article; its name is the label)
// Per file and stage: warm-up runs for >= 0.2 s, then timed runs for >= 0.5 s (at least 5, at
// most 200); min and median in ms. A stage's own cost is the difference between two rows.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include <dyad/dyad.hpp>

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
  double min_ms = 0, median_ms = 0;
  int runs = 0;
};

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

Timing time_stage(const std::function<void()>& fn) {
  const auto warm = Clock::now();
  do fn(); while (ms_since(warm) < 200);
  std::vector<double> t;
  const auto start = Clock::now();
  while (t.size() < 5 || (ms_since(start) < 500 && t.size() < 200)) {
    const auto t0 = Clock::now();
    fn();
    t.push_back(ms_since(t0));
  }
  std::sort(t.begin(), t.end());
  return {t.front(), t[t.size() / 2], static_cast<int>(t.size())};
}

std::string read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string base_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT.json FILE...\n", argv[0]);
    return 2;
  }
  std::string out = "{\"stages\":[";
  for (int f = 2; f < argc; ++f) {
    const std::string text = read_file(argv[f]);
    const dyad::Document doc = dyad::extract(text);
    dyad::ExtractOptions text_only, no_relations;
    text_only.mentions = false;
    text_only.relations = false;
    no_relations.relations = false;
    std::size_t sink = 0;
    const std::vector<std::pair<const char*, std::function<void()>>> stages = {
        {"utf8_check", [&] { sink += dyad::check_utf8(text).valid; }},
        {"text_layer", [&] { sink += dyad::extract(text, text_only).tokens.size(); }},
        {"text_mentions_actors", [&] { sink += dyad::extract(text, no_relations).mentions.size(); }},
        {"whole_pipeline", [&] { sink += dyad::extract(text).relations.size(); }},
        {"to_json", [&] { sink += dyad::to_json(doc).size(); }},
        {"extract_to_json", [&] { sink += dyad::to_json(dyad::extract(text)).size(); }},
    };
    for (const auto& [name, fn] : stages) {
      const Timing t = time_stage(fn);
      char row[512];
      std::snprintf(row, sizeof row,
                    "%s{\"file\":\"%s\",\"bytes\":%zu,\"tokens\":%zu,\"stage\":\"%s\",\"min_ms\":%.4f,\"median_ms\":%.4f,\"runs\":%d}",
                    out.back() == '[' ? "" : ",", base_name(argv[f]).c_str(), text.size(), doc.tokens.size(), name, t.min_ms,
                    t.median_ms, t.runs);
      out += row;
      std::fprintf(stderr, "%s %s: median %.3f ms, min %.3f ms\n", base_name(argv[f]).c_str(), name, t.median_ms, t.min_ms);
    }
    if (sink == 0) std::fprintf(stderr, "(nothing found)\n");  // keeps the work observable
  }
  out += "]}\n";
  std::ofstream(argv[1], std::ios::binary) << out;
  return 0;
}
