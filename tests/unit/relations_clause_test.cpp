// Relation extraction: clause attachment cases (docs/patterns.md, "How source and target are
// found"), one golden case per construction, on documents with hand-marked mentions
// (relations_test_support.hpp): each case lists the relations it must have and must not have.
#include <doctest/doctest.h>

#include <dyad/relations.hpp>

#include "relations_test_support.hpp"

using namespace dyad;

namespace {

struct Case {
  const char* construction;
  const char* markup;
  std::vector<const char*> want;     // "source|TYPE|target" by actor names
  std::vector<const char*> unwanted;
};

// clang-format off
const std::vector<Case> kCases = {
    {"an apposition may hold a hyphenated word and a relative clause",
     "[Mbengue], a 51-year-old former tax inspector who led the [Alliance for a New Senegal], thanked [Faye] for his dignity.",
     {"Mbengue|SUPPORT|Faye"}, {"Alliance for a New Senegal|SUPPORT|Faye"}},
    {"a name in apposition to a possessed description is the subject",
     "[Wicaksono] won, but [his|Wicaksono] main rival, [Ratna Hapsari], rejected the [KPU@ORGANIZATION]'s count.",
     {"Ratna Hapsari|REJECT|KPU"}, {"Wicaksono|REJECT|KPU"}},
    {"an apposition may hold a parenthesis",
     "The [campaign|Wicaksono campaign], run by the [Great Indonesia Movement Party] ([Gerindra|Great Indonesia Movement "
     "Party]), denied [Hapsari]'s allegations.",
     {"Wicaksono campaign|ACCUSE|Hapsari"}, {"Great Indonesia Movement Party|ACCUSE|Hapsari"}},
    {"the people of X stand for X, even after a mention modifying their word",
     "The [military|Pakistani army] operations chiefs of the [two armies|Indian army+Pakistani army] spoke by hotline on "
     "Thursday.",
     {"Indian army|CONSULT|Pakistani army"}, {}},
    {"an object: talks with leaders of X",
     "[France] held talks with leaders of [Romania] on Tuesday.", {"France|CONSULT|Romania"}, {}},
    {"a possessor's phrase ends before a that-clause",
     "[She|Qureshi@PERSON] rejected [New Delhi|Indian government@GOVERNMENT:IND]'s claim that [Pakistani "
     "troops@GOVERNMENT:PAK] had fired first.",
     {"Qureshi|REJECT|Indian government"}, {"Qureshi|REJECT|Pakistani troops"}},
    {"a body's people after it: the body is the participant",
     "The [syndicate|Drivers Syndicate@ORGANIZATION] is due to meet [roads ministry|Roads ministry@GOVERNMENT:IRN] "
     "[officials|Iranian government@GOVERNMENT:IRN] on Saturday.",
     {"Drivers Syndicate|CONSULT|Roads ministry"}, {"Drivers Syndicate|CONSULT|Iranian government"}},
    {"a body's people as subject",
     "[Hamas] [leaders|Hamas] met [Egyptian officials|Egyptian government@GOVERNMENT:EGY].",
     {"Hamas|CONSULT|Egyptian government"}, {}},
    {"its leader is a person, not the body",
     "[Police] arrested [its|Syndicate@ORGANIZATION] [leader|Karimi@PERSON] on Monday.", {"Police|COERCE|Karimi"}, {}},
    {"an event noun with its own pair inside another event is coded too",
     "[The EU] welcomed the agreement between [Berlin] and [Paris].",
     {"The EU|SUPPORT|Berlin", "The EU|SUPPORT|Paris", "Berlin|AGREE|Paris"}, {}},
    {"the same type inside: one event",
     "[Qatar] mediated talks between [Israel] and [Hamas].", {"Qatar|CONSULT|Israel"}, {"Israel|CONSULT|Hamas"}},
    {"a target sought in the clause stops at a coordinated verb",
     "[Wafula] called for a nationwide strike on Thursday and urged [Ruto] to withdraw the bill.",
     {"Wafula|REQUEST|Ruto"}, {"Wafula|PROTEST|Ruto"}},
    {"a target sought in the clause is not the own state of a government speaker",
     "[Fidan@PERSON:TUR:GOV] warned that [Turkey@STATE:TUR] would respond if [Greece] extended its waters.",
     {"Fidan|THREATEN|Greece"}, {"Fidan|THREATEN|Turkey"}},
    {"an activist protesting against the forces of the own state",
     "[Sidhoum@PERSON:DZA] staged a hunger strike in protest against abuses by [Algerian security forces|Algerian "
     "forces@GOVERNMENT:DZA].",
     {"Sidhoum|PROTEST|Algerian forces"}, {}},
    {"context targets come from the events of the same clause",
     "[Russian forces|Russian military@GOVERNMENT:RUS] killed four [civilians|Ukrainian civilians@GROUP:UKR], the governor "
     "said, hours after [Russia] and [Ukraine] swapped prisoners in a deal brokered by the [UAE].",
     {"UAE|CONSULT|Russia", "UAE|CONSULT|Ukraine"}, {"UAE|CONSULT|Russian military"}},
    {"a time expression between pattern words",
     "The [Treasury@GOVERNMENT:USA] imposed sanctions on Wednesday on eight [officials|Venezuelan officials@GROUP:VEN].",
     {"Treasury|SANCTION|Venezuelan officials"}, {}},
    {"a weekday between a verb and its particle",
     "[Syria] called Thursday on [Arabs@GROUP] to unite.", {"Syria|REQUEST|Arabs"}, {}},
    {"a verb coordinated after a reported clause shares the reporter's subject",
     "[Kabasele@PERSON:COD] said [troops|Congolese army@GOVERNMENT:COD] had made a tactical withdrawal and accused the "
     "[M23@GROUP:COD] of executing civilians.",
     {"Kabasele|ACCUSE|M23"}, {"Congolese army|ACCUSE|M23"}},
    {"an event verb in the reported clause is still the one coordinated with",
     "[Kyiv|Ukrainian government@GOVERNMENT:UKR] said [Russia] attacked [Kharkiv@LOCATION] and shelled [Ukrainian "
     "troops|Ukrainian army@GOVERNMENT:UKR].",
     {"Russia|ASSAULT|Ukrainian army"}, {}},
    {"the objects of a verb control a gerund controller after a preposition",
     "[Tusk] criticised [Merz] and [Macron] for failing to consult [Poland] before the signing.",
     {"Tusk|ACCUSE|Merz", "Tusk|ACCUSE|Macron", "Merz|CONSULT|Poland", "Macron|CONSULT|Poland"},
     {"Tusk|CONSULT|Poland"}},
    {"a purpose infinitive shares the subject of the verb before it",
     "[Egyptian police|Egyptian police@GOVERNMENT:EGY] opened fire to disperse [demonstrators|Egyptian "
     "protesters@GROUP:EGY] on Monday night.",
     {"Egyptian police|COERCE|Egyptian protesters", "Egyptian police|ASSAULT|Egyptian protesters"}, {}},
    {"a purpose infinitive after a prepositional phrase is no object control",
     "[Landowners@GROUP:DZA] began a hunger strike outside [Parliament|Algerian parliament@GOVERNMENT:DZA] to demand the "
     "return of property seized by [Algerian forces@GOVERNMENT:DZA].",
     {}, {"Algerian parliament|REQUEST|Algerian forces"}},
    {"object control after a pattern's prepositional target",
     "[Iran] called on [Iraq] to free [the journalists|journalists@GROUP].",
     {"Iran|REQUEST|Iraq"}, {"Iran|RETREAT|journalists"}},
    {"a plural after a preposition is a noun, not a verb",
     "[Dos Santos@PERSON:AGO] conceded at last to demands from [UNITA@GROUP:AGO] to overhaul the judiciary.",
     {"Dos Santos|CONCEDE|UNITA"}, {"Dos Santos|REQUEST|UNITA"}},
    {"a refusal whose inner event has no target seeks one in the clause",
     "The [Turkish government@GOVERNMENT:TUR] has refused to commit to any direct assistance to the [US]-led war.",
     {"Turkish government|REJECT|US"}, {}},
    {"a participle after the object noun shares the verb's subject",
     "The [PKK] issued a declaration demanding that the [Turkish government@GOVERNMENT:TUR] free its leader.",
     {"PKK|REQUEST|Turkish government"}, {}},
    {"a statement condemning X",
     "[Albania] issued a statement condemning [Serbia] on Friday.", {"Albania|ACCUSE|Serbia"}, {}},
    {"a participle before a mention describes it",
     "[Amnesty@ORGANIZATION] condemned the [police@GOVERNMENT:IRN]'s mistreatment of detained [drivers@GROUP:IRN] and urged "
     "[Iranian authorities|Iranian government@GOVERNMENT:IRN] to free them.",
     {"police|COERCE|drivers", "Amnesty|REQUEST|Iranian government"}, {"police|REQUEST|Iranian government"}},
    {"the head of a description with 'of' is the noun before it",
     "[Russia] and [Ukraine] swapped [prisoners of war|Ukrainian prisoners@GROUP:UKR] on Tuesday.",
     {"Russia|RETREAT|Ukraine", "Ukraine|RETREAT|Russia"}, {}},
    {"a quantity before 'of' is no head",
     "[Poland] has deployed [thousands of additional troops|Polish army@GOVERNMENT:POL] along [its|Poland] border with "
     "[Belarus].",
     {"Poland|MOBILIZE|Belarus"}, {}},
    {"an apposition after the target does not break the pattern",
     "[Jakarta|Indonesian government@GOVERNMENT:IDN] forced the [UN refugee agency|UNHCR@ORGANIZATION], "
     "[UNHCR@ORGANIZATION], out of the country.",
     {"Indonesian government|SANCTION|UNHCR"}, {}},
    {"an envoy's name in apposition",
     "[The Philippines] summoned [China]'s ambassador, [Liu Jianhua@PERSON:CHN], to protest.",
     {"The Philippines|ACCUSE|China"}, {}},
    {"mutual diplomatic measures: each other's envoys",
     "[India] and [Pakistan] summoned each other's envoys on Thursday.",
     {"India|ACCUSE|Pakistan", "Pakistan|ACCUSE|India"}, {}},
    {"rejecting a call by someone is rejecting them, and they made a request",
     "[Berlin] rejected recent calls by [Minsk] for immediate economic aid.",
     {"Berlin|REJECT|Minsk", "Minsk|REQUEST|Berlin"}, {}},
    {"agreeing to a request by someone",
     "[Greece] has not agreed to a request by [Ankara] to widen the agenda.",
     {"Greece|AGREE|Ankara", "Ankara|REQUEST|Greece"}, {}},
    {"a modifier between 'of' and a place: the head before 'of' is the subject",
     "The [Albanians@GROUP:ALB] of southern [Serbia] are demanding autonomy from [Serbian authorities@GOVERNMENT:SRB].",
     {"Albanians|REQUEST|Serbian authorities"}, {"Serbia|REQUEST|Serbian authorities"}},
    {"a report word modifying a noun may stand in a gap",
     "[Serbia] launched an investigation into alleged crimes committed by [Croat forces@GOVERNMENT:HRV].",
     {"Serbia|ACCUSE|Croat forces"}, {}},
    {"a coordinated mention followed by a verb starts a new clause",
     "[Manila] recalled its ambassador from [China], and [officials|Chinese officials@GOVERNMENT:CHN] said talks "
     "remained open.",
     {"Manila|SANCTION|China"}, {"Manila|SANCTION|Chinese officials"}},
};
// clang-format on

// "source|TYPE|target" -> its three parts
std::vector<std::string> parts(const char* spec) {
  std::vector<std::string> out;
  std::string s(spec);
  for (std::size_t from = 0;;) {
    const auto bar = s.find('|', from);
    out.push_back(s.substr(from, bar == std::string::npos ? std::string::npos : bar - from));
    if (bar == std::string::npos) break;
    from = bar + 1;
  }
  return out;
}

}  // namespace

TEST_SUITE("relations.clauses") {
  TEST_CASE("each clause construction codes what it should and nothing it should not") {
    for (const Case& c : kCases) {
      const std::string construction = c.construction, markup = c.markup;
      CAPTURE(construction);
      CAPTURE(markup);
      const test::MarkedDocument md = test::extracted(c.markup);
      REQUIRE(md.error.empty());
      for (const char* w : c.want) {
        const auto p = parts(w);
        REQUIRE(p.size() == 3);
        const bool found = test::find(md, p[0], p[1], p[2]) != nullptr;
        if (!found) MESSAGE("missing " << w << "\n" << test::describe(md));
        CHECK(found);
      }
      for (const char* u : c.unwanted) {
        const auto p = parts(u);
        REQUIRE(p.size() == 3);
        const bool found = test::find(md, p[0], p[1], p[2]) != nullptr;
        if (found) MESSAGE("unwanted " << u << "\n" << test::describe(md));
        CHECK_FALSE(found);
      }
    }
  }
}
