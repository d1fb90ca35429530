#pragma once

#include <string>
#include <string_view>

namespace kennis {

// The identity of a title: NFKC, case-folded, diacritics removed, a leading "Download (de|het)"
// removed, every run of punctuation and space folded to one space.
std::string title_key(std::string_view title);

// The title as a reader wants it: without a leading "Download (de|het)", first letter upper case.
std::string display_title(std::string_view title);

// A stable, readable, ASCII identifier made from a title (not yet made unique).
std::string slugify(std::string_view title);

// How alike two titles are, from 0 (nothing shared) to 1 (same key): Jaccard over the character
// trigrams of their keys.
double title_similarity(std::string_view a, std::string_view b);

} // namespace kennis
