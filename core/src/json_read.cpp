// Reading dyad/1 JSON: parse without exceptions, validate everything, report every problem
// with its JSON pointer. A document is returned only when there is no error.
//
// The document pass parses the file with a small validating parser (internal/json_tree.hpp),
// one array element at a time, and turns each into the model, checking types, enums, numbers
// and spans against the text; the semantic pass (shared with validate(Document)) then checks
// ids, references, PLOVER / CAMEO / quad and sentence indices. When the file is not valid JSON
// (or nests too deep, overflows a number or repeats a key) nlohmann's SAX parser runs over it
// to report where and why, with its line, column and JSON pointer.
#include <algorithm>
#include <climits>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "dyad/extract.hpp"
#include "dyad/json_io.hpp"
#include "dyad/utf8.hpp"
#include "internal/json_tree.hpp"

namespace dyad {
namespace {

using Json = nlohmann::ordered_json;

/// Deepest nesting accepted: dyad/1 itself needs 4 levels; unknown fields may add some.
constexpr std::size_t kMaxDepth = 64;
/// Largest integer a double holds exactly; bigger "integers" arrive as floats and are refused.
constexpr double kMaxExactInteger = 9007199254740992.0;
/// Largest offset or index accepted (2^53): beyond it a JavaScript reader loses precision.
constexpr std::uint64_t kMaxIndex = std::uint64_t(1) << 53;

Diagnostic make_diagnostic(Severity severity, std::string_view source, std::string path, std::string code, std::string message) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.source = std::string(source);
  d.path = std::move(path);
  d.message = std::move(message);
  return d;
}

// [SECTION] PLOVER and CAMEO tables

struct PloverRow {
  const char* type;
  Quad quad;
  const char* roots[3];  // 2-digit CAMEO roots; nullptr-terminated
};

constexpr PloverRow kPlover[] = {
    {"AGREE", Quad::verbal_cooperation, {"03", nullptr, nullptr}},
    {"CONSULT", Quad::verbal_cooperation, {"04", nullptr, nullptr}},
    {"SUPPORT", Quad::verbal_cooperation, {"05", nullptr, nullptr}},
    {"CONCEDE", Quad::verbal_cooperation, {"08", nullptr, nullptr}},
    {"COOPERATE", Quad::material_cooperation, {"06", nullptr, nullptr}},
    {"AID", Quad::material_cooperation, {"07", nullptr, nullptr}},
    {"RETREAT", Quad::material_cooperation, {"08", nullptr, nullptr}},
    {"REQUEST", Quad::verbal_conflict, {"10", "02", nullptr}},
    {"ACCUSE", Quad::verbal_conflict, {"09", "11", nullptr}},
    {"REJECT", Quad::verbal_conflict, {"12", nullptr, nullptr}},
    {"THREATEN", Quad::verbal_conflict, {"13", nullptr, nullptr}},
    {"PROTEST", Quad::material_conflict, {"14", nullptr, nullptr}},
    {"SANCTION", Quad::material_conflict, {"16", nullptr, nullptr}},
    {"MOBILIZE", Quad::material_conflict, {"15", nullptr, nullptr}},
    {"COERCE", Quad::material_conflict, {"17", nullptr, nullptr}},
    {"ASSAULT", Quad::material_conflict, {"18", "19", "20"}},
};

const PloverRow* find_plover(std::string_view type) {
  for (const auto& row : kPlover)
    if (type == row.type) return &row;
  return nullptr;
}

bool cameo_well_formed(std::string_view cameo) {
  if (cameo.size() < 2 || cameo.size() > 4) return false;
  for (const char c : cameo)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string cameo_roots(const PloverRow& row) {
  std::string out;
  for (const char* r : row.roots) {
    if (!r) break;
    if (!out.empty()) out += " or ";
    out += r;
  }
  return out;
}

// [SECTION] Semantic checks shared by from_json and validate(Document)

/// Where each element of the document sits in the JSON, and what was already reported, so that
/// one broken field gives one diagnostic, not a cascade.
struct CheckContext {
  std::vector<std::size_t> actor_at, mention_at, relation_at;  // index of each element in its JSON array
  std::size_t sentence_count = 0;
  bool check_spans = false;         // spans not yet checked against the text (in-memory documents)
  bool actor_ids_complete = true;   // every actor id could be read: dangling checks are meaningful
  bool mention_ids_complete = true;
  const std::set<std::string>* reported = nullptr;  // paths that already carry an error
};

/// "/mentions/7": the JSON pointer of an array element, built only when a problem is reported.
struct ItemPath {
  const char* section;
  std::size_t index;
  std::string str() const { return section + std::to_string(index); }
  friend std::string operator+(const ItemPath& p, const char* suffix) { return p.str() + suffix; }
};

class SemanticChecker {
 public:
  SemanticChecker(const Document& doc, const CheckContext& ctx, std::string_view source, std::vector<Diagnostic>& out)
      : doc_(doc), ctx_(ctx), source_(source), out_(out) {}

  void run() {
    if (ctx_.check_spans) check_spans();
    index_ids(doc_.actors, "/actors/", ctx_.actor_at, "actor", actor_index_);
    index_ids(doc_.mentions, "/mentions/", ctx_.mention_at, "mention", mention_index_);
    index_ids(doc_.relations, "/relations/", ctx_.relation_at, "relation", relation_index_);
    for (std::size_t i = 0; i < doc_.mentions.size(); ++i) check_mention(doc_.mentions[i], mention_path(i));
    for (std::size_t i = 0; i < doc_.relations.size(); ++i) check_relation(doc_.relations[i], relation_path(i));
  }

 private:
  ItemPath mention_path(std::size_t i) const { return {"/mentions/", ctx_.mention_at[i]}; }
  ItemPath relation_path(std::size_t i) const { return {"/relations/", ctx_.relation_at[i]}; }

  void error(const std::string& path, const char* code, std::string message) {
    if (ctx_.reported && ctx_.reported->count(path)) return;
    out_.push_back(make_diagnostic(Severity::error, source_, path, code, std::move(message)));
  }

  void check_span(const Span& s, const ItemPath& item, const char* member, std::size_t size) {
    const auto path = [&] { return item + member; };
    if (s.start > s.end)
      error(path(), "span.order", "span start " + std::to_string(s.start) + " is after its end " + std::to_string(s.end));
    else if (s.end > size)
      error(path() + "/end", "span.range",
            "span end " + std::to_string(s.end) + " is beyond the text (" + std::to_string(size) + " code points)");
  }

  void check_spans() {
    if (!check_utf8(doc_.text).valid) {
      error("/text", "json.utf8", "the text is not valid UTF-8");
      return;
    }
    const std::size_t n = count_code_points(doc_.text);
    for (std::size_t i = 0; i < doc_.sentences.size(); ++i) check_span(doc_.sentences[i].span, {"/sentences/", i}, "", n);
    for (std::size_t i = 0; i < doc_.tokens.size(); ++i) check_span(doc_.tokens[i].span, {"/tokens/", i}, "", n);
    for (std::size_t i = 0; i < doc_.mentions.size(); ++i) check_span(doc_.mentions[i].span, mention_path(i), "", n);
    for (std::size_t i = 0; i < doc_.relations.size(); ++i) {
      const Relation& r = doc_.relations[i];
      check_span(r.trigger, relation_path(i), "/trigger", n);
      if (r.time) check_span(*r.time, relation_path(i), "/time", n);
    }
  }

  template <class T>
  void index_ids(const std::vector<T>& items, const char* section, const std::vector<std::size_t>& at, const char* what,
                 std::unordered_map<std::string_view, std::size_t>& index) {
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& id = items[i].id;
      const ItemPath path{section, at.empty() ? i : at[i]};
      if (id.empty()) {
        error(path + "/id", "id.empty", std::string("a ") + what + " id must not be empty");
        continue;
      }
      auto [it, inserted] = index.emplace(id, i);
      if (!inserted)
        error(path + "/id", "id.duplicate",
              std::string("duplicate ") + what + " id \"" + id + "\" (first used at " +
                  ItemPath{section, at.empty() ? it->second : at[it->second]}.str() + ")");
    }
  }

  bool actor_exists(const std::string& id) const { return actor_index_.count(id) != 0; }

  template <class Path>
  void check_actor_ref(const std::string& id, const Path& path, const char* role) {
    if (!ctx_.actor_ids_complete || actor_exists(id)) return;
    error(path(), "ref.dangling", std::string(role) + " \"" + id + "\" is not the id of any actor");
  }

  void check_mention(const Mention& m, const ItemPath& path) {
    if (!m.actor.empty() && !m.members.empty())
      error(path + "/members", "mention.actor_and_members",
            "a mention has either an \"actor\" or (plural, with \"actor\": null) \"members\", not both");
    if (m.actor.empty() && m.members.empty())
      error(path + "/actor", "mention.no_actor",
            "the mention has no actor: \"actor\" is null or empty and there are no \"members\" (a plural mention lists them)");
    if (!m.actor.empty()) check_actor_ref(m.actor, [&] { return path + "/actor"; }, "actor");
    std::set<std::string> seen;
    for (std::size_t k = 0; k < m.members.size(); ++k) {
      const std::string p = path + "/members/" + std::to_string(k);
      if (!seen.insert(m.members[k]).second)
        error(p, "mention.members_duplicate", "actor \"" + m.members[k] + "\" is listed twice in \"members\"");
      else
        check_actor_ref(m.members[k], [&] { return p; }, "member");
    }
  }

  // `role` is also the member's name.
  void check_anchor(const std::string& mention_id, const std::string& actor_id, const ItemPath& item, const char* role) {
    if (mention_id.empty() || !ctx_.mention_ids_complete) return;
    const auto path = item + "/" + role;
    auto it = mention_index_.find(mention_id);
    if (it == mention_index_.end()) {
      error(path, "ref.dangling", std::string(role) + " \"" + mention_id + "\" is not the id of any mention");
      return;
    }
    if (!actor_exists(actor_id)) return;  // the actor itself is already reported
    const Mention& m = doc_.mentions[it->second];
    if (!m.actor.empty() && !actor_exists(m.actor)) return;  // so is the mention's
    const bool belongs = m.actor == actor_id || std::find(m.members.begin(), m.members.end(), actor_id) != m.members.end();
    if (!belongs)
      error(path, "ref.anchor",
            std::string(role) + " \"" + mention_id + "\" refers to " + (m.actor.empty() ? "other actors" : "\"" + m.actor + "\"") +
                ", not to the relation's actor \"" + actor_id + "\"");
  }

  void check_relation(const Relation& r, const ItemPath& path) {
    check_actor_ref(r.source, [&] { return path + "/source"; }, "source");
    check_actor_ref(r.target, [&] { return path + "/target"; }, "target");
    if (!r.source.empty() && r.source == r.target)
      error(path + "/target", "relation.self",
            "source and target are the same actor \"" + r.source + "\" (a relation needs two different actors)");
    check_anchor(r.source_mention, r.source, path, "source_mention");
    check_anchor(r.target_mention, r.target, path, "target_mention");
    const PloverRow* row = find_plover(r.type);
    if (!row) {
      error(path + "/type", "plover.type",
            "unknown PLOVER type \"" + r.type +
                "\" (expected one of AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
                "PROTEST SANCTION MOBILIZE COERCE ASSAULT)");
    } else if (row->quad != r.quad) {
      error(path + "/quad", "quad.type",
            std::string("quad ") + to_string(r.quad) + " does not fit type " + row->type + " (expected " + to_string(row->quad) + ")");
    }
    if (!r.cameo.empty()) {
      if (!cameo_well_formed(r.cameo))
        error(path + "/cameo", "cameo.format", "CAMEO code \"" + r.cameo + "\" must be 2 to 4 digits (e.g. \"04\", \"042\", \"0841\")");
      else if (row && !cameo_fits_plover(r.cameo, r.type))
        error(path + "/cameo", "cameo.type",
              "CAMEO code \"" + r.cameo + "\" does not fit type " + row->type + " (its code starts with " + cameo_roots(*row) + ")");
    }
    if (r.sentence < -1)
      error(path + "/sentence", "value.range", "\"sentence\" must be a sentence index or -1, not " + std::to_string(r.sentence));
    else if (ctx_.sentence_count > 0 && r.sentence >= static_cast<std::int64_t>(ctx_.sentence_count))
      error(path + "/sentence", "sentence.range",
            "sentence " + std::to_string(r.sentence) + " does not exist (the document has " + std::to_string(ctx_.sentence_count) +
                " sentences)");
  }

  const Document& doc_;
  const CheckContext& ctx_;
  std::string_view source_;
  std::vector<Diagnostic>& out_;
  std::unordered_map<std::string_view, std::size_t> actor_index_, mention_index_, relation_index_;
};

// [SECTION] Syntax pass: SAX over the raw input

std::string escape_pointer(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

/// Fills line and column (1-based, column in code points) of byte `offset` of valid UTF-8 `text`.
void locate(std::string_view text, std::size_t offset, Diagnostic& d) {
  offset = std::min(offset, text.size());
  std::int64_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') { ++line; column = 1; }
    else if ((c & 0xC0) != 0x80) ++column;
  }
  d.line = line;
  d.column = column;
  d.offset = static_cast<std::int64_t>(offset);
}

/// Finds what the tree parser cannot report well: syntax errors with their position, nesting
/// beyond kMaxDepth (stopped before any recursion), and duplicate keys (which the tree silently
/// collapses) with their JSON pointer.
class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view input, std::string_view source, std::vector<Diagnostic>& out)
      : input_(input), source_(source), out_(out) {}

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(Json::number_integer_t) { return value(); }
  bool number_unsigned(Json::number_unsigned_t) { return value(); }
  bool number_float(Json::number_float_t, const Json::string_t&) { return value(); }
  bool string(Json::string_t&) { return value(); }
  bool binary(Json::binary_t&) { return value(); }
  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { frames_.pop_back(); return true; }
  bool end_array() { frames_.pop_back(); return true; }
  bool key(Json::string_t& k) {
    Frame& f = frames_.back();
    f.key = k;
    if (!f.keys.insert(k).second)
      out_.push_back(make_diagnostic(Severity::error, source_, path(false), "json.duplicate_key",
                                     "key \"" + k + "\" appears more than once in the same object"));
    return true;
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    if (position > nul_) {  // the input was cut at a NUL byte, and that is where it fails
      report_nul(path(true), "");
      return false;
    }
    std::string message = ex.what();
    if (message.rfind("[json.exception.", 0) == 0) {
      const auto close = message.find("] ");
      if (close != std::string::npos) message.erase(0, close + 2);
    }
    message = repair_utf8(message);  // "last read" may end inside a multi-byte character
    const bool overflow = ex.id == 406;
    Diagnostic d = make_diagnostic(Severity::error, source_, path(true), overflow ? "number.too_large" : "json.syntax",
                                   overflow ? "number too large: " + message : "not valid JSON: " + message);
    locate(input_, position > 0 ? position - 1 : 0, d);
    out_.push_back(std::move(d));
    return false;
  }

  bool too_deep() const { return too_deep_; }

  /// Parses only the bytes before the NUL at `nul`: the parser would take the NUL for the end of
  /// the input and ignore whatever follows. Reports the NUL (or an earlier syntax error).
  void check_up_to_nul(std::size_t nul) {
    nul_ = nul;
    if (Json::sax_parse(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(nul), this))
      report_nul("", " after the end of the JSON document");
  }

 private:
  struct Frame {
    bool object = false;
    std::string key;
    std::size_t next = 0;  // arrays: index of the next element
    std::unordered_set<std::string> keys;
  };

  void begin_value() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().next;
  }
  bool value() {
    begin_value();
    return true;
  }
  bool open(bool object) {
    begin_value();
    if (frames_.size() >= kMaxDepth) {
      too_deep_ = true;
      out_.push_back(make_diagnostic(Severity::error, source_, path(false), "json.depth",
                                     "JSON nested more than " + std::to_string(kMaxDepth) + " levels deep; dyad/1 never nests that deep"));
      return false;
    }
    frames_.push_back(Frame{object, {}, 0, {}});
    return true;
  }
  // JSON pointer of the current value; `pending` names the array element not yet started.
  std::string path(bool pending) const {
    std::string p;
    for (const Frame& f : frames_) {
      if (f.object) {
        if (!f.key.empty() || !f.keys.empty()) p += "/" + escape_pointer(f.key);
      } else {
        const std::size_t index = pending && &f == &frames_.back() ? f.next : (f.next > 0 ? f.next - 1 : 0);
        p += "/" + std::to_string(index);
      }
    }
    return p;
  }

  void report_nul(std::string pointer, const char* where) {
    Diagnostic d = make_diagnostic(Severity::error, source_, std::move(pointer), "json.syntax", "");
    locate(input_, nul_, d);
    d.message = "NUL byte at line " + std::to_string(d.line) + ", column " + std::to_string(d.column) + " (byte " +
                std::to_string(nul_) + ")" + where + "; JSON text cannot contain NUL (in a string, write \\u0000)";
    out_.push_back(std::move(d));
  }

  std::string_view input_;
  std::string_view source_;
  std::vector<Diagnostic>& out_;
  std::vector<Frame> frames_;
  bool too_deep_ = false;
  std::size_t nul_ = std::string_view::npos;
};

// [SECTION] Structure pass: JSON tree -> Document

const char* kKnownSpan[] = {"start", "end", "utf16", "text"};
const char* kKnownProvenance[] = {"by", "rule"};
const char* kKnownDiagnostic[] = {"severity", "code", "message", "path", "line", "column", "offset"};

// Enum parsing chosen by the target type. Direct calls, not function pointers: taking these
// functions' addresses here made wasm-ld 14 (emscripten 3.1.6) report signature mismatches.
std::optional<Status> parse_value(std::string_view s, Status*) { return parse_status(s); }
std::optional<MentionKind> parse_value(std::string_view s, MentionKind*) { return parse_mention_kind(s); }
std::optional<ActorType> parse_value(std::string_view s, ActorType*) { return parse_actor_type(s); }
std::optional<Modality> parse_value(std::string_view s, Modality*) { return parse_modality(s); }
std::optional<Quad> parse_value(std::string_view s, Quad*) { return parse_quad(s); }

using Value = detail::JsonValue;
using MaybeValue = std::optional<detail::JsonValue>;

/// Reads the members of one object at a time into the model. The JSON pointer of the object
/// being read is kept in one buffer (Scope appends to it), so that pointers are only built into
/// strings when a problem is reported.
class Reader {
 public:
  Reader(std::string_view source, std::vector<Diagnostic>& diags) : source_(source), diags_(diags) {}

  /// Appends "/member" or "/index" to the current pointer for its lifetime.
  class Scope {
   public:
    Scope(Reader& r, std::string_view member) : r_(r), size_(r.path_.size()) {
      r.path_ += '/';
      r.path_ += member;
    }
    Scope(Reader& r, std::size_t index) : r_(r), size_(r.path_.size()) {
      r.path_ += '/';
      r.path_ += std::to_string(index);
    }
    ~Scope() { r_.path_.resize(size_); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Reader& r_;
    std::size_t size_;
  };

  const std::string& path() const { return path_; }
  std::string path_to(std::string_view key) const { return path_ + "/" + std::string(key); }

  void error(const std::string& path, const std::string& code, const std::string& message) {
    reported_.insert(path);
    diags_.push_back(make_diagnostic(Severity::error, source_, path, code, message));
  }
  void error_at(std::string_view key, const std::string& code, const std::string& message) { error(path_to(key), code, message); }

  const std::set<std::string>& reported() const { return reported_; }

  MaybeValue member(const Value& obj, const char* key, bool required) {
    MaybeValue v = obj.find(key);
    if (!v && required) error_at(key, "json.missing", std::string("missing required field \"") + key + "\"");
    return v;
  }

  bool get_string(const Value& obj, const char* key, std::string& out, bool required = true) {
    const MaybeValue v = member(obj, key, required);
    if (!v) return false;
    if (!v->is_string()) {
      error_at(key, "json.type", std::string("\"") + key + "\" must be a string, not " + v->type_name());
      return false;
    }
    out.assign(v->str(scratch_));
    return true;
  }

  bool get_bool(const Value& obj, const char* key, bool& out) {
    const MaybeValue v = member(obj, key, true);
    if (!v) return false;
    if (!v->is_boolean()) {
      error_at(key, "json.type", std::string("\"") + key + "\" must be true or false, not " + v->type_name());
      return false;
    }
    out = v->boolean();
    return true;
  }

  // Integers arrive as unsigned, signed or (when too big for 64 bits, or written with a
  // fraction or exponent) float; each gets its own message.
  bool check_integer(const Value& v, const char* key) {
    if (v.is_number_integer()) return true;
    if (v.is_number_float()) {
      if (std::fabs(v.f64()) >= kMaxExactInteger)
        error_at(key, "number.too_large", std::string("\"") + key + "\" is too large (" + std::string(v.raw()) + ")");
      else
        error_at(key, "json.type", std::string("\"") + key + "\" must be an integer, not " + std::string(v.raw()));
      return false;
    }
    error_at(key, "json.type", std::string("\"") + key + "\" must be an integer, not " + v.type_name());
    return false;
  }

  // Offsets and indices are integers from 0 to 2^53 (what a JavaScript number holds exactly);
  // the real value is kept so that messages quote it.
  bool get_index(const Value& obj, const char* key, std::uint64_t& out) {
    const MaybeValue v = member(obj, key, true);
    if (!v) return false;
    if (!check_integer(*v, key)) return false;
    if (!v->is_number_unsigned()) {
      error_at(key, "value.range", std::string("\"") + key + "\" must not be negative (" + std::string(v->raw()) + ")");
      return false;
    }
    out = v->u64();
    if (out > kMaxIndex) {
      error_at(key, "number.too_large", std::string("\"") + key + "\" is too large (" + std::to_string(out) + "; offsets and indices stop at 2^53)");
      return false;
    }
    return true;
  }

  template <class E>
  bool get_enum(const Value& obj, const char* key, E& out, const char* allowed) {
    const MaybeValue v = member(obj, key, true);
    if (!v) return false;
    if (!v->is_string()) {
      error_at(key, "json.type", std::string("\"") + key + "\" must be a string, not " + v->type_name());
      return false;
    }
    const std::string_view s = v->str(scratch_);
    auto e = parse_value(s, static_cast<E*>(nullptr));
    if (!e) {
      error_at(key, "enum.unknown", "unknown value \"" + std::string(s) + "\" for \"" + key + "\" (expected one of " + allowed + ")");
      return false;
    }
    out = *e;
    return true;
  }

  bool get_confidence(const Value& obj, double& out) {
    const MaybeValue v = member(obj, "confidence", true);
    if (!v) return false;
    if (!v->is_number()) {
      error_at("confidence", "json.type", std::string("\"confidence\" must be a number, not ") + v->type_name());
      return false;
    }
    out = v->f64();
    if (!(out >= 0.0 && out <= 1.0)) {
      error_at("confidence", "value.range", "\"confidence\" must be between 0 and 1, not " + std::string(v->raw()));
      return false;
    }
    return true;
  }

  void get_provenance(const Value& obj, Provenance& out) {
    const MaybeValue v = member(obj, "provenance", true);
    if (!v) return;
    Scope scope(*this, "provenance");
    if (!v->is_object()) {
      error(path_, "json.type", std::string("\"provenance\" must be an object, not ") + v->type_name());
      return;
    }
    keep_extra(*v, kKnownProvenance, out.extra);
    std::string by;
    if (!get_string(*v, "by", by)) return;
    // A user's annotation needs no rule; one given (say, the rule of the suggestion the user
    // edited) is kept like the rule of an automatic one.
    if (by == "user") out.user = true;
    else if (by == "auto") out.user = false;
    else error_at("by", "enum.unknown", "unknown value \"" + by + "\" for \"by\" (expected auto or user)");
    get_string(*v, "rule", out.rule, false);
  }

  /// The members every actor, mention and relation has (written by write_review).
  void get_review(const Value& obj, Provenance& provenance, Status& status, double& confidence) {
    get_provenance(obj, provenance);
    get_enum(obj, "status", status, "suggested, accepted, edited, rejected");
    get_confidence(obj, confidence);
  }

  /// A span object of its own (sentence, token, trigger, time) and its unknown members.
  bool get_span_object(const Value& obj, Span& out, ExtraFields& extra) {
    keep_extra(obj, kKnownSpan, extra);
    return get_span(obj, out);
  }

  // Reads start/end and checks them against the text: in range, ordered, and, when present,
  // utf16 and text agreeing with the offsets.
  bool get_span(const Value& obj, Span& out) {
    std::uint64_t s64 = 0, e64 = 0;
    const bool ok_s = get_index(obj, "start", s64);
    const bool ok_e = get_index(obj, "end", e64);
    if (!ok_s || !ok_e) return false;
    if (s64 > e64) {
      error(path_, "span.order", "span start " + std::to_string(s64) + " is after its end " + std::to_string(e64));
      return false;
    }
    // Beyond any text either way; size_t is 32 bits in wasm.
    const auto clamp = [](std::uint64_t n) { return static_cast<std::size_t>(std::min<std::uint64_t>(n, kMaxTextBytes + 1)); };
    const std::size_t s = clamp(s64), e = clamp(e64);
    out = Span{s, e};
    if (!text_ok_) return true;  // the text itself is reported; offsets cannot be checked
    if (e64 > map_.size()) {
      error_at("end", "span.range",
               "span end " + std::to_string(e64) + " is beyond the text (" + std::to_string(map_.size()) + " code points)");
      return false;
    }
    if (const MaybeValue u = member(obj, "utf16", false)) {
      if (!u->is_array() || u->size() != 2 || !(*u)[0].is_number_unsigned() || !(*u)[1].is_number_unsigned()) {
        error_at("utf16", "json.type", "\"utf16\" must be [start, end] with non-negative integers");
      } else if ((*u)[0].u64() != map_.utf16_of(s) || (*u)[1].u64() != map_.utf16_of(e)) {
        error_at("utf16", "span.utf16",
                 "\"utf16\" [" + std::to_string((*u)[0].u64()) + ", " + std::to_string((*u)[1].u64()) + "] does not match code points [" +
                     std::to_string(s) + ", " + std::to_string(e) + "] (expected [" + std::to_string(map_.utf16_of(s)) + ", " +
                     std::to_string(map_.utf16_of(e)) + "])");
      }
    }
    if (const MaybeValue t = member(obj, "text", false)) {
      if (!t->is_string()) {
        error_at("text", "json.type", std::string("\"text\" must be a string, not ") + t->type_name());
      } else {
        const std::string_view covered = t->str(scratch_);
        const std::string_view actual = std::string_view(text_).substr(map_.byte_of(s), map_.byte_of(e) - map_.byte_of(s));
        if (covered != actual)
          error_at("text", "span.text",
                   "covered text \"" + std::string(covered) + "\" does not match the text at [" + std::to_string(s) + ", " +
                       std::to_string(e) + "]: \"" + std::string(actual) + "\"");
      }
    }
    return true;
  }

  void set_text(const std::string& t, bool ok) {
    text_ = t;
    text_ok_ = ok;
    map_ = ok ? OffsetMap(text_) : OffsetMap();
  }

  /// Keeps members not in `known`, as written (without the whitespace between tokens).
  template <std::size_t N>
  static void keep_extra(const Value& obj, const char* const (&known)[N], ExtraFields& out) {
    obj.for_each([&](const Value& m) {
      for (const char* k : known)
        if (m.key_is(k)) return;
      out.emplace_back(m.key(), m.compact());
    });
  }

 private:
  std::string_view source_;
  std::vector<Diagnostic>& diags_;
  std::set<std::string> reported_;
  std::string path_;
  std::string scratch_;  // decoded strings with escapes
  std::string text_;
  bool text_ok_ = false;
  OffsetMap map_;
};

const char* kKnownMeta[] = {"title", "url", "date", "annotator", "notes"};
const char* kKnownActor[] = {"id", "name", "type", "country", "sector", "code", "provenance", "status", "confidence"};
const char* kKnownMention[] = {"id", "actor", "members", "start", "end", "utf16", "text", "kind", "provenance", "status", "confidence"};
const char* kKnownRelation[] = {"id", "source", "target", "source_mention", "target_mention", "type", "cameo", "quad", "trigger",
                                "sentence", "negated", "modality", "time", "provenance", "status", "confidence"};

// [SECTION] Document pass: the root object, streamed one array element at a time

/// The members of the root object, in the order they are read when a file does not give them
/// in this order (the text must be known before spans are checked).
enum class RootMember { schema, generator, text, meta, sentences, tokens, actors, mentions, relations, diagnostics, unknown };
constexpr const char* kRootNames[] = {"schema", "generator", "text", "meta", "sentences", "tokens", "actors", "mentions", "relations", "diagnostics"};

RootMember root_member(std::string_view key) {
  for (std::size_t i = 0; i < std::size(kRootNames); ++i)
    if (key == kRootNames[i]) return static_cast<RootMember>(i);
  return RootMember::unknown;
}

bool is_section(RootMember m) { return m >= RootMember::sentences && m <= RootMember::diagnostics; }

/// Reads a whole document. Files written by dyad (schema first, text before the arrays) are read
/// in one pass, each array element parsed, checked and dropped before the next; members in
/// another order are first skipped (still validated) and read afterwards in the order above.
class DocumentReader {
 public:
  DocumentReader(std::string_view json, std::string_view source, std::vector<Diagnostic>& diags) : tree_(json), r_(source, diags) {}

  /// False on a syntax error (or nesting beyond the limit, or a number overflow): the caller then
  /// reports it from nlohmann's parser. Otherwise the problems are in the diagnostics.
  bool run() {
    if (!tree_.consume('{')) {
      const MaybeValue v = tree_.parse(0);
      if (!v) return false;
      if (!tree_.at_end()) return tree_.fail(tree_.position(), "text after the document");
      r_.error("", "json.type", std::string("a dyad/1 document is a JSON object, not ") + v->type_name());
      stop_ = true;
      return true;
    }
    struct Deferred {
      RootMember which;
      std::string key;
      std::size_t at;
    };
    std::vector<Deferred> deferred;
    std::unordered_set<std::string> seen;
    bool in_order = true, first = true;
    if (!tree_.consume('}')) {
      for (;;) {
        std::optional<std::string> key = tree_.parse_key();
        if (!key) return false;
        const RootMember which = root_member(*key);
        if (first && which != RootMember::schema) in_order = false;
        first = false;
        const std::size_t at = tree_.position();
        if (!seen.insert(*key).second) {
          duplicate_root_key_ = true;  // reported by the syntax checker
          if (!skip_value()) return false;
        } else if (in_order && (!is_section(which) || text_read_)) {
          if (!read_member(which, *key)) return false;
        } else {
          deferred.push_back({which, *key, at});
          if (!skip_value()) return false;
        }
        if (tree_.consume(',')) continue;
        if (tree_.consume('}')) break;
        return tree_.fail(tree_.position(), "expected ',' or '}'");
      }
    }
    if (!tree_.at_end()) return tree_.fail(tree_.position(), "text after the document");
    if (!seen.count("schema")) r_.error("/schema", "json.missing", "missing required field \"schema\"");
    std::stable_sort(deferred.begin(), deferred.end(), [](const Deferred& a, const Deferred& b) { return a.which < b.which; });
    for (const Deferred& d : deferred) {
      if (is_section(d.which) && !seen.count("text")) finish_text();
      tree_.seek(d.at);
      if (!read_member(d.which, d.key)) return false;
    }
    if (!seen.count("text")) finish_text();
    return true;
  }

  bool stopped() const { return stop_; }
  Document& document() { return doc_; }
  CheckContext& context() { return ctx_; }
  const std::set<std::string>& reported() const { return r_.reported(); }
  bool duplicate_key() const { return tree_.duplicate_key() || duplicate_root_key_; }
  const detail::JsonTree& tree() const { return tree_; }

 private:
  // A missing text is reported once; spans are then read without being checked against it.
  void finish_text() {
    if (text_read_ || text_missing_reported_) return;
    text_missing_reported_ = true;
    r_.error("/text", "json.missing", "missing required field \"text\"");
    r_.set_text("", false);
  }

  // Skips one member value, validating it; arrays one element at a time.
  bool skip_value() {
    if (tree_.consume('[')) {
      if (tree_.consume(']')) return true;
      for (;;) {
        if (!tree_.parse(2)) return false;
        if (tree_.consume(',')) continue;
        if (tree_.consume(']')) return true;
        return tree_.fail(tree_.position(), "expected ',' or ']'");
      }
    }
    return tree_.parse(1).has_value();
  }

  bool read_member(RootMember which, const std::string& key) {
    if (stop_) return skip_value();
    if (is_section(which)) return read_section(which, key);
    const MaybeValue v = tree_.parse(1);
    if (!v) return false;
    switch (which) {
      case RootMember::schema:
        if (!v->is_string()) {
          r_.error("/schema", "json.type", std::string("\"schema\" must be a string, not ") + v->type_name());
        } else if (const std::string schema = v->str(); schema != kSchema) {
          // A different version stops here (its rules are unknown); a missing or mistyped one
          // is reported and the rest is still checked as dyad/1.
          r_.error("/schema", "schema.version", "unsupported schema \"" + schema + "\" (this dyad reads \"" + kSchema + "\")");
          stop_ = true;
        }
        break;
      case RootMember::generator:
        if (!v->is_string()) r_.error("/generator", "json.type", std::string("\"generator\" must be a string, not ") + v->type_name());
        break;
      case RootMember::text: read_text(*v); break;
      case RootMember::meta: read_meta(*v); break;
      default: doc_.extra.emplace_back(key, v->compact());
    }
    return true;
  }

  void read_text(const Value& v) {
    text_read_ = true;
    bool ok = v.is_string();
    if (!ok) r_.error("/text", "json.type", std::string("\"text\" must be a string, not ") + v.type_name());
    else doc_.text = v.str();
    if (ok && doc_.text.size() > kMaxTextBytes) {
      r_.error("/text", "text.too_large",
               "text is " + std::to_string(doc_.text.size()) + " bytes; dyad accepts at most " + std::to_string(kMaxTextBytes));
      ok = false;
    }
    r_.set_text(doc_.text, ok);
  }

  void read_meta(const Value& meta) {
    if (!meta.is_object()) {
      r_.error("/meta", "json.type", std::string("\"meta\" must be an object, not ") + meta.type_name());
      return;
    }
    Reader::Scope scope(r_, "meta");
    r_.get_string(meta, "title", doc_.meta.title, false);
    r_.get_string(meta, "url", doc_.meta.url, false);
    r_.get_string(meta, "date", doc_.meta.date, false);
    r_.get_string(meta, "annotator", doc_.meta.annotator, false);
    r_.get_string(meta, "notes", doc_.meta.notes, false);
    Reader::keep_extra(meta, kKnownMeta, doc_.meta.extra);
  }

  bool read_section(RootMember which, const std::string& key) {
    if (!tree_.consume('[')) {
      const MaybeValue v = tree_.parse(1);
      if (!v) return false;
      r_.error("/" + key, "json.type", "\"" + key + "\" must be an array, not " + v->type_name());
      return true;
    }
    Reader::Scope section(r_, key);
    std::size_t i = 0;
    if (!tree_.consume(']')) {
      for (;; ++i) {
        const MaybeValue v = tree_.parse(2);
        if (!v) return false;
        Reader::Scope element(r_, i);
        read_element(which, *v, i);
        if (tree_.consume(',')) continue;
        if (tree_.consume(']')) break;
        return tree_.fail(tree_.position(), "expected ',' or ']'");
      }
      ++i;
    }
    if (which == RootMember::sentences) ctx_.sentence_count = i;
    return true;
  }

  void read_element(RootMember which, const Value& o, std::size_t i) {
    switch (which) {
      case RootMember::sentences: {
        if (!o.is_object()) { r_.error(r_.path(), "json.type", "a sentence must be an object"); return; }
        Sentence s;
        if (r_.get_span_object(o, s.span, s.extra)) doc_.sentences.push_back(std::move(s));
        return;
      }
      case RootMember::tokens: {
        if (!o.is_object()) { r_.error(r_.path(), "json.type", "a token must be an object"); return; }
        Token t;
        if (r_.get_span_object(o, t.span, t.extra)) doc_.tokens.push_back(std::move(t));
        return;
      }
      case RootMember::actors: read_actor(o, i); return;
      case RootMember::mentions: read_mention(o, i); return;
      case RootMember::relations: read_relation(o, i); return;
      case RootMember::diagnostics: read_diagnostic(o); return;
      default: return;
    }
  }

  void read_actor(const Value& o, std::size_t i) {
    if (!o.is_object()) {
      r_.error(r_.path(), "json.type", std::string("an actor must be an object, not ") + o.type_name());
      ctx_.actor_ids_complete = false;
      return;
    }
    Actor x;
    if (!r_.get_string(o, "id", x.id)) ctx_.actor_ids_complete = false;
    r_.get_string(o, "name", x.name);
    r_.get_enum(o, "type", x.type, "PERSON, STATE, GOVERNMENT, ORGANIZATION, GROUP, LOCATION");
    r_.get_string(o, "country", x.country, false);
    r_.get_string(o, "sector", x.sector, false);
    r_.get_string(o, "code", x.code, false);
    r_.get_review(o, x.provenance, x.status, x.confidence);
    Reader::keep_extra(o, kKnownActor, x.extra);
    doc_.actors.push_back(std::move(x));
    ctx_.actor_at.push_back(i);
  }

  void read_mention(const Value& o, std::size_t i) {
    if (!o.is_object()) {
      r_.error(r_.path(), "json.type", std::string("a mention must be an object, not ") + o.type_name());
      ctx_.mention_ids_complete = false;
      return;
    }
    Mention x;
    if (!r_.get_string(o, "id", x.id)) ctx_.mention_ids_complete = false;
    if (const MaybeValue act = r_.member(o, "actor", true)) {
      if (act->is_string()) x.actor = act->str();
      else if (!act->is_null()) r_.error_at("actor", "json.type", std::string("\"actor\" must be an actor id or null, not ") + act->type_name());
    }
    if (const MaybeValue mem = r_.member(o, "members", false)) {
      if (!mem->is_array()) {
        r_.error_at("members", "json.type", std::string("\"members\" must be an array of actor ids, not ") + mem->type_name());
      } else {
        std::size_t k = 0;
        mem->for_each([&](const Value& id) {
          if (id.is_string()) x.members.push_back(id.str());
          else r_.error(r_.path() + "/members/" + std::to_string(k), "json.type", "a member must be an actor id string");
          ++k;
        });
      }
    }
    r_.get_span(o, x.span);
    r_.get_enum(o, "kind", x.kind, "NAME, NOMINAL, PRONOUN");
    r_.get_review(o, x.provenance, x.status, x.confidence);
    Reader::keep_extra(o, kKnownMention, x.extra);
    doc_.mentions.push_back(std::move(x));
    ctx_.mention_at.push_back(i);
  }

  void read_relation(const Value& o, std::size_t i) {
    if (!o.is_object()) {
      r_.error(r_.path(), "json.type", std::string("a relation must be an object, not ") + o.type_name());
      return;
    }
    Relation x;
    r_.get_string(o, "id", x.id);
    r_.get_string(o, "source", x.source);
    r_.get_string(o, "target", x.target);
    r_.get_string(o, "source_mention", x.source_mention, false);
    r_.get_string(o, "target_mention", x.target_mention, false);
    r_.get_string(o, "type", x.type);
    r_.get_string(o, "cameo", x.cameo, false);
    r_.get_enum(o, "quad", x.quad, "VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT");
    if (const MaybeValue t = r_.member(o, "trigger", true)) {
      Reader::Scope scope(r_, "trigger");
      if (!t->is_object()) r_.error(r_.path(), "json.type", std::string("\"trigger\" must be a span object, not ") + t->type_name());
      else r_.get_span_object(*t, x.trigger, x.trigger_extra);
    }
    if (const MaybeValue s = r_.member(o, "sentence", false)) {
      if (r_.check_integer(*s, "sentence")) {
        if (s->is_number_unsigned() && s->u64() > kMaxIndex)
          r_.error_at("sentence", "number.too_large", "\"sentence\" is too large (" + std::string(s->raw()) + "; indices stop at 2^53)");
        else
          x.sentence = s->i64();
      }
    }
    r_.get_bool(o, "negated", x.negated);
    r_.get_enum(o, "modality", x.modality, "asserted, planned, hypothetical, reported");
    if (const MaybeValue t = r_.member(o, "time", false); t && !t->is_null()) {
      Reader::Scope scope(r_, "time");
      Span s;
      if (!t->is_object()) r_.error(r_.path(), "json.type", std::string("\"time\" must be a span object or null, not ") + t->type_name());
      else if (r_.get_span_object(*t, s, x.time_extra)) x.time = s;
    }
    r_.get_review(o, x.provenance, x.status, x.confidence);
    Reader::keep_extra(o, kKnownRelation, x.extra);
    doc_.relations.push_back(std::move(x));
    ctx_.relation_at.push_back(i);
  }

  void read_diagnostic(const Value& o) {
    if (!o.is_object()) {
      r_.error(r_.path(), "json.type", std::string("a diagnostic must be an object, not ") + o.type_name());
      return;
    }
    Diagnostic d;
    Reader::keep_extra(o, kKnownDiagnostic, d.extra);
    std::string severity;
    if (r_.get_string(o, "severity", severity)) {
      if (severity == "info") d.severity = Severity::info;
      else if (severity == "warning") d.severity = Severity::warning;
      else if (severity == "error") d.severity = Severity::error;
      else r_.error_at("severity", "enum.unknown", "unknown value \"" + severity + "\" for \"severity\" (expected info, warning, error)");
    }
    r_.get_string(o, "code", d.code, false);
    r_.get_string(o, "message", d.message);
    r_.get_string(o, "path", d.path, false);
    std::int64_t* numbers[] = {&d.line, &d.column, &d.offset};
    const char* names[] = {"line", "column", "offset"};
    for (int k = 0; k < 3; ++k) {
      const MaybeValue v = r_.member(o, names[k], false);
      if (!v) continue;
      if (!r_.check_integer(*v, names[k])) continue;
      if (v->is_number_unsigned() && v->u64() > static_cast<std::uint64_t>(INT64_MAX))
        r_.error_at(names[k], "number.too_large", std::string("\"") + names[k] + "\" is too large");
      else
        *numbers[k] = v->i64();
    }
    doc_.diagnostics.push_back(std::move(d));
  }

  detail::JsonTree tree_;
  Reader r_;
  Document doc_;
  CheckContext ctx_;
  bool stop_ = false;  // the schema is another version (or the root no object): nothing more to check
  bool text_read_ = false;
  bool text_missing_reported_ = false;
  bool duplicate_root_key_ = false;
};

}  // namespace

// [SECTION] Public API

std::optional<Quad> plover_quad(std::string_view type) {
  const PloverRow* row = find_plover(type);
  return row ? std::optional<Quad>(row->quad) : std::nullopt;
}

bool cameo_fits_plover(std::string_view cameo, std::string_view type) {
  if (cameo.empty()) return find_plover(type) != nullptr;
  const PloverRow* row = find_plover(type);
  if (!row || !cameo_well_formed(cameo)) return false;
  for (const char* root : row->roots)
    if (root && cameo.substr(0, 2) == root) return true;
  return false;
}

std::vector<Diagnostic> validate(const Document& doc) {
  std::vector<Diagnostic> out;
  CheckContext ctx;
  ctx.check_spans = true;
  ctx.sentence_count = doc.sentences.size();
  const auto positions = [](std::vector<std::size_t>& at, std::size_t n) {
    at.resize(n);
    for (std::size_t i = 0; i < n; ++i) at[i] = i;
  };
  positions(ctx.actor_at, doc.actors.size());
  positions(ctx.mention_at, doc.mentions.size());
  positions(ctx.relation_at, doc.relations.size());
  SemanticChecker(doc, ctx, "", out).run();
  return out;
}

LoadResult from_json(std::string_view json, std::string_view source_name) {
  LoadResult result;
  auto& diags = result.diagnostics;

  if (const Utf8Check u = check_utf8(json); !u.valid) {
    Diagnostic d = make_diagnostic(Severity::error, source_name, "", "json.utf8",
                                   "the file is not valid UTF-8 (first invalid byte at offset " + std::to_string(u.first_invalid_byte) + ")");
    locate(json, u.first_invalid_byte, d);
    diags.push_back(std::move(d));
    return result;
  }
  if (const std::size_t nul = json.find('\0'); nul != std::string_view::npos) {
    SyntaxChecker(json, source_name, diags).check_up_to_nul(nul);
    return result;
  }
  DocumentReader reader(json, source_name, diags);
  const bool parsed = reader.run();
  if (!parsed || reader.duplicate_key()) {
    // Syntax errors, nesting, number overflow and duplicate keys are rare: nlohmann's SAX parser
    // reports them with its messages, line, column and JSON pointer.
    std::vector<Diagnostic> syntax;
    SyntaxChecker checker(json, source_name, syntax);
    const bool syntax_ok = Json::sax_parse(json.begin(), json.end(), &checker);
    if (!parsed) {
      diags = std::move(syntax);
      if (syntax_ok && !has_errors(diags)) {  // the two parsers disagree: still refuse the file
        const detail::JsonTree& tree = reader.tree();
        Diagnostic d = make_diagnostic(Severity::error, source_name, "", "json.syntax", std::string("not valid JSON: ") + tree.fail_reason());
        locate(json, tree.fail_offset(), d);
        diags.push_back(std::move(d));
      }
      return result;
    }
    diags.insert(diags.begin(), syntax.begin(), syntax.end());
  }
  if (reader.stopped()) return result;

  CheckContext& ctx = reader.context();
  ctx.reported = &reader.reported();
  SemanticChecker(reader.document(), ctx, source_name, diags).run();

  if (has_errors(diags)) return result;
  result.document = std::move(reader.document());
  return result;
}

}  // namespace dyad
