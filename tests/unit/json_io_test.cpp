#include <doctest/doctest.h>

#include <dyad/dyad.hpp>

using namespace dyad;

TEST_SUITE("json_io") {
  TEST_CASE("an extracted document round-trips byte-identically") {
    const char* texts[] = {
        "Çavuşoğlu met Bayramov in Baku — “talks”",
        "Line one\r\nLine two\twith tab and NBSP\u00a0here",
        "Emoji 😀 and flags 🇦🇿🇮🇷 and 𝒳 astral",
        "وزير الخارجية الإيراني met the “Iranian side”",
        "",
    };
    for (const char* t : texts) {
      CAPTURE(t);
      const Document doc = extract(t);
      const std::string json = to_json(doc);
      const LoadResult back = from_json(json);
      REQUIRE(back.ok());
      CHECK(back.document->text == t);
      CHECK(to_json(*back.document) == json);
    }
  }

  TEST_CASE("the schema field is required and must be dyad/1") {
    SUBCASE("missing") {
      const auto r = from_json(R"({"text": "x"})");
      CHECK_FALSE(r.ok());
      REQUIRE_FALSE(r.diagnostics.empty());
      CHECK(r.diagnostics[0].path == "/schema");
    }
    SUBCASE("wrong version") {
      const auto r = from_json(R"({"schema": "dyad/2", "text": "x"})");
      CHECK_FALSE(r.ok());
      REQUIRE_FALSE(r.diagnostics.empty());
      CHECK(r.diagnostics[0].code == "schema.version");
    }
  }

  TEST_CASE("malformed JSON gives a syntax diagnostic and no document") {
    const auto r = from_json(R"({"schema": "dyad/1", "text": )");
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == "json.syntax");
  }
}
