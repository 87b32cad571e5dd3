#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <dyad/dyad.hpp>

using namespace dyad;

namespace {

// Text (code points): "Çavuşoğlu"[0,9] "met"[10,13] "“"[14,15] "Bayramov"[15,23] "”"[23,24]
// "😀"[25,26] (astral: two UTF-16 units) "in"[27,29] "Baku"[30,34] "."[34,35] "\n"[35]
// "The"[36,39] "two"[40,43] "sides"[44,49] "\t"[49] "agreed"[50,56] "\o/"[57,60] "."[60,61].
// Sentences [0,35] and [36,61]. r3 is rejected (never exported), r4 has no mention anchors,
// m5 is rejected, m4 is a plural NOMINAL mention.
const char* kDoc = R"J({
  "schema": "dyad/1",
  "text": "Çavuşoğlu met “Bayramov” 😀 in Baku.\nThe two sides\tagreed \\o/.",
  "meta": {"title": "Ministers meet in Baku", "date": "2026-03-12"},
  "sentences": [{"start": 0, "end": 35}, {"start": 36, "end": 61}],
  "tokens": [
    {"start": 0, "end": 9}, {"start": 10, "end": 13}, {"start": 14, "end": 15}, {"start": 15, "end": 23},
    {"start": 23, "end": 24}, {"start": 25, "end": 26}, {"start": 27, "end": 29}, {"start": 30, "end": 34},
    {"start": 34, "end": 35}, {"start": 36, "end": 39}, {"start": 40, "end": 43}, {"start": 44, "end": 49},
    {"start": 50, "end": 56}, {"start": 57, "end": 58}, {"start": 58, "end": 59}, {"start": 59, "end": 60},
    {"start": 60, "end": 61}],
  "actors": [
    {"id": "a1", "name": "Mevlüt Çavuşoğlu", "type": "PERSON", "country": "TUR", "sector": "GOV", "code": "TURGOV",
     "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "a2", "name": "Jeyhun Bayramov", "type": "PERSON", "country": "AZE", "sector": "GOV", "code": "AZEGOV",
     "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "a3", "name": "Baku", "type": "LOCATION", "country": "AZE",
     "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0}],
  "mentions": [
    {"id": "m1", "actor": "a1", "start": 0, "end": 9, "kind": "NAME", "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "m3", "actor": "a3", "start": 30, "end": 34, "kind": "NAME", "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "m2", "actor": "a2", "start": 15, "end": 23, "kind": "NAME", "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "m4", "actor": null, "members": ["a1", "a2"], "start": 40, "end": 49, "kind": "NOMINAL",
     "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "m5", "actor": "a2", "start": 25, "end": 26, "kind": "NAME", "provenance": {"by": "auto", "rule": "x"}, "status": "rejected", "confidence": 0.5}],
  "relations": [
    {"id": "r1", "source": "a1", "target": "a2", "source_mention": "m1", "target_mention": "m2", "type": "CONSULT",
     "cameo": "040", "quad": "VERBAL_COOPERATION", "trigger": {"start": 10, "end": 13}, "sentence": 0, "negated": false,
     "modality": "asserted", "time": null, "provenance": {"by": "auto", "rule": "p"}, "status": "suggested", "confidence": 0.8},
    {"id": "r2", "source": "a1", "target": "a2", "source_mention": "m4", "target_mention": "m4", "type": "AGREE",
     "cameo": "030", "quad": "VERBAL_COOPERATION", "trigger": {"start": 50, "end": 56}, "sentence": 1, "negated": true,
     "modality": "reported", "time": null, "provenance": {"by": "user"}, "status": "accepted", "confidence": 1.0},
    {"id": "r3", "source": "a2", "target": "a1", "source_mention": "m2", "target_mention": "m1", "type": "ACCUSE",
     "cameo": "", "quad": "VERBAL_CONFLICT", "trigger": {"start": 10, "end": 13}, "sentence": 0, "negated": false,
     "modality": "asserted", "time": null, "provenance": {"by": "auto", "rule": "p"}, "status": "rejected", "confidence": 0.3},
    {"id": "r4", "source": "a1", "target": "a3", "source_mention": "", "target_mention": "", "type": "SUPPORT",
     "cameo": "", "quad": "VERBAL_COOPERATION", "trigger": {"start": 0, "end": 0}, "sentence": 0, "negated": false,
     "modality": "planned", "time": null, "provenance": {"by": "user"}, "status": "edited", "confidence": 0.25}]
})J";

Document load(const std::string& json) {
  LoadResult r = from_json(json);
  for (const auto& d : r.diagnostics) INFO(format(d));
  REQUIRE(r.ok());
  return std::move(*r.document);
}

std::vector<std::string> codes(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags) {
    CHECK(d.severity == Severity::warning);
    out.push_back(d.code + " " + d.path);
  }
  return out;
}

/// A document of `text` with one actor per (start, end, type) NAME mention and no tokens.
std::string names_doc(const std::string& text_json, const std::vector<std::tuple<int, int, const char*>>& names) {
  std::string actors, mentions;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& [s, e, type] = names[i];
    const std::string n = std::to_string(i + 1);
    actors += std::string(i ? "," : "") + R"({"id":"a)" + n + R"(","name":"N)" + n + R"(","type":")" + type +
              R"(","provenance":{"by":"user"},"status":"accepted","confidence":1.0})";
    mentions += std::string(i ? "," : "") + R"({"id":"m)" + n + R"(","actor":"a)" + n + R"(","start":)" + std::to_string(s) +
                R"(,"end":)" + std::to_string(e) + R"(,"kind":"NAME","provenance":{"by":"user"},"status":"accepted","confidence":1.0})";
  }
  return R"({"schema":"dyad/1","text":)" + text_json + R"(,"actors":[)" + actors + R"(],"mentions":[)" + mentions + "]}";
}

}  // namespace

TEST_SUITE("export") {
  TEST_CASE("format names parse and print") {
    for (const char* name : {"events", "brat", "conll", "jsonl-events"}) {
      const auto f = parse_export_format(name);
      REQUIRE(f);
      CHECK(std::string(to_string(*f)) == name);
    }
    CHECK_FALSE(parse_export_format("tsv"));
    CHECK_FALSE(parse_export_format("Events"));
    CHECK_FALSE(parse_export_format(""));
  }

  TEST_CASE("CoNLL classes of the actor types") {
    CHECK(std::string(conll_class(ActorType::person)) == "PER");
    CHECK(std::string(conll_class(ActorType::state)) == "LOC");
    CHECK(std::string(conll_class(ActorType::location)) == "LOC");
    CHECK(std::string(conll_class(ActorType::government)) == "ORG");
    CHECK(std::string(conll_class(ActorType::organization)) == "ORG");
    CHECK(std::string(conll_class(ActorType::group)) == "ORG");
  }

  TEST_CASE("events: one escaped TSV row per relation that is not rejected") {
    const Document doc = load(kDoc);
    std::vector<Diagnostic> diags;
    const std::string tsv = export_document(doc, ExportFormat::events, diags);
    const std::string expected =
        "event_id\tdoc_title\tdoc_date\tsentence\tsource_name\tsource_code\tsource_country\tplover_type\tcameo\tquad\t"
        "target_name\ttarget_code\ttarget_country\tnegated\tmodality\tstatus\tconfidence\ttrigger\tsentence_text\n"
        "r1\tMinisters meet in Baku\t2026-03-12\t0\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tCONSULT\t040\tVERBAL_COOPERATION\t"
        "Jeyhun Bayramov\tAZEGOV\tAZE\tfalse\tasserted\tsuggested\t0.8\tmet\tÇavuşoğlu met “Bayramov” 😀 in Baku.\n"
        "r2\tMinisters meet in Baku\t2026-03-12\t1\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tAGREE\t030\tVERBAL_COOPERATION\t"
        "Jeyhun Bayramov\tAZEGOV\tAZE\ttrue\treported\taccepted\t1.0\tagreed\tThe two sides\\tagreed \\\\o/.\n"
        "r4\tMinisters meet in Baku\t2026-03-12\t0\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tSUPPORT\t\tVERBAL_COOPERATION\t"
        "Baku\t\tAZE\tfalse\tplanned\tedited\t0.25\t\tÇavuşoğlu met “Bayramov” 😀 in Baku.\n";
    CHECK(tsv == expected);
    CHECK(diags.empty());
  }

  TEST_CASE("events: meta with tabs and line breaks stays on its row; unknown sentence found from the trigger") {
    Document doc = load(kDoc);
    doc.meta.title = "a\tb\r\nc\\";
    doc.sentences.clear();
    doc.relations.resize(4);
    doc.relations.erase(doc.relations.begin() + 2);  // r1, r2, r4
    for (auto& r : doc.relations) r.sentence = -1;
    std::vector<Diagnostic> diags;
    const std::string tsv = export_document(doc, ExportFormat::events, diags);
    const std::string rows = tsv.substr(tsv.find('\n') + 1);
    // No sentences in the document: the segmenter's sentence around the trigger; none for r4's empty trigger.
    CHECK(rows ==
          "r1\ta\\tb\\r\\nc\\\\\t2026-03-12\t\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tCONSULT\t040\tVERBAL_COOPERATION\t"
          "Jeyhun Bayramov\tAZEGOV\tAZE\tfalse\tasserted\tsuggested\t0.8\tmet\tÇavuşoğlu met “Bayramov” 😀 in Baku.\n"
          "r2\ta\\tb\\r\\nc\\\\\t2026-03-12\t\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tAGREE\t030\tVERBAL_COOPERATION\t"
          "Jeyhun Bayramov\tAZEGOV\tAZE\ttrue\treported\taccepted\t1.0\tagreed\tThe two sides\\tagreed \\\\o/.\n"
          "r4\ta\\tb\\r\\nc\\\\\t2026-03-12\t\tMevlüt Çavuşoğlu\tTURGOV\tTUR\tSUPPORT\t\tVERBAL_COOPERATION\t"
          "Baku\t\tAZE\tfalse\tplanned\tedited\t0.25\t\t\n");
  }

  TEST_CASE("brat: T lines in code points, notes with actor identity, R lines on anchors") {
    const Document doc = load(kDoc);
    std::vector<Diagnostic> diags;
    const std::string ann = export_document(doc, ExportFormat::brat, diags);
    // Baku is 30-34 in code points (31-35 in UTF-16, after the emoji): brat counts Python str indices.
    const std::string expected =
        "T1\tPERSON 0 9\tÇavuşoğlu\n"
        "#1\tAnnotatorNotes T1\tmention=m1 actor=a1 code=TURGOV name=Mevlüt Çavuşoğlu\n"
        "T2\tPERSON 15 23\tBayramov\n"
        "#2\tAnnotatorNotes T2\tmention=m2 actor=a2 code=AZEGOV name=Jeyhun Bayramov\n"
        "T3\tLOCATION 30 34\tBaku\n"
        "#3\tAnnotatorNotes T3\tmention=m3 actor=a3 name=Baku\n"
        "T4\tPERSON 40 49\ttwo sides\n"
        "#4\tAnnotatorNotes T4\tmention=m4 members=a1,a2\n"
        "R1\tCONSULT Arg1:T1 Arg2:T2\n"
        "#5\tAnnotatorNotes R1\trelation=r1 cameo=040 negated=false modality=asserted trigger=10-13:met\n"
        "R2\tAGREE Arg1:T4 Arg2:T4\n"
        "#6\tAnnotatorNotes R2\trelation=r2 cameo=030 negated=true modality=reported trigger=50-56:agreed\n";
    CHECK(ann == expected);
    CHECK(codes(diags) == std::vector<std::string>{"export.brat.unanchored /relations/3"});
  }

  TEST_CASE("brat: a span over a line break becomes fragments; plural mentions of mixed types are GROUP") {
    // "Foreign"[0,7] "\r\n"[7,9] "Ministry"[9,17] " and "[17,22] "Iran"[22,26] " 🇦🇿"[26,29] " both"[29,34]
    Document doc = load(names_doc(R"("Foreign\r\nMinistry and Iran 🇦🇿 both")", {{0, 17, "GOVERNMENT"}, {22, 26, "STATE"}}));
    Mention both = doc.mentions[0];
    both.id = "m3";
    both.actor.clear();
    both.members = {"a1", "a2"};
    both.span = {30, 34};
    both.kind = MentionKind::nominal;
    doc.mentions.push_back(both);
    REQUIRE(validate(doc).empty());
    std::vector<Diagnostic> diags;
    const std::string ann = export_document(doc, ExportFormat::brat, diags);
    CHECK(ann ==
          "T1\tGOVERNMENT 0 7;9 17\tForeign Ministry\n"
          "#1\tAnnotatorNotes T1\tmention=m1 actor=a1 name=N1\n"
          "T2\tSTATE 22 26\tIran\n"
          "#2\tAnnotatorNotes T2\tmention=m2 actor=a2 name=N2\n"
          "T3\tGROUP 30 34\tboth\n"
          "#3\tAnnotatorNotes T3\tmention=m3 members=a1,a2\n");
    CHECK(diags.empty());
  }

  TEST_CASE("conll: the document's tokens and sentences, NAME mentions only") {
    const Document doc = load(kDoc);
    std::vector<Diagnostic> diags;
    const std::string conll = export_document(doc, ExportFormat::conll, diags);
    const std::string expected =
        "Çavuşoğlu\tB-PER\nmet\tO\n“\tO\nBayramov\tB-PER\n”\tO\n😀\tO\nin\tO\nBaku\tB-LOC\n.\tO\n"
        "\n"
        "The\tO\ntwo\tO\nsides\tO\nagreed\tO\n\\\\\tO\no\tO\n/\tO\n.\tO\n"
        "\n";
    CHECK(conll == expected);
    CHECK(diags.empty());
  }

  TEST_CASE("conll: without tokens the core tokenizer segments the text; multi-token names get I- tags") {
    // "Jeyhun Bayramov"[0,15] "met"[16,19] "the"[20,23] "Iranian Foreign Ministry"[24,48] "."[48,49]
    // "Tehran"[50,56] "agreed"[57,63] "."[63,64]
    const Document doc = load(names_doc(R"("Jeyhun Bayramov met the Iranian Foreign Ministry. Tehran agreed.")",
                                        {{0, 15, "PERSON"}, {24, 48, "GOVERNMENT"}, {50, 56, "STATE"}}));
    REQUIRE(doc.tokens.empty());
    std::vector<Diagnostic> diags;
    CHECK(export_document(doc, ExportFormat::conll, diags) ==
          "Jeyhun\tB-PER\nBayramov\tI-PER\nmet\tO\nthe\tO\nIranian\tB-ORG\nForeign\tI-ORG\nMinistry\tI-ORG\n.\tO\n"
          "\n"
          "Tehran\tB-LOC\nagreed\tO\n.\tO\n"
          "\n");
    CHECK(diags.empty());
  }

  TEST_CASE("conll: adjacent names start with B-; a cut token and a nested name are reported") {
    // "Iran"[0,4] " "[4] "Azerbaijan"[5,15] " "[15] "talks"[16,21]: "Azer" cuts a token; "talks" nests in nothing.
    const Document doc = load(names_doc(R"("Iran Azerbaijan talks")", {{0, 4, "STATE"}, {5, 9, "STATE"}, {5, 15, "STATE"}}));
    std::vector<Diagnostic> diags;
    CHECK(export_document(doc, ExportFormat::conll, diags) == "Iran\tB-LOC\nAzerbaijan\tB-LOC\ntalks\tO\n\n");
    // m3 (5-15, longer) is placed first; m2 (5-9) overlaps it.
    CHECK(codes(diags) == std::vector<std::string>{"export.conll.overlap /mentions/1"});
    const Document cut = load(names_doc(R"("Iran Azerbaijan talks")", {{5, 9, "STATE"}}));
    diags.clear();
    CHECK(export_document(cut, ExportFormat::conll, diags) == "Iran\tO\nAzerbaijan\tB-LOC\ntalks\tO\n\n");
    CHECK(codes(diags) == std::vector<std::string>{"export.conll.misaligned /mentions/0"});
  }

  TEST_CASE("jsonl-events: one JSON object per relation, typed values") {
    Document doc = load(kDoc);
    std::vector<Diagnostic> diags;
    const std::string out = export_document(doc, ExportFormat::jsonl_events, diags);
    const std::string first = out.substr(0, out.find('\n') + 1);
    CHECK(first ==
          R"({"event_id":"r1","doc_title":"Ministers meet in Baku","doc_date":"2026-03-12","sentence":0,"source":"a1",)"
          R"("source_name":"Mevlüt Çavuşoğlu","source_code":"TURGOV","source_country":"TUR","plover_type":"CONSULT",)"
          R"("cameo":"040","quad":"VERBAL_COOPERATION","target":"a2","target_name":"Jeyhun Bayramov","target_code":"AZEGOV",)"
          R"("target_country":"AZE","negated":false,"modality":"asserted","status":"suggested","confidence":0.8,)"
          R"("trigger":"met","trigger_start":10,"trigger_end":13,"sentence_text":"Çavuşoğlu met “Bayramov” 😀 in Baku."})"
          "\n");
    std::size_t lines = 0;
    for (const char c : out) lines += c == '\n';
    CHECK(lines == 3);  // r1, r2, r4
    CHECK(out.find(R"("sentence_text":"The two sides\tagreed \\o/.")") != std::string::npos);
  }

  TEST_CASE("an empty document exports a header, nothing, or nothing") {
    const Document doc = load(R"({"schema":"dyad/1","text":""})");
    std::vector<Diagnostic> diags;
    CHECK(export_document(doc, ExportFormat::events, diags).find('\n') ==
          export_document(doc, ExportFormat::events, diags).size() - 1);
    CHECK(export_document(doc, ExportFormat::brat, diags).empty());
    CHECK(export_document(doc, ExportFormat::conll, diags).empty());
    CHECK(export_document(doc, ExportFormat::jsonl_events, diags).empty());
    CHECK(diags.empty());
  }

  TEST_CASE("an extracted article exports in every format without warnings about spans") {
    const Document doc = extract("Iran’s foreign minister met Jeyhun Bayramov in Baku 😀 on Tuesday.\r\n“We agreed,” he said.");
    for (const auto f : {ExportFormat::events, ExportFormat::brat, ExportFormat::conll, ExportFormat::jsonl_events}) {
      std::vector<Diagnostic> diags;
      const std::string out = export_document(doc, f, diags);
      CAPTURE(to_string(f));
      for (const auto& d : diags) CHECK(d.code != "export.span");
      if (f != ExportFormat::brat && f != ExportFormat::jsonl_events) CHECK_FALSE(out.empty());
    }
  }
}
