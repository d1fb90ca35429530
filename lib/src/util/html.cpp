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
    const auto special = [](char c) { return c == '&' || c == '<' || c == '>' || c == '"'; };
    for (auto start = text.begin(); start != text.end();) {
        const auto at = std::find_if(start, text.end(), special);
        out.append(start, at);
        if (at == text.end())
            break;
        switch (*at) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += "&quot;";
        }
        start = at + 1;
    }
}

} // namespace kennis
