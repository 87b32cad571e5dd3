// The streaming JSON writer behind to_json: counting and writing agree, growth keeps content,
// escapes and numbers are exact; and a long document (counted, then written at its exact size)
// round-trips byte-identically.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <dyad/dyad.hpp>

#include "internal/json_writer.hpp"

namespace {

using dyad::detail::JsonWriter;

// One sequence of writer calls touching every kind of value, run against any writer.
void write_sample(JsonWriter& w, int repeat) {
  w.begin_object();
  w.key("schema");
  w.value("dyad/1");
  w.key(std::string("user \"key\"\n"));  // escaped key (string, not a literal)
  w.value(std::string_view("tab\there, quote \" backslash \\ \x01 ctrl, Çavuşoğlu “quoted” 😀"));
  w.key("items");
  w.begin_array();
  for (int i = 0; i < repeat; ++i) {
    w.begin_object();
    w.key("start"); w.value(static_cast<std::uint64_t>(i) * 1000003u);
    w.key("neg"); w.value(static_cast<std::int64_t>(-i));
    w.key("conf"); w.value_double(i / 7.0);
    w.key("flag"); w.value(i % 2 == 0);
    w.key("none"); w.null();
    w.key("raw"); w.raw("{\"kept\":[1,2,{}]}");
    w.key("empty"); w.begin_array(); w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("big"); w.value(std::numeric_limits<std::uint64_t>::max());
  w.key("min"); w.value(std::numeric_limits<std::int64_t>::min());
  w.key("nan"); w.value_double(std::nan(""));
  w.key("zero"); w.value_double(0.0);
  w.end_object();
}

}  // namespace

TEST_SUITE("json_writer") {
  TEST_CASE("writes compact JSON with escapes and exact numbers") {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("a"); w.value("x\"y\\z\n\x1f");
    w.key(std::string_view("b\"")); w.begin_array(); w.value(0); w.value(-12); w.value(true); w.null(); w.end_array();
    w.key("c"); w.value_double(0.9);
    w.key("d"); w.value_double(-0.0);
    w.key("e"); w.value_double(1e300);
    w.key("f"); w.begin_object(); w.end_object();
    w.end_object();
    w.finish();
    CHECK(out == R"({"a":"x\"y\\z\n\u001f","b\"":[0,-12,true,null],"c":0.9,"d":-0.0,"e":1e+300,"f":{}})");
  }

  TEST_CASE("integers are written as std::to_string writes them") {
    std::vector<std::uint64_t> values = {0, 1, 9, 10, 99, 100, 0xFFFFFFFFu, 0x100000000ull, std::numeric_limits<std::uint64_t>::max()};
    for (std::uint64_t p = 1; p <= 1000000000000000000ull; p *= 10) values.insert(values.end(), {p - 1, p, p + 1, 2 * p + 7});
    for (const std::uint64_t v : values) {
      std::string out;
      JsonWriter w(out);
      w.value(v);
      w.finish();
      CHECK(out == std::to_string(v));
      JsonWriter counter;
      counter.value(v);
      CHECK(counter.size() == out.size());
      const auto neg = -static_cast<std::int64_t>(v / 2) - 1;
      std::string out2;
      JsonWriter w2(out2);
      w2.value(neg);
      w2.finish();
      CHECK(out2 == std::to_string(neg));
    }
  }

  TEST_CASE("counting gives the size that writing then produces") {
    for (const int repeat : {0, 1, 3, 2000}) {
      JsonWriter counter;
      write_sample(counter, repeat);
      std::string exact, grown;
      JsonWriter a(exact, counter.size());
      write_sample(a, repeat);
      a.finish();
      JsonWriter b(grown);  // no size given: grows as it goes
      write_sample(b, repeat);
      b.finish();
      CHECK(exact.size() == counter.size());
      CHECK(exact == grown);
      CHECK(exact.back() == '}');
    }
  }

  TEST_CASE("appends after existing content and finish() trims to what was written") {
    std::string out = "prefix:";
    {
      JsonWriter w(out, 1000);  // more than needed
      w.begin_array();
      w.value("v");
      w.end_array();
      w.finish();
      w.finish();  // idempotent
    }
    CHECK(out == R"(prefix:["v"])");
  }

  TEST_CASE("a long document is written at its counted size and round-trips byte-identically") {
    // Above to_json's counting threshold (256 KiB of text).
    const std::string paragraph =
        "Turkish Foreign Minister Mevlüt Çavuşoğlu met his Azerbaijani counterpart Jeyhun Bayramov in Baku on "
        "Tuesday, the ministry said. “We discussed the talks,” he told reporters.\n\n";
    std::string text;
    while (text.size() < 300 * 1024) text += paragraph;
    const dyad::Document doc = dyad::extract(text);
    REQUIRE(doc.tokens.size() > 50000);
    const std::string json = dyad::to_json(doc);
    CHECK(json.back() == '\n');
    const auto loaded = dyad::from_json(json);
    REQUIRE(loaded.ok());
    CHECK(dyad::to_json(*loaded.document) == json);
    dyad::WriteOptions pretty;
    pretty.pretty = true;
    const auto reloaded = dyad::from_json(dyad::to_json(doc, pretty));
    REQUIRE(reloaded.ok());
    CHECK(dyad::to_json(*reloaded.document) == json);
  }
}
