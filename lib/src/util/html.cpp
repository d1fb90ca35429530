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

void append_xml_escaped(std::string& out, std::string_view text) {
    const auto refused = [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
    };
    if (std::none_of(text.begin(), text.end(), refused)) {
        append_html_escaped(out, text);
        return;
    }
    std::string kept(text);
    std::erase_if(kept, refused);
    append_html_escaped(out, kept);
}

void append_href(std::string& out, std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto escaped = [](char c) {
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                 c == '~' || c == '/');
    };
    for (auto start = path.begin(); start != path.end();) {
        const auto at = std::find_if(start, path.end(), escaped);
        out.append(start, at);
        if (at == path.end())
            break;
        const auto c = static_cast<unsigned char>(*at);
        out += '%';
        out += hex[c >> 4];
        out += hex[c & 0xF];
        start = at + 1;
    }
}

} // namespace kennis
