#include "kennis/choices.hpp"

namespace kennis::choices {

std::string one_of(std::span<const std::string_view> values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out += i + 1 == values.size() ? " or " : ", ";
        out += values[i];
    }
    return out;
}

} // namespace kennis::choices
