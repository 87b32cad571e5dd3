// libFuzzer: any bytes as a user's lexicon TSV file. The kind comes from the header row (as
// `Lexicons::add_tsv(text, source)` does for a user's file) or, when the header names no kind,
// from the input size, so every table's row checks are reached. Invariants: no crash; every
// diagnostic names the file and a line inside it; every loaded cell is valid UTF-8 (rows that are
// not are refused); the loaded tables drive extraction of a fixed article without crashing, and
// every span the extraction reports lies inside the text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <dyad/dyad.hpp>
#include <dyad/lexicon.hpp>

namespace {

constexpr std::string_view kArticle =
    "WASHINGTON, Jan. 5 (dyad) — U.S. Secretary of State Antony Blinken met Iran’s foreign minister, "
    "Mr. Abbas Araghchi, and the UN envoy in Baku. He said “the two sides” agreed; the Azerbaijani "
    "government did not comment. Gen. Smith’s troops left.";

std::int64_t count_lines(std::string_view s) { return 1 + static_cast<std::int64_t>(std::count(s.begin(), s.end(), '\n')); }

// A row that is not valid UTF-8 is refused (lexicon.utf8), never loaded.
bool valid(const std::string& s) { return dyad::check_utf8(s).valid; }
bool valid(const std::vector<std::string>& v) { return std::all_of(v.begin(), v.end(), [](const std::string& s) { return valid(s); }); }
template <class... Field>
bool all_valid(const Field&... f) { return (valid(f) && ...); }

bool tables_valid_utf8(const dyad::Lexicons& lex) {
  for (const auto& e : lex.countries()) if (!all_valid(e.iso3, e.name, e.aliases, e.adjectives, e.capitals, e.status)) return false;
  for (const auto& e : lex.organizations()) if (!all_valid(e.code, e.name, e.aliases, e.type, e.country, e.sector)) return false;
  for (const auto& e : lex.sectors()) if (!all_valid(e.noun, e.sector, e.type, e.number, e.aliases)) return false;
  for (const auto& e : lex.titles()) if (!all_valid(e.title, e.sector, e.gender, e.aliases)) return false;
  for (const auto& e : lex.honorifics()) if (!all_valid(e.honorific, e.gender)) return false;
  for (const auto& e : lex.given_names()) if (!all_valid(e.name, e.gender)) return false;
  for (const auto& e : lex.nominals()) if (!all_valid(e.noun, e.role, e.number, e.sector, e.aliases)) return false;
  for (const auto& e : lex.abbreviations()) if (!all_valid(e.abbreviation, e.type)) return false;
  for (const auto& e : lex.common_words()) if (!all_valid(e.word, e.tag)) return false;
  for (const auto& e : lex.places()) if (!all_valid(e.name, e.kind, e.country, e.aliases)) return false;
  for (const auto& e : lex.name_features()) if (!all_valid(e.feature)) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  dyad::Lexicons lex;
  std::vector<dyad::Diagnostic> diags;
  if (dyad::Lexicons::detect_kind(input, "user.tsv"))
    diags = lex.add_tsv(input, "user.tsv");
  else
    diags = lex.add_tsv(dyad::kLexiconKinds[size % std::size(dyad::kLexiconKinds)], input, "user.tsv");
  const std::int64_t lines = count_lines(input);
  for (const auto& d : diags) {
    if (d.source != "user.tsv") std::abort();
    if (d.line < 1 || d.line > lines) std::abort();
    if (!dyad::check_utf8(d.message).valid) std::abort();  // messages quote cells: only valid ones
  }
  if (!tables_valid_utf8(lex)) std::abort();
  dyad::ExtractOptions options;
  options.lexicons = &lex;
  const dyad::Document doc = dyad::extract(kArticle, options);
  const std::size_t n = dyad::count_code_points(doc.text);
  for (const auto& m : doc.mentions)
    if (m.span.start >= m.span.end || m.span.end > n) std::abort();
  for (const auto& r : doc.relations)
    if (r.trigger.start > r.trigger.end || r.trigger.end > n) std::abort();
  return 0;
}
