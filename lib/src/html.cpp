#include "html.hpp"

#include <algorithm>

namespace kennis {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_html_escaped(out, text);
    return out;
}

void append_html_escaped(std::string& out, std::string_view text) {
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t special = std::min(text.find_first_of("&<>\"", start), text.size());
        out.append(text.substr(start, special - start));
        if (special == text.size())
            break;
        switch (text[special]) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += "&quot;";
        }
        start = special + 1;
    }
}

} // namespace kennis
