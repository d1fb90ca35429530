#include "choice.hpp"

#include <CLI/CLI.hpp>
#include <fmt/ranges.h>
#include <map>
#include <vector>

namespace kennis::cli {
namespace {

std::map<const CLI::Option*, std::span<const std::string_view>>& registry() {
    static std::map<const CLI::Option*, std::span<const std::string_view>> options;
    return options;
}

CLI::Option* remember(CLI::Option* option, std::span<const std::string_view> values) {
    registry()[option] = values;
    return option;
}

} // namespace

CLI::Option* choose_from(CLI::Option* option, std::span<const std::string_view> values) {
    return remember(option->check(CLI::IsMember(std::vector<std::string>(values.begin(), values.end()))), values);
}

CLI::Option* offer(CLI::Option* option, std::span<const std::string_view> values) {
    const CLI::Validator shown([](std::string&) { return std::string(); }, fmt::format("{{{}}}", fmt::join(values, ",")));
    return remember(option->check(shown), values);
}

std::span<const std::string_view> choices_of(const CLI::Option& option) {
    const auto it = registry().find(&option);
    return it == registry().end() ? std::span<const std::string_view>() : it->second;
}

} // namespace kennis::cli
