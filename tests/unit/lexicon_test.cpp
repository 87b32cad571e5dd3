#include <doctest/doctest.h>

#include <functional>

#include <set>
#include <string>
#include <vector>

#include <dyad/dyad.hpp>

using namespace dyad;

namespace {

// The covered text of a mention.
std::string covered(const Document& doc, const Mention& m) {
  const OffsetMap map(doc.text);
  return doc.text.substr(map.byte_of(m.span.start), map.byte_of(m.span.end) - map.byte_of(m.span.start));
}

const Actor* actor_of(const Document& doc, const Mention& m) { return m.actor.empty() ? nullptr : doc.find_actor(m.actor); }

Document run(const std::string& text) {
  ExtractOptions o;
  o.relations = false;
  return extract(text, o);
}

// The mention whose covered text is exactly `surface`, or nullptr.
const Mention* mention_covering(const Document& doc, const std::string& surface) {
  for (const auto& m : doc.mentions)
    if (covered(doc, m) == surface) return &m;
  return nullptr;
}

// A report of every failure, one per line, so a test shows all broken rows at once.
struct Failures {
  std::vector<std::string> lines;
  void add(const std::string& s) { lines.push_back(s); }
  std::string text() const {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
  }
};

std::string where(const std::string& source, std::int64_t line) { return source + ":" + std::to_string(line) + ": "; }

}  // namespace

TEST_SUITE("lexicon") {
  TEST_CASE("the built-in lexicons load without a single problem") {
    std::vector<Diagnostic> diags;
    const Lexicons lex = Lexicons::load_builtin(&diags);
    std::string all;
    for (const auto& d : diags) all += format(d) + "\n";
    CHECK_MESSAGE(diags.empty(), all);
    CHECK(lex.countries().size() >= 193);
    CHECK(lex.organizations().size() >= 100);
    CHECK_FALSE(lex.sectors().empty());
    CHECK_FALSE(lex.titles().empty());
    CHECK_FALSE(lex.honorifics().empty());
    CHECK_FALSE(lex.given_names().empty());
    CHECK_FALSE(lex.nominals().empty());
    CHECK_FALSE(lex.abbreviations().empty());
    CHECK_FALSE(lex.common_words().empty());
  }

  TEST_CASE("every country row has valid codes and names, aliases, adjectives and capitals unique after folding") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    std::set<std::string> iso, forms;
    for (const auto& c : lex.countries()) {
      const std::string at = where(c.source, c.line);
      if (!iso.insert(c.iso3).second) f.add(at + "iso3 " + c.iso3 + " twice");
      std::vector<std::string> all{c.name};
      all.insert(all.end(), c.aliases.begin(), c.aliases.end());
      all.insert(all.end(), c.adjectives.begin(), c.adjectives.end());
      all.insert(all.end(), c.capitals.begin(), c.capitals.end());
      std::set<std::string> own;
      for (const auto& s : all) {
        const std::string k = fold_for_matching(s);
        if (own.insert(k).second && !forms.insert(k).second) f.add(at + "\"" + s + "\" is also in another row");
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every country name and alias is recognised as that state") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& c : lex.countries()) {
      std::vector<std::string> names{c.name};
      names.insert(names.end(), c.aliases.begin(), c.aliases.end());
      for (const auto& n : names) {
        const Document doc = run("On Monday, " + n + " said it would reopen the border.");
        const Mention* m = mention_covering(doc, n);
        const Actor* a = m ? actor_of(doc, *m) : nullptr;
        if (!m || !a || a->type != ActorType::state || a->code != c.iso3 || m->kind != MentionKind::name)
          f.add(where(c.source, c.line) + "\"" + n + "\" not recognised as " + c.iso3 +
                (a ? " (got " + a->code + " " + to_string(a->type) + ")" : ""));
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every capital standing for its government is that country's government") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    // A capital that is also an organisation's alias stands for the organisation ("Brussels" for
    // the EU).
    auto org_alias = [&](const std::string& cap) -> std::string {
      for (const auto& o : lex.organizations())
        for (const auto& al : o.aliases)
          if (al == cap) return o.code;
      return "";
    };
    for (const auto& c : lex.countries()) {
      for (const auto& cap : c.capitals) {
        const Document doc = run("On Monday, " + cap + " said it would reopen the border.");
        const Mention* m = mention_covering(doc, cap);
        const Actor* a = m ? actor_of(doc, *m) : nullptr;
        const std::string org = org_alias(cap);
        if (!a || (org.empty() ? a->type != ActorType::government || a->code != c.iso3 + "GOV" : a->code != org))
          f.add(where(c.source, c.line) + "capital \"" + cap + "\" not recognised as " +
                (org.empty() ? c.iso3 + "GOV" : org) + (a ? " (got " + a->code + ")" : ""));
        // After "in" the city is a place of that country.
        const Document place = run("Talks were held in " + cap + " on Monday.");
        const Mention* pm = mention_covering(place, cap);
        const Actor* pa = pm ? actor_of(place, *pm) : nullptr;
        if (!pa || pa->type != ActorType::location || pa->country != c.iso3)
          f.add(where(c.source, c.line) + "\"in " + cap + "\" not a location in " + c.iso3);
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every demonym and adjective before a body noun makes a body of that country") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& c : lex.countries()) {
      for (const auto& adj : c.adjectives) {
        const std::string phrase = adj + " foreign ministry";
        const Document doc = run("On Monday, the " + phrase + " said it would reopen the border.");
        const Mention* m = mention_covering(doc, phrase);
        const Actor* a = m ? actor_of(doc, *m) : nullptr;
        if (!a || a->country != c.iso3 || a->code != c.iso3 + "GOV" || m->kind != MentionKind::nominal)
          f.add(where(c.source, c.line) + "\"" + phrase + "\" not a " + c.iso3 + "GOV body" +
                (a ? " (got " + a->code + ")" : ""));
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every organisation name and alias is recognised with its code") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& o : lex.organizations()) {
      std::vector<std::string> names{o.name};
      names.insert(names.end(), o.aliases.begin(), o.aliases.end());
      for (const auto& n : names) {
        const Document doc = run("On Monday, police raided " + n + " in the capital.");
        // The name, or (for a descriptive alias such as "UN nuclear watchdog") its capitalised
        // start plus the description, carries the organisation's code.
        const OffsetMap map(doc.text);
        const std::size_t start = std::string("On Monday, police raided ").size();
        const std::size_t end = start + n.size();
        bool ok = false;
        std::string got;
        for (const auto& m : doc.mentions) {
          const std::size_t b = map.byte_of(m.span.start), e = map.byte_of(m.span.end);
          if (b < start || e > end) continue;
          const Actor* a = actor_of(doc, m);
          if (!a) continue;
          got += " " + a->code;
          ok = ok || a->code == o.code;
        }
        if (!ok) f.add(where(o.source, o.line) + "\"" + n + "\" not recognised as " + o.code + " (got" + got + ")");
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every title before a name makes that person's title, with its sector") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& t : lex.titles()) {
      std::vector<std::string> forms{t.title};
      forms.insert(forms.end(), t.aliases.begin(), t.aliases.end());
      for (const auto& form : forms) {
        const Document doc = run("On Monday, " + form + " Karim Vandermeer said talks would resume.");
        const Mention* m = mention_covering(doc, "Karim Vandermeer");
        const Actor* a = m ? actor_of(doc, *m) : nullptr;
        if (!a || a->type != ActorType::person || a->sector != t.sector)
          f.add(where(t.source, t.line) + "\"" + form + " Karim Vandermeer\" gives no " + t.sector + " person" +
                (a ? " (got " + std::string(to_string(a->type)) + " " + a->sector + ")" : ""));
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every honorific before a name makes a person") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& h : lex.honorifics()) {
      const Document doc = run("On Monday, " + h.honorific + " Vandermeer said talks would resume.");
      const Mention* m = mention_covering(doc, "Vandermeer");
      const Actor* a = m ? actor_of(doc, *m) : nullptr;
      if (!a || a->type != ActorType::person) f.add(where(h.source, h.line) + "\"" + h.honorific + " Vandermeer\" gives no person");
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every given name before an unknown surname makes a person") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& g : lex.given_names()) {
      const std::string name = g.name + " Vandermeer";
      const Document doc = run("On Monday, " + name + " said talks would resume.");
      const Mention* m = mention_covering(doc, name);
      const Actor* a = m ? actor_of(doc, *m) : nullptr;
      if (!a || a->type != ActorType::person) f.add(where(g.source, g.line) + "\"" + name + "\" gives no person");
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every body noun after a demonym makes an actor of that country and sector") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& s : lex.sectors()) {
      std::vector<std::string> forms{s.noun};
      forms.insert(forms.end(), s.aliases.begin(), s.aliases.end());
      for (const auto& form : forms) {
        const std::string phrase = "Iranian " + form;
        const Document doc = run("On Monday, the " + phrase + " said talks would resume.");
        const Mention* m = mention_covering(doc, phrase);
        const Actor* a = m ? actor_of(doc, *m) : nullptr;
        // Weapons ("Iranian drones") and news agencies are deliberately no actors.
        if (!m) {
          const std::string fold = fold_for_matching(s.noun);
          const bool exempt = s.sector == "MED" || fold == "artillery" || fold == "drones" || fold == "warplanes" ||
                              fold == "warships";
          if (!exempt) f.add(where(s.source, s.line) + "\"" + phrase + "\" is no mention");
          continue;
        }
        if (!a || a->country != "IRN")
          f.add(where(s.source, s.line) + "\"" + phrase + "\" is not an Iranian actor" + (a ? " (got " + a->code + ")" : ""));
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every nominal noun and alias describes an actor of its role") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& n : lex.nominals()) {
      std::vector<std::string> forms{n.noun};
      forms.insert(forms.end(), n.aliases.begin(), n.aliases.end());
      for (const auto& form : forms) {
        std::string text, phrase;
        std::function<bool(const Document&, const Mention&)> ok;
        if (n.number == "plural") {
          // Several actors named before: "both sides", "both envoys".
          const bool people = n.role == "person" || n.role == "counterpart";
          text = people ? "Foreign Minister Jeyhun Bayramov met Foreign Minister Abbas Araghchi on Monday. "
                        : "Azerbaijan and Iran met on Monday. ";
          phrase = "both " + form;
          text += "On Tuesday, " + phrase + " said talks would resume.";
          ok = [](const Document&, const Mention& m) { return m.members.size() == 2; };
        } else if (n.role == "organization" || n.role == "group") {
          // Only ever an actor named before: "the bloc" after "the African Union".
          const bool group = n.role == "group";
          text = group ? "Hamas fighters attacked on Monday. " : "The African Union met on Monday. ";
          phrase = form;
          text += "On Tuesday, the " + phrase + " said talks would resume.";
          ok = [group](const Document& d, const Mention& m) {
            const Actor* a = actor_of(d, m);
            return a && a->name == (group ? "Hamas" : "African Union");
          };
        } else if (n.role == "counterpart") {
          phrase = "Iranian " + form;
          text = "Foreign Minister Jeyhun Bayramov met his " + phrase + " on Monday.";
          ok = [](const Document& d, const Mention& m) {
            const Actor* a = actor_of(d, m);
            return a && a->type == ActorType::person && a->country == "IRN";
          };
        } else {
          // "the Iranian side" (state), "Iranian officials" (government), "the Iranian envoy".
          const ActorType want = n.role == "state"        ? ActorType::state
                                 : n.role == "government" ? ActorType::government
                                                          : ActorType::person;
          phrase = "Iranian " + form;
          text = "On Monday, the " + phrase + " said talks would resume.";
          ok = [want](const Document& d, const Mention& m) {
            const Actor* a = actor_of(d, m);
            return a && a->type == want && a->country == "IRN";
          };
        }
        const Document doc = run(text);
        const Mention* m = mention_covering(doc, phrase);
        if (!m || m->kind != MentionKind::nominal || !ok(doc, *m))
          f.add(where(n.source, n.line) + "\"" + phrase + "\" in \"" + text + "\" is no " + n.role + " nominal");
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("every place name and alias is recognised as a location") {
    const Lexicons& lex = Lexicons::builtin();
    Failures f;
    for (const auto& p : lex.places()) {
      std::vector<std::string> names{p.name};
      names.insert(names.end(), p.aliases.begin(), p.aliases.end());
      for (const auto& n : names) {
        const Document doc = run("Fighting was reported in " + n + " on Monday.");
        const Mention* m = mention_covering(doc, n);
        const Actor* a = m ? actor_of(doc, *m) : nullptr;
        if (!a || a->type != ActorType::location || a->country != p.country)
          f.add(where(p.source, p.line) + "\"in " + n + "\" is not a location" + (p.country.empty() ? "" : " in " + p.country) +
                (a ? " (got " + std::string(to_string(a->type)) + " " + a->country + ")" : ""));
      }
    }
    CHECK_MESSAGE(f.lines.empty(), f.text());
  }

  TEST_CASE("user rows are added on top and replace rows with the same key") {
    Lexicons lex = Lexicons::load_builtin();
    const auto before = lex.organizations().size();
    const auto diags = lex.add_tsv(
        "# my organisations\ncode\tname\taliases\ttype\tcountry\tsector\n"
        "NGOZRK\tZork Watch\tZW\tORGANIZATION\t\tNGO\n"
        "IGOUNO\tUnited Nations\tUN|U.N.|Zorkish Nations\tORGANIZATION\t\tIGO\n",
        "my-organizations.tsv");
    CHECK(diags.empty());
    CHECK(lex.organizations().size() == before + 1);
    ExtractOptions o;
    o.lexicons = &lex;
    o.relations = false;
    const Document doc = extract("Zork Watch and the Zorkish Nations condemned the attack.", o);
    const Mention* zw = mention_covering(doc, "Zork Watch");
    const Mention* zn = mention_covering(doc, "Zorkish Nations");
    REQUIRE(zw);
    REQUIRE(zn);
    CHECK(doc.find_actor(zw->actor)->code == "NGOZRK");
    CHECK(doc.find_actor(zn->actor)->code == "IGOUNO");
    CHECK(doc.find_actor(zw->actor)->provenance.rule == "lexicon:organizations:NGOZRK");
  }

  TEST_CASE("every problem in a user file is reported with its line and column, and bad rows are skipped") {
    Lexicons lex;
    const auto diags = lex.add_tsv(LexiconKind::countries,
                                   "iso3\tname\taliases\tadjectives\tcapitals\tstatus\n"
                                   "XYZ\tZorkland\t\tZorkish\tZork City\tmember\n"
                                   "xy\tBadland\t\t\t\t\n"
                                   "ABC\t\t\t\t\t\n"
                                   "XYZ\tZorkland again\t\t\t\t\n"
                                   "DEF\tToo\tmany\tfields\there\tx\ty\n",
                                   "mine.tsv");
    REQUIRE(diags.size() == 4);
    auto has = [&](const char* code, std::int64_t line, std::int64_t column) {
      for (const auto& d : diags)
        if (d.code == code && d.line == line && (column == 0 || d.column == column) && d.source == "mine.tsv") return true;
      return false;
    };
    CHECK(has("lexicon.field", 3, 1));      // "xy" is no ISO3 code
    CHECK(has("lexicon.field", 4, 2));      // empty name
    CHECK(has("lexicon.duplicate", 5, 0));  // XYZ again
    CHECK(has("lexicon.columns", 6, 0));    // a stray tab
    CHECK(lex.countries().size() == 1);
  }

  TEST_CASE("a row that is not valid UTF-8 is refused with its line, column and cell, not repaired") {
    // A file saved as Latin-1: "Türkiye" with the single byte 0xFC for "ü".
    Lexicons lex;
    const auto diags = lex.add_tsv(LexiconKind::countries,
                                   "\xEF\xBB\xBF# comment in Latin-1: \xE9" "dition\n"
                                   "iso3\tname\taliases\tadjectives\tcapitals\tstatus\n"
                                   "ZRK\tZorkland\t\tZorkish\tZork City\tmember\n"
                                   "TUR\tT\xFCrkiye\tTurkey\n"
                                   "ZRQ\tZorkq\xC3\xA9" "ay\t\tZorkquayan\tP\xE9rez\tmember\r\n"
                                   "ZRS\tZorks\xE2\x82",  // truncated sequence at the end of the file
                                   "mine.tsv");
    REQUIRE(diags.size() == 3);
    for (const auto& d : diags) {
      CHECK(d.code == "lexicon.utf8");
      CHECK(d.severity == Severity::error);
      CHECK(d.source == "mine.tsv");
    }
    CHECK(diags[0].line == 4);
    CHECK(diags[0].column == 6);  // code points on the line, as for text
    CHECK(diags[0].offset == 3 + 30 + 45 + 39 + 5);  // bytes into the file (the BOM counts)
    CHECK(diags[0].message.find("byte 0xFC") != std::string::npos);
    CHECK(diags[0].message.find("\"name\" cell") != std::string::npos);
    CHECK(diags[1].line == 5);
    CHECK(diags[1].column == 27);  // "é" before it is one column
    CHECK(diags[1].message.find("\"capitals\" cell") != std::string::npos);
    CHECK(diags[2].line == 6);
    CHECK(diags[2].column == 10);
    REQUIRE(lex.countries().size() == 1);  // only the valid row
    CHECK(lex.countries()[0].iso3 == "ZRK");
    for (const auto& d : diags) CHECK(format(d).rfind("mine.tsv:" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": error: invalid UTF-8", 0) == 0);
  }

  TEST_CASE("invalid UTF-8 in the header row is reported, and the header still names the columns") {
    Lexicons lex;
    const auto diags = lex.add_tsv(LexiconKind::honorifics, "honorific\tgender\tn\xF6tes\nDr.\t\t\n", "h.tsv");
    REQUIRE(diags.size() == 2);
    CHECK(diags[0].code == "lexicon.utf8");
    CHECK(diags[0].line == 1);
    CHECK(diags[0].message.find("header row") != std::string::npos);
    CHECK(diags[1].code == "lexicon.header");  // the unknown third column
    CHECK(diags[1].severity == Severity::warning);
    CHECK(diags[1].message.find("n\xEF\xBF\xBDtes") != std::string::npos);  // quoted repaired: valid UTF-8
    REQUIRE(lex.honorifics().size() == 1);  // the row below is data, not a second header
  }

  TEST_CASE("a binary file read as a lexicon gives a bounded number of diagnostics") {
    std::string bytes = "word\ttag\n";
    for (int i = 0; i < 5000; ++i) bytes += "\xFF\xFE\n";
    Lexicons lex;
    const auto diags = lex.add_tsv(LexiconKind::common_words, bytes, "bin.tsv");
    REQUIRE(diags.size() == 101);
    CHECK(diags[100].line == 102);
    CHECK(diags[100].message.find("4900 more lines") != std::string::npos);
    CHECK(lex.common_words().empty());
  }

  TEST_CASE("a missing required column is an error and loads nothing") {
    Lexicons lex;
    const auto diags = lex.add_tsv(LexiconKind::titles, "name\tsector\nfoo\tGOV\n", "t.tsv");
    bool missing = false;
    for (const auto& d : diags) missing = missing || (d.code == "lexicon.header" && d.severity == Severity::error);
    CHECK(missing);
    CHECK(lex.titles().empty());
  }

  TEST_CASE("the kind of a user file is told by its header, else by its file name") {
    CHECK(Lexicons::detect_kind("iso3\tname\n") == LexiconKind::countries);
    CHECK(Lexicons::detect_kind("# c\ncode\tname\taliases\n") == LexiconKind::organizations);
    CHECK(Lexicons::detect_kind("title\tsector\n") == LexiconKind::titles);
    CHECK(Lexicons::detect_kind("noun\tsector\n") == LexiconKind::sectors);
    CHECK(Lexicons::detect_kind("noun\trole\n") == LexiconKind::nominals);
    CHECK(Lexicons::detect_kind("name\tgender\n") == LexiconKind::given_names);
    CHECK(Lexicons::detect_kind("a\tb\n", "dir/my-honorifics.tsv") == LexiconKind::honorifics);
    CHECK_FALSE(Lexicons::detect_kind("a\tb\n", "x.tsv").has_value());
    Lexicons lex;
    const auto diags = lex.add_tsv("a\tb\n", "x.tsv");
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "lexicon.kind");
  }
}
