// libFuzzer: any bytes as a user's lexicon TSV file. The kind comes from the header row (as
// `Lexicons::add_tsv(text, source)` does for a user's file) or, when the header names no kind,
// from the input size, so every table's row checks are reached. Invariants: no crash; every
// diagnostic names the file and a line inside it; the loaded tables drive extraction of a
// fixed article without crashing, and every span the extraction reports lies inside the text.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <dyad/dyad.hpp>
#include <dyad/lexicon.hpp>

namespace {

constexpr std::string_view kArticle =
    "WASHINGTON, Jan. 5 (dyad) — U.S. Secretary of State Antony Blinken met Iran’s foreign minister, "
    "Mr. Abbas Araghchi, and the UN envoy in Baku. He said “the two sides” agreed; the Azerbaijani "
    "government did not comment. Gen. Smith’s troops left.";

std::int64_t count_lines(std::string_view s) { return 1 + static_cast<std::int64_t>(std::count(s.begin(), s.end(), '\n')); }

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
  }
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
