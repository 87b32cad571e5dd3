#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <dyad/dyad.hpp>
#include <dyad/text.hpp>

#include "internal/gazetteer.hpp"
#include "internal/text_layer.hpp"

using namespace dyad;

namespace {

// The covered text of each code point span.
std::vector<std::string> texts(const std::string& text, const std::vector<Span>& spans) {
  const OffsetMap map(text);
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(text.substr(map.byte_of(s.start), map.byte_of(s.end) - map.byte_of(s.start)));
  return out;
}

std::vector<std::string> tokens(const std::string& text) {
  const auto seg = segment(text);
  std::vector<Span> spans;
  for (const auto& t : seg.tokens) spans.push_back(t.span);
  return texts(text, spans);
}

std::vector<std::string> sentences(const std::string& text) {
  const auto seg = segment(text);
  std::vector<Span> spans;
  for (const auto& s : seg.sentences) spans.push_back(s.span);
  return texts(text, spans);
}

using V = std::vector<std::string>;

}  // namespace

TEST_SUITE("tokenize") {
  TEST_CASE("words, punctuation and possessives with either apostrophe are separate tokens") {
    CHECK(tokens("Iran's foreign minister") == V{"Iran", "'s", "foreign", "minister"});
    CHECK(tokens("Iran\xE2\x80\x99s embassy") == V{"Iran", "\xE2\x80\x99s", "embassy"});
    CHECK(tokens("the two countries\xE2\x80\x99 council") == V{"the", "two", "countries", "\xE2\x80\x99", "council"});
    CHECK(tokens("Baku, Tehran.") == V{"Baku", ",", "Tehran", "."});
  }

  TEST_CASE("internal apostrophes stay inside names, clitics are split off") {
    CHECK(tokens("O'Brien and C\xC3\xB4te d\xE2\x80\x99Ivoire") == V{"O'Brien", "and", "C\xC3\xB4te", "d\xE2\x80\x99Ivoire"});
    CHECK(tokens("they didn't agree") == V{"they", "did", "n't", "agree"});
    CHECK(tokens("we're ready, we'll see") == V{"we", "'re", "ready", ",", "we", "'ll", "see"});
    CHECK(tokens("can't") == V{"ca", "n't"});
  }

  TEST_CASE("hyphenated pairs split so that each part can match") {
    CHECK(tokens("Tehran-Baku ties") == V{"Tehran", "-", "Baku", "ties"});
    CHECK(tokens("the Ankara\xE2\x80\x93" "Athens talks") == V{"the", "Ankara", "\xE2\x80\x93", "Athens", "talks"});
    CHECK(tokens("Amir-Abdollahian") == V{"Amir", "-", "Abdollahian"});
  }

  TEST_CASE("abbreviations, acronyms and initials keep their periods") {
    CHECK(tokens("the U.S. and U.N. envoys") == V{"the", "U.S.", "and", "U.N.", "envoys"});
    CHECK(tokens("Mr. Bayramov met Lt. Gen. Smith") == V{"Mr.", "Bayramov", "met", "Lt.", "Gen.", "Smith"});
    CHECK(tokens("on Jan. 5") == V{"on", "Jan.", "5"});
    CHECK(tokens("John F. Kennedy") == V{"John", "F.", "Kennedy"});
    CHECK(tokens("No. 10 Downing Street") == V{"No.", "10", "Downing", "Street"});
    CHECK(tokens("the answer was no.") == V{"the", "answer", "was", "no", "."});
    CHECK(tokens("U.S.-led talks") == V{"U.S.", "-", "led", "talks"});
  }

  TEST_CASE("decimals, thousands and times are one token") {
    CHECK(tokens("$1.5 billion") == V{"$", "1.5", "billion"});
    CHECK(tokens("1,000 troops at 10:30.") == V{"1,000", "troops", "at", "10:30", "."});
  }

  TEST_CASE("quotes straight and curly are tokens") {
    CHECK(tokens("\xE2\x80\x9CWe agree,\xE2\x80\x9D he said") == V{"\xE2\x80\x9C", "We", "agree", ",", "\xE2\x80\x9D", "he", "said"});
    CHECK(tokens("\"We agree,\" he said") == V{"\"", "We", "agree", ",", "\"", "he", "said"});
    CHECK(tokens("\xE2\x80\x98peace\xE2\x80\x99") == V{"\xE2\x80\x98", "peace", "\xE2\x80\x99"});
  }

  TEST_CASE("emoji are tokens and offsets count code points") {
    const std::string text = "\xF0\x9F\x87\xA6\xF0\x9F\x87\xBF Baku \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok";
    CHECK(tokens(text) == V{"\xF0\x9F\x87\xA6\xF0\x9F\x87\xBF", "Baku", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", "ok"});
    const auto seg = segment(text);
    REQUIRE(seg.tokens.size() == 4);
    CHECK(seg.tokens[1].span == Span{3, 7});
  }

  TEST_CASE("CRLF line ends are whitespace and offsets stay exact") {
    const std::string text = "Iran said.\r\n\r\nTurkey agreed.";
    CHECK(tokens(text) == V{"Iran", "said", ".", "Turkey", "agreed", "."});
    CHECK(sentences(text) == V{"Iran said.", "Turkey agreed."});
    CHECK(segment(text).tokens[3].span == Span{14, 20});
  }

  TEST_CASE("NBSP separates tokens") {
    CHECK(tokens("President\xC2\xA0" "Aliyev") == V{"President", "Aliyev"});
  }
}

TEST_SUITE("sentences") {
  TEST_CASE("a period before a capitalised word ends a sentence") {
    CHECK(sentences("Iran agreed. Turkey did not.") == V{"Iran agreed.", "Turkey did not."});
    CHECK(sentences("Is it over? No, he said!") == V{"Is it over?", "No, he said!"});
  }

  TEST_CASE("titles, initials and months do not end sentences") {
    CHECK(sentences("Mr. Bayramov met Gen. Smith on Jan. 5 in Baku.") == V{"Mr. Bayramov met Gen. Smith on Jan. 5 in Baku."});
    CHECK(sentences("John F. Kennedy spoke.") == V{"John F. Kennedy spoke."});
    CHECK(sentences("The U.S. envoy said so.") == V{"The U.S. envoy said so."});
  }

  TEST_CASE("an abbreviation ends a sentence before a typical opener") {
    CHECK(sentences("He flew to the U.S. The talks began.") == V{"He flew to the U.S.", "The talks began."});
  }

  TEST_CASE("closing quotes stay with the sentence they close") {
    CHECK(sentences("\xE2\x80\x9CWe agree.\xE2\x80\x9D Bayramov said so.") ==
          V{"\xE2\x80\x9CWe agree.\xE2\x80\x9D", "Bayramov said so."});
    CHECK(sentences("\xE2\x80\x9CWhy?\xE2\x80\x9D he asked.") == V{"\xE2\x80\x9CWhy?\xE2\x80\x9D he asked."});
  }

  TEST_CASE("decimals do not end sentences") {
    CHECK(sentences("Trade grew 1.5 percent. It fell.") == V{"Trade grew 1.5 percent.", "It fell."});
  }

  TEST_CASE("blank lines and headline lines end sentences") {
    CHECK(sentences("IRAN, AZERBAIJAN AGREE TO REOPEN BORDER\nBAKU, March 12 (dyad) \xE2\x80\x94 Azerbaijan and Iran agreed.") ==
          V{"IRAN, AZERBAIJAN AGREE TO REOPEN BORDER", "BAKU, March 12 (dyad) \xE2\x80\x94 Azerbaijan and Iran agreed."});
    CHECK(sentences("a line\nwrapped here.") == V{"a line\nwrapped here."});
  }

  TEST_CASE("an all-caps headline is flagged so capitalisation is not taken as evidence") {
    detail::TextLayer layer;
    detail::analyse_text("IRAN, AZERBAIJAN AGREE TO REOPEN BORDER\nIran agreed.",
                         Lexicons::builtin().gazetteer().abbreviations(), layer);
    REQUIRE(layer.sentences.size() == 2);
    CHECK((layer.sentences[0].flags & detail::kSentAllCaps) != 0);
    CHECK((layer.sentences[1].flags & detail::kSentAllCaps) == 0);
  }
}
