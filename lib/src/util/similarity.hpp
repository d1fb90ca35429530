#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// The distinct character trigrams of a key padded with two spaces on each side (so short keys
// and word starts count), sorted.
std::vector<std::string> trigrams(std::string_view key);

// |a ∩ b| / |a ∪ b| of two sorted sets; 1 when both are empty.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

struct SimilarPair {
    std::size_t first = 0; // indexes into the keys, first < second
    std::size_t second = 0;
    double similarity = 0;
};

// Every pair of keys whose trigram sets have a Jaccard similarity of at least `threshold` (> 0).
// Prefix filtering (trigrams ordered rarest first), with the length and position filters of
// PPJoin, keeps this far from comparing all pairs: ten thousand titles take milliseconds rather
// than fifty million comparisons, and even titles made of a few dozen syllables well under a second.
std::vector<SimilarPair> similar_pairs(const std::vector<std::string>& keys, double threshold);

} // namespace kennis
