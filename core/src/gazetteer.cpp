// Compiling the lexicon tables into the phrase index the mention detector scans with.
#include "internal/gazetteer.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace dyad::detail {
namespace {

bool looks_plural(std::string_view folded_last_token) {
  const auto n = folded_last_token.size();
  if (n < 3 || folded_last_token[n - 1] != 's') return false;
  const char b = folded_last_token[n - 2];
  return b != 's' && b != 'u' && b != 'i';
}

// The plural of a title phrase ("foreign minister" -> "foreign ministers", "spokesman" ->
// "spokesmen"); "" when the phrase has no simple plural ("minister of state").
std::string title_plural(std::string_view title) {
  if (title.empty() || title.find(" of ") != std::string_view::npos || title.find('.') != std::string_view::npos)
    return "";
  for (char c : title)
    if (c >= 'A' && c <= 'Z') return "";  // abbreviations and acronyms: "PM", "Gen."
  std::string p(title);
  const auto ends = [&](std::string_view suf) { return p.size() >= suf.size() && p.compare(p.size() - suf.size(), suf.size(), suf) == 0; };
  if (ends("man")) return p.substr(0, p.size() - 3) + "men";
  if (ends("woman")) return p.substr(0, p.size() - 5) + "women";
  if (ends("s") || ends("sh") || ends("ch") || ends("x")) return p + "es";
  if (ends("y") && p.size() >= 2 && std::string_view("aeiou").find(p[p.size() - 2]) == std::string_view::npos)
    return p.substr(0, p.size() - 1) + "ies";
  return p + "s";
}

WordTag parse_tag(std::string_view t) {
  struct Pair {
    const char* name;
    WordTag tag;
  };
  static constexpr Pair kTags[] = {{"NOUN", WordTag::noun}, {"VERB", WordTag::verb},   {"ADJ", WordTag::adj},
                                   {"ADV", WordTag::adv},   {"ADP", WordTag::adp},     {"DET", WordTag::det},
                                   {"PRON", WordTag::pron}, {"AUX", WordTag::aux},     {"CCONJ", WordTag::cconj},
                                   {"SCONJ", WordTag::sconj}, {"NUM", WordTag::num},   {"PART", WordTag::part},
                                   {"INTJ", WordTag::intj}};
  for (const auto& p : kTags)
    if (t == p.name) return p.tag;
  return WordTag::other;
}

}  // namespace

std::vector<std::uint64_t> phrase_token_keys(std::string_view phrase, const AbbreviationTable& abbrevs) {
  TextLayer layer;
  tokenize(phrase, abbrevs, layer);
  std::vector<std::uint64_t> keys;
  keys.reserve(layer.tokens.size());
  for (const auto& t : layer.tokens) keys.push_back(t.key);
  return keys;
}

void Gazetteer::add_phrase(std::string_view phrase, SenseKind kind, std::uint32_t row, std::uint32_t form,
                           std::uint8_t flags) {
  if (phrase.empty()) return;
  tokenize(phrase, abbrevs_, scratch_);
  const auto& toks = scratch_.tokens;
  if (toks.empty() || toks.size() > 0xFFFF) return;
  if (toks.front().has(kTokUpperInitial)) flags |= kSenseProper;
  bool caps = true;
  std::size_t letters = 0;
  for (const auto& t : toks) {
    if (t.has(kTokWord) && !t.has(kTokDigit)) {
      letters += t.fold_len;
      if (!t.has(kTokAllCaps)) caps = false;
    }
  }
  if (caps && letters >= 2) flags |= kSenseAcronym;
  std::uint64_t key = kPhraseSeed;
  for (std::size_t i = 0; i < toks.size(); ++i) {
    key = phrase_key_step(key, toks[i].key);
    if (i + 1 < toks.size()) prefixes_.push_back(key);
  }
  Sense s;
  s.kind = kind;
  s.flags = flags;
  s.tokens = static_cast<std::uint16_t>(toks.size());
  s.row = row;
  s.form = form;
  pending_.push_back({key, s});
  max_tokens_ = std::max(max_tokens_, toks.size());
}

Gazetteer::Gazetteer(const Lexicons& lex) {
  for (const auto& a : lex.abbreviations()) {
    std::string stem = fold(a.abbreviation);
    if (!stem.empty() && stem.back() == '.') stem.pop_back();
    AbbrevType type = AbbrevType::other;
    if (a.type == "title") type = AbbrevType::title;
    else if (a.type == "month") type = AbbrevType::month;
    else if (a.type == "before_number") type = AbbrevType::before_number;
    abbrevs_.add(stem, type);
  }

  // A title or honorific written with a period ("Sh.", "Brig.") keeps its period in the text.
  auto abbreviation_from = [&](const std::string& form) {
    if (form.size() < 3 || form.back() != '.' || form.find(' ') != std::string::npos) return;
    std::string stem = fold(form);
    stem.pop_back();
    if (stem.find('.') != std::string::npos || abbrevs_.find(stem) != AbbrevType::none) return;
    abbrevs_.add(stem, AbbrevType::title);
  };
  for (const auto& t : lex.titles()) {
    abbreviation_from(t.title);
    for (const auto& a : t.aliases) abbreviation_from(a);
  }
  for (const auto& h : lex.honorifics()) abbreviation_from(h.honorific);

  auto add_list = [&](const std::vector<std::string>& forms, SenseKind kind, std::uint32_t row, std::uint32_t first_form,
                      std::uint8_t flags) {
    for (std::size_t k = 0; k < forms.size(); ++k)
      add_phrase(forms[k], kind, row, first_form + static_cast<std::uint32_t>(k), flags);
  };
  auto plural_flag = [&](std::string_view phrase, bool declared_plural, std::string_view main) -> std::uint8_t {
    const std::string f = fold(phrase);
    const std::size_t sp = f.find_last_of(' ');
    const std::string_view last = sp == std::string::npos ? std::string_view(f) : std::string_view(f).substr(sp + 1);
    if (declared_plural && phrase == main) return kSensePlural;
    if (!declared_plural && looks_plural(last) && fold(main) != f) return kSensePlural;
    if (declared_plural && looks_plural(last)) return kSensePlural;
    return 0;
  };

  const auto& countries = lex.countries();
  for (std::uint32_t r = 0; r < countries.size(); ++r) {
    const auto& c = countries[r];
    add_phrase(c.name, SenseKind::country, r, 0, 0);
    add_list(c.aliases, SenseKind::country, r, 1, kSenseAlias);
    add_list(c.adjectives, SenseKind::country_adjective, r, 0, 0);
    add_list(c.capitals, SenseKind::capital, r, 0, 0);
  }
  const auto& orgs = lex.organizations();
  for (std::uint32_t r = 0; r < orgs.size(); ++r) {
    add_phrase(orgs[r].name, SenseKind::organization, r, 0, 0);
    add_list(orgs[r].aliases, SenseKind::organization, r, 1, kSenseAlias);
  }
  const auto& sectors = lex.sectors();
  for (std::uint32_t r = 0; r < sectors.size(); ++r) {
    const auto& s = sectors[r];
    const bool pl = s.number == "plural";
    add_phrase(s.noun, SenseKind::sector, r, 0, plural_flag(s.noun, pl, s.noun));
    for (std::size_t k = 0; k < s.aliases.size(); ++k)
      add_phrase(s.aliases[k], SenseKind::sector, r, static_cast<std::uint32_t>(k + 1),
                 static_cast<std::uint8_t>(kSenseAlias | plural_flag(s.aliases[k], pl, s.noun)));
  }
  const auto& titles = lex.titles();
  for (std::uint32_t r = 0; r < titles.size(); ++r) {
    const auto& t = titles[r];
    add_phrase(t.title, SenseKind::title, r, 0, 0);
    for (std::size_t k = 0; k < t.aliases.size(); ++k)
      add_phrase(t.aliases[k], SenseKind::title, r, static_cast<std::uint32_t>(k + 1),
                 static_cast<std::uint8_t>(kSenseAlias | plural_flag(t.aliases[k], false, t.title)));
  }
  // Plurals of titles ("foreign ministers", "generals") unless a table lists that phrase itself.
  std::unordered_set<std::uint64_t> listed_keys;
  for (const auto& p : pending_) listed_keys.insert(p.key);
  for (std::uint32_t r = 0; r < titles.size(); ++r) {
    const auto& t = titles[r];
    std::vector<std::string> forms{t.title};
    forms.insert(forms.end(), t.aliases.begin(), t.aliases.end());
    for (std::size_t k = 0; k < forms.size(); ++k) {
      const std::string pl = title_plural(forms[k]);
      if (pl.empty()) continue;
      std::uint64_t key = kPhraseSeed;
      for (std::uint64_t tk : phrase_token_keys(pl, abbrevs_)) key = phrase_key_step(key, tk);
      if (listed_keys.insert(key).second) add_phrase(pl, SenseKind::title, r, static_cast<std::uint32_t>(k), kSenseAlias | kSensePlural);
    }
  }
  // Last words of titles, for titles no row spells out ("Cabinet Secretary", "Energy Minister").
  {
    std::unordered_map<std::string, std::int32_t> tails;
    for (std::uint32_t r = 0; r < titles.size(); ++r) {
      std::vector<std::string> forms{titles[r].title};
      forms.insert(forms.end(), titles[r].aliases.begin(), titles[r].aliases.end());
      for (const auto& f : forms) {
        if (f.empty() || (f[0] >= 'A' && f[0] <= 'Z') || f.find('.') != std::string::npos) continue;
        const std::string folded = fold(f);
        if (folded.find(" of ") != std::string::npos) continue;
        const std::size_t sp = folded.find_last_of(' ');
        const std::string last = sp == std::string::npos ? folded : folded.substr(sp + 1);
        if (last.size() < 4) continue;
        if (sp == std::string::npos) tails[last] = static_cast<std::int32_t>(r);
        else tails.emplace(last, -2);
      }
    }
    title_tails_.reserve(tails.size());
    for (const auto& [w, r] : tails) title_tails_[token_key(w)] = r;
  }
  const auto& hons = lex.honorifics();
  for (std::uint32_t r = 0; r < hons.size(); ++r) add_phrase(hons[r].honorific, SenseKind::honorific, r, 0, 0);
  const auto& given = lex.given_names();
  for (std::uint32_t r = 0; r < given.size(); ++r) add_phrase(given[r].name, SenseKind::given_name, r, 0, 0);
  const auto& noms = lex.nominals();
  for (std::uint32_t r = 0; r < noms.size(); ++r) {
    const auto& n = noms[r];
    const std::uint8_t pl = n.number == "plural" ? kSensePlural : 0;
    add_phrase(n.noun, SenseKind::nominal, r, 0, pl);
    for (std::size_t k = 0; k < n.aliases.size(); ++k)
      add_phrase(n.aliases[k], SenseKind::nominal, r, static_cast<std::uint32_t>(k + 1),
                 static_cast<std::uint8_t>(kSenseAlias | pl));
  }
  const auto& places = lex.places();
  for (std::uint32_t r = 0; r < places.size(); ++r) {
    add_phrase(places[r].name, SenseKind::place, r, 0, 0);
    add_list(places[r].aliases, SenseKind::place, r, 1, kSenseAlias);
  }
  // The name-type model: add-half smoothed log-likelihoods per feature and class.
  {
    const auto& nf = lex.name_features();
    double total[3] = {0, 0, 0}, prior[3] = {0, 0, 0};
    std::size_t vocab = 0;
    for (const auto& f : nf) {
      if (f.feature == "<prior>") {
        prior[0] = static_cast<double>(f.per);
        prior[1] = static_cast<double>(f.org);
        prior[2] = static_cast<double>(f.loc);
        continue;
      }
      total[0] += static_cast<double>(f.per);
      total[1] += static_cast<double>(f.org);
      total[2] += static_cast<double>(f.loc);
      ++vocab;
    }
    const double all = prior[0] + prior[1] + prior[2];
    if (all > 0) {
      for (int k = 0; k < 3; ++k) name_prior_[static_cast<std::size_t>(k)] = static_cast<float>(std::log((prior[k] + 1.0) / (all + 3.0)));
      name_features_.reserve(vocab);
      for (const auto& f : nf) {
        if (f.feature == "<prior>") continue;
        const double c[3] = {static_cast<double>(f.per), static_cast<double>(f.org), static_cast<double>(f.loc)};
        std::array<float, 3> ll{};
        for (int k = 0; k < 3; ++k)
          ll[static_cast<std::size_t>(k)] = static_cast<float>(std::log((c[k] + 0.5) / (total[k] + 0.5 * static_cast<double>(vocab))));
        name_features_[token_key(f.feature)] = ll;
      }
    }
  }
  const auto& common = lex.common_words();
  common_.reserve(common.size());
  for (const auto& w : common) {
    const std::string f = fold(w.word);
    common_[token_key(f)] = parse_tag(w.tag);
  }

  // Group senses by key (stable: table order is kept within a key).
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) { return a.key < b.key; });
  senses_.reserve(pending_.size());
  phrases_.reserve(pending_.size() + prefixes_.size());
  for (std::size_t i = 0; i < pending_.size();) {
    std::size_t j = i;
    Entry& e = phrases_[pending_[i].key];
    e.first = static_cast<std::uint32_t>(senses_.size());
    while (j < pending_.size() && pending_[j].key == pending_[i].key) {
      // The same sense twice (an alias repeating the name) is kept once.
      bool dup = false;
      for (std::size_t k = e.first; k < senses_.size(); ++k) {
        if (senses_[k].kind != pending_[j].sense.kind || senses_[k].row != pending_[j].sense.row) continue;
        dup = true;
        // "Lieutenant-General|lieutenant-general": the least demanding capitalisation wins.
        constexpr std::uint8_t kCase = kSenseProper | kSenseAcronym;
        senses_[k].flags = static_cast<std::uint8_t>((senses_[k].flags & ~kCase) |
                                                     (senses_[k].flags & pending_[j].sense.flags & kCase));
      }
      if (!dup) senses_.push_back(pending_[j].sense);
      ++j;
    }
    e.count = static_cast<std::uint32_t>(senses_.size() - e.first);
    i = j;
  }
  for (std::uint64_t p : prefixes_) phrases_[p].prefix = true;
  pending_.clear();
  pending_.shrink_to_fit();
  prefixes_.clear();
  prefixes_.shrink_to_fit();
  scratch_ = TextLayer{};
}

}  // namespace dyad::detail
