#include <doctest/doctest.h>

#include <random>
#include <set>
#include <string>

#include <dyad/dyad.hpp>

#include "test_support.hpp"

using namespace dyad;

namespace {

// Everything a consumer may rely on: a valid document, mentions in text order that never overlap,
// every actor used, provenance and confidence set.
void check_invariants(const Document& doc) {
  const auto problems = validate(doc);
  std::string all;
  for (const auto& d : problems) all += format(d) + "\n";
  CHECK_MESSAGE(problems.empty(), all);
  std::size_t last_end = 0;
  std::set<std::string> used;
  for (const auto& m : doc.mentions) {
    CHECK(m.span.start >= last_end);
    CHECK(m.span.end > m.span.start);
    last_end = m.span.end;
    CHECK_FALSE(m.provenance.user);
    CHECK_FALSE(m.provenance.rule.empty());
    CHECK(m.confidence > 0.0);
    CHECK(m.confidence <= 1.0);
    if (!m.actor.empty()) used.insert(m.actor);
    for (const auto& a : m.members) used.insert(a);
    CHECK((m.actor.empty() == (m.members.size() >= 2)));
  }
  for (const auto& a : doc.actors) {
    CHECK(used.count(a.id) == 1);
    CHECK_FALSE(a.provenance.rule.empty());
    CHECK(a.confidence > 0.0);
    CHECK(a.confidence <= 1.0);
  }
}

}  // namespace

TEST_SUITE("extract") {
  TEST_CASE("the pipeline fills sentences, tokens, actors and mentions of a news article") {
    const std::string text = test::read_file(test::tests_path("data/dev/01-azerbaijan-iran-border.txt"));
    REQUIRE_FALSE(text.empty());
    const Document doc = extract(text);
    CHECK(doc.sentences.size() > 10);
    CHECK(doc.tokens.size() > 300);
    CHECK(doc.actors.size() > 5);
    CHECK(doc.mentions.size() > 30);
    check_invariants(doc);
  }

  TEST_CASE("dev-set articles give valid documents") {
    for (const char* name : {"01-azerbaijan-iran-border.txt", "02-turkey-greece-maritime.txt"}) {
      const std::string text = test::read_file(test::tests_path(std::string("data/dev/") + name));
      if (text.empty()) continue;
      CAPTURE(name);
      check_invariants(extract(text));
    }
  }

  TEST_CASE("mention detection can be switched off") {
    ExtractOptions o;
    o.mentions = false;
    o.relations = false;
    const Document doc = extract("Iran and Azerbaijan agreed.", o);
    CHECK(doc.mentions.empty());
    CHECK(doc.actors.empty());
    CHECK(doc.tokens.size() == 5);
  }

  TEST_CASE("user lexicons passed in the options are used") {
    Lexicons lex = Lexicons::load_builtin();
    CHECK(lex.add_tsv(LexiconKind::countries, "iso3\tname\taliases\tadjectives\tcapitals\tstatus\n"
                                              "ZRK\tZorkland\t\tZorkish\tZork City\tterritory\n", "zork.tsv")
              .empty());
    ExtractOptions o;
    o.lexicons = &lex;
    o.relations = false;
    const Document doc = extract("Zork City said the Zorkish army had left Zorkland.", o);
    check_invariants(doc);
    std::set<std::string> codes;
    for (const auto& a : doc.actors) codes.insert(a.code);
    CHECK(codes.count("ZRKGOV") == 1);
    CHECK(codes.count("ZRKMIL") == 1);
    CHECK(codes.count("ZRK") == 1);
  }

  TEST_CASE("any bytes give a valid document without a crash") {
    std::mt19937 rng(12345);
    const std::string alphabet = "Aa Zz.,;:'\"-\xE2\x80\x94\xE2\x80\x99()\n\r\tIran U.S. Mr. the of and 1.5 \xF0\x9F\x98\x80";
    for (int round = 0; round < 200; ++round) {
      std::string text;
      const int n = static_cast<int>(rng() % 300);
      for (int k = 0; k < n; ++k) {
        if (rng() % 10 == 0) text.push_back(static_cast<char>(rng() % 256));
        else text.push_back(alphabet[rng() % alphabet.size()]);
      }
      const Document doc = extract(text);
      check_invariants(doc);
    }
    for (const std::string& odd : {std::string(), std::string(" "), std::string("..."), std::string(5000, 'A'),
                                   std::string("\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x9C"), std::string("- - - -")})
      check_invariants(extract(odd));
  }
}
