#pragma once

#include "kennis/listing.hpp"

#include <string>
#include <string_view>

namespace kennis {

// The first line of every snapshot file.
inline constexpr std::string_view snapshot_magic = "#kennis-snapshot";

bool looks_like_snapshot(std::string_view text);

// Reads a snapshot (see catalog/README.md). `name` is how errors refer to the input; a file with
// any error is rejected whole with an InputError "NAME:LINE: problem". `fallback_source` is the
// source identity when the file has no "# source:" line.
Listing parse_snapshot(std::string_view text, const std::string& name,
                       const std::string& fallback_source);

// The Downloadcentrum snapshot compiled into kennis.
Listing builtin_snapshot();

} // namespace kennis
