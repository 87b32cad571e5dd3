#include <doctest/doctest.h>

#include <dyad/utf8.hpp>

using namespace dyad;

TEST_SUITE("utf8") {
  TEST_CASE("valid text passes the check unchanged") {
    const std::string s = "Çavuşoğlu met Bayramov in Baku — “talks” 🇦🇿 ə";
    CHECK(check_utf8(s).valid);
    std::vector<Diagnostic> diags;
    CHECK(repair_utf8(s, &diags) == s);
    CHECK(diags.empty());
  }

  TEST_CASE("each kind of invalid sequence is replaced with U+FFFD and reported") {
    struct Case { const char* name; std::string bytes; std::string repaired; };
    const Case cases[] = {
        {"lone continuation byte", std::string("a\x80z"), "a\xEF\xBF\xBDz"},
        {"overlong encoding of '/'", std::string("a\xC0\xAFz"), "a\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"overlong 3-byte", std::string("a\xE0\x80\xAFz"), "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"UTF-16 surrogate U+D800", std::string("a\xED\xA0\x80z"), "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"above U+10FFFF", std::string("a\xF4\x90\x80\x80z"), "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz"},
        {"truncated 3-byte sequence", std::string("a\xE2\x80z"), "a\xEF\xBF\xBDz"},
        {"truncated at end", std::string("ab\xF0\x9F\x98"), "ab\xEF\xBF\xBD"},
        {"invalid lead 0xFF", std::string("\xFF"), "\xEF\xBF\xBD"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      CHECK_FALSE(check_utf8(c.bytes).valid);
      std::vector<Diagnostic> diags;
      const std::string out = repair_utf8(c.bytes, &diags);
      CHECK(out == c.repaired);
      CHECK(check_utf8(out).valid);
      REQUIRE(diags.size() == 1);
      CHECK(diags[0].code == "utf8.invalid");
      CHECK(diags[0].severity == Severity::warning);
    }
  }

  TEST_CASE("diagnostics give byte offset, line and column of each invalid run") {
    const std::string s = "ok\nxé\xFFy\n\x80";
    std::vector<Diagnostic> diags;
    repair_utf8(s, &diags);
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].offset == 6);
    CHECK(diags[0].line == 2);
    CHECK(diags[0].column == 3);
    CHECK(diags[1].offset == 9);
    CHECK(diags[1].line == 3);
    CHECK(diags[1].column == 1);
  }

  TEST_CASE("offset map converts code points, UTF-16 units and bytes") {
    // é: 2 bytes, 1 unit; “: 3 bytes, 1 unit; 😀: 4 bytes, 2 units (astral).
    const std::string s = "é“😀x";
    const OffsetMap m(s);
    CHECK(m.size() == 4);
    CHECK(m.byte_size() == s.size());
    CHECK(m.utf16_size() == 5);
    CHECK(m.byte_of(0) == 0);
    CHECK(m.byte_of(1) == 2);
    CHECK(m.byte_of(2) == 5);
    CHECK(m.byte_of(3) == 9);
    CHECK(m.byte_of(4) == 10);
    CHECK(m.utf16_of(2) == 2);
    CHECK(m.utf16_of(3) == 4);
    CHECK(m.utf16_of(4) == 5);
    CHECK(m.cp_of_byte(5) == 2);
    CHECK(m.cp_of_byte(6) == OffsetMap::npos);  // inside the emoji
    CHECK(m.cp_of_utf16(4) == 3);
    CHECK(m.cp_of_utf16(3) == OffsetMap::npos);  // between the surrogates
    CHECK(m.cp_of_utf16(6) == OffsetMap::npos);
  }

  TEST_CASE("decode and encode round-trip every plane") {
    for (char32_t cp : {U'A', U'é', U'ə', U'Ж', U'“', U'ي', U'😀', U'\U0010FFFF'}) {
      std::string s;
      append_utf8(s, cp);
      std::size_t pos = 0;
      CHECK(decode_utf8(s, pos) == cp);
      CHECK(pos == s.size());
      CHECK(count_code_points(s) == 1);
    }
  }
}
