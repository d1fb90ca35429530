#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kennis {

// How much of two texts' shingle samples (text_identity.hpp) they share.
struct TextOverlap {
    std::size_t a = 0, b = 0;   // indexes into the samples given, a < b
    double resemblance = 0;     // shared ÷ in either (Jaccard)
    double containment = 0;     // shared ÷ in the smaller
    bool a_is_smaller = false;
};

// The pairs of samples that share at least `min_containment` of the smaller one, found through an
// index from each sampled shingle to the texts that have it, so that only texts sharing
// something are ever compared. A shingle found in more than `common_texts` texts (a disclaimer,
// a publisher's address) is left out of every comparison, and of the sizes.
std::vector<TextOverlap> overlapping_texts(const std::vector<std::vector<std::uint32_t>>& samples, double min_containment,
                                           std::size_t common_texts = 50);

} // namespace kennis
