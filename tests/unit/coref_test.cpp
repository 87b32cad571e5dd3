#include <doctest/doctest.h>

#include "extract_support.hpp"

using namespace dyad;
using dyad::test::find;
using dyad::test::listing;
using dyad::test::mentions_of;

TEST_SUITE("coref") {
  TEST_CASE("a surname alone later is the same person, also after an honorific") {
    const auto ms = mentions_of("Foreign Minister Jeyhun Bayramov arrived. Bayramov said Mr. Bayramov was tired.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Bayramov", 0));
    REQUIRE(find(ms, "Bayramov", 1));
    CHECK(find(ms, "Bayramov", 0)->actor == "Jeyhun Bayramov");
    CHECK(find(ms, "Bayramov", 1)->actor == "Jeyhun Bayramov");
  }

  TEST_CASE("surnames of several words and Arabic articles resolve to the full name") {
    const auto ms = mentions_of("Hossein Amir-Abdollahian met Ursula von der Leyen and Gen. Abdel Fattah al-Burhan. "
                                "Amir-Abdollahian thanked her. Von der Leyen and Burhan left.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Amir-Abdollahian"));
    CHECK(find(ms, "Amir-Abdollahian")->actor == "Hossein Amir-Abdollahian");
    REQUIRE(find(ms, "Von der Leyen"));
    CHECK(find(ms, "Von der Leyen")->actor == "Ursula von der Leyen");
    REQUIRE(find(ms, "Burhan"));
    CHECK(find(ms, "Burhan")->actor == "Abdel Fattah al-Burhan");
  }

  TEST_CASE("a role description resolves to the holder named in the document") {
    const auto ms = mentions_of("BAKU, March 12 (dyad) \xE2\x80\x94 Foreign Minister Jeyhun Bayramov spoke. "
                                "The top Azerbaijani diplomat said the crossing would open.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "top Azerbaijani diplomat"));
    CHECK(find(ms, "top Azerbaijani diplomat")->actor == "Jeyhun Bayramov");
    CHECK(find(ms, "Jeyhun Bayramov")->code == "AZEGOV");
  }

  TEST_CASE("a counterpart in apposition is the named person, with the counterpart's country") {
    const auto ms = mentions_of("BAKU (dyad) \xE2\x80\x94 Foreign Minister Jeyhun Bayramov hosted his Iranian "
                                "counterpart, Abbas Araghchi, on Monday. Araghchi said he was pleased.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Iranian counterpart"));
    CHECK(find(ms, "Iranian counterpart")->actor == "Abbas Araghchi");
    CHECK(find(ms, "Abbas Araghchi")->code == "IRNGOV");
    REQUIRE(find(ms, "he"));
    CHECK(find(ms, "he")->actor == "Abbas Araghchi");
    CHECK(find(ms, "his")->actor == "Jeyhun Bayramov");
  }

  TEST_CASE("capitals, the Kremlin and officials of a country are its one government actor") {
    const auto ms = mentions_of("Moscow said on Monday that the Kremlin would respond. Russian officials declined "
                                "to comment.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Moscow"));
    REQUIRE(find(ms, "Kremlin"));
    REQUIRE(find(ms, "Russian officials"));
    CHECK(find(ms, "Kremlin")->actor == find(ms, "Moscow")->actor);
    CHECK(find(ms, "Russian officials")->actor == find(ms, "Moscow")->actor);
    CHECK(find(ms, "Moscow")->code == "RUSGOV");
  }

  TEST_CASE("demonym and body, then the bare body noun, are one actor") {
    const auto ms = mentions_of("The Greek foreign ministry summoned the envoy. The ministry said it was concerned.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "ministry"));
    CHECK(find(ms, "ministry")->actor == find(ms, "Greek foreign ministry")->actor);
    REQUIRE(find(ms, "it"));
    CHECK(find(ms, "it")->actor == find(ms, "Greek foreign ministry")->actor);
  }

  TEST_CASE("pronouns resolve to the most salient compatible actor by gender and number") {
    const auto ms = mentions_of("Ms. Sviatlana Tsikhanouskaya met Mr. Dmitry Peskov. She said he was wrong. "
                                "The army said its aircraft struck the depot.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "She"));
    CHECK(find(ms, "She")->actor == "Sviatlana Tsikhanouskaya");
    REQUIRE(find(ms, "he"));
    CHECK(find(ms, "he")->actor == "Dmitry Peskov");
    REQUIRE(find(ms, "its"));
    CHECK(find(ms, "its")->actor == find(ms, "army")->actor);
  }

  TEST_CASE("plural groups are plural mentions with their members") {
    const auto ms = mentions_of("Azerbaijan and Iran agreed on Thursday, after their foreign ministers met. "
                                "Both sides called the talks warm, and the two countries will meet again.");
    CAPTURE(listing(ms));
    for (const char* plural : {"their", "Both sides", "two countries"}) {
      CAPTURE(plural);
      REQUIRE(find(ms, plural));
      CHECK(find(ms, plural)->members == std::vector<std::string>{"Azerbaijan", "Iran"});
    }
  }

  TEST_CASE("a speaker's we is the side the speaker speaks for") {
    const auto ms = mentions_of("\xE2\x80\x9CWe have agreed on concrete steps,\xE2\x80\x9D Turkish Foreign Minister "
                                "Hakan Fidan said.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "We"));
    CHECK(find(ms, "We")->code == "TURGOV");
    CHECK(find(ms, "We")->type == ActorType::government);
  }

  TEST_CASE("codes: states by ISO3, bodies by country and sector, organisations by lexicon code") {
    const auto ms = mentions_of("Iranian police and Turkish troops watched as the European Union and Greece met "
                                "Amnesty International.");
    CAPTURE(listing(ms));
    CHECK(find(ms, "Iranian police")->code == "IRNCOP");
    CHECK(find(ms, "Turkish troops")->code == "TURMIL");
    CHECK(find(ms, "European Union")->code.rfind("IGOEUR", 0) == 0);
    CHECK(find(ms, "Greece")->code == "GRC");
    CHECK(find(ms, "Amnesty International")->code.rfind("NGO", 0) == 0);
  }
}
