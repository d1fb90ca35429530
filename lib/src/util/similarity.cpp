#include "similarity.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace kennis {

std::vector<std::string> trigrams(std::string_view key) {
    const std::string padded = "  " + std::string(key) + "  ";
    std::vector<std::string> grams;
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
        grams.push_back(padded.substr(i, 3));
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    return grams;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty())
        return 1.0;
    std::size_t shared = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared, ++i, ++j;
        }
    }
    return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

std::vector<SimilarPair> similar_pairs(const std::vector<std::string>& keys, double threshold) {
    std::vector<std::vector<std::string>> sets;
    sets.reserve(keys.size());
    std::unordered_map<std::string, std::size_t> frequency;
    for (const auto& key : keys) {
        sets.push_back(trigrams(key));
        for (const auto& g : sets.back())
            ++frequency[g];
    }
    // Each set as gram numbers, rarest gram first: two sets with a Jaccard of at least t share a
    // gram among the first |s| - ceil(t·|s|) + 1 of each.
    std::vector<std::pair<std::size_t, std::string>> by_rarity; // (how many keys have it, gram)
    by_rarity.reserve(frequency.size());
    for (const auto& [gram, n] : frequency)
        by_rarity.emplace_back(n, gram);
    std::sort(by_rarity.begin(), by_rarity.end());
    std::unordered_map<std::string, std::size_t> rank;
    for (std::size_t i = 0; i < by_rarity.size(); ++i)
        rank[by_rarity[i].second] = i;
    std::vector<std::vector<std::size_t>> ordered(sets.size());
    for (std::size_t k = 0; k < sets.size(); ++k) {
        for (const auto& g : sets[k])
            ordered[k].push_back(rank[g]);
        std::sort(ordered[k].begin(), ordered[k].end());
    }
    std::vector<std::vector<std::size_t>> index(by_rarity.size()); // gram → keys whose prefix has it
    std::vector<std::size_t> seen_with(keys.size(), keys.size());  // the key a candidate was last taken for
    std::vector<SimilarPair> out;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        const std::size_t size = ordered[k].size();
        const auto prefix = static_cast<std::size_t>(
            static_cast<double>(size) - std::ceil(threshold * static_cast<double>(size) - 1e-9) + 1);
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < std::min(prefix, size); ++i)
            for (std::size_t other : index[ordered[k][i]])
                if (seen_with[other] != k) {
                    seen_with[other] = k;
                    candidates.push_back(other);
                }
        for (std::size_t other : candidates) {
            const double similarity = jaccard(sets[other], sets[k]);
            if (similarity >= threshold)
                out.push_back({other, k, similarity});
        }
        for (std::size_t i = 0; i < std::min(prefix, size); ++i)
            index[ordered[k][i]].push_back(k);
    }
    std::sort(out.begin(), out.end(), [](const SimilarPair& a, const SimilarPair& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    return out;
}

} // namespace kennis
