#include <doctest/doctest.h>

#include "extract_support.hpp"

using namespace dyad;
using dyad::test::find;
using dyad::test::listing;
using dyad::test::mentions_of;
using dyad::test::seen;

TEST_SUITE("mentions") {
  TEST_CASE("a country name is a NAME mention of the state, also inside a possessive with either apostrophe") {
    for (const char* apostrophe : {"'", "\xE2\x80\x99"}) {
      const auto ms = mentions_of(std::string("Iran") + apostrophe + "s foreign minister flew to Baku.");
      CAPTURE(listing(ms));
      const auto* iran = find(ms, "Iran");
      REQUIRE(iran);
      CHECK(iran->kind == MentionKind::name);
      CHECK(iran->type == ActorType::state);
      CHECK(iran->code == "IRN");
      CHECK(iran->rule == "lexicon:countries:IRN");
      const auto* fm = find(ms, "foreign minister");
      REQUIRE(fm);
      CHECK(fm->kind == MentionKind::nominal);
      CHECK(fm->code == "IRNGOV");
    }
  }

  TEST_CASE("a title before a capitalised name makes a person mention without the title") {
    const auto ms = mentions_of("Foreign Minister Jeyhun Bayramov met President Ilham Aliyev on Monday.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Jeyhun Bayramov"));
    CHECK(find(ms, "Jeyhun Bayramov")->type == ActorType::person);
    CHECK(find(ms, "Jeyhun Bayramov")->rule == "rule:title+name");
    REQUIRE(find(ms, "Ilham Aliyev"));
    CHECK_FALSE(find(ms, "Foreign Minister Jeyhun Bayramov"));
    CHECK_FALSE(find(ms, "Foreign Minister"));
  }

  TEST_CASE("a demonym before the title gives the person a country and a code") {
    const auto ms = mentions_of("Turkish Foreign Minister Hakan Fidan and Iranian President Masoud Pezeshkian spoke.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Hakan Fidan"));
    CHECK(find(ms, "Hakan Fidan")->code == "TURGOV");
    REQUIRE(find(ms, "Masoud Pezeshkian"));
    CHECK(find(ms, "Masoud Pezeshkian")->code == "IRNGOV");
    CHECK_FALSE(find(ms, "Turkish"));
  }

  TEST_CASE("military titles give MIL and honorifics stay outside names") {
    const auto ms = mentions_of("Lt. Gen. Khalid al-Amin spoke to Mr. Bayramov and Ms. Tsikhanouskaya.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Khalid al-Amin"));
    CHECK(find(ms, "Bayramov"));
    CHECK(find(ms, "Tsikhanouskaya"));
    CHECK_FALSE(find(ms, "Mr. Bayramov"));
  }

  TEST_CASE("a capital standing for its government is the government, a capital as a place is a location") {
    const auto ms = mentions_of("Moscow said the talks in Baku had failed.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Moscow"));
    CHECK(find(ms, "Moscow")->type == ActorType::government);
    CHECK(find(ms, "Moscow")->code == "RUSGOV");
    REQUIRE(find(ms, "Baku"));
    CHECK(find(ms, "Baku")->type == ActorType::location);
  }

  TEST_CASE("both capitals of a hyphenated pair stand for their governments") {
    const auto ms = mentions_of("It was a thaw in Tehran-Baku ties and in the Ankara\xE2\x80\x93" "Athens talks.");
    CAPTURE(listing(ms));
    for (const char* cap : {"Tehran", "Baku", "Ankara", "Athens"}) {
      REQUIRE(find(ms, cap));
      CHECK(find(ms, cap)->type == ActorType::government);
    }
    CHECK(find(ms, "Baku")->code == "AZEGOV");
  }

  TEST_CASE("demonym and body is one nominal mention of that body, whatever its capitals") {
    const auto ms = mentions_of("The Greek foreign ministry and the Greek Foreign Ministry spoke as Azerbaijani forces moved.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Greek foreign ministry"));
    CHECK(find(ms, "Greek foreign ministry")->kind == MentionKind::nominal);
    CHECK(find(ms, "Greek foreign ministry")->code == "GRCGOV");
    REQUIRE(find(ms, "Greek Foreign Ministry"));
    CHECK(find(ms, "Greek Foreign Ministry")->kind == MentionKind::nominal);
    REQUIRE(find(ms, "Azerbaijani forces"));
    CHECK(find(ms, "Azerbaijani forces")->code == "AZEMIL");
  }

  TEST_CASE("nominal spans leave determiners and possessive pronouns out") {
    const auto ms = mentions_of(
        "BAKU, March 12 (dyad) \xE2\x80\x94 Foreign Minister Jeyhun Bayramov hosted his Iranian counterpart, Abbas "
        "Araghchi. The top Azerbaijani diplomat said Azerbaijan and Iran, the two countries, agreed.");
    CAPTURE(listing(ms));
    CHECK(find(ms, "his"));
    CHECK(find(ms, "his")->kind == MentionKind::pronoun);
    CHECK(find(ms, "Iranian counterpart"));
    CHECK(find(ms, "top Azerbaijani diplomat"));
    CHECK(find(ms, "two countries"));
    CHECK_FALSE(find(ms, "the two countries"));
  }

  TEST_CASE("the dateline and the agency credit are not mentions") {
    const auto ms = mentions_of("BAKU, March 12 (Reuters) \xE2\x80\x94 Azerbaijan said.");
    CAPTURE(listing(ms));
    CHECK_FALSE(find(ms, "BAKU"));
    CHECK_FALSE(find(ms, "Reuters"));
    CHECK(find(ms, "Azerbaijan"));
  }

  TEST_CASE("a news agency only cited as the source is not a mention") {
    const auto ms = mentions_of("Police detained 14 protesters, the semi-official Tasnim news agency reported, "
                                "according to IRNA.");
    CAPTURE(listing(ms));
    CHECK_FALSE(find(ms, "Tasnim"));
    CHECK_FALSE(find(ms, "IRNA"));
    CHECK(find(ms, "14 protesters"));
  }

  TEST_CASE("organisations by lexicon, with the article outside, and acronyms in parentheses as a second mention") {
    const auto ms = mentions_of("The paramilitary Rapid Support Forces (RSF) defied the United Nations and NATO.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Rapid Support Forces"));
    REQUIRE(find(ms, "RSF"));
    CHECK(find(ms, "RSF")->actor == find(ms, "Rapid Support Forces")->actor);
    REQUIRE(find(ms, "United Nations"));
    CHECK(find(ms, "United Nations")->code == "IGOUNO");
    CHECK(find(ms, "NATO"));
  }

  TEST_CASE("unknown organisations and bodies are found by their head words") {
    const auto ms = mentions_of("The Ministry of Roads and Urban Development and the Iranian Truck Drivers\xE2\x80\x99 "
                                "Syndicate met the Congo Research Group.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Ministry of Roads and Urban Development"));
    CHECK(find(ms, "Ministry of Roads and Urban Development")->type == ActorType::government);
    REQUIRE(find(ms, "Iranian Truck Drivers\xE2\x80\x99 Syndicate"));
    CHECK(find(ms, "Iranian Truck Drivers\xE2\x80\x99 Syndicate")->type == ActorType::organization);
    CHECK(find(ms, "Congo Research Group"));
  }

  TEST_CASE("unknown people are found from given names, apposition and context") {
    const auto ms = mentions_of("\xE2\x80\x9CThey needed a result,\xE2\x80\x9D said Elnur Hasanli, a researcher at a "
                                "private institute. Ratna Hapsari rejected the count.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Elnur Hasanli"));
    CHECK(find(ms, "Elnur Hasanli")->type == ActorType::person);
    REQUIRE(find(ms, "researcher"));
    CHECK(find(ms, "researcher")->actor == "Elnur Hasanli");
    REQUIRE(find(ms, "Ratna Hapsari"));
    CHECK(find(ms, "Ratna Hapsari")->type == ActorType::person);
  }

  TEST_CASE("capitalised common words at the start of a sentence are not names") {
    const auto ms = mentions_of("Analysts said the deal was modest. Trade between them grew. Turkey agreed.");
    CAPTURE(listing(ms));
    CHECK_FALSE(find(ms, "Analysts"));
    CHECK_FALSE(find(ms, "Trade"));
    CHECK(find(ms, "Turkey"));
  }

  TEST_CASE("abbreviated countries and organisations keep their periods") {
    const auto ms = mentions_of("The U.S. and the U.N. backed the deal, the U.K. said.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "U.S."));
    CHECK(find(ms, "U.S.")->code == "USA");
    REQUIRE(find(ms, "U.N."));
    CHECK(find(ms, "U.N.")->code == "IGOUNO");
    REQUIRE(find(ms, "U.K."));
    CHECK(find(ms, "U.K.")->code == "GBR");
  }

  TEST_CASE("a headline in capitals gives lexicon names only") {
    const auto ms = mentions_of("IRAN AND AZERBAIJAN AGREE TO REOPEN BORDER\n\nIran agreed.");
    CAPTURE(listing(ms));
    CHECK(find(ms, "IRAN"));
    CHECK(find(ms, "AZERBAIJAN"));
    CHECK_FALSE(find(ms, "BORDER"));
    CHECK_FALSE(find(ms, "AGREE"));
  }

  TEST_CASE("offsets stay exact after emoji and across CRLF line ends") {
    const std::string text = "\xF0\x9F\x87\xA6\xF0\x9F\x87\xBF Azerbaijan said.\r\n\r\n\xF0\x9F\x98\x80 Iran\xE2\x80\x99s envoy left.";
    const Document* doc = nullptr;
    const auto ms = mentions_of(text, &doc);
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Azerbaijan"));
    REQUIRE(find(ms, "Iran"));
    const Mention* az = nullptr;
    for (const auto& m : doc->mentions)
      if (m.span.start == 3) az = &m;
    REQUIRE(az);
    CHECK(az->span.end == 13);
    CHECK(validate(*doc).empty());
  }

  TEST_CASE("pronouns that refer to nobody are not mentions, expletive it is none") {
    const auto ms = mentions_of("It was raining. It is expected that talks resume.");
    CAPTURE(listing(ms));
    CHECK(ms.empty());
  }

  TEST_CASE("an acronym in parentheses after an organisation's name is that organisation, not a person") {
    const auto ms = mentions_of("The Law Society of Kenya (LSK) criticised the bill. LSK said it would sue.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "LSK", 0));
    REQUIRE(find(ms, "LSK", 1));
    CHECK(find(ms, "LSK", 0)->actor == "Law Society of Kenya");
    CHECK(find(ms, "LSK", 0)->type == ActorType::organization);
    CHECK(find(ms, "LSK", 1)->actor == "Law Society of Kenya");
  }

  TEST_CASE("companies and platforms of the lexicon are organisations; a platform only posted on is none") {
    const auto ms = mentions_of("Samsung and Uber said they would comply, while Twitter declined to comment. "
                                "The minister wrote on Telegram that the deal was done.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Samsung").code == "KORBUS");
    CHECK(seen(ms, "Uber").type == ActorType::organization);
    CHECK(seen(ms, "Twitter").type == ActorType::organization);
    CHECK_FALSE(find(ms, "Telegram"));
  }

  TEST_CASE("a lexicon organisation with a particle inside is one name") {
    const auto ms = mentions_of("The U.S. licence covers joint ventures with state oil company Petróleos de Venezuela.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Petróleos de Venezuela").code == "VENBUS");
  }

  TEST_CASE("unknown names coordinated with places are places; names that act are no places") {
    const auto ms = mentions_of("Police detained protesters in Nairobi, Mombasa and Kisumu on Tuesday. "
                                "Turkey plans to send a vessel south of Crete. "
                                "\"They cannot handle the codes,\" Obama mocked.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Kisumu").type == ActorType::location);
    CHECK(seen(ms, "Crete").type == ActorType::location);
    REQUIRE(find(ms, "Obama"));
    CHECK(seen(ms, "Obama").type != ActorType::location);
  }

  TEST_CASE("capitals named as cities are places, capitals that act are governments") {
    const auto ms = mentions_of("Smog is common in cities like Beijing. Bangkok's tallest building opened. "
                                "He moved to the capital Belgrade. Beijing said it would respond.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Beijing", 0).type == ActorType::location);
    CHECK(seen(ms, "Bangkok").type == ActorType::location);
    CHECK(seen(ms, "Belgrade").type == ActorType::location);
    CHECK(seen(ms, "Beijing", 1).type == ActorType::government);
  }

  TEST_CASE("nominal spans: approximate numbers and leading participles stay outside, quantities inside") {
    const auto ms = mentions_of("NAIROBI (dyad) \xE2\x80\x94 The RSF shelled the city, killing at least 23 civilians. "
                                "Police fired tear gas at thousands of protesters. The freed prisoners reached "
                                "Ramallah. The rebels accused the army of executing eight civilians.");
    CAPTURE(listing(ms));
    CHECK(find(ms, "civilians"));
    CHECK_FALSE(find(ms, "23 civilians"));
    CHECK(find(ms, "thousands of protesters"));
    CHECK(find(ms, "prisoners"));
    CHECK_FALSE(find(ms, "freed prisoners"));
    CHECK(find(ms, "eight civilians"));
    CHECK_FALSE(find(ms, "executing eight civilians"));
  }

  TEST_CASE("a body before its members is the mention; an adjective before a thing is none") {
    const auto ms = mentions_of("BOGOTA (dyad) \xE2\x80\x94 Clashes between army troops and rebels continued. "
                                "The hostages were flown by military helicopter to Bogota. Government troops "
                                "withdrew. Neither side wants a war.");
    CAPTURE(listing(ms));
    CHECK(find(ms, "army"));
    CHECK_FALSE(find(ms, "troops"));
    CHECK_FALSE(find(ms, "military"));
    CHECK(find(ms, "Government troops"));
    CHECK(seen(ms, "Neither side").kind == MentionKind::nominal);
  }

  TEST_CASE("a plural demonym standing alone is a group of that country") {
    const auto ms = mentions_of("Palestinians protested outside the U.N. office. Residents said the protesters left.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Palestinians").type == ActorType::group);
    CHECK(seen(ms, "Palestinians").code == "PSECVL");
    CHECK(seen(ms, "Palestinians").kind == MentionKind::nominal);
  }

  TEST_CASE("'the commission' refers back to a commission named before, however far the next head noun") {
    const auto ms = mentions_of("The General Elections Commission (KPU) declared Wicaksono the winner. "
                                "Ratna Hapsari rejected the commission\xE2\x80\x99s count and said she would challenge it.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "commission").actor == "General Elections Commission");
  }

  TEST_CASE("one capitalised generic body word is a nominal, an official one-word name stays a name") {
    const auto ms = mentions_of("LONDON (dyad) \xE2\x80\x94 The Government said the Treasury would borrow more.");
    CAPTURE(listing(ms));
    CHECK(seen(ms, "Government").kind == MentionKind::nominal);
    CHECK(seen(ms, "Government").code == "GBRGOV");
    CHECK(seen(ms, "Treasury").kind == MentionKind::name);
  }

  TEST_CASE("two demonyms before one body noun are a plural mention of both bodies") {
    const auto ms = mentions_of("Indian and Pakistani troops exchanged fire overnight, and both countries "
                                "summoned each other's envoys.");
    CAPTURE(listing(ms));
    REQUIRE(find(ms, "Indian and Pakistani troops"));
    CHECK(find(ms, "Indian and Pakistani troops")->members.size() == 2);
    REQUIRE(find(ms, "both countries"));
    const auto& both = find(ms, "both countries")->members;
    REQUIRE(both.size() == 2);
    CHECK(both[0] == "India");
    CHECK(both[1] == "Pakistan");
  }
}
