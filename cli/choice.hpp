#pragma once

#include <span>
#include <string_view>

namespace CLI {
class App;
class Option;
}

namespace kennis::cli {

// Makes `option` (or a positional) take one of `values`, from kennis/choices.hpp: the parser refuses
// anything else, --help shows them as {a,b,c}, and the completions offer them.
CLI::Option* choose_from(CLI::Option* option, std::span<const std::string_view> values);

// The same for a value the library reads in more spellings than it offers (--level vso): shown and
// offered, but left to the library to judge.
CLI::Option* offer(CLI::Option* option, std::span<const std::string_view> values);

// The values an option was given by choose_from or offer; empty for any other option.
std::span<const std::string_view> choices_of(const CLI::Option& option);

} // namespace kennis::cli
