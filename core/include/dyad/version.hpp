#pragma once
/// Version of the dyad library.

namespace dyad {

/// "0.1.0" — the project version from CMake.
const char* version();

}  // namespace dyad
