// dyad — command-line front end over the core: extract (one text or JSON lines), validate, eval.
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <dyad/dyad.hpp>

#include "eval.hpp"

namespace {

// Exit codes are stable: scripts may rely on them.
constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;  // input read but invalid (validate found problems, extract refused)
constexpr int kExitUsage = 2;    // bad command line
constexpr int kExitIo = 3;       // file could not be read

const char* kHelp =
    "dyad — political actors and events in news text (dyad/1 JSON)\n"
    "\n"
    "Usage:\n"
    "  dyad extract FILE|- [--pretty] [--no-tokens]   annotate a text file (or stdin) and print dyad/1 JSON\n"
    "       [--no-relations]                          actors and mentions only (no relation extraction)\n"
    "       [--lexicon FILE.tsv]...                   load your own lexicon rows on top of the built-ins (the\n"
    "                                                 table is told by the header row or file name: countries,\n"
    "                                                 organizations, sectors, titles, ...; docs/lexicons.md)\n"
    "  dyad extract --jsonl FILE|- [--no-tokens]      one article per line (a JSON string or {\"id\",\"text\",...});\n"
    "                                                 one dyad/1 record per line; a bad line gives a\n"
    "                                                 {\"schema\":\"dyad/1-error\",...} record and the rest go on\n"
    "  dyad validate FILE.json...                     check dyad/1 files; exit 1 and list every problem\n"
    "  dyad eval GOLD PRED [--json]                   score predictions against gold (files or directories)\n"
    "  dyad eval --extract GOLD [--json]              run the extractor on each gold text and score it\n"
    "  dyad --version                                 print the version\n"
    "  dyad --help                                    print this help\n"
    "\n"
    "Exit codes: 0 ok, 1 invalid input (any invalid file or failed line), 2 usage error, 3 file not readable.\n";

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  // A directory opens as a stream on Linux and throws on the first read: refuse it up front.
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    errno = EISDIR;
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

int usage_error(const std::string& message) {
  std::fprintf(stderr, "dyad: %s\nRun `dyad --help` for usage.\n", message.c_str());
  return kExitUsage;
}

int cmd_extract_jsonl(const std::string& file, const dyad::WriteOptions& wo);

// Lexicons for extract: the built-ins, plus the user's files given with --lexicon.
dyad::Lexicons g_user_lexicons;
bool g_has_user_lexicons = false;
bool g_relations = true;  // --no-relations turns relation extraction off

dyad::ExtractOptions extract_options() {
  dyad::ExtractOptions o;
  if (g_has_user_lexicons) o.lexicons = &g_user_lexicons;
  o.relations = g_relations;
  return o;
}

// Loads every --lexicon file on top of the built-ins; prints every problem. Returns an exit code.
int load_user_lexicons(const std::vector<std::string>& files) {
  if (files.empty()) return kExitOk;
  g_user_lexicons = dyad::Lexicons::load_builtin();
  g_has_user_lexicons = true;
  bool errors = false;
  for (const auto& f : files) {
    std::string tsv;
    if (f == "-" || !read_input(f, tsv)) {
      std::fprintf(stderr, "dyad: cannot read lexicon %s: %s\n", f.c_str(), f == "-" ? "stdin is the article" : std::strerror(errno));
      return kExitIo;
    }
    for (const auto& d : g_user_lexicons.add_tsv(tsv, f)) {
      std::fprintf(stderr, "%s\n", dyad::format(d).c_str());
      errors = errors || d.severity == dyad::Severity::error;
    }
  }
  if (errors) {
    std::fprintf(stderr, "dyad: lexicon problems above (rows with errors are skipped); fix them and run again\n");
    return kExitInvalid;
  }
  return kExitOk;
}

int cmd_extract(const std::vector<std::string>& args) {
  std::string file;
  dyad::WriteOptions wo;
  bool jsonl = false;
  std::vector<std::string> lexicon_files;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a == "--lexicon") {
      if (i + 1 >= args.size()) return usage_error("--lexicon needs a FILE.tsv");
      lexicon_files.push_back(args[++i]);
    } else if (a.rfind("--lexicon=", 0) == 0) lexicon_files.push_back(a.substr(10));
    else if (a == "--pretty") wo.pretty = true;
    else if (a == "--jsonl") jsonl = true;
    else if (a == "--no-tokens") wo.include_tokens = false;
    else if (a == "--no-relations") g_relations = false;
    else if (a.size() > 1 && a[0] == '-' && a != "-") return usage_error("unknown option for extract: " + a);
    else if (file.empty()) file = a;
    else return usage_error("extract takes one file");
  }
  if (file.empty()) return usage_error("extract needs a FILE or - for stdin");
  if (jsonl && wo.pretty) return usage_error("--pretty cannot be used with --jsonl (one record per line)");
  if (const int rc = load_user_lexicons(lexicon_files); rc != kExitOk) return rc;
  if (jsonl) return cmd_extract_jsonl(file, wo);
  std::string text;
  if (!read_input(file, text)) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
    return kExitIo;
  }
  const dyad::Document doc = dyad::extract(text, extract_options());
  for (const auto& d : doc.diagnostics) {
    dyad::Diagnostic shown = d;
    shown.source = file == "-" ? "<stdin>" : file;
    std::fprintf(stderr, "%s\n", dyad::format(shown).c_str());
  }
  const std::string json = dyad::to_json(doc, wo);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return dyad::has_errors(doc.diagnostics) ? kExitInvalid : kExitOk;
}

// Validates one file: every diagnostic on stderr, one per line ("file: error: message [at
// /pointer] (code)"), then a summary line. Returns the exit code for this file.
int validate_file(const std::string& path) {
  std::string json;
  if (!read_input(path, json)) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
    return kExitIo;
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  const auto result = dyad::from_json(json, name);
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : result.diagnostics) {
    std::fprintf(stderr, "%s\n", dyad::format(d).c_str());
    (d.severity == dyad::Severity::error ? errors : warnings) += 1;
  }
  if (!result.ok()) {
    std::fprintf(stderr, "%s: invalid (%zu problem%s)\n", name.c_str(), errors, errors == 1 ? "" : "s");
    return kExitInvalid;
  }
  const auto& doc = *result.document;
  std::printf("%s: valid dyad/1 (%zu actors, %zu mentions, %zu relations", name.c_str(), doc.actors.size(), doc.mentions.size(),
              doc.relations.size());
  if (warnings > 0) std::printf(", %zu warning%s", warnings, warnings == 1 ? "" : "s");
  std::printf(")\n");
  return kExitOk;
}

int cmd_validate(const std::vector<std::string>& args) {
  if (args.empty()) return usage_error("validate needs at least one FILE.json (or - for stdin)");
  int worst = kExitOk;
  for (const auto& a : args) {
    if (a.size() > 1 && a[0] == '-') return usage_error("unknown option for validate: " + a);
  }
  for (const auto& a : args) worst = std::max(worst, validate_file(a));
  return worst;
}

// [SECTION] extract --jsonl

using Json = nlohmann::ordered_json;

/// dyad/1 keys an input line cannot carry through (they are the record's own).
bool is_reserved_key(const std::string& k) {
  static const char* kReserved[] = {"schema", "generator", "text", "meta", "sentences", "tokens", "actors", "mentions", "relations", "diagnostics"};
  for (const char* r : kReserved)
    if (k == r) return true;
  return false;
}

/// Nesting depth of a JSON text (outside strings); bounds the recursive tree parser.
int json_depth(const std::string& s) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escape = false;
  for (const char c : s) {
    if (in_string) {
      if (escape) escape = false;
      else if (c == '\\') escape = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') in_string = true;
    else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
    else if (c == '}' || c == ']') --depth;
  }
  return max_depth;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

/// One input line -> one output record (a dyad/1 document or a dyad/1-error record).
/// Returns false when the line failed.
bool jsonl_record(const std::string& line, std::size_t line_no, const dyad::WriteOptions& wo, std::string& out, std::string& error) {
  Json id = nullptr;
  auto fail = [&](const char* code, const std::string& message) {
    Json e = Json::object();
    e["schema"] = "dyad/1-error";
    e["line"] = line_no;
    e["id"] = id;
    e["error"] = message;
    e["code"] = code;
    out = dump(e) + "\n";
    error = message;
    return false;
  };
  if (!dyad::check_utf8(line).valid) return fail("jsonl.utf8", "the line is not valid UTF-8");
  if (json_depth(line) > 64) return fail("jsonl.depth", "the line nests JSON more than 64 levels deep");
  const Json j = Json::parse(line, nullptr, false);
  if (j.is_discarded()) return fail("jsonl.syntax", "the line is not valid JSON (expected a JSON string or an object with \"text\")");
  dyad::Meta meta;
  dyad::ExtraFields extra;
  std::string text;
  if (j.is_string()) {
    text = j.get<std::string>();
  } else if (j.is_object()) {
    if (auto it = j.find("id"); it != j.end()) id = *it;
    auto t = j.find("text");
    if (t == j.end()) return fail("jsonl.missing", "the object has no \"text\"");
    if (!t->is_string()) return fail("jsonl.type", std::string("\"text\" must be a string, not ") + t->type_name());
    text = t->get<std::string>();
    std::string* fields[] = {&meta.title, &meta.url, &meta.date, &meta.annotator, &meta.notes};
    const char* names[] = {"title", "url", "date", "annotator", "notes"};
    for (int k = 0; k < 5; ++k) {
      auto it = j.find(names[k]);
      if (it == j.end()) continue;
      if (!it->is_string()) return fail("jsonl.type", std::string("\"") + names[k] + "\" must be a string");
      *fields[k] = it->get<std::string>();
    }
    if (auto m = j.find("meta"); m != j.end()) {
      if (!m->is_object()) return fail("jsonl.type", "\"meta\" must be an object");
      for (auto it = m->begin(); it != m->end(); ++it) {
        bool known = false;
        for (int k = 0; k < 5; ++k) {
          if (it.key() != names[k]) continue;
          known = true;
          if (!it.value().is_string()) return fail("jsonl.type", "\"meta/" + it.key() + "\" must be a string");
          *fields[k] = it.value().get<std::string>();
        }
        if (!known) meta.extra.emplace_back(it.key(), dump(it.value()));
      }
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool is_meta_name = false;
      for (const char* n : names) is_meta_name = is_meta_name || it.key() == n;
      if (!is_meta_name && !is_reserved_key(it.key())) extra.emplace_back(it.key(), dump(it.value()));
    }
  } else {
    return fail("jsonl.type", std::string("a line must be a JSON string or an object with \"text\", not ") + j.type_name());
  }
  dyad::Document doc = dyad::extract(text, extract_options());
  for (const auto& d : doc.diagnostics)
    if (d.severity == dyad::Severity::error) return fail(d.code.c_str(), d.message);
  doc.meta = std::move(meta);
  doc.extra = std::move(extra);
  out = dyad::to_json(doc, wo);
  return true;
}

int cmd_extract_jsonl(const std::string& file, const dyad::WriteOptions& wo) {
  std::ifstream in_file;
  if (file != "-") {
    in_file.open(file, std::ios::binary);
    if (!in_file) {
      std::fprintf(stderr, "dyad: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
      return kExitIo;
    }
  }
  std::istream& in = file == "-" ? std::cin : in_file;
  const std::string name = file == "-" ? "<stdin>" : file;
  std::string line, record, error;
  std::size_t line_no = 0, failed = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;  // blank lines carry no article
    if (!jsonl_record(line, line_no, wo, record, error)) {
      ++failed;
      std::fprintf(stderr, "%s:%zu: error: %s\n", name.c_str(), line_no, error.c_str());
    }
    std::fwrite(record.data(), 1, record.size(), stdout);
  }
  if (in.bad()) {
    std::fprintf(stderr, "dyad: error reading %s\n", name.c_str());
    return kExitIo;
  }
  return failed > 0 ? kExitInvalid : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kHelp, stderr);
    return kExitUsage;
  }
  const std::string cmd = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kHelp, stdout);
    return kExitOk;
  }
  if (cmd == "--version" || cmd == "-V") {
    std::printf("dyad %s (schema %s)\n", dyad::version(), dyad::kSchema);
    return kExitOk;
  }
  if (cmd == "extract") return cmd_extract(rest);
  if (cmd == "validate") return cmd_validate(rest);
  if (cmd == "eval") return cmd_eval(rest);
  return usage_error("unknown command: " + cmd);
}
