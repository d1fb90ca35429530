#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

// The values of every option that takes one of a fixed set, defined once: the library reads them,
// the command line checks them and shows them in --help, the completions offer them, and the
// manual pages are checked against them.
namespace kennis::choices {

inline constexpr std::array<std::string_view, 5> format{"table", "json", "csv", "tsv", "paths"};
// `changes` also writes a feed and a mail.
inline constexpr std::array<std::string_view, 6> changes_format{"table", "json", "csv", "tsv", "atom", "email"};
inline constexpr std::array<std::string_view, 4> layout{"theme", "tag", "type", "flat"};
inline constexpr std::array<std::string_view, 4> link{"auto", "hardlink", "copy", "symlink"};
inline constexpr std::array<std::string_view, 3> status{"active", "withdrawn", "all"};
inline constexpr std::array<std::string_view, 3> ocr{"auto", "never", "always"};
inline constexpr std::array<std::string_view, 4> level{"PO", "VO", "(V)SO", "MBO"};
inline constexpr std::array<std::string_view, 3> shell{"bash", "zsh", "fish"};

// "a, b, c or d", for messages that name what would have been right.
std::string one_of(std::span<const std::string_view> values);

} // namespace kennis::choices
