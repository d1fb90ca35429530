#include "unicode.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fmt/format.h>
#include <memory>
#include <utf8proc.h>

namespace kennis::unicode {
namespace {

struct FreeDeleter {
    void operator()(utf8proc_uint8_t* p) const noexcept { std::free(p); }
};

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string map(std::string_view text, int options) {
    // ASCII is its own normal form, and folding its case only lowers A-Z: most titles are ASCII,
    // and an export names thousands of them.
    if (is_ascii(text)) {
        std::string out(text);
        if (options & UTF8PROC_CASEFOLD)
            lower_ascii(out);
        return out;
    }
    const std::string valid = sanitize(text);
    utf8proc_uint8_t* raw = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                static_cast<utf8proc_ssize_t>(valid.size()), &raw,
                                static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owned(raw);
    if (n < 0)
        return valid; // only on allocation failure; the unmapped text is still usable
    return std::string(reinterpret_cast<const char*>(raw), static_cast<std::size_t>(n));
}

} // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos,
                                        static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0)
            return false;
        pos += static_cast<std::size_t>(n);
    }
    return true;
}

std::string sanitize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos,
                                        static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0) {
            append(out, 0xFFFD);
            ++pos;
            continue;
        }
        out.append(text.substr(pos, static_cast<std::size_t>(n)));
        pos += static_cast<std::size_t>(n);
    }
    return out;
}

std::string nfc(std::string_view text) { return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE); }

std::string casefold(std::string_view text) {
    return map(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string fold(std::string_view text) {
    return map(text, UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                         UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
}

void fold_into(std::string& out, std::string_view text) {
    if (!is_ascii(text)) {
        out = fold(text);
        return;
    }
    out.assign(text);
    lower_ascii(out);
}

char32_t next(std::string_view text, std::size_t& pos) {
    if (const auto byte = static_cast<unsigned char>(text[pos]); byte < 0x80) { // most of every title
        ++pos;
        return byte;
    }
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + pos,
                                    static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
    if (n <= 0) {
        ++pos;
        return 0xFFFD;
    }
    pos += static_cast<std::size_t>(n);
    return static_cast<char32_t>(cp);
}

void append(std::string& out, char32_t cp) {
    utf8proc_uint8_t buf[4];
    const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

void lower_ascii(std::string& text) {
    std::transform(text.begin(), text.end(), text.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    lower_ascii(out);
    return out;
}

bool is_format(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CF; }

std::string without_format(std::string_view text) {
    if (is_ascii(text)) // every format character is beyond ASCII, and most names are ASCII
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        if (!is_format(next(text, pos)))
            out.append(text.substr(start, pos - start));
    }
    return out;
}

std::string format_made_visible(std::string_view text) {
    if (is_ascii(text))
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = next(text, pos);
        if (is_format(cp))
            out += fmt::format("<U+{:04X}>", static_cast<std::uint32_t>(cp));
        else
            out.append(text.substr(start, pos - start));
    }
    return out;
}

bool is_alnum(char32_t cp) {
    if (cp < 0x80) // most of every title, asked of each of its characters
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return true;
    default:
        return false;
    }
}

std::size_t length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t pos = 0; pos < text.size(); ++count)
        next(text, pos);
    return count;
}

} // namespace kennis::unicode
