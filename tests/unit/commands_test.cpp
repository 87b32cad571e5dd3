// Edit commands: each one's effect, its refusals (document untouched), ids and labels.
#include <doctest/doctest.h>

#include <dyad/commands.hpp>
#include <dyad/dyad.hpp>

#include "annotation_builder.hpp"

using namespace dyad;
using test::sample_article;

namespace {

std::string listing(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += format(d) + "\n";
  return out;
}

/// Applies `cmd` to the sample article and checks it succeeded and left a valid document.
Document applied(const Command& cmd, Document doc = sample_article()) {
  const CommandResult r = apply(doc, cmd);
  CAPTURE(listing(r.diagnostics));
  CHECK(r.ok());
  CHECK(listing(validate(doc)) == "");
  return doc;
}

/// Applies `cmd` and checks it was refused with `code` and changed nothing.
void refused(const Command& cmd, const std::string& code, Document doc = sample_article()) {
  const std::string before = to_json(doc);
  const CommandResult r = apply(doc, cmd);
  CAPTURE(listing(r.diagnostics));
  CHECK_FALSE(r.ok());
  REQUIRE_FALSE(r.diagnostics.empty());
  CHECK(r.diagnostics[0].code == code);
  CHECK(r.created.empty());
  CHECK(to_json(doc) == before);
}

const Relation& rel(const Document& d, const std::string& id) { return *d.find_relation(id); }
const Mention& men(const Document& d, const std::string& id) { return *d.find_mention(id); }
const Actor& act(const Document& d, const std::string& id) { return *d.find_actor(id); }

}  // namespace

TEST_SUITE("commands") {
  TEST_CASE("the sample article is a valid document") { CHECK(listing(validate(sample_article())) == ""); }

  TEST_CASE("adding a mention of an existing actor creates a user-accepted mention with a fresh id") {
    Document doc = sample_article();
    const Span span = test::span_of(doc.text, "Foreign Minister");
    const CommandResult r = apply(doc, AddMention{span, MentionKind::nominal, "a1", {}, ActorType::person, ""});
    REQUIRE(r.ok());
    REQUIRE(r.created == std::vector<std::string>{"m10"});
    const Mention& m = men(doc, "m10");
    CHECK(m.actor == "a1");
    CHECK(m.span == span);
    CHECK(m.kind == MentionKind::nominal);
    CHECK(m.provenance.user);
    CHECK(m.status == Status::accepted);
    CHECK(m.confidence == 1.0);
    CHECK(validate(doc).empty());
  }

  TEST_CASE("adding a mention without an actor creates a new actor named by the covered text") {
    Document doc = sample_article();
    const CommandResult r = apply(doc, AddMention{test::span_of(doc.text, "border"), MentionKind::name, "", {}, ActorType::location, ""});
    REQUIRE(r.ok());
    CHECK(r.created == std::vector<std::string>{"a7", "m10"});
    CHECK(act(doc, "a7").name == "border");
    CHECK(act(doc, "a7").type == ActorType::location);
    CHECK(act(doc, "a7").provenance.user);
    CHECK(men(doc, "m10").actor == "a7");
    Document named = sample_article();
    REQUIRE(apply(named, AddMention{test::span_of(named.text, "border"), MentionKind::name, "", {}, ActorType::location, "Astara crossing"}).ok());
    CHECK(act(named, "a7").name == "Astara crossing");
  }

  TEST_CASE("adding a plural mention lists its members and no actor") {
    Document doc = sample_article();
    REQUIRE(apply(doc, RemoveMention{"m9"}).ok());
    const CommandResult r = apply(doc, AddMention{test::span_of(doc.text, "two sides"), MentionKind::nominal, "", {"a4", "a5"}, {}, ""});
    REQUIRE(r.ok());
    const Mention& m = men(doc, r.created[0]);
    CHECK(m.actor.empty());
    CHECK(m.members == std::vector<std::string>{"a4", "a5"});
  }

  TEST_CASE("a new mention is refused when its span is empty, outside the text, overlapping or splitting a character") {
    const Document doc = sample_article();
    SUBCASE("empty") { refused(AddMention{Span{3, 3}, MentionKind::name, "a1", {}, {}, ""}, "span.empty"); }
    SUBCASE("reversed") { refused(AddMention{Span{5, 3}, MentionKind::name, "a1", {}, {}, ""}, "span.order"); }
    SUBCASE("beyond the text") { refused(AddMention{Span{3, 100000}, MentionKind::name, "a1", {}, {}, ""}, "span.range"); }
    SUBCASE("overlapping a mention") {
      refused(AddMention{test::span_of(doc.text, "Minister Jeyhun"), MentionKind::name, "a1", {}, {}, ""}, "mention.overlap");
    }
    SUBCASE("unknown actor") { refused(AddMention{test::span_of(doc.text, "border"), MentionKind::name, "a99", {}, {}, ""}, "command.unknown_id"); }
    SUBCASE("plural of one") { refused(AddMention{test::span_of(doc.text, "border"), MentionKind::name, "", {"a1"}, {}, ""}, "command.value"); }
    SUBCASE("actor and members") {
      refused(AddMention{test::span_of(doc.text, "border"), MentionKind::name, "a1", {"a1", "a2"}, {}, ""}, "command.value");
    }
    SUBCASE("splitting characters") {
      test::ArticleBuilder b("Cafe\u0301 👩🏽\u200d💻 Fidan");
      b.actor("Fidan", ActorType::person);
      refused(AddMention{Span{0, 4}, MentionKind::name, "a1", {}, {}, ""}, "span.boundary", b.doc);  // before U+0301
      refused(AddMention{Span{6, 7}, MentionKind::name, "a1", {}, {}, ""}, "span.boundary", b.doc);  // before the skin tone
      refused(AddMention{Span{6, 8}, MentionKind::name, "a1", {}, {}, ""}, "span.boundary", b.doc);  // before the ZWJ
      refused(AddMention{Span{9, 10}, MentionKind::name, "a1", {}, {}, ""}, "span.boundary", b.doc);  // right after the ZWJ
      applied(AddMention{Span{0, 5}, MentionKind::name, "a1", {}, {}, ""}, b.doc);
      applied(AddMention{Span{6, 10}, MentionKind::name, "a1", {}, {}, ""}, b.doc);
    }
  }

  TEST_CASE("a new mention may overlap a rejected one") {
    Document doc = sample_article();
    REQUIRE(apply(doc, Reject{"m1"}).ok());
    applied(AddMention{test::span_of(doc.text, "Bayramov"), MentionKind::name, "a1", {}, {}, ""}, doc);
  }

  TEST_CASE("removing a mention clears the anchors on it and keeps the relations") {
    const Document doc = applied(RemoveMention{"m1"});
    CHECK(doc.find_mention("m1") == nullptr);
    CHECK(rel(doc, "r1").source_mention.empty());
    CHECK(rel(doc, "r1").source == "a1");
    CHECK(doc.find_actor("a1") != nullptr);
    refused(RemoveMention{"m99"}, "command.unknown_id");
  }

  TEST_CASE("retyping a mention marks an automatic one edited") {
    const Document doc = applied(SetMentionKind{"m4", MentionKind::nominal});
    CHECK(men(doc, "m4").kind == MentionKind::nominal);
    CHECK(men(doc, "m4").status == Status::edited);
    CHECK_FALSE(men(doc, "m4").provenance.user);
    CHECK(men(doc, "m4").provenance.rule == "test:mention");
  }

  TEST_CASE("a user's own mention stays accepted when edited") {
    Document doc = sample_article();
    const CommandResult r = apply(doc, AddMention{test::span_of(doc.text, "border"), MentionKind::name, "a3", {}, {}, ""});
    REQUIRE(r.ok());
    REQUIRE(apply(doc, SetMentionKind{r.created[0], MentionKind::nominal}).ok());
    CHECK(men(doc, r.created[0]).status == Status::accepted);
  }

  TEST_CASE("setting a mention's actor moves the relations anchored on it") {
    const Document doc = applied(SetMentionActor{"m1", "a6", {}});
    CHECK(men(doc, "m1").actor == "a6");
    CHECK(men(doc, "m1").status == Status::edited);
    CHECK(rel(doc, "r1").source == "a6");
    CHECK(rel(doc, "r1").source_mention == "m1");
    CHECK(rel(doc, "r1").status == Status::edited);
  }

  TEST_CASE("setting a mention's actor clears an anchor that would make a relation point to itself") {
    const Document doc = applied(SetMentionActor{"m1", "a2", {}});
    CHECK(rel(doc, "r1").source == "a1");
    CHECK(rel(doc, "r1").source_mention.empty());
  }

  TEST_CASE("setting a mention to several actors makes it plural") {
    const Document doc = applied(SetMentionActor{"m4", "", {"a1", "a2"}});
    CHECK(men(doc, "m4").actor.empty());
    CHECK(men(doc, "m4").members.size() == 2);
    refused(SetMentionActor{"m4", "", {}}, "command.value");
    refused(SetMentionActor{"m4", "a99", {}}, "command.unknown_id");
  }

  TEST_CASE("creating an actor from a mention gives that mention alone to a new actor") {
    Document doc = sample_article();
    const CommandResult r = apply(doc, CreateActorFromMention{"m7", "", ActorType::government, "IRN", "GOV", "IRNGOV"});
    REQUIRE(r.ok());
    REQUIRE(r.created.size() == 1);
    const Actor& a = act(doc, r.created[0]);
    CHECK(a.name == "Tehran");
    CHECK(a.type == ActorType::government);
    CHECK(a.code == "IRNGOV");
    CHECK(men(doc, "m7").actor == a.id);
    CHECK(rel(doc, "r3").source == a.id);
    CHECK(validate(doc).empty());
    refused(CreateActorFromMention{"m7", "", ActorType::government, "Iran", "", ""}, "command.value");
  }

  TEST_CASE("removing an actor removes its mentions and relations and shrinks plural mentions") {
    const Document doc = applied(RemoveActor{"a4"});
    CHECK(doc.find_actor("a4") == nullptr);
    CHECK(doc.find_mention("m5") == nullptr);
    CHECK(doc.find_relation("r2") == nullptr);
    CHECK(men(doc, "m9").members == std::vector<std::string>{"a5"});
    const Document both = applied(RemoveActor{"a5"}, doc);
    CHECK(both.find_mention("m9") == nullptr);
    refused(RemoveActor{"a99"}, "command.unknown_id");
  }

  TEST_CASE("renaming, retyping and recoding an actor mark it edited") {
    Document doc = applied(RenameActor{"a6", "Government of Iran"});
    CHECK(act(doc, "a6").name == "Government of Iran");
    CHECK(act(doc, "a6").status == Status::edited);
    doc = applied(SetActorType{"a3", ActorType::government}, doc);
    CHECK(act(doc, "a3").type == ActorType::government);
    doc = applied(SetActorCodes{"a3", std::string("AZE"), std::string("GOV"), std::nullopt}, doc);
    CHECK(act(doc, "a3").country == "AZE");
    CHECK(act(doc, "a3").sector == "GOV");
    CHECK(act(doc, "a3").code.empty());
    doc = applied(SetActorCodes{"a3", std::nullopt, std::nullopt, std::string("AZEGOV")}, doc);
    CHECK(act(doc, "a3").code == "AZEGOV");
    CHECK(act(doc, "a3").sector == "GOV");
    refused(RenameActor{"a6", "  "}, "command.value");
    refused(SetActorCodes{"a3", std::string("az"), std::nullopt, std::nullopt}, "command.value");
    refused(SetActorCodes{"a3", std::nullopt, std::string("gov"), std::nullopt}, "command.value");
    refused(SetActorType{"a99", ActorType::group}, "command.unknown_id");
  }

  TEST_CASE("merging actors moves mentions, memberships and relations and removes the merged actor") {
    Document doc = applied(MergeActors{"a5", "a6"});
    CHECK(doc.find_actor("a6") == nullptr);
    CHECK(men(doc, "m7").actor == "a5");
    CHECK(rel(doc, "r3").source == "a5");
    CHECK(act(doc, "a5").status == Status::edited);
    SUBCASE("relations between the two become self-relations and are removed; plural members are deduplicated") {
      doc = applied(MergeActors{"a4", "a5"}, doc);
      CHECK(doc.find_relation("r2") == nullptr);
      CHECK(men(doc, "m9").members == std::vector<std::string>{"a4"});
      CHECK(men(doc, "m6").actor == "a4");
    }
    SUBCASE("empty fields of the kept actor are filled from the merged one") {
      Document d = sample_article();
      REQUIRE(apply(d, SetActorCodes{"a3", std::nullopt, std::nullopt, std::string("")}).ok());
      d = applied(MergeActors{"a3", "a4"}, d);
      CHECK(act(d, "a3").code == "AZE");
    }
    refused(MergeActors{"a1", "a1"}, "command.self_merge");
    refused(MergeActors{"a1", "a99"}, "command.unknown_id");
  }

  TEST_CASE("splitting a mention gives it a new actor like the old one") {
    Document doc = sample_article();
    const CommandResult r = apply(doc, SplitMention{"m1"});
    REQUIRE(r.ok());
    const Actor& a = act(doc, r.created[0]);
    CHECK(a.name == "Jeyhun Bayramov");
    CHECK(a.country == "AZE");
    CHECK(a.code == "AZEGOV");
    CHECK(men(doc, "m1").actor == a.id);
    CHECK(men(doc, "m4").actor == "a1");
    CHECK(rel(doc, "r1").source == a.id);
    CHECK(validate(doc).empty());
    refused(SplitMention{"m2"}, "command.only_mention");
    refused(SplitMention{"m9"}, "command.plural");
  }

  TEST_CASE("adding a relation derives quad and sentence and is refused when inconsistent") {
    Document doc = sample_article();
    const Span trigger = test::span_of(doc.text, "said");
    const CommandResult r = apply(doc, AddRelation{"a1", "a5", "m4", "m6", "REQUEST", "102", trigger, -1, false, Modality::reported});
    REQUIRE(r.ok());
    const Relation& x = rel(doc, r.created[0]);
    CHECK(x.id == "r4");
    CHECK(x.quad == Quad::verbal_conflict);
    CHECK(x.sentence == 1);
    CHECK(x.modality == Modality::reported);
    CHECK(x.provenance.user);
    CHECK(x.status == Status::accepted);
    CHECK(validate(doc).empty());
    applied(AddRelation{"a1", "a5", "", "", "REQUEST", "", Span{}, -1, false, Modality::asserted});
    refused(AddRelation{"a1", "a1", "", "", "REQUEST", "", trigger, -1, false, Modality::asserted}, "command.self_relation");
    refused(AddRelation{"a1", "a5", "", "", "MEET", "", trigger, -1, false, Modality::asserted}, "plover.type");
    refused(AddRelation{"a1", "a5", "", "", "REQUEST", "042", trigger, -1, false, Modality::asserted}, "cameo.type");
    refused(AddRelation{"a1", "a5", "", "", "REQUEST", "1x", trigger, -1, false, Modality::asserted}, "cameo.format");
    refused(AddRelation{"a1", "a5", "m2", "", "REQUEST", "", trigger, -1, false, Modality::asserted}, "ref.anchor");
    refused(AddRelation{"a1", "a5", "", "", "REQUEST", "", Span{5, 99999}, -1, false, Modality::asserted}, "span.range");
    refused(AddRelation{"a1", "a5", "", "", "REQUEST", "", trigger, 9, false, Modality::asserted}, "sentence.range");
    refused(AddRelation{"a1", "a99", "", "", "REQUEST", "", trigger, -1, false, Modality::asserted}, "command.unknown_id");
  }

  TEST_CASE("a relation anchored on a plural mention including its actors is accepted") {
    applied(AddRelation{"a4", "a5", "m9", "m9", "CONSULT", "", Span{}, -1, false, Modality::planned});
  }

  TEST_CASE("removing a relation removes only it") {
    const Document doc = applied(RemoveRelation{"r2"});
    CHECK(doc.find_relation("r2") == nullptr);
    CHECK(doc.relations.size() == 2);
    refused(RemoveRelation{"r9"}, "command.unknown_id");
  }

  TEST_CASE("setting a relation's type keeps type, CAMEO code and quad consistent") {
    Document doc = applied(SetRelationType{"r1", "ASSAULT", "190"});
    CHECK(rel(doc, "r1").type == "ASSAULT");
    CHECK(rel(doc, "r1").cameo == "190");
    CHECK(rel(doc, "r1").quad == Quad::material_conflict);
    CHECK(rel(doc, "r1").status == Status::edited);
    doc = applied(SetRelationType{"r1", "AGREE", ""}, doc);
    CHECK(rel(doc, "r1").quad == Quad::verbal_cooperation);
    CHECK(rel(doc, "r1").cameo.empty());
    refused(SetRelationType{"r1", "AGREE", "190"}, "cameo.type");
    refused(SetRelationType{"r1", "agree", ""}, "plover.type");
  }

  TEST_CASE("swapping a relation exchanges source and target with their anchors") {
    const Document doc = applied(SwapRelation{"r1"});
    CHECK(rel(doc, "r1").source == "a2");
    CHECK(rel(doc, "r1").target == "a1");
    CHECK(rel(doc, "r1").source_mention == "m2");
    CHECK(rel(doc, "r1").target_mention == "m1");
  }

  TEST_CASE("setting a relation's source or target checks the actor and its anchor") {
    Document doc = applied(SetRelationSource{"r1", "a6", "m7"});
    CHECK(rel(doc, "r1").source == "a6");
    CHECK(rel(doc, "r1").source_mention == "m7");
    doc = applied(SetRelationTarget{"r1", "a3", ""}, doc);
    CHECK(rel(doc, "r1").target == "a3");
    CHECK(rel(doc, "r1").target_mention.empty());
    refused(SetRelationSource{"r1", "a2", ""}, "command.self_relation");
    refused(SetRelationTarget{"r1", "a3", "m1"}, "ref.anchor");
    refused(SetRelationTarget{"r1", "a99", ""}, "command.unknown_id");
  }

  TEST_CASE("negation and modality are set on a relation") {
    Document doc = applied(SetRelationNegated{"r2", true});
    CHECK(rel(doc, "r2").negated);
    doc = applied(SetRelationModality{"r2", Modality::hypothetical}, doc);
    CHECK(rel(doc, "r2").modality == Modality::hypothetical);
    CHECK(rel(doc, "r2").status == Status::edited);
  }

  TEST_CASE("accept and reject find any annotation by id") {
    Document doc = applied(Accept{"a1"});
    CHECK(act(doc, "a1").status == Status::accepted);
    doc = applied(Accept{"m2"}, doc);
    CHECK(men(doc, "m2").status == Status::accepted);
    doc = applied(Reject{"r3"}, doc);
    CHECK(rel(doc, "r3").status == Status::rejected);
    doc = applied(Accept{"r3"}, doc);
    CHECK(rel(doc, "r3").status == Status::accepted);
    refused(Accept{"x1"}, "command.unknown_id");
  }

  TEST_CASE("rejecting an actor rejects its mentions and relations too") {
    const Document doc = applied(Reject{"a3"});
    CHECK(act(doc, "a3").status == Status::rejected);
    CHECK(men(doc, "m3").status == Status::rejected);
    CHECK(men(doc, "m8").status == Status::rejected);
    CHECK(rel(doc, "r3").status == Status::rejected);
    CHECK(men(doc, "m1").status == Status::suggested);
  }

  TEST_CASE("an id shared by two kinds of annotation is ambiguous") {
    Document doc = sample_article();
    doc.mentions[0].id = "a1";
    doc.relations[0].source_mention = "a1";
    refused(Accept{"a1"}, "command.ambiguous_id", doc);
  }

  TEST_CASE("accepting all above a confidence accepts only suggestions at or above it") {
    Document doc = sample_article();
    REQUIRE(apply(doc, Reject{"m1"}).ok());
    doc = applied(AcceptAllAbove{0.95}, doc);
    CHECK(act(doc, "a1").status == Status::accepted);
    CHECK(act(doc, "a4").status == Status::accepted);
    CHECK(act(doc, "a6").status == Status::suggested);
    CHECK(men(doc, "m1").status == Status::rejected);
    CHECK(men(doc, "m2").status == Status::accepted);
    CHECK(men(doc, "m4").status == Status::suggested);
    CHECK(rel(doc, "r1").status == Status::suggested);
    refused(AcceptAllAbove{1.5}, "command.value");
  }

  TEST_CASE("setting meta changes only the given fields") {
    Document doc = sample_article();
    doc.meta.notes = "keep";
    doc = applied(SetMeta{std::string("Border reopens"), std::nullopt, std::string("2026-03-12"), std::nullopt, std::nullopt}, doc);
    CHECK(doc.meta.title == "Border reopens");
    CHECK(doc.meta.date == "2026-03-12");
    CHECK(doc.meta.notes == "keep");
  }

  TEST_CASE("fresh ids are one above the largest numeric suffix and never collide") {
    Document doc = sample_article();
    CHECK(fresh_id(doc, 'a') == "a7");
    CHECK(fresh_id(doc, 'm') == "m10");
    CHECK(fresh_id(doc, 'r') == "r4");
    doc.mentions[1].id = "m41";
    doc.mentions[2].id = "mx";
    doc.mentions[3].id = "m007";
    CHECK(fresh_id(doc, 'm') == "m42");
    CHECK(fresh_id(Document{}, 'a') == "a1");
    CHECK(fresh_id(doc, 'x').empty());
  }

  TEST_CASE("an id freed by removing an annotation is never handed out again") {
    Document doc = sample_article();
    REQUIRE(apply(doc, RemoveRelation{"r3"}).ok());
    REQUIRE(apply(doc, RemoveMention{"m9"}).ok());
    REQUIRE(apply(doc, RemoveActor{"a6"}).ok());
    CHECK(apply(doc, AddRelation{"a1", "a5", "", "", "REQUEST", "", Span{}, -1, false, Modality::asserted}).created ==
          std::vector<std::string>{"r4"});
    CHECK(apply(doc, AddMention{test::span_of(doc.text, "two sides"), MentionKind::nominal, "", {}, ActorType::group, ""}).created ==
          std::vector<std::string>{"a7", "m10"});
    REQUIRE(apply(doc, RemoveMention{"m10"}).ok());
    REQUIRE(apply(doc, RemoveActor{"a7"}).ok());
    CHECK(apply(doc, AddMention{test::span_of(doc.text, "two sides"), MentionKind::nominal, "", {}, ActorType::group, ""}).created ==
          std::vector<std::string>{"a8", "m11"});
  }

  TEST_CASE("every command has a one-line label naming what it touches") {
    const Document doc = sample_article();
    const Span border = test::span_of(doc.text, "border");
    CHECK(describe(AddMention{test::span_of(doc.text, "Bayramov"), MentionKind::name, "a1", {}, {}, ""}, doc) ==
          "Add mention “Bayramov” → Jeyhun Bayramov");
    CHECK(describe(AddMention{border, MentionKind::name, "", {}, ActorType::location, ""}, doc) == "Add mention “border” → new actor “border”");
    CHECK(describe(AddMention{border, MentionKind::name, "", {"a4", "a5"}, {}, ""}, doc) == "Add mention “border” → Azerbaijan + Iran");
    CHECK(describe(RemoveMention{"m4"}, doc) == "Remove mention “He”");
    CHECK(describe(SetMentionKind{"m4", MentionKind::nominal}, doc) == "Mark “He” as NOMINAL");
    CHECK(describe(SetMentionActor{"m4", "a2", {}}, doc) == "Link “He” → Abbas Araghchi");
    CHECK(describe(CreateActorFromMention{"m7", "", ActorType::government, "", "", ""}, doc) == "New actor “Tehran” from “Tehran”");
    CHECK(describe(RemoveActor{"a3"}, doc) == "Remove actor Baku (2 mentions, 1 relation)");
    CHECK(describe(RenameActor{"a6", "Government of Iran"}, doc) == "Rename Iranian government → Government of Iran");
    CHECK(describe(SetActorType{"a3", ActorType::government}, doc) == "Set type of Baku → GOVERNMENT");
    CHECK(describe(SetActorCodes{"a3", std::string("AZE"), std::nullopt, std::string("")}, doc) == "Set country AZE, code (none) of Baku");
    CHECK(describe(MergeActors{"a5", "a6"}, doc) == "Merge Iranian government into Iran");
    CHECK(describe(SplitMention{"m4"}, doc) == "Split “He” off Jeyhun Bayramov");
    CHECK(describe(AddRelation{"a1", "a5", "", "", "REQUEST", "", Span{}, -1, false, Modality::asserted}, doc) ==
          "Add relation Jeyhun Bayramov → REQUEST → Iran");
    CHECK(describe(RemoveRelation{"r2"}, doc) == "Remove relation Azerbaijan → AGREE → Iran");
    CHECK(describe(SetRelationType{"r1", "AGREE", "031"}, doc) == "Set type of Jeyhun Bayramov → CONSULT → Abbas Araghchi → AGREE (031)");
    CHECK(describe(SwapRelation{"r1"}, doc) == "Swap direction of Jeyhun Bayramov → CONSULT → Abbas Araghchi");
    CHECK(describe(SetRelationSource{"r1", "a6", ""}, doc) == "Set source of Jeyhun Bayramov → CONSULT → Abbas Araghchi → Iranian government");
    CHECK(describe(SetRelationTarget{"r1", "a6", ""}, doc) == "Set target of Jeyhun Bayramov → CONSULT → Abbas Araghchi → Iranian government");
    CHECK(describe(SetRelationNegated{"r2", true}, doc) == "Negate Azerbaijan → AGREE → Iran");
    CHECK(describe(SetRelationModality{"r2", Modality::planned}, doc) == "Set modality of Azerbaijan → AGREE → Iran → planned");
    CHECK(describe(Accept{"m1"}, doc) == "Accept mention “Jeyhun Bayramov” → Jeyhun Bayramov");
    CHECK(describe(Reject{"a3"}, doc) == "Reject actor Baku");
    CHECK(describe(Reject{"r3"}, doc) == "Reject relation Iranian government → ACCUSE → Baku");
    CHECK(describe(AcceptAllAbove{0.9}, doc) == "Accept all suggestions with confidence ≥ 0.90");
    CHECK(describe(SetMeta{std::string("t"), std::nullopt, std::string("d"), std::nullopt, std::nullopt}, doc) == "Edit title, date");
    CHECK(describe(RemoveMention{"m99"}, doc) == "Remove mention m99");
  }

  TEST_CASE("long covered text is shortened in labels") {
    test::ArticleBuilder b(std::string(100, 'x'));
    b.actor("X", ActorType::person);
    b.mention("a1", std::string(100, 'x'));
    const std::string label = describe(RemoveMention{"m1"}, b.doc);
    CHECK(label == "Remove mention “" + std::string(39, 'x') + "…”");
  }

  TEST_CASE("UTF-16 offsets from JavaScript become code point spans unless they split a surrogate pair") {
    const std::string text = "😀 Fidan";
    REQUIRE(span_from_utf16(text, 3, 8).has_value());
    CHECK(*span_from_utf16(text, 3, 8) == Span{2, 7});
    CHECK_FALSE(span_from_utf16(text, 1, 8).has_value());
    CHECK_FALSE(span_from_utf16(text, 3, 9).has_value());
    CHECK_FALSE(span_from_utf16(text, 5, 3).has_value());
  }
}
