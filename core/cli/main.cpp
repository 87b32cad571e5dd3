// dyad — command-line front end over the core: extract (one text or JSON lines), validate, eval.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
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
    "  dyad export --format F FILE.json|-             print a dyad/1 file as F: events (TSV, one row per event),\n"
    "                                                 brat (standoff .ann), conll (BIO NER), jsonl-events\n"
    "  dyad eval GOLD PRED [--json]                   score predictions against gold (files or directories)\n"
    "  dyad eval --extract GOLD [--json]              run the extractor on each gold text and score it\n"
    "  dyad --version                                 print the version\n"
    "  dyad --help                                    print this help\n"
    "\n"
    "Limits: 16 MiB of text per article (a --jsonl line: 128 MiB), 2 GiB per file for validate, 256 MiB per\n"
    "lexicon; larger input is refused as soon as the limit is passed (docs/reliability.md).\n"
    "Exit codes: 0 ok, 1 invalid input (any invalid file or failed line), 2 usage error, 3 file not readable.\n";

// [SECTION] Reading input within limits
// Input is read in chunks and never past its limit: a 2 GB file or an endless pipe is refused
// once the limit is passed, without the rest being read into memory.

// Per-call limits on what the CLI reads (docs/reliability.md, "Limits").
constexpr std::size_t kMaxJsonFileBytes = std::size_t{1} << 31;   // one dyad/1 file for validate: 2 GiB
constexpr std::size_t kMaxJsonlLineBytes = 8 * dyad::kMaxTextBytes;  // a --jsonl line: 128 MiB
constexpr std::size_t kMaxLexiconBytes = 256u << 20;                // one --lexicon file: 256 MiB

enum class Read { ok, too_large, end, error };

/// A file or stdin, read in chunks. A directory is refused when opened (EISDIR).
class Input {
 public:
  Input() = default;
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;
  ~Input() {
    if (file_ && file_ != stdin) std::fclose(file_);
  }

  /// Opens `path` ("-" = stdin). False, with errno set, if it cannot be read.
  bool open(const std::string& path) {
    file_ = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!file_) return false;
    struct stat st {};
    if (fstat(fileno(file_), &st) == 0) {
      if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return false;
      }
      // A regular file, also as stdin (`dyad extract - < file`, maybe read from partway).
      const off_t at = lseek(fileno(file_), 0, SEEK_CUR);
      if (S_ISREG(st.st_mode) && at >= 0 && at <= st.st_size) size_ = static_cast<std::uint64_t>(st.st_size - at);
    }
    return true;
  }

  /// The size of a regular file (also as stdin), from the file system; -1 for pipes and devices.
  std::int64_t known_size() const { return size_ == kUnknown ? -1 : static_cast<std::int64_t>(size_); }

  /// Everything, if it is at most `limit` bytes; else too_large, having read at most `limit` + 1
  /// bytes (none when the file system already tells the size).
  Read read_all(std::size_t limit, std::string& out) {
    out.clear();
    if (size_ != kUnknown && size_ > limit) return Read::too_large;
    if (size_ != kUnknown) out.reserve(static_cast<std::size_t>(size_));
    for (;;) {
      if (!fill()) return std::ferror(file_) ? Read::error : Read::ok;
      if (out.size() + (end_ - begin_) > limit) return Read::too_large;
      out.append(buffer_ + begin_, end_ - begin_);
      begin_ = end_;
    }
  }

  /// The next line, without its LF (or CRLF). A line longer than `limit` is read to its end
  /// without being kept (constant memory) and gives too_large; `line` is then empty.
  Read next_line(std::size_t limit, std::string& line) {
    line.clear();
    bool any = false, too_long = false;
    for (;;) {
      if (begin_ == end_ && !fill()) {
        if (std::ferror(file_)) return Read::error;
        if (!any) return Read::end;
        break;
      }
      any = true;
      const char* start = buffer_ + begin_;
      const void* nl = std::memchr(start, '\n', end_ - begin_);
      const std::size_t n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - start) : end_ - begin_;
      if (!too_long && line.size() + n > limit) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      }
      if (!too_long) line.append(start, n);
      begin_ += n;
      if (nl) {
        ++begin_;
        break;
      }
    }
    if (too_long) return Read::too_large;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return Read::ok;
  }

 private:
  bool fill() {
    begin_ = 0;
    end_ = std::fread(buffer_, 1, sizeof buffer_, file_);
    return end_ > 0;
  }

  static constexpr std::uint64_t kUnknown = ~std::uint64_t{0};
  std::FILE* file_ = nullptr;
  std::uint64_t size_ = kUnknown;
  char buffer_[1 << 16];
  std::size_t begin_ = 0, end_ = 0;
};

/// "N bytes" when the size is known, else "more than LIMIT bytes" (a pipe is not read further).
std::string size_beyond(const Input& in, std::size_t limit) {
  return in.known_size() >= 0 ? std::to_string(in.known_size()) + " bytes"
                              : "more than " + std::to_string(limit) + " bytes (it was not read further)";
}

/// Reads a dyad/1 file (or stdin) for `dyad <command>` within kMaxJsonFileBytes. On failure
/// prints why and returns the exit code (3 unreadable, 1 too large); else kExitOk.
int read_json_file(const std::string& path, const char* command, std::string& json) {
  Input in;
  const Read r = in.open(path) ? in.read_all(kMaxJsonFileBytes, json) : Read::error;
  if (r == Read::error) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", path.c_str(), std::strerror(errno));
    return kExitIo;
  }
  if (r == Read::too_large) {
    std::fprintf(stderr, "%s: error: the file is %s; dyad %s reads at most %zu bytes (2 GiB) per file (file.too_large)\n",
                 path == "-" ? "<stdin>" : path.c_str(), size_beyond(in, kMaxJsonFileBytes).c_str(), command, kMaxJsonFileBytes);
    return kExitInvalid;
  }
  return kExitOk;
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
    Input in;
    if (f == "-" || !in.open(f)) {
      std::fprintf(stderr, "dyad: cannot read lexicon %s: %s\n", f.c_str(), f == "-" ? "stdin is the article" : std::strerror(errno));
      return kExitIo;
    }
    const Read r = in.read_all(kMaxLexiconBytes, tsv);
    if (r == Read::error) {
      std::fprintf(stderr, "dyad: error reading lexicon %s: %s\n", f.c_str(), std::strerror(errno));
      return kExitIo;
    }
    if (r == Read::too_large) {
      std::fprintf(stderr, "%s: error: the lexicon is %s; dyad reads at most %zu bytes per lexicon file (lexicon.too_large)\n",
                   f.c_str(), size_beyond(in, kMaxLexiconBytes).c_str(), kMaxLexiconBytes);
      return kExitInvalid;
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
  Input in;
  const Read r = in.open(file) ? in.read_all(dyad::kMaxTextBytes, text) : Read::error;
  if (r == Read::error) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
    return kExitIo;
  }
  dyad::Document doc;
  if (r == Read::too_large) {
    // The refusal extract() itself gives, without reading the rest of a huge file or an endless pipe.
    dyad::Diagnostic d;
    d.code = "text.too_large";
    d.message = "text is " + size_beyond(in, dyad::kMaxTextBytes) + "; one call accepts at most " +
                std::to_string(dyad::kMaxTextBytes) + " bytes (split the input, e.g. one article per line with `dyad extract --jsonl`)";
    doc.diagnostics.push_back(std::move(d));
  } else {
    doc = dyad::extract(text, extract_options());
  }
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
  const std::string name = path == "-" ? "<stdin>" : path;
  if (const int rc = read_json_file(path, "validate", json); rc != kExitOk) {
    if (rc == kExitInvalid) std::fprintf(stderr, "%s: invalid (1 problem)\n", name.c_str());
    return rc;
  }
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

/// The {"schema":"dyad/1-error",...} record for a failed line; `error` gets the message.
std::string jsonl_error(std::size_t line_no, const Json& id, const char* code, const std::string& message, std::string& error) {
  Json e = Json::object();
  e["schema"] = "dyad/1-error";
  e["line"] = line_no;
  e["id"] = id;
  e["error"] = message;
  e["code"] = code;
  error = message;
  return dump(e) + "\n";
}

/// One input line -> one output record (a dyad/1 document or a dyad/1-error record).
/// Returns false when the line failed.
bool jsonl_record(const std::string& line, std::size_t line_no, const dyad::WriteOptions& wo, std::string& out, std::string& error) {
  Json id = nullptr;
  auto fail = [&](const char* code, const std::string& message) {
    out = jsonl_error(line_no, id, code, message, error);
    return false;
  };
  if (!dyad::check_utf8(line).valid) return fail("jsonl.utf8", "the line is not valid UTF-8");
  // The JSON parser takes a NUL for the end of the input and would ignore what follows it.
  if (const auto nul = line.find('\0'); nul != std::string::npos)
    return fail("jsonl.syntax", "NUL byte at column " + std::to_string(dyad::count_code_points(std::string_view(line).substr(0, nul)) + 1) +
                                    " (byte " + std::to_string(nul) + "); JSON text cannot contain NUL (in a string, write \\u0000)");
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
  Input in;
  if (!in.open(file)) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
    return kExitIo;
  }
  const std::string name = file == "-" ? "<stdin>" : file;
  std::string line, record, error;
  std::size_t line_no = 0, failed = 0;
  for (Read r; (r = in.next_line(kMaxJsonlLineBytes, line)) != Read::end;) {
    if (r == Read::error) {
      std::fprintf(stderr, "dyad: error reading %s: %s\n", name.c_str(), std::strerror(errno));
      return kExitIo;
    }
    ++line_no;
    bool ok = true;
    if (r == Read::too_large) {
      ok = false;
      record = jsonl_error(line_no, nullptr, "jsonl.too_large",
                           "the line is over " + std::to_string(kMaxJsonlLineBytes) +
                               " bytes (a line holds one article of at most " + std::to_string(dyad::kMaxTextBytes) +
                               " bytes); it was skipped",
                           error);
    } else if (line.find_first_not_of(" \t") == std::string::npos) {
      continue;  // blank lines carry no article
    } else {
      ok = jsonl_record(line, line_no, wo, record, error);
    }
    if (!ok) {
      ++failed;
      std::fprintf(stderr, "%s:%zu: error: %s\n", name.c_str(), line_no, error.c_str());
    }
    std::fwrite(record.data(), 1, record.size(), stdout);
  }
  return failed > 0 ? kExitInvalid : kExitOk;
}

// [SECTION] export

// `dyad export --format F FILE|-`: reads dyad/1 (validated as by `dyad validate`) and prints it
// in another format (docs/export.md). Diagnostics go to stderr; warnings do not fail.
int cmd_export(const std::vector<std::string>& args) {
  std::string file, format_name;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--format") {
      if (i + 1 >= args.size()) return usage_error("--format needs one of events, brat, conll, jsonl-events");
      format_name = args[++i];
    } else if (a.rfind("--format=", 0) == 0) {
      format_name = a.substr(9);
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option for export: " + a);
    } else if (!file.empty()) {
      return usage_error("export takes one file");
    } else {
      file = a;
    }
  }
  if (format_name.empty()) return usage_error("export needs --format events|brat|conll|jsonl-events");
  const auto format = dyad::parse_export_format(format_name);
  if (!format) return usage_error("unknown export format: " + format_name + " (events, brat, conll, jsonl-events)");
  if (file.empty()) return usage_error("export needs a FILE.json or - for stdin");
  std::string json;
  if (const int rc = read_json_file(file, "export", json); rc != kExitOk) return rc;
  const std::string name = file == "-" ? "<stdin>" : file;
  auto result = dyad::from_json(json, name);
  std::string().swap(json);
  for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s\n", dyad::format(d).c_str());
  if (!result.ok()) return kExitInvalid;
  std::vector<dyad::Diagnostic> diags;
  const std::string out = dyad::export_document(*result.document, *format, diags);
  for (auto& d : diags) {
    d.source = name;
    std::fprintf(stderr, "%s\n", dyad::format(d).c_str());
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
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
  if (cmd == "export") return cmd_export(rest);
  if (cmd == "eval") return cmd_eval(rest);
  return usage_error("unknown command: " + cmd);
}
