#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// The runs of letters and digits in a text; everything else separates them.
std::vector<std::string> split_words(std::string_view text);

// Trimmed, with every run of white space (tabs, newlines, no-break spaces) made one space.
std::string collapse_spaces(std::string_view text);

} // namespace kennis
