#include "words.hpp"

#include "unicode.hpp"

namespace kennis {

void for_each_word(std::string_view text, const std::function<void(std::string_view)>& word) {
    // A word is a run of letters and digits, taken from the text whole rather than a character
    // at a time: a sync splits every title of the page several times.
    std::size_t word_start = std::string_view::npos;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const bool alnum = unicode::is_alnum(unicode::next(text, pos));
        if (alnum && word_start == std::string_view::npos) {
            word_start = start;
        } else if (!alnum && word_start != std::string_view::npos) {
            word(text.substr(word_start, start - word_start));
            word_start = std::string_view::npos;
        }
    }
    if (word_start != std::string_view::npos)
        word(text.substr(word_start));
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    for_each_word(text, [&](std::string_view w) { words.emplace_back(w); });
    return words;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        const char32_t cp = unicode::next(text, pos);
        const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
                           cp == '\v' || cp == 0xA0 || cp == 0x2007 || cp == 0x202F ||
                           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x3000;
        if (space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out.append(text.substr(start, pos - start));
    }
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find(separator, start)) != std::string_view::npos; start = at + 1)
        pieces.push_back(text.substr(start, at - start));
    pieces.push_back(text.substr(start));
    return pieces;
}

std::string double_quoted(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace kennis
