// Re-extraction merge: a person's decisions survive, rejected suggestions stay away, the rest
// is refreshed, ids of kept annotations are stable.
#include <doctest/doctest.h>

#include <set>

#include <dyad/commands.hpp>
#include <dyad/dyad.hpp>
#include <dyad/merge.hpp>

#include "annotation_builder.hpp"

using namespace dyad;
using test::sample_article;

namespace {

std::string listing(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += format(d) + "\n";
  return out;
}

Document edited_with(std::initializer_list<Command> commands) {
  Document doc = sample_article();
  for (const auto& c : commands) {
    const CommandResult r = apply(doc, c);
    CAPTURE(listing(r.diagnostics));
    REQUIRE(r.ok());
  }
  return doc;
}

Document merged(const Document& edited, const Document& fresh) {
  Document out = merge_reextraction(edited, fresh);
  CAPTURE(listing(validate(out)));
  CHECK(validate(out).empty());
  return out;
}

const Mention* mention_at(const Document& d, const std::string& needle, int nth = 0) {
  const Span s = test::span_of(d.text, needle, nth);
  for (const auto& m : d.mentions)
    if (m.span == s) return &m;
  return nullptr;
}

std::size_t mentions_at(const Document& d, const std::string& needle, int nth = 0) {
  const Span s = test::span_of(d.text, needle, nth);
  std::size_t n = 0;
  for (const auto& m : d.mentions) n += m.span == s;
  return n;
}

const Relation* relation_of(const Document& d, const std::string& type) {
  for (const auto& r : d.relations)
    if (r.type == type) return &r;
  return nullptr;
}

}  // namespace

TEST_SUITE("merge") {
  TEST_CASE("merging an untouched document with a fresh extraction gives the fresh suggestions with stable ids") {
    const Document edited = sample_article();
    Document fresh = sample_article();
    fresh.actors[0].confidence = 0.5;
    fresh.mentions[3].kind = MentionKind::nominal;  // the extractor changed its mind about "He"
    const Document out = merged(edited, fresh);
    CHECK(to_json(out) == to_json(fresh));
  }

  TEST_CASE("unknown members on sentences and tokens survive re-extraction where the span is unchanged") {
    Document edited = sample_article();
    REQUIRE(edited.sentences.size() >= 2);
    edited.tokens = {Token{Span{0, 3}}, Token{Span{4, 9}}};
    edited.sentences[0].extra = {{"x_topic", "\"diplomacy\""}};
    edited.sentences[1].extra = {{"x_reviewed", "true"}};
    edited.tokens[0].extra = {{"x_pos", "\"NNP\""}};
    edited.tokens[1].extra = {{"x_pos", "\"VBD\""}};
    Document fresh = sample_article();
    fresh.tokens = {Token{Span{0, 3}}, Token{Span{4, 8}}};  // the second token's span changed
    fresh.sentences[1].span.end -= 1;                         // and the second sentence's
    const Document out = merged(edited, fresh);
    REQUIRE(out.sentences.size() == fresh.sentences.size());
    CHECK(out.sentences[0].extra == edited.sentences[0].extra);
    CHECK(out.sentences[1].extra.empty());  // a different span is a different sentence
    REQUIRE(out.tokens.size() == 2);
    CHECK(out.tokens[0].extra == edited.tokens[0].extra);
    CHECK(out.tokens[1].extra.empty());
    CHECK(to_json(out).find("\"x_topic\":\"diplomacy\"") != std::string::npos);
  }

  TEST_CASE("untouched suggestions the fresh extraction no longer finds disappear") {
    Document fresh = sample_article();
    fresh.relations.pop_back();  // ACCUSE
    fresh.mentions.erase(fresh.mentions.begin() + 3);  // "He"
    const Document out = merged(sample_article(), fresh);
    CHECK(relation_of(out, "ACCUSE") == nullptr);
    CHECK(mention_at(out, "He") == nullptr);
  }

  TEST_CASE("accepted, edited and user-added annotations are kept even when the fresh extraction lacks them") {
    const Document edited = edited_with({Accept{"m4"}, RenameActor{"a6", "Government of Iran"}, SetRelationNegated{"r3", true},
                                         AddMention{test::span_of(sample_article().text, "border"), MentionKind::name, "", {}, ActorType::location, "Astara"}});
    Document fresh = sample_article();
    fresh.mentions.erase(fresh.mentions.begin() + 3);  // "He"
    fresh.relations.pop_back();                        // ACCUSE
    const Document out = merged(edited, fresh);
    REQUIRE(out.find_mention("m4") != nullptr);
    CHECK(out.find_mention("m4")->status == Status::accepted);
    REQUIRE(out.find_actor("a6") != nullptr);
    CHECK(out.find_actor("a6")->name == "Government of Iran");
    REQUIRE(out.find_relation("r3") != nullptr);
    CHECK(out.find_relation("r3")->negated);
    REQUIRE(mention_at(out, "border") != nullptr);
    CHECK(mention_at(out, "border")->id == "m10");
    CHECK(out.find_actor("a7")->name == "Astara");
  }

  TEST_CASE("rejected mentions, actors and relations are never suggested again") {
    const Document edited = edited_with({Reject{"m4"}, Reject{"a3"}, Reject{"r1"}});
    const Document out = merged(edited, sample_article());
    CHECK(mentions_at(out, "He") == 1);
    CHECK(mention_at(out, "He")->status == Status::rejected);
    CHECK(mentions_at(out, "Baku", 0) == 1);
    CHECK(mentions_at(out, "Baku", 1) == 1);
    std::size_t baku = 0;
    for (const auto& a : out.actors) baku += a.name == "Baku";
    CHECK(baku == 1);
    CHECK(out.find_actor("a3")->status == Status::rejected);
    std::size_t consult = 0;
    for (const auto& r : out.relations) consult += r.type == "CONSULT";
    CHECK(consult == 1);
    CHECK(out.find_relation("r1")->status == Status::rejected);
  }

  TEST_CASE("a rejected actor's fresh counterpart is dropped with its mentions and relations") {
    const Document edited = edited_with({Reject{"a6"}});
    Document fresh = sample_article();
    fresh.mentions[6].span = test::span_of(fresh.text, "Tehran accused");  // the extractor now takes a longer span
    fresh.relations[2].source_mention = fresh.mentions[6].id;
    const Document out = merged(edited, fresh);
    std::size_t governments = 0;
    for (const auto& a : out.actors) governments += a.name == "Iranian government";
    CHECK(governments == 1);
    CHECK(mention_at(out, "Tehran accused") == nullptr);
    CHECK(relation_of(out, "ACCUSE")->status == Status::rejected);
  }

  TEST_CASE("a fresh mention overlapping a kept mention is dropped in favour of the person's") {
    Document edited = sample_article();
    REQUIRE(apply(edited, RemoveMention{"m1"}).ok());
    REQUIRE(apply(edited, AddMention{test::span_of(edited.text, "Bayramov"), MentionKind::name, "a1", {}, {}, ""}).ok());
    const Document out = merged(edited, sample_article());
    CHECK(mention_at(out, "Jeyhun Bayramov") == nullptr);
    REQUIRE(mention_at(out, "Bayramov") != nullptr);
    CHECK(mention_at(out, "Bayramov")->provenance.user);
    // the fresh CONSULT relation anchored on the dropped mention keeps its actors, loses the anchor
    const Relation* consult = relation_of(out, "CONSULT");
    REQUIRE(consult != nullptr);
    CHECK(consult->source == "a1");
    CHECK(consult->source_mention.empty());
  }

  TEST_CASE("fresh mentions of an actor the person edited are attached to that actor") {
    const Document edited = edited_with({RenameActor{"a1", "Bayramov, Jeyhun"}, Accept{"m1"}});
    Document fresh = sample_article();
    fresh.mentions[3].confidence = 0.4;  // "He" refreshed
    const Document out = merged(edited, fresh);
    std::size_t bayramovs = 0;
    for (const auto& a : out.actors) bayramovs += a.code == "AZEGOV";
    CHECK(bayramovs == 1);
    CHECK(mention_at(out, "He")->actor == "a1");
    CHECK(mention_at(out, "He")->confidence == 0.4);
    CHECK(out.find_actor("a1")->name == "Bayramov, Jeyhun");
  }

  TEST_CASE("an untouched actor kept for a decision is refreshed but keeps its id") {
    const Document edited = edited_with({Accept{"m7"}});  // Tehran accepted, its actor a6 untouched
    Document fresh = sample_article();
    fresh.actors[5].name = "Government of Iran";
    fresh.actors[5].confidence = 0.3;
    const Document out = merged(edited, fresh);
    REQUIRE(out.find_actor("a6") != nullptr);
    CHECK(out.find_actor("a6")->name == "Government of Iran");
    CHECK(out.find_actor("a6")->confidence == 0.3);
    CHECK(out.find_mention("m7")->actor == "a6");
  }

  TEST_CASE("new fresh suggestions get ids the edited document never used") {
    Document edited = sample_article();
    REQUIRE(apply(edited, RemoveMention{"m9"}).ok());
    REQUIRE(apply(edited, AddMention{test::span_of(edited.text, "border"), MentionKind::name, "a3", {}, {}, ""}).ok());
    Document fresh = sample_article();
    fresh.actors.push_back(Actor{"a7", "Astara crossing", ActorType::location, "AZE", "", "", Provenance{false, "x"}, Status::suggested, 0.5, {}});
    fresh.mentions.push_back(Mention{"m10", "a7", {}, test::span_of(fresh.text, "the border"), MentionKind::nominal, Provenance{false, "x"},
                                     Status::suggested, 0.5, {}});
    CHECK(mention_at(edited, "border")->id == "m10");  // m9 was removed: never handed out again
    const Document out = merged(edited, fresh);
    std::set<std::string> ids;
    for (const auto& m : out.mentions) CHECK(ids.insert(m.id).second);
    CHECK(mention_at(out, "the border") == nullptr);  // overlaps the person's "border"
    CHECK(out.find_actor("a7") == nullptr);           // so the new actor has nothing and is not added
    CHECK(out.find_mention("m9") == nullptr);         // the removed id stays unused ...
    CHECK(mention_at(out, "two sides")->id == "m11");  // ... and the re-found "two sides" gets a new one
    CHECK(mention_at(out, "border")->id == "m10");
    Document again = out;
    REQUIRE(apply(again, AddMention{test::span_of(again.text, "delays"), MentionKind::nominal, "a3", {}, {}, ""}).ok());
    CHECK(mention_at(again, "delays")->id == "m12");
  }

  TEST_CASE("a kept relation anchored on a suggestion that disappeared loses only the anchor") {
    const Document edited = edited_with({Accept{"r1"}});
    Document fresh = sample_article();
    fresh.mentions.erase(fresh.mentions.begin());  // "Jeyhun Bayramov" not found any more
    fresh.relations.erase(fresh.relations.begin());
    const Document out = merged(edited, fresh);
    REQUIRE(out.find_relation("r1") != nullptr);
    CHECK(out.find_relation("r1")->source_mention.empty());
    CHECK(out.find_relation("r1")->target_mention == "m2");
    CHECK(out.find_actor("a1") != nullptr);  // still the relation's source
  }

  TEST_CASE("merging is idempotent") {
    const Document edited = edited_with({Reject{"a3"}, Accept{"r2"}, MergeActors{"a5", "a6"}, SwapRelation{"r1"}});
    const Document once = merged(edited, sample_article());
    const Document twice = merged(once, sample_article());
    CHECK(to_json(twice) == to_json(once));
  }

  TEST_CASE("the text layer comes from the fresh extraction, meta and extra fields from the edited document") {
    Document edited = sample_article();
    edited.meta.title = "mine";
    edited.extra.emplace_back("x", "1");
    Document fresh = sample_article();
    fresh.tokens.push_back(Token{Span{0, 7}});
    const Document out = merged(edited, fresh);
    CHECK(out.meta.title == "mine");
    CHECK(out.extra.size() == 1);
    CHECK(out.tokens.size() == 1);
  }

  TEST_CASE("a fresh extraction of a different text is not merged") {
    const Document edited = sample_article();
    Document fresh = sample_article();
    fresh.text += " More.";
    const Document out = merge_reextraction(edited, fresh);
    REQUIRE_FALSE(out.diagnostics.empty());
    CHECK(out.diagnostics.back().code == "merge.text_mismatch");
    CHECK(out.mentions.size() == edited.mentions.size());
  }

  TEST_CASE("a decision is provenance user or any status but suggested") {
    Document doc = sample_article();
    CHECK_FALSE(is_user_decision(doc.actors[0]));
    doc.actors[0].status = Status::rejected;
    CHECK(is_user_decision(doc.actors[0]));
    doc.mentions[0].provenance.user = true;
    CHECK(is_user_decision(doc.mentions[0]));
    doc.relations[0].status = Status::edited;
    CHECK(is_user_decision(doc.relations[0]));
  }
}
