#include <doctest/doctest.h>

#include <dyad/dyad.hpp>
#include <dyad/eval.hpp>

#include <string>
#include <vector>

using namespace dyad;

namespace {

// One short article, ASCII only, so byte offsets are code point offsets.
const char* kText =
    "Azerbaijan and Iran agreed on Thursday. Foreign Minister Jeyhun Bayramov met Iranian officials in Baku. "
    "He said the two sides would cooperate. Bayramov accused Iran of delays.";

/// The span of the nth (0-based) occurrence of `what` in kText.
Span span_of(const std::string& what, int nth = 0) {
  const std::string text = kText;
  std::size_t at = text.find(what);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(what, at + 1);
  REQUIRE(at != std::string::npos);
  return Span{at, at + what.size()};
}

Actor make_actor(const std::string& id, const std::string& name, ActorType type, const std::string& country,
                 const std::string& sector, const std::string& code) {
  Actor a;
  a.id = id;
  a.name = name;
  a.type = type;
  a.country = country;
  a.sector = sector;
  a.code = code;
  return a;
}

Mention make_mention(const std::string& id, const std::string& actor, Span span, MentionKind kind = MentionKind::name) {
  Mention m;
  m.id = id;
  m.actor = actor;
  m.span = span;
  m.kind = kind;
  return m;
}

Quad quad_of(const std::string& type) {
  if (type == "AGREE" || type == "CONSULT" || type == "SUPPORT" || type == "CONCEDE") return Quad::verbal_cooperation;
  if (type == "COOPERATE" || type == "AID" || type == "RETREAT") return Quad::material_cooperation;
  if (type == "REQUEST" || type == "ACCUSE" || type == "REJECT" || type == "THREATEN") return Quad::verbal_conflict;
  return Quad::material_conflict;
}

Relation make_relation(const std::string& id, const std::string& source, const std::string& target,
                       const std::string& type, const std::string& cameo, Span trigger) {
  Relation r;
  r.id = id;
  r.source = source;
  r.target = target;
  r.type = type;
  r.cameo = cameo;
  r.quad = quad_of(type);
  r.trigger = trigger;
  return r;
}

/// Gold: 5 actors, 9 mentions (6 NAME, 2 NOMINAL of which one plural, 1 PRONOUN), 4 relations.
Document gold_document() {
  Document d;
  d.text = kText;
  d.actors = {
      make_actor("a1", "Azerbaijan", ActorType::state, "AZE", "", "AZE"),
      make_actor("a2", "Iran", ActorType::state, "IRN", "", "IRN"),
      make_actor("a3", "Jeyhun Bayramov", ActorType::person, "AZE", "GOV", "AZEGOV"),
      make_actor("a4", "Iranian government", ActorType::government, "IRN", "GOV", "IRNGOV"),
      make_actor("a5", "Baku", ActorType::location, "AZE", "", ""),
  };
  d.mentions = {
      make_mention("m1", "a1", span_of("Azerbaijan")),
      make_mention("m2", "a2", span_of("Iran")),
      make_mention("m3", "a3", span_of("Jeyhun Bayramov")),
      make_mention("m4", "a4", span_of("Iranian officials"), MentionKind::nominal),
      make_mention("m5", "a5", span_of("Baku")),
      make_mention("m6", "a3", span_of("He"), MentionKind::pronoun),
      make_mention("m7", "", span_of("two sides"), MentionKind::nominal),
      make_mention("m8", "a3", span_of("Bayramov", 1)),
      make_mention("m9", "a2", span_of("Iran ", 1)),
  };
  d.mentions[6].members = {"a1", "a2"};
  d.mentions[8].span.end -= 1;  // "Iran", not "Iran "
  d.relations = {
      make_relation("r1", "a1", "a2", "AGREE", "030", span_of("agreed")),
      make_relation("r2", "a3", "a4", "CONSULT", "040", span_of("met")),
      make_relation("r3", "a1", "a2", "COOPERATE", "060", span_of("cooperate")),
      make_relation("r4", "a3", "a2", "ACCUSE", "112", span_of("accused")),
  };
  return d;
}

Mention* mention(Document& d, const std::string& id) {
  Mention* m = d.find_mention(id);
  REQUIRE(m != nullptr);
  return m;
}

Relation* relation(Document& d, const std::string& id) {
  Relation* r = d.find_relation(id);
  REQUIRE(r != nullptr);
  return r;
}

void remove_mention(Document& d, const std::string& id) {
  std::erase_if(d.mentions, [&](const Mention& m) { return m.id == id; });
}

}  // namespace

TEST_SUITE("eval") {
  TEST_CASE("a document scored against itself is perfect on every measure") {
    const Document gold = gold_document();
    const EvalReport r = evaluate(gold, gold);
    CHECK(r.documents == 1);
    CHECK(r.diagnostics.empty());
    CHECK(r.mentions.exact.tp == 9);
    CHECK(r.mentions.exact.f1() == 1.0);
    CHECK(r.mentions.overlap.f1() == 1.0);
    CHECK(r.mentions.named().tp == 6);
    CHECK(r.mentions.named().f1() == 1.0);
    CHECK(r.mentions.exact_by_kind[static_cast<int>(MentionKind::pronoun)].tp == 1);
    CHECK(r.mentions.exact_by_type[static_cast<int>(ActorType::state)].tp == 4);  // incl. the plural of two states
    CHECK(r.actors.clusters.tp == 5);
    CHECK(r.actors.clusters.f1() == 1.0);
    CHECK(r.actors.b_cubed.f1() == 1.0);
    CHECK(r.actors.muc.f1() == 1.0);
    CHECK(r.actors.code.value() == 1.0);
    CHECK(r.relations.strict.tp == 4);
    CHECK(r.relations.strict.f1() == 1.0);
    CHECK(r.relations.dyad.f1() == 1.0);
    CHECK(r.relations.quad.value() == 1.0);
    CHECK(r.relations.cameo_root.value() == 1.0);
    CHECK(r.relations.by_type.at("ACCUSE").tp == 1);
  }

  TEST_CASE("two empty documents score 1 and a document with nothing predicted scores 0") {
    Document empty;
    empty.text = kText;
    const EvalReport same = evaluate(empty, empty);
    CHECK(same.mentions.exact.f1() == 1.0);
    CHECK(same.relations.strict.f1() == 1.0);
    const EvalReport none = evaluate(gold_document(), empty);
    CHECK(none.mentions.exact.fn == 9);
    CHECK(none.mentions.exact.precision() == 0.0);
    CHECK(none.mentions.exact.recall() == 0.0);
    CHECK(none.actors.clusters.fn == 5);
    CHECK(none.relations.strict.fn == 4);
  }

  TEST_CASE("a missing mention is a false negative") {
    Document pred = gold_document();
    remove_mention(pred, "m5");  // Baku
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.mentions.named().tp == 5);
    CHECK(r.mentions.named().fn == 1);
    CHECK(r.mentions.named().fp == 0);
    CHECK(r.mentions.named().precision() == 1.0);
    CHECK(r.mentions.named().recall() == doctest::Approx(5.0 / 6.0));
    CHECK(r.mentions.exact_by_type[static_cast<int>(ActorType::location)].fn == 1);
    // Baku's only mention is gone, so its actor is not a cluster any more.
    CHECK(r.actors.clusters.tp == 4);
    CHECK(r.actors.clusters.fn == 1);
  }

  TEST_CASE("an extra mention is a false positive") {
    Document pred = gold_document();
    pred.mentions.push_back(make_mention("m10", "a1", span_of("Thursday")));
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.mentions.named().tp == 6);
    CHECK(r.mentions.named().fp == 1);
    CHECK(r.mentions.named().precision() == doctest::Approx(6.0 / 7.0));
    CHECK(r.mentions.overlap.fp == 1);
    CHECK(r.actors.clusters.f1() == 1.0);
    CHECK(r.actors.b_cubed.f1() == 1.0);  // B-cubed only looks at matched mentions
  }

  TEST_CASE("a boundary error counts for overlap but not for exact match") {
    Document pred = gold_document();
    mention(pred, "m3")->span = span_of("Minister Jeyhun Bayramov");
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.mentions.exact.tp == 8);
    CHECK(r.mentions.exact.fp == 1);
    CHECK(r.mentions.exact.fn == 1);
    CHECK(r.mentions.overlap.tp == 9);
    CHECK(r.mentions.overlap.f1() == 1.0);
    CHECK(r.mentions.overlap_by_kind[static_cast<int>(MentionKind::name)].tp == 6);
  }

  TEST_CASE("overlap matching is one-to-one, largest overlap first") {
    Document gold;
    gold.text = kText;
    gold.actors = {make_actor("a1", "Jeyhun", ActorType::person, "", "", ""),
                   make_actor("a2", "Bayramov", ActorType::person, "", "", "")};
    gold.mentions = {make_mention("m1", "a1", span_of("Jeyhun")), make_mention("m2", "a2", span_of("Bayramov"))};
    Document pred = gold;
    pred.mentions = {make_mention("m1", "a1", span_of("Jeyhun Bayramov"))};
    const EvalReport r = evaluate(gold, pred);
    CHECK(r.mentions.overlap.tp == 1);
    CHECK(r.mentions.overlap.fn == 1);
    CHECK(r.mentions.overlap.fp == 0);
    // Actors are aligned through exactly matched mentions only, and there are none here.
    CHECK(r.actors.clusters.tp == 0);
    CHECK(r.actors.clusters.fp == 1);
  }

  TEST_CASE("an actor split in two costs cluster precision, B-cubed and MUC recall") {
    Document pred = gold_document();
    pred.actors.push_back(make_actor("p6", "Bayramov", ActorType::person, "AZE", "GOV", "AZEGOV"));
    mention(pred, "m8")->actor = "p6";
    relation(pred, "r4")->source = "p6";  // "Bayramov accused Iran" now hangs off the stray actor
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.actors.clusters.tp == 5);
    CHECK(r.actors.clusters.fp == 1);
    CHECK(r.actors.clusters.fn == 0);
    CHECK(r.actors.clusters.precision() == doctest::Approx(5.0 / 6.0));
    CHECK(r.actors.clusters.recall() == 1.0);
    // 8 single-actor mentions; Bayramov's 3 gold mentions are split 2 + 1.
    CHECK(r.actors.b_cubed.precision() == 1.0);
    CHECK(r.actors.b_cubed.recall() == doctest::Approx((5.0 + 2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 8));
    CHECK(r.actors.muc.precision() == 1.0);
    CHECK(r.actors.muc.recall() == doctest::Approx(2.0 / 3.0));
    // Mentions themselves are all right.
    CHECK(r.mentions.exact.f1() == 1.0);
    // The relation whose source is the unaligned actor is lost.
    CHECK(r.relations.strict.tp == 3);
    CHECK(r.relations.strict.fp == 1);
    CHECK(r.relations.strict.fn == 1);
  }

  TEST_CASE("two gold actors merged into one predicted actor cost cluster recall and B-cubed precision") {
    Document pred = gold_document();
    mention(pred, "m4")->actor = "a2";  // "Iranian officials" put in Iran's cluster
    std::erase_if(pred.actors, [](const Actor& a) { return a.id == "a4"; });
    relation(pred, "r2")->target = "a2";
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.actors.clusters.tp == 4);
    CHECK(r.actors.clusters.fn == 1);
    CHECK(r.actors.b_cubed.recall() == 1.0);
    CHECK(r.actors.b_cubed.precision() < 1.0);
    CHECK(r.actors.muc.recall() == 1.0);
    // Iran's predicted cluster has 3 mentions, 1 of its 2 links right; Bayramov's 2 of 2.
    CHECK(r.actors.muc.precision() == doctest::Approx(3.0 / 4.0));
  }

  TEST_CASE("codes are compared on aligned actors") {
    Document pred = gold_document();
    pred.find_actor("a3")->sector = "MIL";
    pred.find_actor("a3")->code = "AZEMIL";
    pred.find_actor("a4")->type = ActorType::organization;
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.actors.country.value() == 1.0);
    CHECK(r.actors.sector.correct == 4);
    CHECK(r.actors.code.correct == 4);
    CHECK(r.actors.type.correct == 4);
    CHECK(r.actors.clusters.tp == 5);
    CHECK(r.actors.clusters_by_type[static_cast<int>(ActorType::government)].fn == 1);
    CHECK(r.actors.clusters_by_type[static_cast<int>(ActorType::organization)].fp == 1);
    // Per-type mention scores follow the actor's type.
    CHECK(r.mentions.exact_by_type[static_cast<int>(ActorType::government)].fn == 1);
    CHECK(r.mentions.exact_by_type[static_cast<int>(ActorType::organization)].fp == 1);
  }

  TEST_CASE("a reversed relation matches for a symmetric type but not for a directed one") {
    SUBCASE("symmetric CONSULT reversed still matches strictly") {
      Document pred = gold_document();
      std::swap(relation(pred, "r2")->source, relation(pred, "r2")->target);
      const EvalReport r = evaluate(gold_document(), pred);
      CHECK(r.relations.strict.tp == 4);
      CHECK(r.relations.dyad.tp == 4);
    }
    SUBCASE("directed ACCUSE reversed matches neither strictly nor as a dyad") {
      Document pred = gold_document();
      std::swap(relation(pred, "r4")->source, relation(pred, "r4")->target);
      const EvalReport r = evaluate(gold_document(), pred);
      CHECK(r.relations.strict.tp == 3);
      CHECK(r.relations.strict.fp == 1);
      CHECK(r.relations.strict.fn == 1);
      CHECK(r.relations.dyad.tp == 3);
      CHECK(r.relations.by_type.at("ACCUSE").fn == 1);
      CHECK(r.relations.by_type.at("ACCUSE").fp == 1);
    }
    SUBCASE("directed type reversed against a symmetric gold type matches as a dyad") {
      Document pred = gold_document();
      Relation* r2 = relation(pred, "r2");
      std::swap(r2->source, r2->target);
      r2->type = "REQUEST";
      r2->cameo = "020";
      r2->quad = Quad::verbal_conflict;
      const EvalReport r = evaluate(gold_document(), pred);
      CHECK(r.relations.strict.tp == 3);
      CHECK(r.relations.dyad.tp == 4);
    }
  }

  TEST_CASE("a wrong type keeps the dyad and is seen in quad, type and CAMEO accuracy") {
    Document pred = gold_document();
    Relation* r1 = relation(pred, "r1");
    r1->type = "CONSULT";  // same quad class as AGREE
    r1->cameo = "040";
    Relation* r4 = relation(pred, "r4");
    r4->type = "ASSAULT";  // material conflict instead of verbal conflict
    r4->cameo = "190";
    r4->quad = Quad::material_conflict;
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.relations.strict.tp == 2);
    CHECK(r.relations.dyad.tp == 4);
    CHECK(r.relations.dyad.f1() == 1.0);
    CHECK(r.relations.quad.correct == 3);
    CHECK(r.relations.quad.total == 4);
    CHECK(r.relations.type.correct == 2);
    CHECK(r.relations.cameo_root.correct == 2);
    CHECK(r.relations.cameo_root_strict.value() == 1.0);
  }

  TEST_CASE("a plural gold mention maps to any of its member actors") {
    SUBCASE("a predicted single-actor mention on the plural span aligns its actor to a member") {
      Document pred;
      pred.text = kText;
      pred.actors = {make_actor("x", "the two sides", ActorType::state, "", "", "")};
      pred.mentions = {make_mention("n1", "x", span_of("two sides"), MentionKind::nominal)};
      const EvalReport r = evaluate(gold_document(), pred);
      CHECK(r.mentions.exact.tp == 1);
      CHECK(r.mentions.exact_by_type[static_cast<int>(ActorType::state)].tp == 1);
      CHECK(r.actors.clusters.tp == 1);
      CHECK(r.actors.clusters.fp == 0);
      // Plural mentions are left out of B-cubed and MUC: no single-actor mention matched.
      CHECK(r.actors.b_cubed.p_den == 0);
    }
    SUBCASE("actors known only through a plural mention are still aligned and their relations scored") {
      Document gold = gold_document();
      remove_mention(gold, "m1");  // Azerbaijan now appears only in "the two sides"
      Document pred = gold;
      const EvalReport r = evaluate(gold, pred);
      CHECK(r.actors.clusters.tp == 5);
      CHECK(r.relations.strict.tp == 4);
    }
    SUBCASE("a plural of mixed types is in no per-type bucket") {
      Document gold = gold_document();
      mention(gold, "m7")->members = {"a1", "a4"};
      const EvalReport r = evaluate(gold, gold);
      std::size_t typed = 0;
      for (const auto& s : r.mentions.exact_by_type) typed += s.gold();
      CHECK(typed == 8);
      CHECK(r.mentions.exact.gold() == 9);
    }
  }

  TEST_CASE("rejected annotations are ignored on both sides") {
    Document pred = gold_document();
    Mention extra = make_mention("m10", "a1", span_of("Thursday"));
    extra.status = Status::rejected;
    pred.mentions.push_back(extra);
    pred.actors.push_back(make_actor("p9", "Foreign", ActorType::person, "", "", ""));
    pred.actors.back().status = Status::rejected;
    pred.mentions.push_back(make_mention("m11", "p9", span_of("Foreign")));
    Relation extra_rel = make_relation("r9", "a2", "a1", "THREATEN", "130", span_of("delays"));
    extra_rel.status = Status::rejected;
    pred.relations.push_back(extra_rel);
    const EvalReport r = evaluate(gold_document(), pred);
    CHECK(r.mentions.exact.f1() == 1.0);
    CHECK(r.actors.clusters.f1() == 1.0);
    CHECK(r.relations.strict.f1() == 1.0);

    Document gold = gold_document();
    gold.find_actor("a5")->status = Status::rejected;  // Baku and its mention leave the gold
    const EvalReport r2 = evaluate(gold, gold_document());
    CHECK(r2.mentions.exact.fp == 1);
    CHECK(r2.actors.clusters.fp == 1);
  }

  TEST_CASE("reports add up as micro-averages") {
    Document pred = gold_document();
    remove_mention(pred, "m5");
    const EvalReport a = evaluate(gold_document(), gold_document());
    const EvalReport b = evaluate(gold_document(), pred);
    const EvalReport total = sum({a, b});
    CHECK(total.documents == 2);
    CHECK(total.mentions.named().tp == 11);
    CHECK(total.mentions.named().fn == 1);
    CHECK(total.mentions.named().recall() == doctest::Approx(11.0 / 12.0));
    CHECK(total.relations.strict.tp == 8);
    CHECK(total.actors.b_cubed.p_den == a.actors.b_cubed.p_den + b.actors.b_cubed.p_den);
  }

  TEST_CASE("a prediction on a different text is reported") {
    Document pred = gold_document();
    pred.text += " More.";
    const EvalReport r = evaluate(gold_document(), pred);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "eval.text_mismatch");
    CHECK(has_errors(r.diagnostics));
  }

  TEST_CASE("symmetric PLOVER types are AGREE, CONSULT and COOPERATE") {
    CHECK(is_symmetric_plover_type("AGREE"));
    CHECK(is_symmetric_plover_type("CONSULT"));
    CHECK(is_symmetric_plover_type("COOPERATE"));
    CHECK_FALSE(is_symmetric_plover_type("ACCUSE"));
    CHECK_FALSE(is_symmetric_plover_type("AID"));
  }

  TEST_CASE("the JSON report carries counts and scores under stable keys") {
    Document pred = gold_document();
    remove_mention(pred, "m5");
    const std::string json = to_json(evaluate(gold_document(), pred));
    CHECK(json.rfind("{\"schema\":\"dyad-eval/1\",\"documents\":1,\"summary\":{\"named_mentions_f1\":0.9091,", 0) == 0);
    CHECK(json.find("\"mentions\":{\"named\":{\"tp\":5,\"fp\":0,\"fn\":1,") != std::string::npos);
    CHECK(json.find("\"b_cubed\":{") != std::string::npos);
    CHECK(json.find("\"by_type\":{\"ACCUSE\":{\"tp\":1") != std::string::npos);
    CHECK(json.find("\"diagnostics\":[]") != std::string::npos);
  }
}
