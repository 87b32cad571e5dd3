// Reading dyad/1 JSON: parse without exceptions, validate everything, report every problem
// with its JSON pointer. A document is returned only when there is no error.
//
// Three passes: a SAX pass finds syntax errors (with line and column), absurd nesting and
// duplicate keys before any tree is built; the structure pass turns the tree into a Document,
// checking types, enums, numbers and spans against the text; the semantic pass (shared with
// validate(Document)) checks ids, references, PLOVER / CAMEO / quad and sentence indices.
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>
#include <set>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "dyad/extract.hpp"
#include "dyad/json_io.hpp"
#include "dyad/utf8.hpp"

namespace dyad {
namespace {

using Json = nlohmann::ordered_json;

/// Deepest nesting accepted: dyad/1 itself needs 4 levels; unknown fields may add some.
constexpr std::size_t kMaxDepth = 64;
/// Largest integer a double holds exactly; bigger "integers" arrive as floats and are refused.
constexpr double kMaxExactInteger = 9007199254740992.0;

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
  std::vector<std::string> actor_paths, mention_paths, relation_paths;
  std::size_t sentence_count = 0;
  bool check_spans = false;         // spans not yet checked against the text (in-memory documents)
  bool actor_ids_complete = true;   // every actor id could be read: dangling checks are meaningful
  bool mention_ids_complete = true;
  const std::set<std::string>* reported = nullptr;  // paths that already carry an error
};

class SemanticChecker {
 public:
  SemanticChecker(const Document& doc, const CheckContext& ctx, std::string_view source, std::vector<Diagnostic>& out)
      : doc_(doc), ctx_(ctx), source_(source), out_(out) {}

  void run() {
    if (ctx_.check_spans) check_spans();
    index_ids(doc_.actors, ctx_.actor_paths, "actor", actor_index_);
    index_ids(doc_.mentions, ctx_.mention_paths, "mention", mention_index_);
    index_ids(doc_.relations, ctx_.relation_paths, "relation", relation_index_);
    for (std::size_t i = 0; i < doc_.mentions.size(); ++i) check_mention(doc_.mentions[i], ctx_.mention_paths[i]);
    for (std::size_t i = 0; i < doc_.relations.size(); ++i) check_relation(doc_.relations[i], ctx_.relation_paths[i]);
  }

 private:
  void error(const std::string& path, const char* code, std::string message) {
    if (ctx_.reported && ctx_.reported->count(path)) return;
    out_.push_back(make_diagnostic(Severity::error, source_, path, code, std::move(message)));
  }

  void check_span(const Span& s, const std::string& path, std::size_t size) {
    if (s.start > s.end)
      error(path, "span.order", "span start " + std::to_string(s.start) + " is after its end " + std::to_string(s.end));
    else if (s.end > size)
      error(path + "/end", "span.range",
            "span end " + std::to_string(s.end) + " is beyond the text (" + std::to_string(size) + " code points)");
  }

  void check_spans() {
    if (!check_utf8(doc_.text).valid) {
      error("/text", "json.utf8", "the text is not valid UTF-8");
      return;
    }
    const std::size_t n = count_code_points(doc_.text);
    for (std::size_t i = 0; i < doc_.sentences.size(); ++i) check_span(doc_.sentences[i].span, "/sentences/" + std::to_string(i), n);
    for (std::size_t i = 0; i < doc_.tokens.size(); ++i) check_span(doc_.tokens[i].span, "/tokens/" + std::to_string(i), n);
    for (std::size_t i = 0; i < doc_.mentions.size(); ++i) check_span(doc_.mentions[i].span, ctx_.mention_paths[i], n);
    for (std::size_t i = 0; i < doc_.relations.size(); ++i) {
      const Relation& r = doc_.relations[i];
      check_span(r.trigger, ctx_.relation_paths[i] + "/trigger", n);
      if (r.time) check_span(*r.time, ctx_.relation_paths[i] + "/time", n);
    }
  }

  template <class T>
  void index_ids(const std::vector<T>& items, const std::vector<std::string>& paths, const char* what,
                 std::map<std::string, std::size_t>& index) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& id = items[i].id;
      if (id.empty()) {
        error(paths[i] + "/id", "id.empty", std::string("a ") + what + " id must not be empty");
        continue;
      }
      auto [it, inserted] = index.emplace(id, i);
      if (!inserted)
        error(paths[i] + "/id", "id.duplicate",
              std::string("duplicate ") + what + " id \"" + id + "\" (first used at " + paths[it->second] + ")");
    }
  }

  bool actor_exists(const std::string& id) const { return actor_index_.count(id) != 0; }

  void check_actor_ref(const std::string& id, const std::string& path, const char* role) {
    if (!ctx_.actor_ids_complete || actor_exists(id)) return;
    error(path, "ref.dangling", std::string(role) + " \"" + id + "\" is not the id of any actor");
  }

  void check_mention(const Mention& m, const std::string& path) {
    if (!m.actor.empty() && !m.members.empty())
      error(path + "/members", "mention.actor_and_members",
            "a mention has either an \"actor\" or (plural, with \"actor\": null) \"members\", not both");
    if (m.actor.empty() && m.members.empty())
      error(path + "/actor", "mention.no_actor",
            "the mention has no actor: \"actor\" is null or empty and there are no \"members\" (a plural mention lists them)");
    if (!m.actor.empty()) check_actor_ref(m.actor, path + "/actor", "actor");
    std::set<std::string> seen;
    for (std::size_t k = 0; k < m.members.size(); ++k) {
      const std::string p = path + "/members/" + std::to_string(k);
      if (!seen.insert(m.members[k]).second)
        error(p, "mention.members_duplicate", "actor \"" + m.members[k] + "\" is listed twice in \"members\"");
      else
        check_actor_ref(m.members[k], p, "member");
    }
  }

  void check_anchor(const std::string& mention_id, const std::string& actor_id, const std::string& path, const char* role) {
    if (mention_id.empty() || !ctx_.mention_ids_complete) return;
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

  void check_relation(const Relation& r, const std::string& path) {
    check_actor_ref(r.source, path + "/source", "source");
    check_actor_ref(r.target, path + "/target", "target");
    check_anchor(r.source_mention, r.source, path + "/source_mention", "source_mention");
    check_anchor(r.target_mention, r.target, path + "/target_mention", "target_mention");
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
  std::map<std::string, std::size_t> actor_index_, mention_index_, relation_index_;
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

  std::string_view input_;
  std::string_view source_;
  std::vector<Diagnostic>& out_;
  std::vector<Frame> frames_;
  bool too_deep_ = false;
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

class Reader {
 public:
  Reader(std::string_view source, std::vector<Diagnostic>& diags) : source_(source), diags_(diags) {}

  void error(const std::string& path, const std::string& code, const std::string& message) {
    reported_.insert(path);
    diags_.push_back(make_diagnostic(Severity::error, source_, path, code, message));
  }
  void warning(const std::string& path, const std::string& code, const std::string& message) {
    diags_.push_back(make_diagnostic(Severity::warning, source_, path, code, message));
  }

  const std::set<std::string>& reported() const { return reported_; }

  const Json* member(const Json& obj, const std::string& path, const char* key, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(path + "/" + key, "json.missing", std::string("missing required field \"") + key + "\"");
      return nullptr;
    }
    return &*it;
  }

  bool get_string(const Json& obj, const std::string& path, const char* key, std::string& out, bool required = true) {
    const Json* v = member(obj, path, key, required);
    if (!v) return false;
    if (!v->is_string()) {
      error(path + "/" + key, "json.type", std::string("\"") + key + "\" must be a string, not " + v->type_name());
      return false;
    }
    out = v->get<std::string>();
    return true;
  }

  bool get_bool(const Json& obj, const std::string& path, const char* key, bool& out) {
    const Json* v = member(obj, path, key, true);
    if (!v) return false;
    if (!v->is_boolean()) {
      error(path + "/" + key, "json.type", std::string("\"") + key + "\" must be true or false, not " + v->type_name());
      return false;
    }
    out = v->get<bool>();
    return true;
  }

  // Integers arrive as unsigned, signed or (when too big for 64 bits, or written with a
  // fraction or exponent) float; each gets its own message.
  bool check_integer(const Json& v, const std::string& path, const char* key) {
    if (v.is_number_integer()) return true;
    if (v.is_number_float()) {
      const double d = v.get<double>();
      if (std::fabs(d) >= kMaxExactInteger)
        error(path, "number.too_large", std::string("\"") + key + "\" is too large (" + v.dump() + ")");
      else
        error(path, "json.type", std::string("\"") + key + "\" must be an integer, not " + v.dump());
      return false;
    }
    error(path, "json.type", std::string("\"") + key + "\" must be an integer, not " + v.type_name());
    return false;
  }

  bool get_index(const Json& obj, const std::string& path, const char* key, std::size_t& out) {
    const Json* v = member(obj, path, key, true);
    if (!v) return false;
    const std::string p = path + "/" + key;
    if (!check_integer(*v, p, key)) return false;
    if (!v->is_number_unsigned()) {
      error(p, "value.range", std::string("\"") + key + "\" must not be negative (" + v->dump() + ")");
      return false;
    }
    const std::uint64_t n = v->get<std::uint64_t>();
    out = n > kMaxTextBytes ? kMaxTextBytes + 1 : static_cast<std::size_t>(n);  // beyond any text either way
    return true;
  }

  template <class E>
  bool get_enum(const Json& obj, const std::string& path, const char* key, E& out, const char* allowed) {
    std::string s;
    if (!get_string(obj, path, key, s)) return false;
    auto e = parse_value(s, static_cast<E*>(nullptr));
    if (!e) {
      error(path + "/" + key, "enum.unknown", "unknown value \"" + s + "\" for \"" + key + "\" (expected one of " + allowed + ")");
      return false;
    }
    out = *e;
    return true;
  }

  bool get_confidence(const Json& obj, const std::string& path, double& out) {
    const Json* v = member(obj, path, "confidence", true);
    if (!v) return false;
    if (!v->is_number()) {
      error(path + "/confidence", "json.type", std::string("\"confidence\" must be a number, not ") + v->type_name());
      return false;
    }
    out = v->get<double>();
    if (!(out >= 0.0 && out <= 1.0)) {
      error(path + "/confidence", "value.range", "\"confidence\" must be between 0 and 1, not " + v->dump());
      return false;
    }
    return true;
  }

  void get_provenance(const Json& obj, const std::string& path, Provenance& out) {
    const Json* v = member(obj, path, "provenance", true);
    if (!v) return;
    const std::string p = path + "/provenance";
    if (!v->is_object()) {
      error(p, "json.type", std::string("\"provenance\" must be an object, not ") + v->type_name());
      return;
    }
    drop_unknown(*v, p, kKnownProvenance, "provenance");
    std::string by;
    if (!get_string(*v, p, "by", by)) return;
    if (by == "user") {
      out.user = true;
      std::string rule;
      if (get_string(*v, p, "rule", rule, false) && !rule.empty())
        warning(p + "/rule", "json.dropped", "a user's annotation has no rule; \"rule\" is not kept");
    } else if (by == "auto") {
      out.user = false;
      get_string(*v, p, "rule", out.rule, false);
    } else {
      error(p + "/by", "enum.unknown", "unknown value \"" + by + "\" for \"by\" (expected auto or user)");
    }
  }

  /// A span object of its own (sentence, token, trigger, time): only the span members are known.
  bool get_span_object(const Json& obj, const std::string& path, Span& out) {
    drop_unknown(obj, path, kKnownSpan, "a span");
    return get_span(obj, path, out);
  }

  // Reads start/end and checks them against the text: in range, ordered, and, when present,
  // utf16 and text agreeing with the offsets.
  bool get_span(const Json& obj, const std::string& path, Span& out) {
    std::size_t s = 0, e = 0;
    const bool ok_s = get_index(obj, path, "start", s);
    const bool ok_e = get_index(obj, path, "end", e);
    if (!ok_s || !ok_e) return false;
    if (s > e) {
      error(path, "span.order", "span start " + std::to_string(s) + " is after its end " + std::to_string(e));
      return false;
    }
    out = Span{s, e};
    if (!text_ok_) return true;  // the text itself is reported; offsets cannot be checked
    if (e > map_.size()) {
      error(path + "/end", "span.range",
            "span end " + std::to_string(e) + " is beyond the text (" + std::to_string(map_.size()) + " code points)");
      return false;
    }
    if (const Json* u = member(obj, path, "utf16", false)) {
      if (!u->is_array() || u->size() != 2 || !(*u)[0].is_number_unsigned() || !(*u)[1].is_number_unsigned()) {
        error(path + "/utf16", "json.type", "\"utf16\" must be [start, end] with non-negative integers");
      } else if ((*u)[0].get<std::uint64_t>() != map_.utf16_of(s) || (*u)[1].get<std::uint64_t>() != map_.utf16_of(e)) {
        error(path + "/utf16", "span.utf16",
              "\"utf16\" [" + std::to_string((*u)[0].get<std::uint64_t>()) + ", " + std::to_string((*u)[1].get<std::uint64_t>()) +
                  "] does not match code points [" + std::to_string(s) + ", " + std::to_string(e) + "] (expected [" +
                  std::to_string(map_.utf16_of(s)) + ", " + std::to_string(map_.utf16_of(e)) + "])");
      }
    }
    std::string covered;
    if (get_string(obj, path, "text", covered, false)) {
      const std::string_view actual = std::string_view(text_).substr(map_.byte_of(s), map_.byte_of(e) - map_.byte_of(s));
      if (covered != actual)
        error(path + "/text", "span.text",
              "covered text \"" + covered + "\" does not match the text at [" + std::to_string(s) + ", " + std::to_string(e) + "]: \"" +
                  std::string(actual) + "\"");
    }
    return true;
  }

  void set_text(const std::string& t, bool ok) {
    text_ = t;
    text_ok_ = ok;
    map_ = ok ? OffsetMap(text_) : OffsetMap();
  }

  /// Keeps members not in `known` verbatim (re-serialised compactly).
  template <std::size_t N>
  static void keep_extra(const Json& obj, const char* const (&known)[N], ExtraFields& out) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (!is_known(it.key(), known)) out.emplace_back(it.key(), it.value().dump(-1, ' ', false, Json::error_handler_t::replace));
  }

  /// Objects without room for unknown members (spans, provenance, diagnostics) report them as
  /// warnings: the load succeeds, but the member will not be written back.
  template <std::size_t N>
  void drop_unknown(const Json& obj, const std::string& path, const char* const (&known)[N], const char* what) {
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (!is_known(it.key(), known))
        warning(path + "/" + escape_pointer(it.key()), "json.dropped",
                "unknown field \"" + it.key() + "\" in " + what +
                    " is not kept (unknown fields are kept on the document, meta, actors, mentions and relations)");
  }

 private:
  template <std::size_t N>
  static bool is_known(const std::string& key, const char* const (&known)[N]) {
    for (const char* k : known)
      if (key == k) return true;
    return false;
  }

  std::string_view source_;
  std::vector<Diagnostic>& diags_;
  std::set<std::string> reported_;
  std::string text_;
  bool text_ok_ = false;
  OffsetMap map_;
};

const char* kKnownRoot[] = {"schema", "generator", "text", "meta", "sentences", "tokens", "actors", "mentions", "relations", "diagnostics"};
const char* kKnownMeta[] = {"title", "url", "date", "annotator", "notes"};
const char* kKnownActor[] = {"id", "name", "type", "country", "sector", "code", "provenance", "status", "confidence"};
const char* kKnownMention[] = {"id", "actor", "members", "start", "end", "utf16", "text", "kind", "provenance", "status", "confidence"};
const char* kKnownRelation[] = {"id", "source", "target", "source_mention", "target_mention", "type", "cameo", "quad", "trigger",
                                "sentence", "negated", "modality", "time", "provenance", "status", "confidence"};

constexpr const char* kStatuses = "suggested, accepted, edited, rejected";

void read_diagnostics(Reader& r, const Json& a, std::vector<Diagnostic>& out) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::string p = "/diagnostics/" + std::to_string(i);
    const Json& o = a[i];
    if (!o.is_object()) {
      r.error(p, "json.type", std::string("a diagnostic must be an object, not ") + o.type_name());
      continue;
    }
    r.drop_unknown(o, p, kKnownDiagnostic, "a diagnostic");
    Diagnostic d;
    std::string severity;
    if (r.get_string(o, p, "severity", severity)) {
      if (severity == "info") d.severity = Severity::info;
      else if (severity == "warning") d.severity = Severity::warning;
      else if (severity == "error") d.severity = Severity::error;
      else r.error(p + "/severity", "enum.unknown", "unknown value \"" + severity + "\" for \"severity\" (expected info, warning, error)");
    }
    r.get_string(o, p, "code", d.code, false);
    r.get_string(o, p, "message", d.message);
    r.get_string(o, p, "path", d.path, false);
    std::int64_t* numbers[] = {&d.line, &d.column, &d.offset};
    const char* names[] = {"line", "column", "offset"};
    for (int k = 0; k < 3; ++k) {
      const Json* v = r.member(o, p, names[k], false);
      if (!v) continue;
      if (!r.check_integer(*v, p + "/" + names[k], names[k])) continue;
      if (v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        r.error(p + "/" + names[k], "number.too_large", std::string("\"") + names[k] + "\" is too large");
      else
        *numbers[k] = v->get<std::int64_t>();
    }
    out.push_back(std::move(d));
  }
}

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
  for (std::size_t i = 0; i < doc.actors.size(); ++i) ctx.actor_paths.push_back("/actors/" + std::to_string(i));
  for (std::size_t i = 0; i < doc.mentions.size(); ++i) ctx.mention_paths.push_back("/mentions/" + std::to_string(i));
  for (std::size_t i = 0; i < doc.relations.size(); ++i) ctx.relation_paths.push_back("/relations/" + std::to_string(i));
  SemanticChecker(doc, ctx, "", out).run();
  return out;
}

LoadResult from_json(std::string_view json, std::string_view source_name) {
  LoadResult result;
  auto& diags = result.diagnostics;
  Reader r(source_name, diags);

  if (const Utf8Check u = check_utf8(json); !u.valid) {
    Diagnostic d = make_diagnostic(Severity::error, source_name, "", "json.utf8",
                                   "the file is not valid UTF-8 (first invalid byte at offset " + std::to_string(u.first_invalid_byte) + ")");
    locate(json, u.first_invalid_byte, d);
    diags.push_back(std::move(d));
    return result;
  }
  {
    SyntaxChecker checker(json, source_name, diags);
    if (!Json::sax_parse(json.begin(), json.end(), &checker)) return result;
  }
  Json j = Json::parse(json, nullptr, false);
  if (j.is_discarded()) {  // unreachable after the SAX pass; kept as a guard
    r.error("", "json.syntax", "not valid JSON (syntax error or truncated file)");
    return result;
  }
  if (!j.is_object()) {
    r.error("", "json.type", std::string("a dyad/1 document is a JSON object, not ") + j.type_name());
    return result;
  }
  // A different version stops here (its rules are unknown); a missing or mistyped one is
  // reported and the rest is still checked as dyad/1.
  std::string schema;
  if (r.get_string(j, "", "schema", schema) && schema != kSchema) {
    r.error("/schema", "schema.version", "unsupported schema \"" + schema + "\" (this dyad reads \"" + kSchema + "\")");
    return result;
  }
  Document doc;
  {
    std::string generator;
    r.get_string(j, "", "generator", generator, false);
  }
  bool text_ok = r.get_string(j, "", "text", doc.text);
  if (text_ok && doc.text.size() > kMaxTextBytes) {
    r.error("/text", "text.too_large",
            "text is " + std::to_string(doc.text.size()) + " bytes; dyad accepts at most " + std::to_string(kMaxTextBytes));
    text_ok = false;
  }
  r.set_text(doc.text, text_ok);
  Reader::keep_extra(j, kKnownRoot, doc.extra);

  if (const Json* meta = r.member(j, "", "meta", false)) {
    if (!meta->is_object()) {
      r.error("/meta", "json.type", std::string("\"meta\" must be an object, not ") + meta->type_name());
    } else {
      r.get_string(*meta, "/meta", "title", doc.meta.title, false);
      r.get_string(*meta, "/meta", "url", doc.meta.url, false);
      r.get_string(*meta, "/meta", "date", doc.meta.date, false);
      r.get_string(*meta, "/meta", "annotator", doc.meta.annotator, false);
      r.get_string(*meta, "/meta", "notes", doc.meta.notes, false);
      Reader::keep_extra(*meta, kKnownMeta, doc.meta.extra);
    }
  }

  auto array = [&](const char* key) -> const Json* {
    const Json* v = r.member(j, "", key, false);
    if (v && !v->is_array()) {
      r.error(std::string("/") + key, "json.type", std::string("\"") + key + "\" must be an array, not " + v->type_name());
      return nullptr;
    }
    return v;
  };

  CheckContext ctx;
  if (const Json* a = array("sentences")) {
    ctx.sentence_count = a->size();
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/sentences/" + std::to_string(i);
      if (!(*a)[i].is_object()) { r.error(p, "json.type", "a sentence must be an object"); continue; }
      Sentence s;
      if (r.get_span_object((*a)[i], p, s.span)) doc.sentences.push_back(s);
    }
  }
  if (const Json* a = array("tokens")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/tokens/" + std::to_string(i);
      if (!(*a)[i].is_object()) { r.error(p, "json.type", "a token must be an object"); continue; }
      Token t;
      if (r.get_span_object((*a)[i], p, t.span)) doc.tokens.push_back(t);
    }
  }
  if (const Json* a = array("actors")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/actors/" + std::to_string(i);
      const Json& o = (*a)[i];
      if (!o.is_object()) {
        r.error(p, "json.type", std::string("an actor must be an object, not ") + o.type_name());
        ctx.actor_ids_complete = false;
        continue;
      }
      Actor x;
      if (!r.get_string(o, p, "id", x.id)) ctx.actor_ids_complete = false;
      r.get_string(o, p, "name", x.name);
      r.get_enum(o, p, "type", x.type, "PERSON, STATE, GOVERNMENT, ORGANIZATION, GROUP, LOCATION");
      r.get_string(o, p, "country", x.country, false);
      r.get_string(o, p, "sector", x.sector, false);
      r.get_string(o, p, "code", x.code, false);
      r.get_provenance(o, p, x.provenance);
      r.get_enum(o, p, "status", x.status, kStatuses);
      r.get_confidence(o, p, x.confidence);
      Reader::keep_extra(o, kKnownActor, x.extra);
      doc.actors.push_back(std::move(x));
      ctx.actor_paths.push_back(p);
    }
  }
  if (const Json* a = array("mentions")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/mentions/" + std::to_string(i);
      const Json& o = (*a)[i];
      if (!o.is_object()) {
        r.error(p, "json.type", std::string("a mention must be an object, not ") + o.type_name());
        ctx.mention_ids_complete = false;
        continue;
      }
      Mention x;
      if (!r.get_string(o, p, "id", x.id)) ctx.mention_ids_complete = false;
      if (const Json* act = r.member(o, p, "actor", true)) {
        if (act->is_string()) x.actor = act->get<std::string>();
        else if (!act->is_null()) r.error(p + "/actor", "json.type", std::string("\"actor\" must be an actor id or null, not ") + act->type_name());
      }
      if (const Json* mem = r.member(o, p, "members", false)) {
        if (!mem->is_array()) {
          r.error(p + "/members", "json.type", std::string("\"members\" must be an array of actor ids, not ") + mem->type_name());
        } else {
          for (std::size_t k = 0; k < mem->size(); ++k) {
            if ((*mem)[k].is_string()) x.members.push_back((*mem)[k].get<std::string>());
            else r.error(p + "/members/" + std::to_string(k), "json.type", "a member must be an actor id string");
          }
        }
      }
      r.get_span(o, p, x.span);
      r.get_enum(o, p, "kind", x.kind, "NAME, NOMINAL, PRONOUN");
      r.get_provenance(o, p, x.provenance);
      r.get_enum(o, p, "status", x.status, kStatuses);
      r.get_confidence(o, p, x.confidence);
      Reader::keep_extra(o, kKnownMention, x.extra);
      doc.mentions.push_back(std::move(x));
      ctx.mention_paths.push_back(p);
    }
  }
  if (const Json* a = array("relations")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/relations/" + std::to_string(i);
      const Json& o = (*a)[i];
      if (!o.is_object()) { r.error(p, "json.type", std::string("a relation must be an object, not ") + o.type_name()); continue; }
      Relation x;
      r.get_string(o, p, "id", x.id);
      r.get_string(o, p, "source", x.source);
      r.get_string(o, p, "target", x.target);
      r.get_string(o, p, "source_mention", x.source_mention, false);
      r.get_string(o, p, "target_mention", x.target_mention, false);
      r.get_string(o, p, "type", x.type);
      r.get_string(o, p, "cameo", x.cameo, false);
      r.get_enum(o, p, "quad", x.quad, "VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT");
      if (const Json* t = r.member(o, p, "trigger", true)) {
        if (!t->is_object()) r.error(p + "/trigger", "json.type", std::string("\"trigger\" must be a span object, not ") + t->type_name());
        else r.get_span_object(*t, p + "/trigger", x.trigger);
      }
      if (const Json* s = r.member(o, p, "sentence", false)) {
        if (r.check_integer(*s, p + "/sentence", "sentence")) {
          if (s->is_number_unsigned() && s->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
            r.error(p + "/sentence", "number.too_large", "\"sentence\" is too large (" + s->dump() + ")");
          else
            x.sentence = s->get<std::int64_t>();
        }
      }
      r.get_bool(o, p, "negated", x.negated);
      r.get_enum(o, p, "modality", x.modality, "asserted, planned, hypothetical, reported");
      if (const Json* t = r.member(o, p, "time", false); t && !t->is_null()) {
        Span s;
        if (!t->is_object()) r.error(p + "/time", "json.type", std::string("\"time\" must be a span object or null, not ") + t->type_name());
        else if (r.get_span_object(*t, p + "/time", s)) x.time = s;
      }
      r.get_provenance(o, p, x.provenance);
      r.get_enum(o, p, "status", x.status, kStatuses);
      r.get_confidence(o, p, x.confidence);
      Reader::keep_extra(o, kKnownRelation, x.extra);
      doc.relations.push_back(std::move(x));
      ctx.relation_paths.push_back(p);
    }
  }
  if (const Json* a = array("diagnostics")) read_diagnostics(r, *a, doc.diagnostics);

  ctx.reported = &r.reported();
  SemanticChecker(doc, ctx, source_name, diags).run();

  if (has_errors(diags)) return result;
  result.document = std::move(doc);
  return result;
}

}  // namespace dyad
