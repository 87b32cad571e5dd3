#pragma once
// The compiled form of the lexicons: every phrase (name, alias, adjective, capital, noun, title,
// ...) tokenised with the text layer and stored under the hash of its folded token sequence, so
// matching is one hash lookup per token extension; phrase prefixes are stored too, so a scan
// stops as soon as no longer phrase can match.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dyad/lexicon.hpp"
#include "internal/text_layer.hpp"

namespace dyad::detail {

/// Open-addressing hash map from non-zero 64-bit keys to small values.
template <class V>
class FlatMap {
 public:
  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < n * 2) cap *= 2;
    if (cap > slots_.size()) rehash(cap);
  }
  const V* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = key & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  V& operator[](std::uint64_t key) {
    if (slots_.empty() || (count_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = key & mask;
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
    if (slots_[i].key == 0) {
      slots_[i].key = key;
      ++count_;
    }
    return slots_[i].value;
  }
  std::size_t size() const { return count_; }

 private:
  struct Slot {
    std::uint64_t key = 0;
    V value{};
  };
  void rehash(std::size_t cap) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(cap, Slot{});
    const std::size_t mask = cap - 1;
    for (auto& s : old) {
      if (s.key == 0) continue;
      std::size_t i = s.key & mask;
      while (slots_[i].key != 0) i = (i + 1) & mask;
      slots_[i] = std::move(s);
    }
  }
  std::vector<Slot> slots_;
  std::size_t count_ = 0;
};

/// What a lexicon phrase is.
enum class SenseKind : std::uint8_t {
  country,            // a country's name or alias
  country_adjective,  // a demonym or adjective ("Iranian")
  capital,            // a capital city
  organization,
  sector,             // a body noun ("foreign ministry")
  title,              // a person's title ("foreign minister")
  honorific,          // "Mr."
  given_name,
  nominal,            // "side", "counterpart", ...
  place,              // a region, city, sea ... (not a capital)
};

enum SenseFlag : std::uint8_t {
  kSenseProper = 1u << 0,   // capitalised in the lexicon: the text must be capitalised too
  kSenseAcronym = 1u << 1,  // in capitals in the lexicon: the text must be in capitals too
  kSensePlural = 1u << 2,
  kSenseAlias = 1u << 3,    // not the row's main form
};

struct Sense {
  SenseKind kind = SenseKind::country;
  std::uint8_t flags = 0;
  std::uint16_t tokens = 0;  // phrase length in tokens
  std::uint32_t row = 0;     // index into the Lexicons table of that kind
  std::uint32_t form = 0;    // which string of the row (0 = main, 1.. = aliases in order)
};

/// Universal POS tags of common words (from the common_words table).
enum class WordTag : std::uint8_t { none, noun, verb, adj, adv, adp, det, pron, aux, cconj, sconj, num, part, intj, other };

class Gazetteer {
 public:
  Gazetteer() = default;
  explicit Gazetteer(const Lexicons& lex);

  const AbbreviationTable& abbreviations() const { return abbrevs_; }
  std::size_t max_phrase_tokens() const { return max_tokens_; }

  struct Entry {
    std::uint32_t first = 0;  // into senses_
    std::uint32_t count = 0;  // 0: only a prefix of longer phrases
    bool prefix = false;      // some longer phrase starts with this one
  };
  /// The entry for a phrase key (phrase_key_step over token keys), or nullptr.
  const Entry* find(std::uint64_t phrase_key) const { return phrases_.find(phrase_key); }
  const Sense* senses(const Entry& e) const { return senses_.data() + e.first; }

  /// A word that ends some multi-word title ("secretary" in "foreign secretary"): the title row
  /// that is exactly this word, -2 if none is, -1 if the word ends no title.
  std::int32_t title_tail(std::uint64_t token_key) const {
    const auto* t = title_tails_.find(token_key);
    return t ? *t : -1;
  }

  /// Log-likelihoods (person, organisation, place) of a name feature's key, or nullptr.
  const std::array<float, 3>* name_feature(std::uint64_t key) const { return name_features_.find(key); }
  /// Log-priors of the three name types (all 0 when the model is empty).
  const std::array<float, 3>& name_type_prior() const { return name_prior_; }
  bool has_name_model() const { return name_features_.size() > 0; }

  /// The common-word tag of a single token key (WordTag::none if not a common word).
  WordTag common_word(std::uint64_t token_key) const {
    const auto* t = common_.find(token_key);
    return t ? *t : WordTag::none;
  }

 private:
  void add_phrase(std::string_view phrase, SenseKind kind, std::uint32_t row, std::uint32_t form, std::uint8_t flags);

  AbbreviationTable abbrevs_;
  FlatMap<Entry> phrases_;
  std::vector<Sense> senses_;
  FlatMap<WordTag> common_;
  FlatMap<std::int32_t> title_tails_;
  FlatMap<std::array<float, 3>> name_features_;
  std::array<float, 3> name_prior_{0.f, 0.f, 0.f};
  std::size_t max_tokens_ = 0;

  // Build scratch.
  struct Pending {
    std::uint64_t key;
    Sense sense;
  };
  std::vector<Pending> pending_;
  std::vector<std::uint64_t> prefixes_;
  TextLayer scratch_;
};

/// Token keys of `phrase` as the text layer tokenises it.
std::vector<std::uint64_t> phrase_token_keys(std::string_view phrase, const AbbreviationTable& abbrevs);

}  // namespace dyad::detail
