// Reading dyad/1 JSON: parse without exceptions, validate everything, report every problem
// with its JSON pointer. A document is returned only when there is no error.
#include <nlohmann/json.hpp>

#include "dyad/json_io.hpp"
#include "dyad/utf8.hpp"

namespace dyad {
namespace {

using Json = nlohmann::ordered_json;

class Reader {
 public:
  Reader(std::string_view source, std::vector<Diagnostic>& diags) : source_(source), diags_(diags) {}

  void error(const std::string& path, const std::string& code, const std::string& message) {
    Diagnostic d;
    d.severity = Severity::error;
    d.code = code;
    d.source = std::string(source_);
    d.path = path;
    d.message = message;
    diags_.push_back(std::move(d));
  }

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

  bool get_index(const Json& obj, const std::string& path, const char* key, std::size_t& out) {
    const Json* v = member(obj, path, key, true);
    if (!v) return false;
    if (!v->is_number_unsigned()) {
      error(path + "/" + key, "json.type", std::string("\"") + key + "\" must be a non-negative integer");
      return false;
    }
    out = static_cast<std::size_t>(v->get<std::uint64_t>());
    return true;
  }

  // `parse` is a lambda, not a function pointer: wasm-ld 14 mis-links the address of a function
  // returning std::optional by value ("function signature mismatch").
  template <class E, class Parse>
  bool get_enum(const Json& obj, const std::string& path, const char* key, E& out, Parse parse, const char* allowed) {
    std::string s;
    if (!get_string(obj, path, key, s)) return false;
    auto e = parse(s);
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
      error(path + "/confidence", "json.type", "\"confidence\" must be a number");
      return false;
    }
    out = v->get<double>();
    if (!(out >= 0.0 && out <= 1.0)) {
      error(path + "/confidence", "value.range", "\"confidence\" must be between 0 and 1");
      return false;
    }
    return true;
  }

  void get_provenance(const Json& obj, const std::string& path, Provenance& out) {
    const Json* v = member(obj, path, "provenance", true);
    if (!v) return;
    const std::string p = path + "/provenance";
    if (!v->is_object()) {
      error(p, "json.type", "\"provenance\" must be an object");
      return;
    }
    std::string by;
    if (!get_string(*v, p, "by", by)) return;
    if (by == "user") {
      out.user = true;
    } else if (by == "auto") {
      out.user = false;
      get_string(*v, p, "rule", out.rule, false);
    } else {
      error(p + "/by", "enum.unknown", "unknown value \"" + by + "\" for \"by\" (expected auto or user)");
    }
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
    if (e > map_.size()) {
      error(path + "/end", "span.range", "span end " + std::to_string(e) + " is beyond the text (" + std::to_string(map_.size()) + " code points)");
      return false;
    }
    out = Span{s, e};
    if (const Json* u = member(obj, path, "utf16", false)) {
      if (!u->is_array() || u->size() != 2 || !(*u)[0].is_number_unsigned() || !(*u)[1].is_number_unsigned()) {
        error(path + "/utf16", "json.type", "\"utf16\" must be [start, end] with non-negative integers");
      } else if ((*u)[0].get<std::uint64_t>() != map_.utf16_of(s) || (*u)[1].get<std::uint64_t>() != map_.utf16_of(e)) {
        error(path + "/utf16", "span.utf16", "\"utf16\" [" + std::to_string((*u)[0].get<std::uint64_t>()) + ", " +
              std::to_string((*u)[1].get<std::uint64_t>()) + "] does not match code points [" + std::to_string(s) + ", " +
              std::to_string(e) + "] (expected [" + std::to_string(map_.utf16_of(s)) + ", " + std::to_string(map_.utf16_of(e)) + "])");
      }
    }
    std::string covered;
    if (member(obj, path, "text", false) && get_string(obj, path, "text", covered, false)) {
      const std::string_view actual = std::string_view(text_).substr(map_.byte_of(s), map_.byte_of(e) - map_.byte_of(s));
      if (covered != actual)
        error(path + "/text", "span.text", "covered text \"" + covered + "\" does not match the text at [" + std::to_string(s) + ", " +
              std::to_string(e) + "]: \"" + std::string(actual) + "\"");
    }
    return true;
  }

  void set_text(const std::string& t) {
    text_ = t;
    map_ = OffsetMap(text_);
  }

  // Keeps members not in `known` verbatim.
  static void keep_extra(const Json& obj, std::initializer_list<const char*> known, ExtraFields& out) {
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool is_known = false;
      for (const char* k : known)
        if (it.key() == k) { is_known = true; break; }
      if (!is_known) out.emplace_back(it.key(), it.value().dump(-1, ' ', false, Json::error_handler_t::replace));
    }
  }

  const std::string& text() const { return text_; }

 private:
  std::string_view source_;
  std::vector<Diagnostic>& diags_;
  std::string text_;
  OffsetMap map_;
};

}  // namespace

LoadResult from_json(std::string_view json, std::string_view source_name) {
  LoadResult result;
  auto& diags = result.diagnostics;
  Reader r(source_name, diags);

  if (!check_utf8(json).valid) {
    r.error("", "json.utf8", "the file is not valid UTF-8");
    return result;
  }
  // Depth is bounded by the parser's own recursion; reject absurd nesting before parsing.
  {
    int depth = 0, max_depth = 0;
    bool in_string = false, escape = false;
    for (const char c : json) {
      if (in_string) {
        if (escape) escape = false;
        else if (c == '\\') escape = true;
        else if (c == '"') in_string = false;
      } else if (c == '"') in_string = true;
      else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
      else if (c == '}' || c == ']') --depth;
    }
    if (max_depth > 64) {
      r.error("", "json.depth", "JSON nested " + std::to_string(max_depth) + " levels deep; dyad/1 never nests more than 64");
      return result;
    }
  }
  Json j = Json::parse(json, nullptr, false);
  if (j.is_discarded()) {
    r.error("", "json.syntax", "not valid JSON (syntax error or truncated file)");
    return result;
  }
  if (!j.is_object()) {
    r.error("", "json.type", std::string("a dyad/1 document is a JSON object, not ") + j.type_name());
    return result;
  }
  std::string schema;
  if (!r.get_string(j, "", "schema", schema)) return result;
  if (schema != kSchema) {
    r.error("/schema", "schema.version", "unsupported schema \"" + schema + "\" (this dyad reads \"" + kSchema + "\")");
    return result;
  }
  Document doc;
  if (!r.get_string(j, "", "text", doc.text)) return result;
  r.set_text(doc.text);
  (void)0;
  Reader::keep_extra(j, {"schema", "generator", "text", "meta", "sentences", "tokens", "actors", "mentions", "relations", "diagnostics"}, doc.extra);

  if (const Json* meta = r.member(j, "", "meta", false)) {
    if (!meta->is_object()) {
      r.error("/meta", "json.type", "\"meta\" must be an object");
    } else {
      r.get_string(*meta, "/meta", "title", doc.meta.title, false);
      r.get_string(*meta, "/meta", "url", doc.meta.url, false);
      r.get_string(*meta, "/meta", "date", doc.meta.date, false);
      r.get_string(*meta, "/meta", "annotator", doc.meta.annotator, false);
      r.get_string(*meta, "/meta", "notes", doc.meta.notes, false);
      Reader::keep_extra(*meta, {"title", "url", "date", "annotator", "notes"}, doc.meta.extra);
    }
  }

  auto array = [&](const char* key) -> const Json* {
    const Json* v = r.member(j, "", key, false);
    if (v && !v->is_array()) {
      r.error(std::string("/") + key, "json.type", std::string("\"") + key + "\" must be an array");
      return nullptr;
    }
    return v;
  };

  if (const Json* a = array("sentences")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/sentences/" + std::to_string(i);
      if (!(*a)[i].is_object()) { r.error(p, "json.type", "a sentence must be an object"); continue; }
      Sentence s;
      if (r.get_span((*a)[i], p, s.span)) doc.sentences.push_back(s);
    }
  }
  if (const Json* a = array("tokens")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/tokens/" + std::to_string(i);
      if (!(*a)[i].is_object()) { r.error(p, "json.type", "a token must be an object"); continue; }
      Token t;
      if (r.get_span((*a)[i], p, t.span)) doc.tokens.push_back(t);
    }
  }
  if (const Json* a = array("actors")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/actors/" + std::to_string(i);
      const Json& o = (*a)[i];
      if (!o.is_object()) { r.error(p, "json.type", "an actor must be an object"); continue; }
      Actor x;
      r.get_string(o, p, "id", x.id);
      r.get_string(o, p, "name", x.name);
      r.get_enum(o, p, "type", x.type, [](std::string_view v) { return parse_actor_type(v); }, "PERSON, STATE, GOVERNMENT, ORGANIZATION, GROUP, LOCATION");
      r.get_string(o, p, "country", x.country, false);
      r.get_string(o, p, "sector", x.sector, false);
      r.get_string(o, p, "code", x.code, false);
      r.get_provenance(o, p, x.provenance);
      r.get_enum(o, p, "status", x.status, [](std::string_view v) { return parse_status(v); }, "suggested, accepted, edited, rejected");
      r.get_confidence(o, p, x.confidence);
      Reader::keep_extra(o, {"id", "name", "type", "country", "sector", "code", "provenance", "status", "confidence"}, x.extra);
      doc.actors.push_back(std::move(x));
    }
  }
  if (const Json* a = array("mentions")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/mentions/" + std::to_string(i);
      const Json& o = (*a)[i];
      if (!o.is_object()) { r.error(p, "json.type", "a mention must be an object"); continue; }
      Mention x;
      r.get_string(o, p, "id", x.id);
      if (const Json* act = r.member(o, p, "actor", true)) {
        if (act->is_string()) x.actor = act->get<std::string>();
        else if (!act->is_null()) r.error(p + "/actor", "json.type", "\"actor\" must be an actor id or null");
      }
      if (const Json* mem = r.member(o, p, "members", false)) {
        if (!mem->is_array()) r.error(p + "/members", "json.type", "\"members\" must be an array of actor ids");
        else for (std::size_t k = 0; k < mem->size(); ++k) {
          if ((*mem)[k].is_string()) x.members.push_back((*mem)[k].get<std::string>());
          else r.error(p + "/members/" + std::to_string(k), "json.type", "a member must be an actor id string");
        }
      }
      r.get_span(o, p, x.span);
      r.get_enum(o, p, "kind", x.kind, [](std::string_view v) { return parse_mention_kind(v); }, "NAME, NOMINAL, PRONOUN");
      r.get_provenance(o, p, x.provenance);
      r.get_enum(o, p, "status", x.status, [](std::string_view v) { return parse_status(v); }, "suggested, accepted, edited, rejected");
      r.get_confidence(o, p, x.confidence);
      Reader::keep_extra(o, {"id", "actor", "members", "start", "end", "utf16", "text", "kind", "provenance", "status", "confidence"}, x.extra);
      doc.mentions.push_back(std::move(x));
    }
  }
  if (const Json* a = array("relations")) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::string p = "/relations/" + std::to_string(i);
      const Json& o = (*a)[i];
      if (!o.is_object()) { r.error(p, "json.type", "a relation must be an object"); continue; }
      Relation x;
      r.get_string(o, p, "id", x.id);
      r.get_string(o, p, "source", x.source);
      r.get_string(o, p, "target", x.target);
      r.get_string(o, p, "source_mention", x.source_mention, false);
      r.get_string(o, p, "target_mention", x.target_mention, false);
      r.get_string(o, p, "type", x.type);
      r.get_string(o, p, "cameo", x.cameo, false);
      r.get_enum(o, p, "quad", x.quad, [](std::string_view v) { return parse_quad(v); }, "VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT");
      if (const Json* t = r.member(o, p, "trigger", true)) {
        if (!t->is_object()) r.error(p + "/trigger", "json.type", "\"trigger\" must be a span object");
        else r.get_span(*t, p + "/trigger", x.trigger);
      }
      if (const Json* s = r.member(o, p, "sentence", false)) {
        if (!s->is_number_integer()) r.error(p + "/sentence", "json.type", "\"sentence\" must be an integer");
        else x.sentence = s->get<std::int64_t>();
      }
      r.get_bool(o, p, "negated", x.negated);
      r.get_enum(o, p, "modality", x.modality, [](std::string_view v) { return parse_modality(v); }, "asserted, planned, hypothetical, reported");
      if (const Json* t = r.member(o, p, "time", false); t && !t->is_null()) {
        Span s;
        if (!t->is_object()) r.error(p + "/time", "json.type", "\"time\" must be a span object or null");
        else if (r.get_span(*t, p + "/time", s)) x.time = s;
      }
      r.get_provenance(o, p, x.provenance);
      r.get_enum(o, p, "status", x.status, [](std::string_view v) { return parse_status(v); }, "suggested, accepted, edited, rejected");
      r.get_confidence(o, p, x.confidence);
      Reader::keep_extra(o, {"id", "source", "target", "source_mention", "target_mention", "type", "cameo", "quad", "trigger", "sentence",
                             "negated", "modality", "time", "provenance", "status", "confidence"}, x.extra);
      doc.relations.push_back(std::move(x));
    }
  }

  if (has_errors(diags)) return result;
  result.document = std::move(doc);
  return result;
}

}  // namespace dyad
