#pragma once

// Documents whose text the tests control word by word: made-up Dutch of any length, edited
// copies of it, and PDFs of it laid out in lines of any width (so that the same text can come in
// different bytes).

#include "dutch_text.hpp"
#include "pdf_fixture.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kennis::test {

// `n` words of the field drawn at random, the same for the same seed.
inline std::vector<std::string> dutch_words(std::size_t n, std::uint32_t seed) {
    static const std::vector<std::string> vocabulary = [] {
        std::vector<std::string> words;
        for (const char* paragraph : dutch_paragraphs)
            for (std::string_view p(paragraph); !p.empty();) {
                const auto space = p.find(' ');
                std::string w(p.substr(0, space));
                while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back())))
                    w.pop_back();
                if (!w.empty())
                    words.push_back(w);
                p = space == std::string_view::npos ? std::string_view() : p.substr(space + 1);
            }
        return words;
    }();
    std::vector<std::string> out;
    std::uint32_t state = seed * 2654435761u + 1;
    for (std::size_t i = 0; i < n; ++i) {
        state = state * 1664525u + 1013904223u;
        out.push_back(vocabulary[(state >> 8) % vocabulary.size()]);
    }
    return out;
}

// The words with every `every`-th one (counting from the first) replaced by a word of its own.
inline std::vector<std::string> edited(std::vector<std::string> words, std::size_t every) {
    for (std::size_t i = 0; i < words.size(); i += every)
        words[i] = "gewijzigd" + std::to_string(i);
    return words;
}

// The words as pages of 40 lines of `per_line` words.
inline std::vector<std::string> pages_of(const std::vector<std::string>& words, std::size_t per_line = 12) {
    std::vector<std::string> pages(1);
    std::size_t lines = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        pages.back() += words[i];
        if ((i + 1) % per_line != 0 && i + 1 < words.size()) {
            pages.back() += ' ';
        } else if (++lines % 40 == 0 && i + 1 < words.size()) {
            pages.emplace_back();
        } else {
            pages.back() += '\n';
        }
    }
    return pages;
}

inline std::string pdf_of_words(const std::vector<std::string>& words, std::size_t per_line = 12) { return make_pdf(pages_of(words, per_line)); }

} // namespace kennis::test
