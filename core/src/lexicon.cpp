// The TSV loader for lexicons: header row, typed tables, every problem reported with
// source:line:column, no exceptions. The built-in tables go through exactly this code.
#include "dyad/lexicon.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

#include "dyad/utf8.hpp"
#include "internal/embedded_data.hpp"
#include "internal/gazetteer.hpp"
#include "internal/text_layer.hpp"

namespace dyad {
namespace {

// [SECTION] Raw TSV

struct TsvRow {
  std::int64_t line = 0;
  std::vector<std::string_view> fields;
};

struct TsvTable {
  std::vector<std::string> header;
  std::int64_t header_line = 0;
  std::vector<TsvRow> rows;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Diagnostic make_diag(Severity sev, std::string code, std::string message, std::string_view source, std::int64_t line,
                     std::int64_t column = 0) {
  Diagnostic d;
  d.severity = sev;
  d.code = std::move(code);
  d.message = std::move(message);
  d.source = std::string(source);
  d.line = line;
  d.column = column;
  return d;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

// Invalid UTF-8 in a row: the row is refused, not repaired. A file saved as Latin-1 or
// Windows-1252 turns "Çavuşoğlu" into bytes that are not UTF-8; repaired to U+FFFD the name would
// load but never match any text, and the user would never learn why.
class Utf8Rows {
 public:
  // True if `line` (line `line_no`, starting at byte `file_offset` of the file) is valid UTF-8;
  // otherwise reports where it is not, naming the cell by the header (empty for the header row).
  bool check(std::string_view line, std::int64_t line_no, std::size_t file_offset, const std::vector<std::string>& header,
             std::string_view source, std::vector<Diagnostic>& diags) {
    const Utf8Check c = check_utf8(line);
    if (c.valid) return true;
    if (++rows_ > kMaxListed) {
      if (rows_ == kMaxListed + 1) first_unlisted_line_ = line_no;
      return false;
    }
    const std::size_t at = c.first_invalid_byte;
    const std::string_view before = line.substr(0, at);
    const std::size_t cell = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\t'));
    std::string where = "the header row";
    if (!header.empty())
      where = cell < header.size() ? "the \"" + header[cell] + "\" cell" : "cell " + std::to_string(cell + 1);
    static const char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(line[at]);
    Diagnostic d = make_diag(Severity::error, "lexicon.utf8",
                             std::string("invalid UTF-8 (byte 0x") + kHex[byte >> 4] + kHex[byte & 15] + ") in " + where +
                                 (header.empty() ? "" : "; the row is skipped") +
                                 " (save the file as UTF-8, not Latin-1 or Windows-1252)",
                             source, line_no, static_cast<std::int64_t>(count_code_points(before)) + 1);
    d.offset = static_cast<std::int64_t>(file_offset + at);
    diags.push_back(std::move(d));
    return false;
  }
  // One summary for the lines past the first kMaxListed (a binary file read as a table).
  void finish(std::string_view source, std::vector<Diagnostic>& diags) const {
    if (rows_ <= kMaxListed) return;
    diags.push_back(make_diag(Severity::error, "lexicon.utf8",
                              std::to_string(rows_ - kMaxListed) + " more lines from here on are not valid UTF-8 (" +
                                  std::to_string(rows_) + " in all; only the first " + std::to_string(kMaxListed) +
                                  " are listed) and are skipped",
                              source, first_unlisted_line_));
  }

 private:
  static constexpr std::size_t kMaxListed = 100;
  std::size_t rows_ = 0;
  std::int64_t first_unlisted_line_ = 0;
};

// Lines: header first (comments and blank lines skipped anywhere). Rows with more fields than
// the header are errors; fewer are allowed (missing trailing fields are empty). Lines that are
// not valid UTF-8 are errors (a data row is skipped; a header row still names the columns).
TsvTable parse_tsv(std::string_view text, std::string_view source, std::vector<Diagnostic>& diags) {
  TsvTable t;
  std::size_t bom = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") bom = 3;
  text.remove_prefix(bom);
  Utf8Rows utf8;
  std::int64_t line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    const std::size_t line_offset = bom + pos;
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view bare = trim(line);
    if (bare.empty() || bare.front() == '#') {
      if (nl == text.size()) break;
      continue;
    }
    if (!utf8.check(line, line_no, line_offset, t.header, source, diags)) {
      if (t.header.empty()) {
        // The header still names the columns; repaired, so messages quoting it are valid UTF-8.
        t.header_line = line_no;
        const std::string repaired = repair_utf8(line);
        for (auto f : split(repaired, '\t')) t.header.push_back(lower_ascii(trim(f)));
      }
      if (nl == text.size()) break;
      continue;
    }
    auto fields = split(line, '\t');
    if (t.header.empty()) {
      t.header_line = line_no;
      for (auto f : fields) t.header.push_back(lower_ascii(trim(f)));
    } else if (fields.size() > t.header.size()) {
      diags.push_back(make_diag(Severity::error, "lexicon.columns",
                                "row has " + std::to_string(fields.size()) + " fields but the header has " +
                                    std::to_string(t.header.size()) + " (a stray tab?)",
                                source, line_no, 0));
    } else {
      TsvRow r;
      r.line = line_no;
      for (auto f : fields) r.fields.push_back(trim(f));
      r.fields.resize(t.header.size());
      t.rows.push_back(std::move(r));
    }
    if (nl == text.size()) break;
  }
  utf8.finish(source, diags);
  return t;
}

// [SECTION] Typed columns

struct Columns {
  const TsvTable& table;
  std::string_view source;
  std::vector<Diagnostic>& diags;
  std::vector<int> index;  // per requested column: its position in the header or -1

  // Looks up the required and optional columns; reports missing required ones and unknown ones.
  bool bind(const std::vector<std::pair<const char*, bool>>& wanted) {
    bool ok = true;
    for (const auto& [name, required] : wanted) {
      const auto it = std::find(table.header.begin(), table.header.end(), name);
      if (it == table.header.end()) {
        index.push_back(-1);
        if (required) {
          diags.push_back(make_diag(Severity::error, "lexicon.header",
                                    std::string("missing column \"") + name + "\" in the header row", source,
                                    table.header_line));
          ok = false;
        }
      } else {
        index.push_back(static_cast<int>(it - table.header.begin()));
      }
    }
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      bool known = false;
      for (const auto& w : wanted) known |= table.header[c] == w.first;
      if (!known)
        diags.push_back(make_diag(Severity::warning, "lexicon.header",
                                  "unknown column \"" + table.header[c] + "\" is ignored", source, table.header_line,
                                  static_cast<std::int64_t>(c) + 1));
    }
    return ok;
  }
  std::string_view get(const TsvRow& r, std::size_t col) const {
    return index[col] < 0 ? std::string_view() : r.fields[static_cast<std::size_t>(index[col])];
  }
  std::int64_t column_of(std::size_t col) const { return index[col] < 0 ? 0 : index[col] + 1; }
};

std::vector<std::string> list(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (auto part : split(s, '|')) {
    part = trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

bool is_upper_code(std::string_view s, std::size_t min_len, std::size_t max_len) {
  if (s.size() < min_len || s.size() > max_len) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

const char* const kActorTypeNames[] = {"PERSON", "STATE", "GOVERNMENT", "ORGANIZATION", "GROUP", "LOCATION"};

bool is_actor_type(std::string_view s) {
  for (const char* t : kActorTypeNames)
    if (s == t) return true;
  return false;
}

struct RowChecker {
  Columns& cols;
  const TsvRow& row;
  bool ok = true;

  void error(std::size_t col, const std::string& msg) {
    cols.diags.push_back(make_diag(Severity::error, "lexicon.field", msg, cols.source, row.line, cols.column_of(col)));
    ok = false;
  }
  std::string_view required(std::size_t col, const char* what) {
    const auto v = cols.get(row, col);
    if (v.empty()) error(col, std::string(what) + " is empty");
    return v;
  }
  void iso3(std::size_t col, bool allow_empty) {
    const auto v = cols.get(row, col);
    if (v.empty() && allow_empty) return;
    if (!is_upper_code(v, 3, 3)) error(col, "\"" + std::string(v) + "\" is not a three-letter upper-case code");
  }
  void sector(std::size_t col, bool allow_empty) {
    const auto v = cols.get(row, col);
    if (v.empty() && allow_empty) return;
    if (!is_upper_code(v, 3, 3)) error(col, "sector \"" + std::string(v) + "\" is not three upper-case letters");
  }
  void one_of(std::size_t col, std::initializer_list<const char*> allowed) {
    const auto v = cols.get(row, col);
    for (const char* a : allowed)
      if (v == a) return;
    std::string msg = "\"" + std::string(v) + "\" is not one of:";
    for (const char* a : allowed) msg += std::string(" \"") + a + "\"";
    error(col, msg);
  }
};

std::string normalise_gender(std::string_view g) {
  const std::string l = lower_ascii(g);
  if (l == "m" || l == "male") return "male";
  if (l == "f" || l == "female") return "female";
  return "";
}

bool valid_gender(std::string_view g) {
  const std::string l = lower_ascii(g);
  return l.empty() || l == "m" || l == "f" || l == "u" || l == "male" || l == "female" || l == "any" ||
         l == "unisex" || l == "either";
}

// Adds rows replacing earlier ones with the same key (the folded key string).
template <class Entry, class KeyOf>
void merge(std::vector<Entry>& table, std::vector<Entry>&& incoming, KeyOf key_of) {
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(table.size() + incoming.size());
  for (std::size_t i = 0; i < table.size(); ++i) index.emplace(key_of(table[i]), i);
  for (auto& e : incoming) {
    const std::string k = key_of(e);
    const auto it = index.find(k);
    if (it != index.end()) {
      table[it->second] = std::move(e);
    } else {
      index.emplace(k, table.size());
      table.push_back(std::move(e));
    }
  }
}

// Within one file, a key twice is an error (the later row is skipped).
class DuplicateGuard {
 public:
  bool first(const std::string& key, std::int64_t line, std::string_view source, std::vector<Diagnostic>& diags,
             const char* what) {
    const auto [it, inserted] = seen_.emplace(key, line);
    if (!inserted)
      diags.push_back(make_diag(Severity::error, "lexicon.duplicate",
                                std::string(what) + " \"" + key + "\" already defined on line " +
                                    std::to_string(it->second),
                                source, line));
    return inserted;
  }

 private:
  std::unordered_map<std::string, std::int64_t> seen_;
};

}  // namespace

// [SECTION] Kinds

const char* to_string(LexiconKind kind) {
  switch (kind) {
    case LexiconKind::countries: return "countries";
    case LexiconKind::organizations: return "organizations";
    case LexiconKind::sectors: return "sectors";
    case LexiconKind::titles: return "titles";
    case LexiconKind::honorifics: return "honorifics";
    case LexiconKind::given_names: return "given_names";
    case LexiconKind::nominals: return "nominals";
    case LexiconKind::abbreviations: return "abbreviations";
    case LexiconKind::common_words: return "common_words";
    case LexiconKind::places: return "places";
    case LexiconKind::name_features: return "name_features";
  }
  return "";
}

std::optional<LexiconKind> parse_lexicon_kind(std::string_view name) {
  const std::string l = lower_ascii(name);
  for (LexiconKind k : kLexiconKinds)
    if (l == to_string(k)) return k;
  if (l == "organisations") return LexiconKind::organizations;
  if (l == "given-names" || l == "givennames") return LexiconKind::given_names;
  if (l == "common-words") return LexiconKind::common_words;
  return std::nullopt;
}

std::optional<LexiconKind> Lexicons::detect_kind(std::string_view text, std::string_view source) {
  std::vector<Diagnostic> ignored;
  // Only the header matters: parse the first lines.
  const TsvTable t = parse_tsv(text.substr(0, std::min<std::size_t>(text.size(), 4096)), source, ignored);
  auto has = [&](const char* c) { return std::find(t.header.begin(), t.header.end(), c) != t.header.end(); };
  if (!t.header.empty()) {
    const std::string& first = t.header.front();
    if (first == "iso3" || has("capitals") || has("adjectives")) return LexiconKind::countries;
    if (first == "code" && has("name")) return LexiconKind::organizations;
    if (first == "title") return LexiconKind::titles;
    if (first == "honorific") return LexiconKind::honorifics;
    if (first == "abbreviation") return LexiconKind::abbreviations;
    if (first == "noun" && has("role")) return LexiconKind::nominals;
    if (first == "noun") return LexiconKind::sectors;
    if (first == "word") return LexiconKind::common_words;
    if (first == "name" && has("kind")) return LexiconKind::places;
    if (first == "feature") return LexiconKind::name_features;
    if (first == "name" && has("gender")) return LexiconKind::given_names;
  }
  // File name stem: ".../countries.tsv" or "my-countries.tsv".
  std::string_view stem = source;
  const std::size_t slash = stem.find_last_of("/\\");
  if (slash != std::string_view::npos) stem.remove_prefix(slash + 1);
  const std::size_t dot = stem.find('.');
  if (dot != std::string_view::npos) stem = stem.substr(0, dot);
  if (auto k = parse_lexicon_kind(stem)) return k;
  const std::string l = lower_ascii(stem);
  for (LexiconKind k : kLexiconKinds)
    if (l.find(to_string(k)) != std::string::npos) return k;
  return std::nullopt;
}

// [SECTION] Lexicons

Lexicons::Lexicons() : gazetteer_(std::make_shared<detail::Gazetteer>()) {}

const Lexicons& Lexicons::builtin() {
  static const Lexicons instance = load_builtin(nullptr);
  return instance;
}

Lexicons Lexicons::load_builtin(std::vector<Diagnostic>* diagnostics) {
  Lexicons lex;
  std::vector<Diagnostic> all;
  for (LexiconKind kind : kLexiconKinds) {
    const std::string file = std::string(to_string(kind)) + ".tsv";
    bool found = false;
    const std::string_view data = detail::embedded_file(file, &found);
    if (!found) continue;
    auto diags = lex.add_rows(kind, data, file);
    all.insert(all.end(), std::make_move_iterator(diags.begin()), std::make_move_iterator(diags.end()));
  }
  lex.rebuild();
  if (diagnostics) diagnostics->insert(diagnostics->end(), all.begin(), all.end());
  return lex;
}

std::vector<Diagnostic> Lexicons::add_tsv(std::string_view text, std::string_view source) {
  const auto kind = detect_kind(text, source);
  if (!kind) {
    std::vector<Diagnostic> diags;
    diags.push_back(make_diag(Severity::error, "lexicon.kind",
                              "cannot tell which lexicon this is from its header row or file name (expected e.g. "
                              "countries.tsv with columns iso3, name, aliases, adjectives, capitals, status)",
                              source, 1));
    return diags;
  }
  return add_tsv(*kind, text, source);
}

std::vector<Diagnostic> Lexicons::add_tsv(LexiconKind kind, std::string_view text, std::string_view source) {
  auto diags = add_rows(kind, text, source);
  rebuild();
  return diags;
}

std::vector<Diagnostic> Lexicons::add_rows(LexiconKind kind, std::string_view text, std::string_view source) {
  std::vector<Diagnostic> diags;
  const TsvTable table = parse_tsv(text, source, diags);
  if (table.header.empty()) {
    diags.push_back(make_diag(Severity::error, "lexicon.header", "no header row", source, 1));
    return diags;
  }
  Columns cols{table, source, diags, {}};
  DuplicateGuard dup;
  const std::string src(source);

  switch (kind) {
    case LexiconKind::countries: {
      if (!cols.bind({{"iso3", true}, {"name", true}, {"aliases", false}, {"adjectives", false},
                      {"capitals", false}, {"status", false}}))
        break;
      std::vector<CountryEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.iso3(0, false);
        chk.required(1, "name");
        if (!chk.ok || !dup.first(std::string(cols.get(r, 0)), r.line, source, diags, "iso3")) continue;
        CountryEntry e;
        e.iso3 = cols.get(r, 0);
        e.name = cols.get(r, 1);
        e.aliases = list(cols.get(r, 2));
        e.adjectives = list(cols.get(r, 3));
        e.capitals = list(cols.get(r, 4));
        e.status = cols.get(r, 5);
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(countries_, std::move(rows), [](const CountryEntry& e) { return e.iso3; });
      break;
    }
    case LexiconKind::organizations: {
      if (!cols.bind({{"code", true}, {"name", true}, {"aliases", false}, {"type", false}, {"country", false},
                      {"sector", false}}))
        break;
      std::vector<OrganizationEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        if (!is_upper_code(cols.get(r, 0), 3, 12)) chk.error(0, "code \"" + std::string(cols.get(r, 0)) + "\" is not 3-12 upper-case letters or digits");
        chk.required(1, "name");
        const auto type = cols.get(r, 3);
        if (!type.empty() && !is_actor_type(type))
          chk.error(3, "type \"" + std::string(type) + "\" is not an actor type (ORGANIZATION, GOVERNMENT, GROUP, ...)");
        chk.iso3(4, true);
        chk.sector(5, true);
        if (!chk.ok || !dup.first(detail::fold(cols.get(r, 1)), r.line, source, diags, "name")) continue;
        OrganizationEntry e;
        e.code = cols.get(r, 0);
        e.name = cols.get(r, 1);
        e.aliases = list(cols.get(r, 2));
        e.type = type.empty() ? "ORGANIZATION" : std::string(type);
        e.country = cols.get(r, 4);
        e.sector = cols.get(r, 5);
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(organizations_, std::move(rows), [](const OrganizationEntry& e) { return detail::fold(e.name); });
      break;
    }
    case LexiconKind::sectors: {
      if (!cols.bind({{"noun", true}, {"sector", true}, {"type", false}, {"number", false}, {"aliases", false}}))
        break;
      std::vector<SectorEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "noun");
        chk.sector(1, false);
        const auto type = cols.get(r, 2);
        if (!type.empty() && !is_actor_type(type)) chk.error(2, "type \"" + std::string(type) + "\" is not an actor type");
        const auto number = cols.get(r, 3);
        if (!number.empty()) chk.one_of(3, {"singular", "plural", "collective", "mass", "both"});
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "noun")) continue;
        SectorEntry e;
        e.noun = cols.get(r, 0);
        e.sector = cols.get(r, 1);
        e.type = type.empty() ? "GOVERNMENT" : std::string(type);
        e.number = number;
        e.aliases = list(cols.get(r, 4));
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(sectors_, std::move(rows), [](const SectorEntry& e) { return detail::fold(e.noun); });
      break;
    }
    case LexiconKind::titles: {
      if (!cols.bind({{"title", true}, {"sector", true}, {"gender", false}, {"rank", false}, {"aliases", false}}))
        break;
      std::vector<TitleEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "title");
        chk.sector(1, true);
        if (!valid_gender(cols.get(r, 2))) chk.error(2, "gender \"" + std::string(cols.get(r, 2)) + "\" is not male, female or empty");
        int rank = 0;
        const auto rank_s = cols.get(r, 3);
        if (!rank_s.empty()) {
          const std::string tmp(rank_s);
          char* end = nullptr;
          const long v = std::strtol(tmp.c_str(), &end, 10);
          if (end == tmp.c_str() || *end != '\0' || v < 0 || v > 1000) chk.error(3, "rank \"" + tmp + "\" is not a whole number 0-1000");
          else rank = static_cast<int>(v);
        }
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "title")) continue;
        TitleEntry e;
        e.title = cols.get(r, 0);
        e.sector = cols.get(r, 1);
        e.gender = normalise_gender(cols.get(r, 2));
        e.rank = rank;
        e.aliases = list(cols.get(r, 4));
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(titles_, std::move(rows), [](const TitleEntry& e) { return detail::fold(e.title); });
      break;
    }
    case LexiconKind::honorifics: {
      if (!cols.bind({{"honorific", true}, {"gender", false}})) break;
      std::vector<HonorificEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "honorific");
        if (!valid_gender(cols.get(r, 1))) chk.error(1, "gender \"" + std::string(cols.get(r, 1)) + "\" is not male, female or empty");
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "honorific")) continue;
        HonorificEntry e;
        e.honorific = cols.get(r, 0);
        e.gender = normalise_gender(cols.get(r, 1));
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(honorifics_, std::move(rows), [](const HonorificEntry& e) { return detail::fold(e.honorific); });
      break;
    }
    case LexiconKind::given_names: {
      if (!cols.bind({{"name", true}, {"gender", false}})) break;
      std::vector<GivenNameEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "name");
        if (!valid_gender(cols.get(r, 1))) chk.error(1, "gender \"" + std::string(cols.get(r, 1)) + "\" is not male, female or empty");
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "name")) continue;
        GivenNameEntry e;
        e.name = cols.get(r, 0);
        e.gender = normalise_gender(cols.get(r, 1));
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(given_names_, std::move(rows), [](const GivenNameEntry& e) { return detail::fold(e.name); });
      break;
    }
    case LexiconKind::nominals: {
      if (!cols.bind({{"noun", true}, {"role", true}, {"number", false}, {"sector", false}, {"aliases", false}}))
        break;
      std::vector<NominalEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "noun");
        chk.one_of(1, {"state", "government", "person", "counterpart", "group", "organization"});
        const auto number = cols.get(r, 2);
        if (!number.empty()) chk.one_of(2, {"singular", "plural", "collective"});
        chk.sector(3, true);
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "noun")) continue;
        NominalEntry e;
        e.noun = cols.get(r, 0);
        e.role = cols.get(r, 1);
        e.number = number.empty() ? "singular" : std::string(number);
        e.sector = cols.get(r, 3);
        e.aliases = list(cols.get(r, 4));
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(nominals_, std::move(rows), [](const NominalEntry& e) { return detail::fold(e.noun); });
      break;
    }
    case LexiconKind::abbreviations: {
      if (!cols.bind({{"abbreviation", true}, {"type", true}})) break;
      std::vector<AbbreviationEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        const auto a = chk.required(0, "abbreviation");
        if (!a.empty() && (a.back() != '.' || a.size() < 2 || a.find(' ') != std::string_view::npos))
          chk.error(0, "abbreviation \"" + std::string(a) + "\" must be one word ending in a period");
        chk.one_of(1, {"title", "month", "before_number", "other"});
        const std::string key = detail::fold(a);
        if (!chk.ok || !dup.first(key, r.line, source, diags, "abbreviation")) continue;
        AbbreviationEntry e;
        e.abbreviation = a;
        e.type = cols.get(r, 1);
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(abbreviations_, std::move(rows), [](const AbbreviationEntry& e) { return detail::fold(e.abbreviation); });
      break;
    }
    case LexiconKind::common_words: {
      if (!cols.bind({{"word", true}, {"tag", false}})) break;
      std::vector<CommonWordEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "word");
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "word")) continue;
        CommonWordEntry e;
        e.word = cols.get(r, 0);
        e.tag = cols.get(r, 1);
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(common_words_, std::move(rows), [](const CommonWordEntry& e) { return detail::fold(e.word); });
      break;
    }
    case LexiconKind::places: {
      if (!cols.bind({{"name", true}, {"kind", true}, {"country", false}, {"aliases", false}})) break;
      std::vector<PlaceEntry> rows;
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "name");
        chk.one_of(1, {"continent", "region", "city", "water", "landform"});
        chk.iso3(2, true);
        const std::string key = detail::fold(cols.get(r, 0));
        if (!chk.ok || !dup.first(key, r.line, source, diags, "name")) continue;
        PlaceEntry e;
        e.name = cols.get(r, 0);
        e.kind = cols.get(r, 1);
        e.country = cols.get(r, 2);
        e.aliases = list(cols.get(r, 3));
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(places_, std::move(rows), [](const PlaceEntry& e) { return detail::fold(e.name); });
      break;
    }
    case LexiconKind::name_features: {
      if (!cols.bind({{"feature", true}, {"per", true}, {"org", true}, {"loc", true}})) break;
      std::vector<NameFeatureEntry> rows;
      rows.reserve(table.rows.size());
      for (const auto& r : table.rows) {
        RowChecker chk{cols, r};
        chk.required(0, "feature");
        std::int64_t v[3] = {0, 0, 0};
        for (std::size_t k = 0; k < 3; ++k) {
          const std::string tmp(cols.get(r, k + 1));
          char* end = nullptr;
          const long long n = std::strtoll(tmp.c_str(), &end, 10);
          if (tmp.empty() || *end != '\0' || n < 0) chk.error(k + 1, "count \"" + tmp + "\" is not a whole number >= 0");
          else v[k] = n;
        }
        if (!chk.ok || !dup.first(std::string(cols.get(r, 0)), r.line, source, diags, "feature")) continue;
        NameFeatureEntry e;
        e.feature = cols.get(r, 0);
        e.per = v[0];
        e.org = v[1];
        e.loc = v[2];
        e.source = src;
        e.line = r.line;
        rows.push_back(std::move(e));
      }
      merge(name_features_, std::move(rows), [](const NameFeatureEntry& e) { return e.feature; });
      break;
    }
  }
  return diags;
}

void Lexicons::rebuild() { gazetteer_ = std::make_shared<const detail::Gazetteer>(*this); }

}  // namespace dyad
