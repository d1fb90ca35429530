#include "kennis/csv.hpp"

#include "words.hpp"

namespace kennis {

std::string csv_field(std::string_view text) {
    std::string out;
    append_csv_field(out, text);
    return out;
}

void append_csv_field(std::string& out, std::string_view text) {
    if (text.find_first_of(",\"\n\r") == std::string_view::npos)
        out.append(text);
    else
        out += double_quoted(text);
}

} // namespace kennis
