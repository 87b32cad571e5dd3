// Undo/redo: every command undone and redone exactly, labels, the redo branch, the memory bound.
#include <doctest/doctest.h>

#include <dyad/dyad.hpp>
#include <dyad/history.hpp>
#include <dyad/merge.hpp>

#include "annotation_builder.hpp"

using namespace dyad;
using test::sample_article;

namespace {

/// One of each command, each valid on the sample article.
std::vector<Command> one_of_each(const Document& doc) {
  const Span border = test::span_of(doc.text, "border");
  return {
      AddMention{test::span_of(doc.text, "Foreign Minister"), MentionKind::nominal, "a1", {}, {}, ""},
      AddMention{border, MentionKind::name, "", {}, ActorType::location, ""},
      RemoveMention{"m1"},
      SetMentionKind{"m4", MentionKind::nominal},
      SetMentionActor{"m1", "a6", {}},
      CreateActorFromMention{"m7", "", ActorType::government, "IRN", "GOV", "IRNGOV"},
      RemoveActor{"a4"},
      RenameActor{"a6", "Government of Iran"},
      SetActorType{"a3", ActorType::government},
      SetActorCodes{"a3", std::string("AZE"), std::string("GOV"), std::string("AZEGOV")},
      MergeActors{"a5", "a6"},
      SplitMention{"m1"},
      AddRelation{"a1", "a5", "m4", "m6", "REQUEST", "102", test::span_of(doc.text, "said"), -1, false, Modality::reported},
      RemoveRelation{"r2"},
      SetRelationType{"r1", "ASSAULT", "190"},
      SwapRelation{"r1"},
      SetRelationSource{"r1", "a6", "m7"},
      SetRelationTarget{"r1", "a3", ""},
      SetRelationNegated{"r2", true},
      SetRelationModality{"r2", Modality::planned},
      Accept{"m2"},
      Reject{"a3"},
      AcceptAllAbove{0.9},
      SetMeta{std::string("Border reopens"), std::nullopt, std::nullopt, std::string("me"), std::nullopt},
  };
}

}  // namespace

TEST_SUITE("history") {
  TEST_CASE("every command is undone and redone exactly") {
    const Document start = sample_article();
    const auto commands = one_of_each(start);
    REQUIRE(commands.size() == std::variant_size_v<Command> + 1);  // AddMention twice
    for (const auto& cmd : commands) {
      CAPTURE(describe(cmd, start));
      History h(start);
      const std::string before = to_json(h.document());
      const CommandResult r = h.apply(cmd);
      REQUIRE(r.ok());
      const std::string after = to_json(h.document());
      CHECK(after != before);
      CHECK(h.can_undo());
      CHECK_FALSE(h.can_redo());
      REQUIRE(h.undo());
      CHECK(to_json(h.document()) == before);
      CHECK_FALSE(h.can_undo());
      CHECK(h.can_redo());
      REQUIRE(h.redo());
      CHECK(to_json(h.document()) == after);
      CHECK(validate(h.document()).empty());
    }
  }

  TEST_CASE("a chain of edits undoes back to the start and redoes to the end") {
    History h(sample_article());
    const std::string start = to_json(h.document());
    std::vector<std::string> states{start};
    for (const auto& cmd : {Command{Accept{"a1"}}, Command{RenameActor{"a1", "J. Bayramov"}}, Command{SwapRelation{"r1"}},
                            Command{MergeActors{"a5", "a6"}}, Command{RemoveMention{"m4"}}}) {
      REQUIRE(h.apply(cmd).ok());
      states.push_back(to_json(h.document()));
    }
    CHECK(h.position() == 5);
    for (int i = 4; i >= 0; --i) {
      REQUIRE(h.undo());
      CHECK(to_json(h.document()) == states[static_cast<std::size_t>(i)]);
    }
    CHECK_FALSE(h.undo());
    for (std::size_t i = 1; i < states.size(); ++i) {
      REQUIRE(h.redo());
      CHECK(to_json(h.document()) == states[i]);
    }
    CHECK_FALSE(h.redo());
  }

  TEST_CASE("labels list the steps in order and the position between undo and redo") {
    History h(sample_article());
    REQUIRE(h.apply(RenameActor{"a6", "Government of Iran"}).ok());
    REQUIRE(h.apply(Reject{"a3"}).ok());
    REQUIRE(h.apply(AcceptAllAbove{0.9}).ok());
    CHECK(h.labels() == std::vector<std::string>{"Rename Iranian government → Government of Iran", "Reject actor Baku",
                                                 "Accept all suggestions with confidence ≥ 0.90"});
    REQUIRE(h.undo());
    CHECK(h.position() == 2);
    CHECK(h.undo_labels().size() == 2);
    CHECK(h.redo_labels() == std::vector<std::string>{"Accept all suggestions with confidence ≥ 0.90"});
    CHECK(h.labels().size() == 3);
  }

  TEST_CASE("a new edit after undo drops the redo branch") {
    History h(sample_article());
    REQUIRE(h.apply(Accept{"a1"}).ok());
    REQUIRE(h.apply(Accept{"a2"}).ok());
    REQUIRE(h.undo());
    REQUIRE(h.undo());
    CHECK(h.redo_labels().size() == 2);
    REQUIRE(h.apply(Reject{"a3"}).ok());
    CHECK_FALSE(h.can_redo());
    CHECK(h.labels() == std::vector<std::string>{"Reject actor Baku"});
    CHECK(h.document().find_actor("a1")->status == Status::suggested);
  }

  TEST_CASE("a refused command changes nothing and records nothing") {
    History h(sample_article());
    REQUIRE(h.apply(Accept{"a1"}).ok());
    REQUIRE(h.undo());
    const std::string before = to_json(h.document());
    const CommandResult r = h.apply(MergeActors{"a1", "a1"});
    CHECK_FALSE(r.ok());
    CHECK(to_json(h.document()) == before);
    CHECK_FALSE(h.can_undo());
    CHECK(h.can_redo());  // a refused edit does not drop the redo branch either
  }

  TEST_CASE("oldest steps are dropped when the snapshots exceed the byte limit") {
    const Document doc = sample_article();
    const std::size_t one = annotation_bytes(doc);
    REQUIRE(one > 0);
    History h(doc, one * 5 + one / 2);  // room for five snapshots
    for (int i = 0; i < 12; ++i) REQUIRE(h.apply(SetMeta{std::string("title ") + std::to_string(i), {}, {}, {}, {}}).ok());
    CHECK(h.bytes() <= h.byte_limit());
    CHECK(h.position() == 5);
    CHECK(h.dropped() == 7);
    CHECK(h.undo_labels().front() == "Edit title");
    int undone = 0;
    while (h.undo()) ++undone;
    CHECK(undone == 5);
    CHECK(h.document().meta.title == "title 6");
  }

  TEST_CASE("the newest step is kept even when it alone exceeds the byte limit") {
    History h(sample_article(), 1);
    REQUIRE(h.apply(Accept{"a1"}).ok());
    REQUIRE(h.apply(Accept{"a2"}).ok());
    CHECK(h.position() == 1);
    CHECK(h.bytes() > h.byte_limit());
    REQUIRE(h.undo());
    CHECK(h.document().find_actor("a1")->status == Status::accepted);
    CHECK(h.document().find_actor("a2")->status == Status::suggested);
  }

  TEST_CASE("the text layer is shared by all snapshots and not counted again") {
    test::ArticleBuilder b(std::string(200000, 'x') + " Iran");
    b.actor("Iran", ActorType::state);
    b.mention("a1", "Iran");
    History h(b.doc);
    for (int i = 0; i < 10; ++i) REQUIRE(h.apply(SetMentionKind{"m1", i % 2 ? MentionKind::name : MentionKind::nominal}).ok());
    CHECK(h.bytes() < 20000);
  }

  TEST_CASE("a committed re-extraction merge is one undoable step, and reset forgets history") {
    History h(sample_article());
    REQUIRE(h.apply(Accept{"m1"}).ok());
    const std::string before = to_json(h.document());
    Document fresh = sample_article();
    fresh.mentions.pop_back();
    fresh.sentences.pop_back();
    h.commit(merge_reextraction(h.document(), fresh), "Re-run extraction");
    CHECK(h.labels().back() == "Re-run extraction");
    CHECK(h.document().sentences.size() == fresh.sentences.size());
    REQUIRE(h.undo());
    CHECK(to_json(h.document()) == before);
    REQUIRE(h.redo());
    CHECK(h.document().sentences.size() == fresh.sentences.size());
    h.reset(sample_article());
    CHECK_FALSE(h.can_undo());
    CHECK_FALSE(h.can_redo());
    CHECK(h.bytes() == 0);
  }
}
