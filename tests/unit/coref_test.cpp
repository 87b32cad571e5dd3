#include <doctest/doctest.h>

#include <algorithm>

#include "extract_support.hpp"

using namespace dyad;
using dyad::test::find;
using dyad::test::listing;
using dyad::test::mentions_of;
using dyad::test::seen;

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

  TEST_CASE("a surname the model types as a place is the person named before") {
    const auto ms = mentions_of("Foreign Minister Abbas Araghchi arrived in Baku. Araghchi did not meet Aliyev.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Araghchi").actor == "Abbas Araghchi");
  }

  TEST_CASE("he refers to a one-word name of unknown kind when nothing else fits") {
    const auto ms = mentions_of("Wicaksono won the vote. His main rival refused to meet him.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "His").actor == "Wicaksono");
    CHECK(seen(ms, "him").actor == "Wicaksono");
  }

  TEST_CASE("a role in apposition after a name gives the person a country") {
    const auto ms = mentions_of("Dmitry Peskov, the Kremlin's spokesman, denied the report.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Dmitry Peskov").code == "RUSGOV");
  }

  TEST_CASE("officials of international bodies take the body's code, not a country's") {
    const auto ms = mentions_of("ATHENS (dyad) \xE2\x80\x94 NATO has watched the dispute. Secretary-General Mark "
                                "Rutte praised Ankara. The European Commission proposed a plan. Commission President Ursula "
                                "von der Leyen was silent. "
                                "Pakistan's deputy high commissioner, Tariq Mehmood Awan, was summoned.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Mark Rutte").code == "IGONAT");
    CHECK(seen(ms, "Ursula von der Leyen").code == "IGOEUR");
    CHECK(seen(ms, "Tariq Mehmood Awan").code == "PAKGOV");
  }

  TEST_CASE("a group held in a country is of that country; residents and protesters are two groups") {
    const auto ms = mentions_of("BRUSSELS (dyad) \xE2\x80\x94 The EU urged the release of political prisoners held in "
                                "Belarus. Residents said the protesters had left.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "political prisoners").code == "BLROPP");
    REQUIRE(find(ms, "Residents"));
    REQUIRE(find(ms, "protesters"));
    CHECK(find(ms, "Residents")->actor != find(ms, "protesters")->actor);
  }

  TEST_CASE("a later title gives a surname met first its country; a country's possessive before a name too") {
    const auto ms = mentions_of("NAIROBI (dyad) \xE2\x80\x94 Protesters chanted \"Ruto must go.\" The opposition "
                                "urged President William Ruto to withdraw the bill. The bloc invited Rwanda's Paul Kagame.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "William Ruto").code == "KENGOV");
    REQUIRE(find(ms, "Paul Kagame"));
    const Document* doc = nullptr;
    mentions_of("The bloc invited Rwanda's Paul Kagame.", &doc);
    bool rwandan = false;
    for (const auto& a : doc->actors) rwandan |= a.name == "Paul Kagame" && a.country == "RWA";
    CHECK(rwandan);
  }
  TEST_CASE("both sides, the two countries, both governments: the article's salient pair, not the nearest one") {
    const auto ms = mentions_of(
        "Hamas and Israel agreed to a truce on Sunday. Israel said Hamas had broken it. Qatar and Egypt have "
        "mediated between the two sides for a year. Egyptian officials said they would host both sides.");
    CAPTURE(listing(ms));
    for (const char* plural : {"two sides", "both sides"}) {
      CAPTURE(plural);
      REQUIRE(find(ms, plural));
      CHECK(find(ms, plural)->members == std::vector<std::string>{"Hamas", "Israel"});
    }
    const auto gs = mentions_of(
        "India and Pakistan exchanged fire across the border. India accused Pakistan of shelling villages. China "
        "urged restraint. The State Department said it was in close contact with both governments.");
    CAPTURE(listing(gs));
    REQUIRE(find(gs, "both governments"));
    auto gov = find(gs, "both governments")->members;
    std::sort(gov.begin(), gov.end());  // the members' order is not the point
    CHECK(gov == std::vector<std::string>{"Indian government", "Pakistani government"});
    // Two national sides are the two states, whichever of state or government was named.
    const auto ss = mentions_of(
        "The Turkish government protested to Greece. Greece and Turkey have argued over the islands for decades. "
        "Both sides agreed to talk.");
    CAPTURE(listing(ss));
    REQUIRE(find(ss, "Both sides"));
    auto sides = find(ss, "Both sides")->members;
    std::sort(sides.begin(), sides.end());
    CHECK(sides == std::vector<std::string>{"Greece", "Turkey"});
  }

  TEST_CASE("the two delegations are a government and an armed group; a known acronym names the group") {
    const auto ms = mentions_of(
        "Colombia's government and the National Liberation Army (ELN) resumed talks in Mexico. The ELN had "
        "kidnapped five soldiers. Mexico hosted the two delegations. The army said it would suspend operations.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "National Liberation Army").actor == seen(ms, "ELN").actor);
    CHECK(seen(ms, "National Liberation Army").code == "COLREB");
    CHECK(seen(ms, "army").actor != seen(ms, "ELN").actor);
    REQUIRE(find(ms, "two delegations"));
    CHECK(find(ms, "two delegations")->members == std::vector<std::string>{"Colombian government", "ELN"});
  }
  TEST_CASE("both candidates are the two people the article pairs, not the sentence's subject") {
    const auto ms = mentions_of(
        "Maria Okafor accused Daniel Mensah of fraud. Mensah denied that Okafor had won. President John Kufuor "
        "congratulated Mensah and urged both candidates to accept the result.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "both candidates"));
    auto people = find(ms, "both candidates")->members;
    std::sort(people.begin(), people.end());
    CHECK(people == std::vector<std::string>{"Daniel Mensah", "Maria Okafor"});
  }
  TEST_CASE("a bare body word is the body named before with that head word, not one of the context's country") {
    const auto ms = mentions_of(
        "The State Department said the envoy would visit. He will then travel to Egypt and Qatar. The department "
        "said he would urge Israel to act.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "department").actor == "State Department");
  }
}
