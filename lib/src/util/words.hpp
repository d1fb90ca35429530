#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// The runs of letters and digits in a text; everything else separates them.
std::vector<std::string> split_words(std::string_view text);
// The same, each handed to `word` where it stands, without a copy.
void for_each_word(std::string_view text, const std::function<void(std::string_view)>& word);

// The pieces of `text` between the separators: "a/b" gives {"a", "b"}, "" gives {""}.
std::vector<std::string_view> split(std::string_view text, char separator);

// `text` in double quotes with every quote inside doubled: the quoting of CSV and of SQL strings.
std::string double_quoted(std::string_view text);

// Trimmed, with every run of white space (tabs, newlines, no-break spaces) made one space.
std::string collapse_spaces(std::string_view text);

} // namespace kennis
