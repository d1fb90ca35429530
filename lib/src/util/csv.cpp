#include "csv.hpp"

#include "words.hpp"

#include <algorithm>

namespace kennis {

std::string csv_field(std::string_view text) {
    std::string out;
    append_csv_field(out, text);
    return out;
}

void append_csv_field(std::string& out, std::string_view text) {
    const bool plain = std::none_of(text.begin(), text.end(), [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; });
    if (plain)
        out.append(text);
    else
        out += double_quoted(text);
}

} // namespace kennis
