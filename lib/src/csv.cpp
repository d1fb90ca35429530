#include "kennis/csv.hpp"

#include "words.hpp"

namespace kennis {

std::string csv_field(std::string_view text) {
    return text.find_first_of(",\"\n\r") == std::string_view::npos ? std::string(text) : double_quoted(text);
}

} // namespace kennis
