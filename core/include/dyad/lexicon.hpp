#pragma once
/// Lexicons: the TSV tables extraction matches against (countries, organisations, sector nouns,
/// titles, honorifics, given names, ...), documented column by column in docs/lexicons.md.
///
/// The built-in tables are compiled into the library and parsed by the same loader a user's
/// own file goes through; a user file of the same format is loaded on top of them: a row whose
/// key (iso3, organisation name, noun, title, ...) is already present replaces that row, others
/// are added. Keys are compared folded (case and accents ignored).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/diagnostic.hpp"

namespace dyad {

namespace detail {
class Gazetteer;
}

/// Which table a TSV file fills.
enum class LexiconKind {
  countries,      ///< iso3 name aliases adjectives capitals status
  organizations,  ///< code name aliases type country sector
  sectors,        ///< noun sector type number aliases
  titles,         ///< title sector gender rank aliases
  honorifics,     ///< honorific gender
  given_names,    ///< name gender
  nominals,       ///< noun role number sector aliases: "side", "counterpart", "capitals", ...
  abbreviations,  ///< abbreviation type: words whose period belongs to them ("Gen.", "Jan.")
  common_words,   ///< word tag: frequent lower-case English words (not names when capitalised)
  places,         ///< name kind country aliases: regions, cities, seas, mountains (not capitals)
  name_features,  ///< feature per org loc: counts that type an unknown name (a naive Bayes model)
};

/// All kinds, in loading order (the built-ins are loaded in this order).
inline constexpr LexiconKind kLexiconKinds[] = {
    LexiconKind::abbreviations, LexiconKind::countries,   LexiconKind::organizations,
    LexiconKind::sectors,       LexiconKind::titles,      LexiconKind::honorifics,
    LexiconKind::given_names,   LexiconKind::nominals,    LexiconKind::common_words,
    LexiconKind::places,        LexiconKind::name_features};

/// The kind's name, which is also its built-in file's stem ("countries" -> countries.tsv).
const char* to_string(LexiconKind kind);
/// Parses a kind name ("countries", "organisations" is accepted too); nullopt if unknown.
std::optional<LexiconKind> parse_lexicon_kind(std::string_view name);

/// A state or territory.
struct CountryEntry {
  std::string iso3;                     ///< ISO 3166-1 alpha-3 (plus KOS, PSE)
  std::string name;                     ///< short English name ("Iran")
  std::vector<std::string> aliases;     ///< other names ("Islamic Republic of Iran", "Persia")
  std::vector<std::string> adjectives;  ///< demonyms and adjectives ("Iranian")
  std::vector<std::string> capitals;    ///< capital cities ("Tehran")
  std::string status;                   ///< member, observer, territory, ...
  std::string source;                   ///< file the row came from
  std::int64_t line = 0;                ///< its line there
};

/// An organisation: IGOs, NGOs, parties, companies, armed groups, media.
struct OrganizationEntry {
  std::string code;                  ///< CAMEO-style code ("IGOUNO", "IGONAT")
  std::string name;                  ///< full name ("United Nations")
  std::vector<std::string> aliases;  ///< acronyms and variants ("UN", "U.N.")
  std::string type;                  ///< actor type: ORGANIZATION, GOVERNMENT or GROUP
  std::string country;               ///< ISO3 or "" for international bodies
  std::string sector;                ///< IGO, NGO, MED, PTY, REB, BUS, ...
  std::string source;
  std::int64_t line = 0;
};

/// A noun for a body or group of a state ("foreign ministry" GOV, "army" MIL, "drivers" LAB).
struct SectorEntry {
  std::string noun;
  std::string sector;                ///< GOV, MIL, COP, ...
  std::string type;                  ///< actor type: GOVERNMENT, GROUP, ORGANIZATION
  std::string number;                ///< "singular", "plural" or "" (both/mass)
  std::vector<std::string> aliases;  ///< variants and inflections
  std::string source;
  std::int64_t line = 0;
};

/// A title or role held by a person ("foreign minister" GOV, "general" MIL).
struct TitleEntry {
  std::string title;
  std::string sector;
  std::string gender;                ///< "male", "female" or ""
  int rank = 0;                      ///< higher = more senior (heads of state highest)
  std::vector<std::string> aliases;  ///< variants and plurals ("foreign secretary", "top diplomat")
  std::string source;
  std::int64_t line = 0;
};

/// An honorific before a name ("Mr.", "Ms.").
struct HonorificEntry {
  std::string honorific;
  std::string gender;
  std::string source;
  std::int64_t line = 0;
};

/// A given name with its usual gender.
struct GivenNameEntry {
  std::string name;
  std::string gender;  ///< "male", "female" or "" (either)
  std::string source;
  std::int64_t line = 0;
};

/// A noun that describes an actor without naming it: "side" (a state), "capitals"
/// (governments), "counterpart" (a person in the same role), "officials" (a government).
struct NominalEntry {
  std::string noun;
  std::string role;    ///< state, government, person, counterpart, group
  std::string number;  ///< singular, plural (several actors) or collective (one actor)
  std::string sector;  ///< sector of the actor it describes, or ""
  std::vector<std::string> aliases;
  std::string source;
  std::int64_t line = 0;
};

/// A word whose period belongs to it.
struct AbbreviationEntry {
  std::string abbreviation;  ///< with its period ("Gen.")
  std::string type;          ///< title, month, before_number, other
  std::string source;
  std::int64_t line = 0;
};

/// A frequent English word that is not a name when it is capitalised at a sentence start.
struct CommonWordEntry {
  std::string word;
  std::string tag;  ///< its most frequent universal POS tag (NOUN, VERB, ADJ, ...)
  std::string source;
  std::int64_t line = 0;
};

/// A named place that is not a capital: a region, city, sea, river, mountain range, continent.
struct PlaceEntry {
  std::string name;
  std::string kind;                  ///< continent, region, city, water, landform
  std::string country;               ///< ISO3, or "" for international places
  std::vector<std::string> aliases;
  std::string source;
  std::int64_t line = 0;
};

/// How often a feature of a name ("w=ministry", "p=in", "s3=ova") was seen with names of each type.
struct NameFeatureEntry {
  std::string feature;
  std::int64_t per = 0, org = 0, loc = 0;
  std::string source;
  std::int64_t line = 0;
};

/// The tables extraction uses, plus the compiled index that matches them against tokens.
/// Copies are cheap to read from and safe to share between threads once built.
class Lexicons {
 public:
  /// Empty tables (nothing is recognised). Use builtin() or load_builtin() for the shipped ones.
  Lexicons();

  /// The built-in tables, parsed once on first use and shared.
  static const Lexicons& builtin();
  /// A fresh copy of the built-in tables, to add user files to; built-in problems (none are
  /// expected: a test checks every row) are appended to `diagnostics`.
  static Lexicons load_builtin(std::vector<Diagnostic>* diagnostics = nullptr);

  /// Parses a TSV table of `kind` and adds its rows on top of the current ones.
  /// Returns every problem found (file:line:column); rows with errors are skipped.
  std::vector<Diagnostic> add_tsv(LexiconKind kind, std::string_view text, std::string_view source = "");
  /// Same, with the kind detected from the header row (or else the file name `source`).
  std::vector<Diagnostic> add_tsv(std::string_view text, std::string_view source);
  /// The kind a TSV file is: from its header row's column names, else from the file name's stem.
  static std::optional<LexiconKind> detect_kind(std::string_view text, std::string_view source = "");

  const std::vector<CountryEntry>& countries() const { return countries_; }
  const std::vector<OrganizationEntry>& organizations() const { return organizations_; }
  const std::vector<SectorEntry>& sectors() const { return sectors_; }
  const std::vector<TitleEntry>& titles() const { return titles_; }
  const std::vector<HonorificEntry>& honorifics() const { return honorifics_; }
  const std::vector<GivenNameEntry>& given_names() const { return given_names_; }
  const std::vector<NominalEntry>& nominals() const { return nominals_; }
  const std::vector<AbbreviationEntry>& abbreviations() const { return abbreviations_; }
  const std::vector<CommonWordEntry>& common_words() const { return common_words_; }
  const std::vector<PlaceEntry>& places() const { return places_; }
  const std::vector<NameFeatureEntry>& name_features() const { return name_features_; }

  /// The compiled index (internal; built after every add_tsv).
  const detail::Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  std::vector<Diagnostic> add_rows(LexiconKind kind, std::string_view text, std::string_view source);
  void rebuild();

  std::vector<CountryEntry> countries_;
  std::vector<OrganizationEntry> organizations_;
  std::vector<SectorEntry> sectors_;
  std::vector<TitleEntry> titles_;
  std::vector<HonorificEntry> honorifics_;
  std::vector<GivenNameEntry> given_names_;
  std::vector<NominalEntry> nominals_;
  std::vector<AbbreviationEntry> abbreviations_;
  std::vector<CommonWordEntry> common_words_;
  std::vector<PlaceEntry> places_;
  std::vector<NameFeatureEntry> name_features_;
  std::shared_ptr<const detail::Gazetteer> gazetteer_;
};

}  // namespace dyad
