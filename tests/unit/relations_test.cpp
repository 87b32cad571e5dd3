// Relation extraction: one golden case per construction (docs/patterns.md), on documents with
// hand-marked mentions (relations_test_support.hpp), so the cases do not depend on mention
// detection.
#include <doctest/doctest.h>

#include <dyad/relations.hpp>

#include "relations_test_support.hpp"

using namespace dyad;
using test::extracted;
using test::find;

namespace {

// Checks that `md` has source -type-> target and returns it (nullptr otherwise).
const Relation* expect(const test::MarkedDocument& md, const std::string& source, const std::string& type,
                       const std::string& target) {
  const Relation* r = find(md, source, type, target);
  if (!r) {
    MESSAGE("missing " << source << " -" << type << "-> " << target << "\n" << test::describe(md));
  }
  CHECK(r != nullptr);
  return r;
}

std::string text_of(const test::MarkedDocument& md, Span s) {
  std::string out;
  std::size_t cp = 0, byte = 0;
  while (byte < md.doc.text.size()) {
    const std::size_t start = byte;
    decode_utf8(md.doc.text, byte);
    if (cp >= s.start && cp < s.end) out.append(md.doc.text, start, byte - start);
    ++cp;
  }
  return out;
}

}  // namespace

TEST_SUITE("relations") {
  TEST_CASE("an active verb codes its subject as source and its object as target") {
    auto md = extracted("[Iran] condemned [Iraq] on Monday.");
    const Relation* r = expect(md, "Iran", "ACCUSE", "Iraq");
    REQUIRE(r);
    CHECK(r->cameo == "111");
    CHECK(r->quad == Quad::verbal_conflict);
    CHECK(text_of(md, r->trigger) == "condemned");
    CHECK(r->sentence == 0);
    CHECK(r->provenance.rule == "pattern:verb_patterns:condemn");
    CHECK_FALSE(r->provenance.user);
    CHECK(r->status == Status::suggested);
    CHECK(r->confidence > 0.5);
    CHECK(r->source_mention == "m1");
    CHECK(r->target_mention == "m2");
    CHECK(md.doc.relations.size() == 1);
  }

  TEST_CASE("inflections of a pattern verb all fire") {
    for (const char* text : {"[Iran] meets [Iraq] today.", "[Iran] met [Iraq] today.", "[Iran] is meeting [Iraq] today.",
                             "[Iran] will meet [Iraq] today.", "[Iran] has met [Iraq] today."}) {
      CAPTURE(text);
      auto md = extracted(text);
      expect(md, "Iran", "CONSULT", "Iraq");
    }
  }

  TEST_CASE("a passive verb takes its source from the by-phrase") {
    auto md = extracted("Thirty-seven [drivers|Iranian truck drivers] were detained by [police] over the weekend.");
    const Relation* r = expect(md, "police", "COERCE", "Iranian truck drivers");
    REQUIRE(r);
    CHECK(r->cameo == "173");
    CHECK(r->modality == Modality::asserted);
    CHECK(md.doc.relations.size() == 1);
    SUBCASE("a reduced relative: journalists detained by police") {
      auto md2 = extracted("Three [journalists] detained by [police] were freed.");
      expect(md2, "police", "COERCE", "journalists");
    }
    SUBCASE("the agent after the rest of the pattern") {
      auto md3 = extracted("[Iran] was accused of spying by [Israel].");
      expect(md3, "Israel", "ACCUSE", "Iran");
    }
    SUBCASE("a passive without agent codes nothing") {
      auto md4 = extracted("[Protesters] were detained on Tuesday.");
      CHECK(md4.doc.relations.empty());
    }
  }

  TEST_CASE("prepositional targets: with, to, against, on, from") {
    expect(extracted("[Iran] met with [Iraq]."), "Iran", "CONSULT", "Iraq");
    expect(extracted("[Japan] pledged $2 billion in aid to [Ukraine]."), "Japan", "AGREE", "Ukraine");
    expect(extracted("[Russia] launched an offensive against [Ukraine]."), "Russia", "ASSAULT", "Ukraine");
    expect(extracted("[The EU] imposed new sanctions on [Belarus] on Thursday."), "The EU", "SANCTION", "Belarus");
    expect(extracted("[Russia] withdrew its troops from [Moldova]."), "Russia", "RETREAT", "Moldova");
    expect(extracted("[Russia] sent troops to [Belarus] last week."), "Russia", "MOBILIZE", "Belarus");
    expect(extracted("[Iran] called on [Iraq] to show restraint."), "Iran", "REQUEST", "Iraq");
    expect(extracted("[Azerbaijan] expressed interest in deepening ties with [Iran]."), "Azerbaijan", "AGREE", "Iran");
    expect(extracted("[Iran] held a phone conversation with [Iraq]."), "Iran", "CONSULT", "Iraq");
    expect(extracted("[Iran] signed an agreement with [Iraq]."), "Iran", "SUPPORT", "Iraq");
  }

  TEST_CASE("a target after a possessive is the possessor unless a mention follows") {
    auto md = extracted("[Iran] condemned [Iraq]'s nuclear programme.");
    expect(md, "Iran", "ACCUSE", "Iraq");
    auto md2 = extracted("[Iran] condemned [Iraq]'s [foreign ministry|Iraqi foreign ministry@GOVERNMENT:IRQ].");
    expect(md2, "Iran", "ACCUSE", "Iraqi foreign ministry");
    CHECK(find(md2, "Iran", "ACCUSE", "Iraq") == nullptr);
  }

  TEST_CASE("symmetric events with coordinated subjects are one relation from the first named") {
    auto md = extracted("[Azerbaijan] and [Iran] agreed on Thursday to reopen the Astara crossing.");
    const Relation* r = expect(md, "Azerbaijan", "AGREE", "Iran");
    CHECK(md.doc.relations.size() == 1);
    REQUIRE(r);
    CHECK(text_of(md, *r->time) == "on Thursday");
    SUBCASE("a plural mention stands for its members") {
      auto md2 = extracted("[Their|Iran+Iraq] [foreign ministers|Iranian minister+Iraqi minister] held talks in Baku.");
      expect(md2, "Iranian minister", "CONSULT", "Iraqi minister");
      CHECK(md2.doc.relations.size() == 1);
    }
    SUBCASE("three participants") {
      auto md3 = extracted("[Iran], [Iraq] and [Syria] met in Baghdad.");
      expect(md3, "Iran", "CONSULT", "Iraq");
      expect(md3, "Iran", "CONSULT", "Syria");
    }
  }

  TEST_CASE("coordinated sources of a directed event are one relation each") {
    auto md = extracted("[France] and [Germany] condemned [Russia] on Monday.");
    expect(md, "France", "ACCUSE", "Russia");
    expect(md, "Germany", "ACCUSE", "Russia");
    CHECK(md.doc.relations.size() == 2);
    SUBCASE("coordinated targets") {
      auto md2 = extracted("He praised [Azerbaijan] and [Armenia] for real progress.");
      CHECK(md2.doc.relations.empty());  // "He" is not a mention here: no source
      auto md3 = extracted("[He|Abbas Araghchi@PERSON] praised [Azerbaijan] and [Armenia] for real progress.");
      expect(md3, "Abbas Araghchi", "SUPPORT", "Azerbaijan");
      expect(md3, "Abbas Araghchi", "SUPPORT", "Armenia");
    }
  }

  TEST_CASE("between X and Y") {
    auto md = extracted("A phone call in January between [Aliyev@PERSON] and Iranian President [Masoud Pezeshkian@PERSON] eased tensions.");
    const Relation* r = expect(md, "Aliyev", "CONSULT", "Masoud Pezeshkian");
    REQUIRE(r);
    CHECK(r->cameo == "041");
    CHECK(text_of(md, *r->time) == "in January");
    SUBCASE("with an apposition inside") {
      auto md2 = extracted("The war between the [army], led by Gen. [Abdel Fattah al-Burhan@PERSON], and the [RSF] began in 2023.");
      expect(md2, "army", "ASSAULT", "RSF");
      expect(md2, "RSF", "ASSAULT", "army");
    }
    SUBCASE("a hyphenated pair before the noun") {
      auto md3 = extracted("The [Ankara]-[Athens] talks resumed on Monday.");
      expect(md3, "Ankara", "CONSULT", "Athens");
    }
    SUBCASE("a source mediating between two parties") {
      auto md4 = extracted("[Its|Emirati foreign ministry] mediation between [Moscow] and [Kyiv] secured the release.");
      expect(md4, "Emirati foreign ministry", "CONSULT", "Moscow");
      expect(md4, "Emirati foreign ministry", "CONSULT", "Kyiv");
    }
  }

  TEST_CASE("relative clauses and appositions between subject and verb are skipped") {
    auto md = extracted("[Aliyev@PERSON], who met [Putin@PERSON] on Monday, condemned [Armenia].");
    expect(md, "Aliyev", "CONSULT", "Putin");
    expect(md, "Aliyev", "ACCUSE", "Armenia");
    CHECK(find(md, "Putin", "ACCUSE", "Armenia") == nullptr);
    auto md2 = extracted("[Dmitry Peskov@PERSON], the [Kremlin]'s [spokesman|Dmitry Peskov], denied [Kyiv]'s account.");
    expect(md2, "Dmitry Peskov", "ACCUSE", "Kyiv");
    auto md3 = extracted("[Hungary], which has often resisted new measures, did not block the [EU] package this time.");
    const Relation* r = expect(md3, "Hungary", "REJECT", "EU");
    REQUIRE(r);
    CHECK(r->negated);
    auto md4 = extracted("The paramilitary [Rapid Support Forces] ([RSF|Rapid Support Forces]) shelled [army] positions on Sunday.");
    expect(md4, "Rapid Support Forces", "ASSAULT", "army");
  }

  TEST_CASE("reported speech: another actor's claim is reported, one's own account asserted") {
    auto md = extracted("[Ukraine] said [Russia] attacked [Poland] overnight.");
    const Relation* r = expect(md, "Russia", "ASSAULT", "Poland");
    REQUIRE(r);
    CHECK(r->modality == Modality::reported);
    SUBCASE("a speaker after the event") {
      auto md2 = extracted("[Russian forces] killed [four civilians] overnight, the [regional governor|Oleksandr Marchenko@PERSON] said.");
      const Relation* r2 = expect(md2, "Russian forces", "ASSAULT", "four civilians");
      REQUIRE(r2);
      CHECK(r2->modality == Modality::reported);
    }
    SUBCASE("according to") {
      auto md3 = extracted("[RSF] fighters seized three [WFP] trucks last month, according to the [U.N. office|OCHA].");
      const Relation* r3 = expect(md3, "RSF", "COERCE", "WFP");
      REQUIRE(r3);
      CHECK(r3->modality == Modality::reported);
    }
    SUBCASE("the speaker's own deed") {
      auto md4 = extracted("[The ministry] said [it|The ministry] had summoned [Iraq]'s ambassador.");
      const Relation* r4 = expect(md4, "The ministry", "ACCUSE", "Iraq");
      REQUIRE(r4);
      CHECK(r4->modality == Modality::asserted);
    }
    SUBCASE("a speaker that is not an actor leaves the event asserted") {
      auto md5 = extracted("[Russia] attacked [Ukraine] overnight, officials said.");
      const Relation* r5 = expect(md5, "Russia", "ASSAULT", "Ukraine");
      REQUIRE(r5);
      CHECK(r5->modality == Modality::asserted);
    }
  }

  TEST_CASE("an accusation of an act codes the accusation and, reported, the act") {
    auto md = extracted("[Kyiv] accused [Moscow] of attacking [Kharkiv|Kharkiv civilians@GROUP].");
    const Relation* a = expect(md, "Kyiv", "ACCUSE", "Moscow");
    const Relation* b = expect(md, "Moscow", "ASSAULT", "Kharkiv civilians");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->modality == Modality::asserted);
    CHECK(b->modality == Modality::reported);
  }

  TEST_CASE("pronouns and descriptions stand for their actors") {
    auto md = extracted("[He|Jeyhun Bayramov@PERSON] met [his|Jeyhun Bayramov] [Iranian counterpart|Abbas Araghchi@PERSON] in Baku.");
    expect(md, "Jeyhun Bayramov", "CONSULT", "Abbas Araghchi");
    CHECK(md.doc.relations.size() == 1);
    auto md2 = extracted("[Russia] urged [both sides|Armenia+Azerbaijan] to show restraint.");
    expect(md2, "Russia", "REQUEST", "Armenia");
    expect(md2, "Russia", "REQUEST", "Azerbaijan");
  }

  TEST_CASE("mutual hostilities are two relations") {
    auto md = extracted("[The army] and [rebels] clashed near the border.");
    expect(md, "The army", "ASSAULT", "rebels");
    expect(md, "rebels", "ASSAULT", "The army");
    auto md2 = extracted("[India] exchanged fire with [Pakistan] along the Line of Control.");
    expect(md2, "India", "ASSAULT", "Pakistan");
    expect(md2, "Pakistan", "ASSAULT", "India");
    auto md3 = extracted("Heavy clashes between the [army] and the [paramilitary group|RSF] continued.");
    expect(md3, "army", "ASSAULT", "RSF");
    expect(md3, "RSF", "ASSAULT", "army");
  }

  TEST_CASE("negation marks the relation negated") {
    auto md = extracted("[Araghchi@PERSON] did not meet [Aliyev@PERSON] on Thursday.");
    const Relation* r = expect(md, "Araghchi", "CONSULT", "Aliyev");
    REQUIRE(r);
    CHECK(r->negated);
    auto md2 = extracted("[Greece] has not agreed to a request by [Ankara].");
    const Relation* r2 = expect(md2, "Greece", "AGREE", "Ankara");
    REQUIRE(r2);
    CHECK(r2->negated);
    auto md3 = extracted("[Police] have not freed [Karimi-Tabar@PERSON].");
    const Relation* r3 = expect(md3, "Police", "RETREAT", "Karimi-Tabar");
    REQUIRE(r3);
    CHECK(r3->negated);
  }

  TEST_CASE("a refusal is itself the act: REJECT, not negated") {
    auto md = extracted("[Iran] refused to meet [Iraq] in Geneva.");
    const Relation* r = expect(md, "Iran", "REJECT", "Iraq");
    REQUIRE(r);
    CHECK_FALSE(r->negated);
    CHECK(r->cameo == "125");
    CHECK(find(md, "Iran", "CONSULT", "Iraq") == nullptr);
    CHECK(md.doc.relations.size() == 1);
  }

  TEST_CASE("planned events") {
    for (const char* text : {"[Iran] will meet [Iraq] next week.", "[Iran] plans to visit [Iraq] next week.",
                             "[Iran] is expected to visit [Iraq] before the end of the year.",
                             "[Iran] is due to meet [Iraq] on Saturday.", "[Iran] is to visit [Iraq] in March."}) {
      const std::string t = text;
      CAPTURE(t);
      auto md = extracted(text);
      INFO(test::describe(md));
      REQUIRE(md.doc.relations.size() == 1);
      CHECK(md.doc.relations[0].modality == Modality::planned);
      CHECK(md.doc.relations[0].type == "CONSULT");
    }
  }

  TEST_CASE("conditional events are hypothetical") {
    auto md = extracted("[Washington] said [it|Washington] would impose further sanctions on the [RSF] if the siege continued.");
    const Relation* r = expect(md, "Washington", "SANCTION", "RSF");
    REQUIRE(r);
    CHECK(r->modality == Modality::hypothetical);
    CHECK(r->cameo == "163");
  }

  TEST_CASE("an event inside an if/unless clause is hypothetical") {
    auto md = extracted("[Iran@STATE:IRN] threatened [Iraq@STATE:IRQ] with sanctions unless [Baghdad@GOVERNMENT:IRQ] released [the prisoners@GROUP:IRN].");
    const Relation* r = expect(md, "Baghdad", "RETREAT", "the prisoners");
    REQUIRE(r);
    CHECK(r->modality == Modality::hypothetical);
    // the threat already names Iraq: Baghdad, its government, is no second target
    CHECK(expect(md, "Iran", "THREATEN", "Iraq"));
    CHECK_FALSE(find(md, "Iran", "THREATEN", "Baghdad"));
  }

  TEST_CASE("an ultimatum: a threat or a conflictual plan conditional on another actor's act") {
    auto md = extracted("[Iran] threatened [Iraq] with war unless [Syria] withdrew its troops.");
    CHECK(expect(md, "Iran", "THREATEN", "Iraq"));
    const Relation* r = expect(md, "Iran", "THREATEN", "Syria");
    REQUIRE(r);
    CHECK(r->provenance.rule == "rule:ultimatum");
    CHECK(r->modality == Modality::asserted);
    auto md2 = extracted("[The party@ORGANIZATION:DZA] said [it|The party] will boycott [Algeria]'s elections unless [Bouteflika@PERSON:DZA] steps down.");
    CHECK(expect(md2, "The party", "PROTEST", "Algeria"));
    CHECK(expect(md2, "The party", "THREATEN", "Bouteflika"));
    // a cooperative plan with a condition is no threat
    auto md3 = extracted("[Iran] will sign the deal with [Iraq] unless [Syria] objects.");
    CHECK_FALSE(find(md3, "Iran", "THREATEN", "Syria"));
  }

  TEST_CASE("wrappers compose with the event inside them") {
    auto md = extracted("[The ministers|Fidan+Gerapetritis] agreed to meet again in Athens in June.");
    const Relation* r = expect(md, "Fidan", "AGREE", "Gerapetritis");
    REQUIRE(r);
    CHECK(r->cameo == "036");
    auto md2 = extracted("[Iran] threatened to attack [Israel].");
    const Relation* r2 = expect(md2, "Iran", "THREATEN", "Israel");
    REQUIRE(r2);
    CHECK(r2->cameo == "138");
    CHECK(md2.doc.relations.size() == 1);
    auto md3 = extracted("[Tehran] was ready to expand rail and energy links with [Baku].");
    const Relation* r3 = expect(md3, "Tehran", "AGREE", "Baku");
    REQUIRE(r3);
    CHECK(r3->cameo.rfind("031", 0) == 0);
    auto md4 = extracted("[Amnesty] urged [Iranian authorities] to free [Karimi-Tabar@PERSON].");
    const Relation* r4 = expect(md4, "Amnesty", "REQUEST", "Iranian authorities");
    REQUIRE(r4);
    CHECK(r4->cameo == "1053");
    CHECK(find(md4, "Iranian authorities", "RETREAT", "Karimi-Tabar") == nullptr);
    auto md5 = extracted("[The RSF] denied targeting [civilians] and accused the [army] of using homes as cover.");
    CHECK(find(md5, "The RSF", "ASSAULT", "civilians") == nullptr);
    expect(md5, "The RSF", "ACCUSE", "army");
  }

  TEST_CASE("nominal events: release of X by Y, X's mistreatment of Y, X's visit to Y, a meeting with") {
    auto md = extracted("The release of [hostages] by [Hamas] began on Sunday.");
    const Relation* r = expect(md, "Hamas", "RETREAT", "hostages");
    REQUIRE(r);
    CHECK(text_of(md, r->trigger) == "release");
    expect(extracted("[Amnesty] condemned the [police]'s mistreatment of [detained drivers|drivers]."), "police", "COERCE",
           "drivers");
    expect(extracted("[Araghchi@PERSON] flew in on [his|Araghchi] first visit to [Azerbaijan]."), "Araghchi", "CONSULT",
           "Azerbaijan");
    expect(extracted("After a meeting with [Putin@PERSON], [Erdogan@PERSON] said the corridor would open."), "Erdogan",
           "CONSULT", "Putin");
    expect(extracted("[Russia] launched [its|Russia] full-scale invasion of [Ukraine] in 2022."), "Russia", "ASSAULT",
           "Ukraine");
  }

  TEST_CASE("verb coordination and participle clauses share the subject") {
    auto md = extracted("[Baku] accused [Iranian authorities] of failing to protect the mission and withdrew its diplomats.");
    expect(md, "Baku", "ACCUSE", "Iranian authorities");
    auto md2 = extracted("[The RSF] shelled [army] positions on Sunday, killing at least 23 [civilians].");
    expect(md2, "The RSF", "ASSAULT", "army");
    expect(md2, "The RSF", "ASSAULT", "civilians");
    auto md3 = extracted("[Police] released 12 of the [detained drivers|drivers] on Monday, the agency reported, but have not freed [Karimi@PERSON].");
    expect(md3, "Police", "RETREAT", "drivers");
    const Relation* r = expect(md3, "Police", "RETREAT", "Karimi");
    REQUIRE(r);
    CHECK(r->negated);
  }

  TEST_CASE("an obligation stated by another actor is that actor's demand") {
    auto md = extracted("[France] said [Iran] must release the detained [journalists] at once.");
    const Relation* r = expect(md, "France", "REQUEST", "Iran");
    REQUIRE(r);
    CHECK(r->cameo == "1053");
    CHECK(r->provenance.rule == "rule:obligation+release");
    CHECK(find(md, "Iran", "RETREAT", "journalists") == nullptr);
  }

  TEST_CASE("an event without a target slot takes the first actor later in the clause") {
    auto md = extracted("[Students] demonstrated on Tuesday to demand the resignation of [President Ruto|Ruto@PERSON].");
    expect(md, "Students", "PROTEST", "Ruto");
    auto md2 = extracted("[Iran] threatened to cut off electricity to [Nakhichevan].");
    const Relation* r = expect(md2, "Iran", "THREATEN", "Nakhichevan");
    REQUIRE(r);
    CHECK(r->cameo == "130");
  }

  TEST_CASE("coordinated verbs share subject and plan") {
    auto md = extracted("[Rubio@PERSON] is expected to visit [Israel] on Thursday and meet [Netanyahu@PERSON].");
    const Relation* a = expect(md, "Rubio", "CONSULT", "Israel");
    const Relation* b = expect(md, "Rubio", "CONSULT", "Netanyahu");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->modality == Modality::planned);
    CHECK(b->modality == Modality::planned);
  }

  TEST_CASE("several relations in one sentence, each with its own trigger") {
    auto md = extracted("[Lithuania] expelled two [Belarusian diplomats], accusing [Minsk] of smuggling.");
    expect(md, "Lithuania", "SANCTION", "Belarusian diplomats");
    expect(md, "Lithuania", "ACCUSE", "Minsk");
    CHECK(md.doc.relations.size() == 2);
    CHECK(md.doc.relations[0].id == "r1");
    CHECK(md.doc.relations[1].id == "r2");
  }

  TEST_CASE("place names are targets only of events that can be aimed at a place") {
    auto md = extracted("[Russia] shelled [Kharkiv@LOCATION] overnight.");
    expect(md, "Russia", "ASSAULT", "Kharkiv");
    auto md2 = extracted("[Iran] condemned [Baku@LOCATION] officials.");
    CHECK(md2.doc.relations.empty());
  }

  TEST_CASE("a time cue nearest the trigger is attached") {
    auto md = extracted("BAKU, March 12 — [Iran] met [Iraq] on Tuesday.");
    REQUIRE(md.doc.relations.size() == 1);
    REQUIRE(md.doc.relations[0].time.has_value());
    CHECK(text_of(md, *md.doc.relations[0].time) == "on Tuesday");
    auto md2 = extracted("[Iran] met [Iraq].");
    REQUIRE(md2.doc.relations.size() == 1);
    CHECK_FALSE(md2.doc.relations[0].time.has_value());
  }

  TEST_CASE("re-running keeps existing relations and continues their ids") {
    auto md = extracted("[Iran] met [Iraq]. [Iran] condemned [Syria].");
    REQUIRE(md.doc.relations.size() == 2);
    md.doc.relations.erase(md.doc.relations.begin());
    md.doc.relations[0].status = Status::accepted;
    extract_relations(md.doc);
    REQUIRE(md.doc.relations.size() == 2);
    CHECK(md.doc.relations[0].status == Status::accepted);
    CHECK(md.doc.relations[1].id == "r3");
    CHECK(md.doc.relations[1].type == "CONSULT");
  }

  TEST_CASE("extracted relations pass document validation") {
    auto md = extracted(
        "[Azerbaijan] and [Iran] agreed on Thursday to reopen the crossing, after [their|Azerbaijan+Iran] foreign "
        "ministers held talks. [Baku] accused [Tehran] of spying. The [army] and [rebels] clashed.");
    CHECK(md.doc.relations.size() >= 3);
    const auto diags = validate(md.doc);
    for (const auto& d : diags) MESSAGE(format(d));
    CHECK(diags.empty());
  }

  TEST_CASE("documents without sentences, tokens or mentions get no relations") {
    Document doc;
    doc.text = "Iran met Iraq.";
    extract_relations(doc);
    CHECK(doc.relations.empty());
    auto md = extracted("Nobody met anybody on Monday.");
    CHECK(md.doc.relations.empty());
  }

  TEST_CASE("a user's own pattern table extends the built-in ones") {
    RelationPatternSources src = RelationPatterns::built_in_sources();
    const std::string mine =
        "id\tpattern\ttype\tcameo\tflags\texample\n"
        "snub_handshake\tSRC refuse * handshake with TGT\tREJECT\t125\t\t<Iran> refused a handshake with [Iraq].\n";
    src.extra_patterns.emplace_back("my_patterns", mine);
    std::vector<Diagnostic> diags;
    const RelationPatterns p = RelationPatterns::load(src, &diags);
    CHECK(diags.empty());
    RelationOptions o;
    o.patterns = &p;
    auto md = extracted("[Iran] refused a handshake with [Iraq].", o);
    const Relation* r = expect(md, "Iran", "REJECT", "Iraq");
    REQUIRE(r);
    CHECK(r->provenance.rule == "pattern:my_patterns:snub_handshake");
  }

  TEST_CASE("malformed pattern rows are reported with file and line, the rest still load") {
    RelationPatternSources src;
    src.cues = "cue\tclass\tpos\nthe\tdet\tword\nnope\tfoo\tword\n";
    src.time_cues = "cue\tkind\n";
    src.irregular_verbs = "lemma\tpast\tparticiple\n";
    src.verb_patterns =
        "id\tpattern\ttype\tcameo\tflags\texample\n"
        "ok\tSRC meet TGT\tCONSULT\t040\t\t\n"
        "bad_type\tSRC meet TGT\tCHAT\t040\t\t\n"
        "bad_code\tSRC meet TGT\tCONSULT\t111\t\t\n"
        "bad_flag\tSRC meet TGT\tCONSULT\t040\tloud\t\n"
        "no_target\tSRC meet\tCONSULT\t040\t\t\n"
        "ok\tSRC see TGT\tCONSULT\t040\t\t\n"
        "concede_code\tSRC yield to TGT\tCONCEDE\t084\t\t\n";
    src.noun_patterns = "id\tpattern\n";
    std::vector<Diagnostic> diags;
    const RelationPatterns p = RelationPatterns::load(src, &diags);
    CHECK(p.size() == 1);
    std::vector<std::string> seen;
    for (const auto& d : diags) seen.push_back(d.source + ":" + std::to_string(d.line) + ":" + d.code);
    const std::vector<std::string> want = {"relation_cues.tsv:3:tsv.value", "relation_cues.tsv:3:tsv.cell",
                                           "verb_patterns.tsv:3:tsv.value", "verb_patterns.tsv:4:tsv.value",
                                           "verb_patterns.tsv:5:tsv.value", "verb_patterns.tsv:6:pattern.syntax",
                                           "verb_patterns.tsv:7:tsv.id",     "verb_patterns.tsv:8:tsv.value",
                                           "noun_patterns.tsv:1:tsv.header"};
    CHECK(seen == want);
  }
}
