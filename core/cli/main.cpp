// dyad — command-line front end over the core: extract, validate.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <dyad/dyad.hpp>

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
    "  dyad validate FILE.json                        check a dyad/1 file; exit 1 and list every problem\n"
    "  dyad --version                                 print the version\n"
    "  dyad --help                                    print this help\n"
    "\n"
    "Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 file not readable.\n";

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
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

int cmd_extract(const std::vector<std::string>& args) {
  std::string file;
  dyad::WriteOptions wo;
  for (const auto& a : args) {
    if (a == "--pretty") wo.pretty = true;
    else if (a == "--no-tokens") wo.include_tokens = false;
    else if (a.size() > 1 && a[0] == '-' && a != "-") return usage_error("unknown option for extract: " + a);
    else if (file.empty()) file = a;
    else return usage_error("extract takes one file");
  }
  if (file.empty()) return usage_error("extract needs a FILE or - for stdin");
  std::string text;
  if (!read_input(file, text)) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", file.c_str(), std::strerror(errno));
    return kExitIo;
  }
  const dyad::Document doc = dyad::extract(text);
  for (const auto& d : doc.diagnostics) {
    dyad::Diagnostic shown = d;
    shown.source = file == "-" ? "<stdin>" : file;
    std::fprintf(stderr, "%s\n", dyad::format(shown).c_str());
  }
  const std::string json = dyad::to_json(doc, wo);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return dyad::has_errors(doc.diagnostics) ? kExitInvalid : kExitOk;
}

int cmd_validate(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage_error("validate takes exactly one FILE.json");
  std::string json;
  if (!read_input(args[0], json)) {
    std::fprintf(stderr, "dyad: cannot read %s: %s\n", args[0].c_str(), std::strerror(errno));
    return kExitIo;
  }
  const auto result = dyad::from_json(json, args[0] == "-" ? "<stdin>" : args[0]);
  for (const auto& d : result.diagnostics) std::fprintf(stderr, "%s\n", dyad::format(d).c_str());
  if (!result.ok()) {
    std::fprintf(stderr, "%s: invalid (%zu problem%s)\n", args[0].c_str(), result.diagnostics.size(),
                 result.diagnostics.size() == 1 ? "" : "s");
    return kExitInvalid;
  }
  const auto& doc = *result.document;
  std::printf("%s: valid dyad/1 (%zu actors, %zu mentions, %zu relations)\n", args[0].c_str(), doc.actors.size(),
              doc.mentions.size(), doc.relations.size());
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
  return usage_error("unknown command: " + cmd);
}
