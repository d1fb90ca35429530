#pragma once

#include <string>
#include <string_view>

namespace kennis {

// A tag as stored: trimmed, case-folded, one space inside words, no empty levels around '/'.
// Throws UsageError for a tag that is empty after that.
std::string normalize_tag(std::string_view tag);

} // namespace kennis
