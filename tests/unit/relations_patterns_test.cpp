// Every row of the built-in pattern tables fires on its own example.
#include <doctest/doctest.h>

#include <dyad/relations.hpp>

#include "internal/embedded_data.hpp"
#include "relations_test_support.hpp"

using namespace dyad;

TEST_SUITE("relations.patterns") {
  TEST_CASE("the built-in tables load without a single diagnostic") {
    std::vector<Diagnostic> diags;
    const RelationPatterns p = RelationPatterns::load(RelationPatterns::built_in_sources(), &diags);
    for (const auto& d : diags) MESSAGE(format(d));
    CHECK(diags.empty());
    CHECK(p.size() == p.rows().size());
    CHECK(p.size() >= 1);
  }

  TEST_CASE("every pattern row codes its example with its own type, code and actors") {
    const RelationPatterns& patterns = RelationPatterns::built_in();
    for (const RelationPatternRow& row : patterns.rows()) {
      CAPTURE(row.table);
      CAPTURE(row.id);
      CAPTURE(row.example);
      test::MarkedDocument md = test::extracted(row.example);
      REQUIRE(md.error.empty());
      REQUIRE(!md.sources.empty());
      REQUIRE(!md.targets.empty());
      // A wrapper row ("threatened to", "agreed to") may fire composed with the event inside it:
      // then its rule is "<row>+<inner row>" and the code follows the inner event.
      const std::string rule = "pattern:" + row.table + ":" + row.id;
      const Relation* hit = nullptr;
      bool composed = false;
      for (const Relation& r : md.doc.relations) {
        if (r.source != md.sources[0] || r.target != md.targets[0]) continue;
        if (r.provenance.rule == rule) hit = &r;
        else if (!hit && r.provenance.rule.rfind(rule + "+", 0) == 0) hit = &r, composed = true;
      }
      if (!hit) {
        MESSAGE(row.table << ":" << row.line << " " << row.id << ": " << row.example << "\n" << test::describe(md));
        CHECK(hit != nullptr);
        continue;
      }
      CHECK(hit->type == row.type);
      if (!composed) CHECK(hit->cameo == row.cameo);
    }
  }
}
