// `dyad eval GOLD PRED` and `dyad eval --extract GOLD`: load dyad/1 files (or directories of
// them, paired by file name), score them with dyad::evaluate and print a table or JSON.
#include "eval.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include <dyad/dyad.hpp>
#include <dyad/eval.hpp>
#include <nlohmann/json.hpp>

namespace {

namespace fs = std::filesystem;

// The same exit codes as the other commands (main.cpp).
constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;
constexpr int kExitIo = 3;

const char* kEvalHelp =
    "Usage:\n"
    "  dyad eval GOLD PRED [--json] [--pretty]    score PRED against GOLD (dyad/1 files, or directories\n"
    "                                             whose *.json files are paired by name)\n"
    "  dyad eval --extract GOLD [--pred-out DIR] [--json] [--pretty]\n"
    "                                             run the built-in extractor on each gold text and score it\n"
    "Exit codes: 0 ok, 1 invalid input (load diagnostics on stderr), 2 usage error, 3 file not readable.\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "dyad eval: %s\nRun `dyad eval --help` for usage.\n", message.c_str());
  return kExitUsage;
}

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool is_directory(const std::string& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

/// The *.json files directly in `dir`, sorted by name.
std::vector<fs::path> json_files(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

/// Prints every error and the first few warnings (a whole directory of files with the same
/// harmless warning would otherwise bury the report).
void print_diagnostics(const std::vector<dyad::Diagnostic>& diags) {
  constexpr std::size_t kMaxWarnings = 3;
  std::size_t warnings = 0;
  for (const auto& d : diags) {
    if (d.severity != dyad::Severity::error && ++warnings > kMaxWarnings) continue;
    std::fprintf(stderr, "%s\n", dyad::format(d).c_str());
  }
  if (warnings > kMaxWarnings)
    std::fprintf(stderr, "%s: %zu more warnings not shown (`dyad validate` lists them all)\n",
                 diags.empty() ? "" : diags.front().source.c_str(), warnings - kMaxWarnings);
}

/// Loads one dyad/1 file. Returns kExitOk, kExitIo or kExitInvalid (diagnostics printed).
int load(const fs::path& path, std::optional<dyad::Document>& out) {
  std::string json;
  if (!read_file(path, json)) {
    std::fprintf(stderr, "dyad eval: cannot read %s: %s\n", path.string().c_str(), std::strerror(errno));
    return kExitIo;
  }
  auto result = dyad::from_json(json, path.string());
  print_diagnostics(result.diagnostics);
  if (!result.ok()) {
    std::fprintf(stderr, "%s: invalid dyad/1 (%zu problem%s)\n", path.string().c_str(), result.diagnostics.size(),
                 result.diagnostics.size() == 1 ? "" : "s");
    return kExitInvalid;
  }
  out = std::move(result.document);
  return kExitOk;
}

// [SECTION] Text report

void print_score_header(const char* title) {
  std::printf("%-34s %6s %6s %6s %6s %6s %7s %7s %7s\n", title, "gold", "pred", "TP", "FP", "FN", "P", "R", "F1");
}

void print_score(const std::string& label, const dyad::Score& s) {
  std::printf("%-34s %6zu %6zu %6zu %6zu %6zu %7.3f %7.3f %7.3f\n", label.c_str(), s.gold(), s.predicted(), s.tp, s.fp,
              s.fn, s.precision(), s.recall(), s.f1());
}

void print_ratio(const std::string& label, const dyad::RatioScore& s) {
  std::printf("%-34s %6s %6s %6s %6s %6s %7.3f %7.3f %7.3f\n", label.c_str(), "", "", "", "", "", s.precision(),
              s.recall(), s.f1());
}

std::string accuracy_text(const char* name, const dyad::Accuracy& a) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s %.3f (%zu/%zu)", name, a.value(), a.correct, a.total);
  return buf;
}

void print_report(const dyad::EvalReport& r) {
  const auto& m = r.mentions;
  std::printf("dyad eval: %zu document%s\n\n", r.documents, r.documents == 1 ? "" : "s");
  print_score_header("MENTIONS");
  print_score("named (NAME, exact)", m.named());
  print_score("all, exact", m.exact);
  print_score("all, overlap", m.overlap);
  for (std::size_t k = 0; k < dyad::kMentionKindCount; ++k) {
    const std::string kind = dyad::to_string(static_cast<dyad::MentionKind>(k));
    print_score("  " + kind + ", exact", m.exact_by_kind[k]);
    print_score("  " + kind + ", overlap", m.overlap_by_kind[k]);
  }
  for (std::size_t t = 0; t < dyad::kActorTypeCount; ++t) {
    if (m.exact_by_type[t].gold() + m.exact_by_type[t].predicted() + m.overlap_by_type[t].predicted() == 0) continue;
    const std::string type = dyad::to_string(static_cast<dyad::ActorType>(t));
    print_score("  " + type + ", exact", m.exact_by_type[t]);
    print_score("  " + type + ", overlap", m.overlap_by_type[t]);
  }

  const auto& a = r.actors;
  std::printf("\n");
  print_score_header("ACTORS");
  print_score("clusters", a.clusters);
  for (std::size_t t = 0; t < dyad::kActorTypeCount; ++t) {
    if (a.clusters_by_type[t].gold() + a.clusters_by_type[t].predicted() == 0) continue;
    print_score(std::string("  ") + dyad::to_string(static_cast<dyad::ActorType>(t)), a.clusters_by_type[t]);
  }
  print_ratio("B-cubed (exactly matched mentions)", a.b_cubed);
  print_ratio("MUC (exactly matched mentions)", a.muc);
  std::printf("aligned actors: %s, %s, %s, %s\n", accuracy_text("type", a.type).c_str(),
              accuracy_text("country", a.country).c_str(), accuracy_text("sector", a.sector).c_str(),
              accuracy_text("code", a.code).c_str());

  const auto& rel = r.relations;
  std::printf("\n");
  print_score_header("RELATIONS");
  print_score("strict (source, target, type)", rel.strict);
  print_score("dyad (source, target)", rel.dyad);
  for (const auto& [type, s] : rel.by_type) print_score("  " + type, s);
  std::printf("dyad-matched pairs: %s, %s, %s\n", accuracy_text("quad", rel.quad).c_str(),
              accuracy_text("type", rel.type).c_str(), accuracy_text("CAMEO root", rel.cameo_root).c_str());
  std::printf("strictly matched pairs: %s, %s, %s\n", accuracy_text("CAMEO root", rel.cameo_root_strict).c_str(),
              accuracy_text("negated", rel.negated).c_str(), accuracy_text("modality", rel.modality).c_str());
}

void print_per_document(const std::vector<std::string>& names, const std::vector<dyad::EvalReport>& reports) {
  std::printf("\n%-40s %7s %7s %7s %7s %7s %7s\n", "PER DOCUMENT (F1)", "named", "exact", "overlap", "cluster", "strict",
              "dyad");
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const auto& r = reports[i];
    std::printf("%-40s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f\n", names[i].c_str(), r.mentions.named().f1(),
                r.mentions.exact.f1(), r.mentions.overlap.f1(), r.actors.clusters.f1(), r.relations.strict.f1(),
                r.relations.dyad.f1());
  }
}

// [SECTION] Command

struct Job {
  fs::path gold;
  fs::path pred;  // empty with --extract
};

}  // namespace

int cmd_eval(const std::vector<std::string>& args) {
  bool json = false, pretty = false, run_extract = false;
  std::string pred_out;
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") json = true;
    else if (a == "--pretty") pretty = json = true;
    else if (a == "--extract") run_extract = true;
    else if (a == "--pred-out") {
      if (i + 1 >= args.size()) return usage_error("--pred-out needs a directory");
      pred_out = args[++i];
    } else if (a == "--help" || a == "-h") {
      std::fputs(kEvalHelp, stdout);
      return kExitOk;
    } else if (a.size() > 1 && a[0] == '-') return usage_error("unknown option: " + a);
    else paths.push_back(a);
  }
  if (run_extract ? paths.size() != 1 : paths.size() != 2)
    return usage_error(run_extract ? "--extract takes one GOLD file or directory" : "eval takes GOLD and PRED");
  if (!pred_out.empty() && !run_extract) return usage_error("--pred-out only goes with --extract");

  // Pair the files.
  std::vector<Job> jobs;
  const bool gold_dir = is_directory(paths[0]);
  if (gold_dir) {
    for (const auto& g : json_files(paths[0])) jobs.push_back({g, {}});
    if (jobs.empty()) {
      std::fprintf(stderr, "dyad eval: no *.json files in %s\n", paths[0].c_str());
      return kExitIo;
    }
  } else {
    jobs.push_back({paths[0], {}});
  }
  if (!run_extract) {
    std::error_code ec;
    if (!fs::exists(paths[1], ec)) {
      std::fprintf(stderr, "dyad eval: cannot read %s: no such file or directory\n", paths[1].c_str());
      return kExitIo;
    }
    const bool pred_dir = is_directory(paths[1]);
    if (gold_dir && !pred_dir) return usage_error("GOLD is a directory, so PRED must be one too");
    for (auto& j : jobs) j.pred = pred_dir ? fs::path(paths[1]) / j.gold.filename() : fs::path(paths[1]);
  }
  if (!pred_out.empty()) {
    std::error_code ec;
    fs::create_directories(pred_out, ec);
    if (ec) {
      std::fprintf(stderr, "dyad eval: cannot create %s: %s\n", pred_out.c_str(), ec.message().c_str());
      return kExitIo;
    }
  }

  // Load everything first so that every bad file is reported, not just the first.
  int worst = kExitOk;
  auto note = [&worst](int code) {
    if (code == kExitIo || (code == kExitInvalid && worst == kExitOk)) worst = code;
  };
  std::vector<std::string> names;
  std::vector<dyad::EvalReport> reports;
  for (const auto& job : jobs) {
    std::optional<dyad::Document> gold, pred;
    int code = load(job.gold, gold);
    note(code);
    if (run_extract) {
      if (gold) {
        pred = dyad::extract(gold->text);
        for (const auto& d : pred->diagnostics)
          if (d.severity == dyad::Severity::error) {
            dyad::Diagnostic shown = d;
            shown.source = job.gold.string();
            std::fprintf(stderr, "%s\n", dyad::format(shown).c_str());
            note(kExitInvalid);
          }
        if (!pred_out.empty()) {
          const fs::path out = fs::path(pred_out) / job.gold.filename();
          dyad::WriteOptions wo;
          wo.pretty = true;
          wo.include_tokens = false;
          std::ofstream f(out, std::ios::binary);
          const std::string text = dyad::to_json(*pred, wo) + "\n";
          f.write(text.data(), static_cast<std::streamsize>(text.size()));
          if (!f) {
            std::fprintf(stderr, "dyad eval: cannot write %s\n", out.string().c_str());
            note(kExitIo);
          }
        }
      }
    } else {
      code = load(job.pred, pred);
      note(code);
    }
    if (!gold || !pred) continue;
    dyad::EvalReport r = dyad::evaluate(*gold, *pred);
    for (const auto& d : r.diagnostics) {
      dyad::Diagnostic shown = d;
      shown.source = job.pred.empty() ? job.gold.string() : job.pred.string();
      std::fprintf(stderr, "%s\n", dyad::format(shown).c_str());
      if (d.severity == dyad::Severity::error) note(kExitInvalid);
    }
    names.push_back(job.gold.filename().string());
    reports.push_back(std::move(r));
  }
  if (worst != kExitOk) return worst;

  const dyad::EvalReport total = dyad::sum(reports);
  if (json) {
    // The total, then the per-document reports in input order.
    using Json = nlohmann::ordered_json;
    Json out = Json::parse(dyad::to_json(total), nullptr, false);
    Json per_doc = Json::array();
    for (std::size_t i = 0; i < reports.size(); ++i) {
      Json entry;
      entry["name"] = names[i];
      entry["report"] = Json::parse(dyad::to_json(reports[i]), nullptr, false);
      per_doc.push_back(std::move(entry));
    }
    out["per_document"] = std::move(per_doc);
    std::printf("%s\n", out.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace).c_str());
  } else {
    print_report(total);
    if (reports.size() > 1) print_per_document(names, reports);
  }
  return kExitOk;
}
