// Loading dyad/1: every problem reported with its JSON pointer, nothing lost on a round trip.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include <dyad/commands.hpp>
#include <dyad/dyad.hpp>

#include "annotation_builder.hpp"
#include "test_support.hpp"

using namespace dyad;

namespace {

bool has_diagnostic(const std::vector<Diagnostic>& diags, const std::string& code, const std::string& path) {
  for (const auto& d : diags)
    if (d.code == code && d.path == path && d.severity == Severity::error) return true;
  return false;
}

std::string listing(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += format(d) + "\n";
  return out;
}

/// Replaces the "generator" value, which names the writing program and version.
std::string without_generator(std::string json) {
  const auto at = json.find("\"generator\":");
  if (at == std::string::npos) return json;
  const auto open = json.find('"', at + 12);
  const auto close = json.find('"', open + 1);
  return json.replace(open, close - open + 1, "\"\"");
}

struct Expected {
  std::string file, code, path;
};

std::vector<Expected> broken_fixtures() {
  std::vector<Expected> out;
  std::istringstream in(test::read_file(test::tests_path("data/json/broken/expected.tsv")));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::size_t from = 0;
    for (std::size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) cols.push_back(line.substr(from, tab - from));
    cols.push_back(line.substr(from));
    if (cols.size() >= 3) out.push_back({cols[0], cols[1], cols[2]});
  }
  return out;
}

/// A valid annotated document over `text` with a mention and a relation on the given words.
Document annotated(const std::string& text, const std::string& source_word, const std::string& target_word, const std::string& trigger) {
  test::ArticleBuilder b(text);
  b.sentences();
  const auto a1 = b.actor("Source " + source_word, ActorType::person, "TUR", "GOV", "TURGOV");
  const auto a2 = b.actor("Target " + target_word, ActorType::state, "AZE", "", "AZE", Status::accepted, true, 1.0);
  const auto m1 = b.mention(a1, source_word);
  const auto m2 = b.mention(a2, target_word, 0, MentionKind::name, Status::edited);
  b.relation(a1, a2, "CONSULT", "042", trigger, m1, m2);
  return b.doc;
}

}  // namespace

TEST_SUITE("json_validate") {
  TEST_CASE("every broken fixture is refused with its diagnostic at its JSON pointer") {
    const auto expected = broken_fixtures();
    REQUIRE(expected.size() >= 50);
    for (const auto& e : expected) {
      CAPTURE(e.file);
      CAPTURE(e.code);
      CAPTURE(e.path);
      const std::string json = test::read_file(test::tests_path("data/json/broken/" + e.file));
      REQUIRE_FALSE(json.empty());
      const LoadResult r = from_json(json, e.file);
      CAPTURE(listing(r.diagnostics));
      CHECK_FALSE(r.ok());
      CHECK_FALSE(r.document.has_value());
      CHECK(has_diagnostic(r.diagnostics, e.code, e.path));
      for (const auto& d : r.diagnostics) CHECK(d.source == e.file);
    }
  }

  TEST_CASE("a file with several problems lists every one of them, without cascades") {
    const auto r = from_json(test::read_file(test::tests_path("data/json/broken/multiple-errors.json")));
    CAPTURE(listing(r.diagnostics));
    CHECK(r.diagnostics.size() == 5);
  }

  TEST_CASE("every valid fixture loads and writes back byte-identically apart from the generator") {
    for (const char* name : {"full.json", "no-sentences.json"}) {
      CAPTURE(name);
      const std::string json = test::read_file(test::tests_path(std::string("data/json/valid/") + name));
      const LoadResult r = from_json(json);
      CAPTURE(listing(r.diagnostics));
      REQUIRE(r.ok());
      CHECK(r.diagnostics.empty());
      CHECK(without_generator(to_json(*r.document)) == without_generator(json));
      CHECK(validate(*r.document).empty());
    }
    WriteOptions pretty;
    pretty.pretty = true;
    const std::string json = test::read_file(test::tests_path("data/json/valid/full-pretty.json"));
    const LoadResult r = from_json(json);
    REQUIRE(r.ok());
    CHECK(without_generator(to_json(*r.document, pretty)) == without_generator(json));
  }

  TEST_CASE("a minimal document with only schema and text is valid and gains the empty sections") {
    const LoadResult r = from_json(test::read_file(test::tests_path("data/json/valid/minimal.json")));
    REQUIRE(r.ok());
    const std::string once = to_json(*r.document);
    CHECK(once.find("\"actors\":[]") != std::string::npos);
    const LoadResult again = from_json(once);
    REQUIRE(again.ok());
    CHECK(to_json(*again.document) == once);
  }

  TEST_CASE("the dev set gold files load without problems and write back identically") {
    const std::filesystem::path dir = test::tests_path("data/dev");
    std::size_t files = 0;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".json") continue;
      ++files;
      CAPTURE(entry.path().string());
      const std::string json = test::read_file(entry.path().string());
      const LoadResult r = from_json(json);
      CAPTURE(listing(r.diagnostics));
      REQUIRE(r.ok());
      CHECK(r.diagnostics.empty());
      WriteOptions pretty;
      pretty.pretty = true;
      CHECK(without_generator(to_json(*r.document, pretty)) == without_generator(json));
    }
    CHECK_FALSE(ec);
    CHECK(files > 0);
  }

  TEST_CASE("annotated documents round-trip byte-identically across scripts, quotes, line ends and astral characters") {
    struct Case {
      const char* name;
      std::string text, source, target, trigger;
    };
    const Case cases[] = {
        {"accents", "Çavuşoğlu met Łukasz Müller and José Ñúñez in Zürich.", "Çavuşoğlu", "Müller", "met"},
        {"curly quotes", "“We met,” said ‘Bayramov’ — the ‘talks’ were “warm”.", "Bayramov", "talks", "met"},
        {"CRLF", "Line one.\r\nBayramov met Fidan.\r\nLine three.\r\n", "Bayramov", "Fidan", "met"},
        {"NBSP", "Foreign\u00a0Minister Bayramov\u00a0met Fidan\u00a0today.", "Bayramov", "Fidan", "met"},
        {"emoji", "😀 Bayramov 🇦🇿 met 👩🏽‍💻 Fidan 🇹🇷.", "Bayramov", "Fidan", "met"},
        {"other astral", "𝒳 Bayramov 𐍈 met 𠜎 Fidan 🀄.", "Bayramov", "Fidan", "met"},
        {"Arabic", "التقى وزير الخارجية عراقجي مع بيرموف في باكو.", "عراقجي", "بيرموف", "التقى"},
        {"control characters", std::string("Tab\there, bell\a, NUL") + std::string(1, '\0') + " Bayramov met Fidan.", "Bayramov", "Fidan", "met"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      const Document doc = annotated(c.text, c.source, c.target, c.trigger);
      REQUIRE(validate(doc).empty());
      const std::string json = to_json(doc);
      const LoadResult back = from_json(json);
      CAPTURE(listing(back.diagnostics));
      REQUIRE(back.ok());
      CHECK(back.document->text == c.text);
      CHECK(back.document->mentions[0].span == doc.mentions[0].span);
      CHECK(to_json(*back.document) == json);
    }
  }

  TEST_CASE("spans after astral characters carry UTF-16 offsets one unit further per astral character") {
    const Document doc = annotated("😀 Bayramov 🇦🇿 met Fidan.", "Bayramov", "Fidan", "met");
    const std::string json = to_json(doc);
    // "Bayramov" is code points [2, 10) but UTF-16 [3, 11); "Fidan" [18, 23) -> [21, 26).
    CHECK(json.find(R"("start":2,"end":10,"utf16":[3,11],"text":"Bayramov")") != std::string::npos);
    CHECK(json.find(R"("start":18,"end":23,"utf16":[21,26],"text":"Fidan")") != std::string::npos);
  }

  TEST_CASE("unknown fields are kept verbatim at every level that has room for them") {
    const std::string json =
        R"({"schema":"dyad/1","generator":"x","text":"Iran met Baku.","meta":{"title":"t","url":"","date":"","annotator":"","notes":"","m_extra":{"a":[1,2.5,null,true,"é"]}},)"
        R"("sentences":[],"tokens":[],"actors":[{"id":"a1","name":"Iran","type":"STATE","country":"IRN","sector":"","code":"IRN","provenance":{"by":"user"},"status":"accepted","confidence":1.0,"wikidata":"Q794"},)"
        R"({"id":"a2","name":"Baku","type":"LOCATION","country":"AZE","sector":"","code":"","provenance":{"by":"auto","rule":"r"},"status":"suggested","confidence":0.5,"z":-3,"y":[]}],)"
        R"("mentions":[{"id":"m1","actor":"a1","start":0,"end":4,"utf16":[0,4],"text":"Iran","kind":"NAME","provenance":{"by":"user"},"status":"accepted","confidence":1.0,"note":"checked by hand"}],)"
        R"("relations":[{"id":"r1","source":"a1","target":"a2","source_mention":"m1","target_mention":"","type":"CONSULT","cameo":"","quad":"VERBAL_COOPERATION","trigger":{"start":5,"end":8,"utf16":[5,8],"text":"met"},"sentence":-1,"negated":false,"modality":"asserted","time":null,"provenance":{"by":"user"},"status":"accepted","confidence":1.0,"r_extra":{"nested":{"deeper":[{}]}}}],)"
        R"("diagnostics":[],"root_extra":"kept","another":12345678901234}
)";
    const LoadResult r = from_json(json);
    CAPTURE(listing(r.diagnostics));
    REQUIRE(r.ok());
    const Document& d = *r.document;
    REQUIRE(d.extra.size() == 2);
    CHECK(d.extra[0] == std::make_pair(std::string("root_extra"), std::string("\"kept\"")));
    CHECK(d.meta.extra.size() == 1);
    CHECK(d.actors[0].extra.size() == 1);
    CHECK(d.actors[1].extra.size() == 2);
    CHECK(d.mentions[0].extra.size() == 1);
    CHECK(d.relations[0].extra.size() == 1);
    CHECK(without_generator(to_json(d)) == without_generator(json));
  }

  TEST_CASE("unknown fields inside spans, provenance and diagnostics are kept and written back after the known ones") {
    Document doc = annotated("Bayramov met Fidan on Tuesday.", "Bayramov", "Fidan", "met");
    doc.relations[0].time = test::span_of(doc.text, "Tuesday");
    doc.tokens.push_back(Token{test::span_of(doc.text, "Bayramov")});
    doc.diagnostics.push_back(Diagnostic{Severity::warning, "utf8.invalid", "m", "", "", 1, 2, 3});
    const std::string canonical = to_json(doc);
    std::string json = canonical;
    // Each unknown member goes after the last known member of its object, where dyad writes it back.
    auto append_to = [&](const std::string& object_start, const std::string& last_known, const std::string& extra) {
      const auto open = json.find(object_start);
      REQUIRE(open != std::string::npos);
      const auto at = json.find(last_known, open);
      REQUIRE(at != std::string::npos);
      json.insert(at + last_known.size(), extra);
    };
    append_to(R"("sentences":[{)", R"("text":"Bayramov met Fidan on Tuesday.")", R"(,"n":1)");
    append_to(R"("tokens":[{)", R"("text":"Bayramov")", R"(,"pos":"PROPN","feats":{"a":[1,2.50,-0.0,1E5,"\u00e9\/",null,true,"é"]})");
    append_to(R"("trigger":{)", R"("text":"met")", R"(,"lemma":"meet")");
    append_to(R"("time":{)", R"("text":"Tuesday")", R"(,"resolved":{"date":"2026-03-10"})");
    append_to(R"("actors":[{)", R"("rule":"test:actor")", R"(,"who":"x")");
    append_to(R"("mentions":[{)", R"("by":"auto","rule":"test:mention")", R"(,"score":[0.5])");
    append_to(R"("relations":[{)", R"("rule":"test:relation")", R"(,"pattern":{"id":7})");
    append_to(R"("diagnostics":[{)", R"("offset":3)", R"(,"tool":"other")");
    const LoadResult r = from_json(json);
    CAPTURE(listing(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const Document& d = *r.document;
    CHECK(d.sentences[0].extra.size() == 1);
    REQUIRE(d.tokens[0].extra.size() == 2);
    // The value as written, not re-formatted.
    CHECK(d.tokens[0].extra[1].second == R"({"a":[1,2.50,-0.0,1E5,"\u00e9\/",null,true,"é"]})");
    CHECK(d.relations[0].trigger_extra.size() == 1);
    CHECK(d.relations[0].time_extra.size() == 1);
    CHECK(d.actors[0].provenance.extra.size() == 1);
    CHECK(d.mentions[0].provenance.extra.size() == 1);
    CHECK(d.relations[0].provenance.extra.size() == 1);
    REQUIRE(d.diagnostics.size() == 1);
    CHECK(d.diagnostics[0].extra.size() == 1);
    CHECK(to_json(d) == json);
    WriteOptions pretty;
    pretty.pretty = true;
    const LoadResult again = from_json(to_json(d, pretty));
    REQUIRE(again.ok());
    CHECK(to_json(*again.document) == json);
    // Without a time the time object and its unknown members are gone.
    Document no_time = d;
    no_time.relations[0].time.reset();
    CHECK(to_json(no_time).find("resolved") == std::string::npos);
  }

  TEST_CASE("a user's provenance may carry a rule, which is kept; an empty one is left out") {
    Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    doc.actors[0].provenance = Provenance{true, "rule:title+name"};
    doc.actors[1].provenance = Provenance{true, ""};
    const std::string json = to_json(doc);
    CHECK(json.find(R"("provenance":{"by":"user","rule":"rule:title+name"})") != std::string::npos);
    const LoadResult r = from_json(json);
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    CHECK(r.document->actors[0].provenance == Provenance{true, "rule:title+name"});
    CHECK(to_json(*r.document) == json);
    std::string with_empty = json;
    const auto at = with_empty.find(R"({"by":"user"})");
    REQUIRE(at != std::string::npos);
    with_empty.replace(at, 13, R"({"by":"user","rule":""})");
    const LoadResult e = from_json(with_empty);
    REQUIRE(e.ok());
    CHECK(to_json(*e.document) == json);
  }

  TEST_CASE("unknown values are kept as written, only the whitespace between tokens goes") {
    const std::string json =
        "{\"schema\":\"dyad/1\",\"text\":\"x\",\"x\": {\n  \"a b\" : [ 1.50 , 1E5,\t\"\\u00e9 \\\" }\" ]\r\n} }";
    const LoadResult r = from_json(json);
    CAPTURE(listing(r.diagnostics));
    REQUIRE(r.ok());
    REQUIRE(r.document->extra.size() == 1);
    CHECK(r.document->extra[0].second == R"({"a b":[1.50,1E5,"\u00e9 \" }"]})");
  }

  TEST_CASE("members may come in any order: the text is read before the spans that need it") {
    const Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    const std::string canonical = to_json(doc);
    const LoadResult c = from_json(canonical);
    REQUIRE(c.ok());
    // Move "schema" and "text" to the end, after every array.
    std::string json = canonical;
    const auto cut = [&](const std::string& key) {
      const auto at = json.find("\"" + key + "\":");
      REQUIRE(at != std::string::npos);
      const auto end = json.find(",\"", at + 1);
      const std::string member = json.substr(at, end - at);
      json.erase(at, end - at + 1);
      return member;
    };
    const std::string schema = cut("schema"), text = cut("text");
    json.insert(json.rfind('}'), "," + text + "," + schema);
    const LoadResult r = from_json(json);
    CAPTURE(listing(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(to_json(*r.document) == canonical);
    // Spans are still checked against the text that comes later.
    std::string wrong = json;
    const auto at = wrong.find(R"("text":"Bayramov")");
    REQUIRE(at != std::string::npos);
    wrong.replace(at, 17, R"("text":"Bayramof")");
    CHECK(has_diagnostic(from_json(wrong).diagnostics, "span.text", "/mentions/0/text"));
    // A later wrong version still stops everything else.
    std::string other = json;
    other.replace(other.find("dyad/1"), 6, "dyad/9");
    const auto v = from_json(other);
    REQUIRE(v.diagnostics.size() == 1);
    CHECK(v.diagnostics[0].code == "schema.version");
  }

  TEST_CASE("a root key given twice is a duplicate key") {
    const auto r = from_json(R"({"schema":"dyad/1","text":"x","text":"y"})");
    CHECK_FALSE(r.ok());
    CHECK(has_diagnostic(r.diagnostics, "json.duplicate_key", "/text"));
  }

  TEST_CASE("the loader refuses exactly the inputs nlohmann/json refuses, on thousands of mutated files") {
    // The loader's own parser decides what is JSON; nlohmann's parser explains errors. Mutating
    // bytes of a real file at random must never make them disagree.
    const Document doc = annotated("“Bayramov” met Fidan 😀 in Baku.", "Bayramov", "Fidan", "met");
    std::string base = to_json(doc);
    base.insert(base.rfind('}'), R"(,"x":{"a":[1,-2,3.5e-3,true,false,null,"\u00e9\ud83d\ude00\n"],"b":{}})");
    const std::string alphabet = "{}[],:\"\\ \n0123456789-+.eEtrufalsn/ubx\x7f\x01";
    std::mt19937 rng(12345);
    std::size_t refused = 0, accepted = 0;
    for (int round = 0; round < 4000; ++round) {
      std::string s = base;
      const int edits = 1 + static_cast<int>(rng() % 3);
      for (int k = 0; k < edits; ++k) {
        const std::size_t at = rng() % s.size();
        const char c = alphabet[rng() % alphabet.size()];
        switch (rng() % 3) {
          case 0: s[at] = c; break;
          case 1: s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), c); break;
          default: s.erase(at, 1 + rng() % 3);
        }
      }
      if (!check_utf8(s).valid) continue;
      const bool json = nlohmann::json::accept(s);
      const LoadResult r = from_json(s);
      bool syntax = false;
      for (const auto& d : r.diagnostics) syntax = syntax || d.code == "json.syntax" || d.code == "number.too_large" || d.code == "json.depth";
      CAPTURE(s);
      if (!json) {
        CHECK_FALSE(r.ok());
        CHECK(syntax);
        ++refused;
      } else {
        // Valid JSON may still be no valid document, but never for a syntax reason.
        for (const auto& d : r.diagnostics) CHECK(d.code != "json.syntax");
        ++accepted;
      }
    }
    CHECK(refused > 500);
    CHECK(accepted > 100);
  }

  TEST_CASE("a missing schema is reported and the rest of the file is still checked") {
    const auto r = from_json(R"({"text":"x","actors":[{"id":"a1","name":"A","type":"NATION","provenance":{"by":"user"},"status":"accepted","confidence":1}]})");
    CHECK_FALSE(r.ok());
    CHECK(has_diagnostic(r.diagnostics, "json.missing", "/schema"));
    CHECK(has_diagnostic(r.diagnostics, "enum.unknown", "/actors/0/type"));
  }

  TEST_CASE("a schema that is not a string is a type error") {
    const auto r = from_json(R"({"schema":1,"text":"x"})");
    CHECK(has_diagnostic(r.diagnostics, "json.type", "/schema"));
  }

  TEST_CASE("a syntax error carries its line and column") {
    const auto r = from_json("{\"schema\": \"dyad/1\",\n  \"text\": \"x\",,\n}", "f.json");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "json.syntax");
    CHECK(r.diagnostics[0].line == 2);
    CHECK(r.diagnostics[0].column > 1);
    CHECK(format(r.diagnostics[0]).rfind("f.json:2:", 0) == 0);
  }

  TEST_CASE("duplicate keys are reported with an escaped JSON pointer") {
    const auto r = from_json(R"({"schema":"dyad/1","text":"","meta":{"a/b~c":1,"a/b~c":2}})");
    CHECK(has_diagnostic(r.diagnostics, "json.duplicate_key", "/meta/a~1b~0c"));
  }

  TEST_CASE("an unreadable actor id does not make every reference to it dangle") {
    const auto r = from_json(
        R"({"schema":"dyad/1","text":"Iran","actors":[{"id":7,"name":"Iran","type":"STATE","provenance":{"by":"user"},"status":"accepted","confidence":1}],)"
        R"("mentions":[{"id":"m1","actor":"a1","start":0,"end":4,"kind":"NAME","provenance":{"by":"user"},"status":"accepted","confidence":1}]})");
    CHECK_FALSE(r.ok());
    CAPTURE(listing(r.diagnostics));
    CHECK(r.diagnostics.size() == 1);
    CHECK(has_diagnostic(r.diagnostics, "json.type", "/actors/0/id"));
  }

  TEST_CASE("a sentence index is only range-checked when the document has sentences") {
    Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    doc.sentences.clear();
    doc.relations[0].sentence = 7;
    CHECK(validate(doc).empty());
    CHECK(from_json(to_json(doc)).ok());
    doc.sentences.push_back(Sentence{Span{0, 19}});
    const auto diags = validate(doc);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "sentence.range");
    CHECK(diags[0].path == "/relations/0/sentence");
  }

  TEST_CASE("a sentence index beyond 64-bit signed range is too large") {
    Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    std::string json = to_json(doc);
    const auto at = json.find("\"sentence\":0");
    REQUIRE(at != std::string::npos);
    json.replace(at, 12, "\"sentence\":18446744073709551615");
    CHECK(has_diagnostic(from_json(json).diagnostics, "number.too_large", "/relations/0/sentence"));
  }

  TEST_CASE("a relation may be anchored on a plural mention that includes its actor") {
    test::ArticleBuilder b("The two sides met.");
    const auto a1 = b.actor("Iran", ActorType::state);
    const auto a2 = b.actor("Azerbaijan", ActorType::state);
    const auto m = b.plural({a1, a2}, "two sides");
    b.relation(a1, a2, "CONSULT", "04", "met", m, m);
    CHECK(validate(b.doc).empty());
    CHECK(from_json(to_json(b.doc)).ok());
  }

  TEST_CASE("each PLOVER type has its quad and accepts exactly its CAMEO roots") {
    struct Row {
      const char* type;
      Quad quad;
      std::vector<std::string> roots;
    };
    const Row rows[] = {
        {"AGREE", Quad::verbal_cooperation, {"03"}},       {"CONSULT", Quad::verbal_cooperation, {"04"}},
        {"SUPPORT", Quad::verbal_cooperation, {"05"}},     {"CONCEDE", Quad::verbal_cooperation, {"08"}},
        {"COOPERATE", Quad::material_cooperation, {"06"}}, {"AID", Quad::material_cooperation, {"07"}},
        {"RETREAT", Quad::material_cooperation, {"08"}},   {"REQUEST", Quad::verbal_conflict, {"10", "02"}},
        {"ACCUSE", Quad::verbal_conflict, {"09", "11"}},   {"REJECT", Quad::verbal_conflict, {"12"}},
        {"THREATEN", Quad::verbal_conflict, {"13"}},       {"PROTEST", Quad::material_conflict, {"14"}},
        {"SANCTION", Quad::material_conflict, {"16"}},     {"MOBILIZE", Quad::material_conflict, {"15"}},
        {"COERCE", Quad::material_conflict, {"17"}},       {"ASSAULT", Quad::material_conflict, {"18", "19", "20"}},
    };
    CHECK(std::size(rows) == std::size(kPloverTypes));
    for (const auto& row : rows) {
      CAPTURE(row.type);
      REQUIRE(plover_quad(row.type).has_value());
      CHECK(*plover_quad(row.type) == row.quad);
      CHECK(cameo_fits_plover("", row.type));
      for (int root = 1; root <= 20; ++root) {
        const std::string code = (root < 10 ? "0" : "") + std::to_string(root);
        const bool expected = std::find(row.roots.begin(), row.roots.end(), code) != row.roots.end();
        CAPTURE(code);
        CHECK(cameo_fits_plover(code, row.type) == expected);
        CHECK(cameo_fits_plover(code + "1", row.type) == expected);
        CHECK(cameo_fits_plover(code + "12", row.type) == expected);
        CHECK_FALSE(cameo_fits_plover(code + "123", row.type));
      }
    }
    CHECK_FALSE(plover_quad("MEET").has_value());
    CHECK_FALSE(cameo_fits_plover("04", "MEET"));
    CHECK_FALSE(cameo_fits_plover("0a", "CONSULT"));
  }

  TEST_CASE("validate reports the problems of a document built in memory") {
    Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    doc.mentions[0].span = Span{5, 500};
    doc.relations[0].quad = Quad::material_conflict;
    doc.actors.push_back(doc.actors[0]);
    const auto diags = validate(doc);
    CAPTURE(listing(diags));
    CHECK(has_diagnostic(diags, "span.range", "/mentions/0/end"));
    CHECK(has_diagnostic(diags, "quad.type", "/relations/0/quad"));
    CHECK(has_diagnostic(diags, "id.duplicate", "/actors/2/id"));
  }

  TEST_CASE("a text larger than the extractor accepts is refused") {
    std::string json = R"({"schema":"dyad/1","text":")";
    json.append(kMaxTextBytes + 1, 'a');
    json += "\"}";
    const auto r = from_json(json);
    CHECK(has_diagnostic(r.diagnostics, "text.too_large", "/text"));
  }

  TEST_CASE("a NUL byte is an error with its line and column, inside the document or after it") {
    const std::string doc = "{\"schema\":\"dyad/1\",\n\"text\":\"x\"}";
    SUBCASE("after the document: the garbage behind it is not ignored") {
      const auto r = from_json(doc + std::string(1, '\0') + "garbage", "f.json");
      CAPTURE(listing(r.diagnostics));
      CHECK_FALSE(r.ok());
      REQUIRE(r.diagnostics.size() == 1);
      CHECK(r.diagnostics[0].code == "json.syntax");
      CHECK(r.diagnostics[0].path == "");
      CHECK(r.diagnostics[0].line == 2);
      CHECK(r.diagnostics[0].column == 12);
      CHECK(r.diagnostics[0].offset == static_cast<std::int64_t>(doc.size()));
      CHECK(r.diagnostics[0].message.rfind("NUL byte at line 2, column 12", 0) == 0);
    }
    SUBCASE("inside a string: not \"unexpected end of input\"") {
      std::string json = doc;
      json.insert(json.find("x\""), 1, '\0');
      const auto r = from_json(json);
      REQUIRE(r.diagnostics.size() == 1);
      CHECK(r.diagnostics[0].path == "/text");
      CHECK(r.diagnostics[0].message.rfind("NUL byte at line 2, column 9", 0) == 0);
    }
    SUBCASE("an escaped NUL in a string is text like any other character") {
      const auto r = from_json(R"({"schema":"dyad/1","text":"a\u0000b"})");
      REQUIRE(r.ok());
      CHECK(r.document->text == std::string("a\0b", 3));
    }
  }

  TEST_CASE("offsets above 2^53 are too large and quote their real value") {
    Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    const std::string json = to_json(doc);
    const auto with_end = [&](const std::string& value) {
      std::string j = json;
      const auto at = j.find(R"("end":8,)");
      REQUIRE(at != std::string::npos);
      return from_json(j.replace(at, 8, "\"end\":" + value + ","));
    };
    for (const char* big : {"9007199254740993", "18446744073709551615"}) {
      CAPTURE(big);
      const auto r = with_end(big);
      CAPTURE(listing(r.diagnostics));
      REQUIRE(has_diagnostic(r.diagnostics, "number.too_large", "/mentions/0/end"));
      CHECK(listing(r.diagnostics).find(big) != std::string::npos);
      CHECK(listing(r.diagnostics).find("16777217") == std::string::npos);
    }
    const auto r = with_end("9007199254740992");  // 2^53 itself is an offset, beyond this text
    CHECK(has_diagnostic(r.diagnostics, "span.range", "/mentions/0/end"));
    CHECK(listing(r.diagnostics).find("span end 9007199254740992 is beyond the text") != std::string::npos);
  }

  TEST_CASE("a relation from an actor to itself is refused, as the edit commands refuse it") {
    Document doc = annotated("Bayramov met Fidan.", "Bayramov", "Fidan", "met");
    doc.relations[0].target = doc.relations[0].source;
    doc.relations[0].target_mention = doc.relations[0].source_mention;
    CHECK(has_diagnostic(validate(doc), "relation.self", "/relations/0/target"));
    const auto r = from_json(to_json(doc));
    CHECK_FALSE(r.ok());
    CHECK(has_diagnostic(r.diagnostics, "relation.self", "/relations/0/target"));
  }

  TEST_CASE("diagnostics stored in a document are read back") {
    Document doc = extract(std::string("caf\xC3 au lait"));
    REQUIRE_FALSE(doc.diagnostics.empty());
    const std::string json = to_json(doc);
    const auto r = from_json(json);
    REQUIRE(r.ok());
    CHECK(r.document->diagnostics.size() == doc.diagnostics.size());
    CHECK(to_json(*r.document) == json);
  }
}
