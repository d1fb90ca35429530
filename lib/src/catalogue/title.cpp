#include "kennis/title.hpp"

#include "util/similarity.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>

namespace kennis {
namespace {

constexpr std::size_t max_slug_length = 60;

bool ascii_iequal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

// Listing entries often read "Download de handreiking X": the verb and article are a label of the
// link, not part of the title.
std::size_t download_prefix_words(const std::vector<std::string>& words, std::size_t from) {
    const std::size_t left = words.size() - from;
    if (left < 2 || words[from] != "download")
        return 0;
    if (left > 2 && (words[from + 1] == "de" || words[from + 1] == "het"))
        return 2;
    return 1;
}

std::string join(const std::vector<std::string>& words, std::size_t from, char sep) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (!out.empty())
            out += sep;
        out += words[i];
    }
    return out;
}

} // namespace

std::string title_key(std::string_view title) {
    const auto words = split_words(unicode::fold(title));
    // Every leading label goes, so that a key is its own key.
    std::size_t from = 0;
    while (const std::size_t label = download_prefix_words(words, from))
        from += label;
    return join(words, from, ' ');
}

std::string display_title(std::string_view title) {
    std::string text = collapse_spaces(unicode::nfc(title));
    std::string_view rest = text;
    const auto take_word = [&rest](std::string_view word) {
        if (rest.size() > word.size() && rest[word.size()] == ' ' &&
            ascii_iequal(rest.substr(0, word.size()), word)) {
            rest.remove_prefix(word.size() + 1);
            return true;
        }
        return false;
    };
    if (take_word("download")) {
        if (!take_word("de"))
            take_word("het");
    }
    std::string out(rest);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string slugify(std::string_view title) {
    std::vector<std::string> ascii_words;
    for (const auto& word : split_words(title_key(title))) {
        std::string ascii;
        std::copy_if(word.begin(), word.end(), std::back_inserter(ascii),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
        if (!ascii.empty())
            ascii_words.push_back(std::move(ascii));
    }
    std::string slug;
    for (const auto& word : ascii_words) {
        const std::size_t grown = slug.size() + (slug.empty() ? 0 : 1) + word.size();
        if (grown > max_slug_length && !slug.empty())
            break;
        if (!slug.empty())
            slug += '-';
        slug += word.substr(0, max_slug_length);
    }
    return slug.empty() ? "document" : slug;
}

double title_similarity(std::string_view a, std::string_view b) {
    return jaccard(trigrams(title_key(a)), trigrams(title_key(b)));
}

} // namespace kennis
