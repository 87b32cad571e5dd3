#include "dyad/diagnostic.hpp"

namespace dyad {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

bool has_errors(const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (d.severity == Severity::error) return true;
  return false;
}

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.source.empty()) out += d.source + ":";
  if (d.line > 0) {
    out += std::to_string(d.line) + ":";
    if (d.column > 0) out += std::to_string(d.column) + ":";
  }
  if (!out.empty()) out += " ";
  out += to_string(d.severity);
  out += ": ";
  out += d.message;
  if (!d.path.empty()) out += " [at " + d.path + "]";
  if (!d.code.empty()) out += " (" + d.code + ")";
  return out;
}

}  // namespace dyad
