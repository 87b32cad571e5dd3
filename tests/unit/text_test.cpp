#include <doctest/doctest.h>

#include <dyad/text.hpp>

#include "internal/text_layer.hpp"

using namespace dyad;

TEST_SUITE("text") {
  TEST_CASE("folding lowers case and removes Latin diacritics") {
    CHECK(fold_for_matching("Erdo\xC4\x9F" "an") == "erdogan");
    CHECK(fold_for_matching("\xC3\x87" "avu\xC5\x9F" "o\xC4\x9F" "lu") == "cavusoglu");
    CHECK(fold_for_matching("\xC5\x81ukasz M\xC3\xBCller") == "lukasz muller");
    CHECK(fold_for_matching("\xC6\x8F" "liyev") == "aliyev");
    CHECK(fold_for_matching("Jos\xC3\xA9") == "jose");
    CHECK(fold_for_matching("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90") == "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
  }

  TEST_CASE("folding makes quotes, apostrophes, dashes and NBSP plain") {
    CHECK(fold_for_matching("Iran\xE2\x80\x99s") == "iran's");
    CHECK(fold_for_matching("\xE2\x80\x9Cpeace\xE2\x80\x9D") == "\"peace\"");
    CHECK(fold_for_matching("North\xE2\x80\x93South \xE2\x80\x94 x") == "north-south - x");
    CHECK(fold_for_matching("a\xC2\xA0" "b") == "a b");
  }

  TEST_CASE("case of Latin, Greek and Cyrillic letters") {
    using detail::is_lower;
    using detail::is_upper;
    CHECK(is_upper(U'A'));
    CHECK(is_upper(U'\u00C7'));  // Ç
    CHECK(is_lower(U'\u00E7'));  // ç
    CHECK(is_upper(U'\u015E'));  // Ş
    CHECK(is_lower(U'\u015F'));  // ş
    CHECK(is_upper(U'\u0141'));  // Ł
    CHECK(is_upper(U'\u018F'));  // Ə
    CHECK(is_lower(U'\u0259'));  // ə
    CHECK(is_upper(U'\u0416'));  // Ж
    CHECK(is_lower(U'\u0436'));  // ж
    CHECK(is_upper(U'\u0394'));  // Δ
    CHECK_FALSE(is_upper(U'1'));
  }

  TEST_CASE("character classes the tokenizer relies on") {
    using detail::CharClass;
    using detail::classify;
    CHECK(classify(U'\u00A0') == CharClass::space);
    CHECK(classify(U'\u2019') == CharClass::apostrophe);
    CHECK(classify(U'\u2014') == CharClass::hyphen);
    CHECK(classify(U'\u201C') == CharClass::punct);
    CHECK(classify(U'\u0301') == CharClass::mark);
    CHECK(classify(U'\U0001F600') == CharClass::symbol);
    CHECK(classify(U'\u0634') == CharClass::letter);
    CHECK(classify(U'\r') == CharClass::newline);
  }
}
