#include "autosave.hpp"

#include <cinttypes>
#include <cstdio>
#include <cstdlib>

namespace dyad::app {
namespace {

constexpr std::string_view kMagic = "dyad-autosave/2 ";

}  // namespace

std::uint32_t fnv1a32(std::string_view bytes) {
  std::uint32_t h = 2166136261u;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::string encode_autosave(std::string_view document_json, double saved_at_ms) {
  char header[128];
  std::snprintf(header, sizeof header, "dyad-autosave/2 %.0f %zu %08" PRIx32 "\n", saved_at_ms, document_json.size(),
                fnv1a32(document_json));
  std::string out;
  out.reserve(document_json.size() + 64);
  out += header;
  out += document_json;
  return out;
}

std::optional<AutosaveRecord> decode_autosave(std::string stored, std::string* problem) {
  if (!stored.empty() && stored.front() == '{') {  // v1: the document itself
    AutosaveRecord r;
    r.document_json = std::move(stored);
    return r;
  }
  const std::size_t nl = stored.find('\n');
  if (stored.compare(0, kMagic.size(), kMagic) != 0 || nl == std::string::npos) {
    *problem = "the saved copy is damaged (it does not start like a dyad autosave)";
    return std::nullopt;
  }
  const std::string header = stored.substr(kMagic.size(), nl - kMagic.size());
  double saved_at = 0;
  unsigned long long bytes = 0;
  unsigned int sum = 0;
  if (std::sscanf(header.c_str(), "%lf %llu %x", &saved_at, &bytes, &sum) != 3) {
    *problem = "the saved copy is damaged (unreadable header)";
    return std::nullopt;
  }
  const std::string_view body = std::string_view(stored).substr(nl + 1);
  if (body.size() != bytes) {
    char msg[160];
    std::snprintf(msg, sizeof msg, "the saved copy is damaged (%zu of %llu bytes)", body.size(), bytes);
    *problem = msg;
    return std::nullopt;
  }
  if (fnv1a32(body) != sum) {
    *problem = "the saved copy is damaged (checksum mismatch)";
    return std::nullopt;
  }
  AutosaveRecord r;
  r.saved_at_ms = saved_at;
  stored.erase(0, nl + 1);
  r.document_json = std::move(stored);
  return r;
}

}  // namespace dyad::app
