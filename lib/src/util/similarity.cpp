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

namespace {

template <typename Set>
double jaccard_of(const Set& a, const Set& b) {
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

} // namespace

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) { return jaccard_of(a, b); }

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
    // Keys are taken smallest set first, so that an indexed set too small to be alike to this one
    // is too small for every later one as well, and is passed over for good (the length filter).
    // A candidate that cannot reach the overlap the threshold needs, counting what is left of both
    // prefixes past the gram they share, is dropped (the position filter).
    std::vector<std::size_t> by_size(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k)
        by_size[k] = k;
    std::stable_sort(by_size.begin(), by_size.end(), [&](std::size_t a, std::size_t b) { return ordered[a].size() < ordered[b].size(); });
    struct Entry {
        std::size_t key;
        std::size_t position;
    };
    std::vector<std::vector<Entry>> index(by_rarity.size()); // gram → keys whose prefix has it, and where
    std::vector<std::size_t> skip(by_rarity.size(), 0);      // entries of each list too small for what is left
    constexpr long dropped = -1;
    std::vector<long> overlap(keys.size(), 0);
    std::vector<SimilarPair> out;
    for (const std::size_t k : by_size) {
        const std::vector<std::size_t>& x = ordered[k];
        const std::size_t size = x.size();
        const double smallest = threshold * static_cast<double>(size) - 1e-9;
        const auto prefix = std::min(size, static_cast<std::size_t>(static_cast<double>(size) - std::ceil(smallest) + 1));
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < prefix; ++i) {
            auto& list = index[x[i]];
            std::size_t& from = skip[x[i]];
            while (from < list.size() && static_cast<double>(ordered[list[from].key].size()) < smallest)
                ++from;
            for (std::size_t e = from; e < list.size(); ++e) {
                const auto [other, j] = list[e];
                if (overlap[other] == dropped)
                    continue;
                const std::size_t other_size = ordered[other].size();
                const double needed = std::ceil(threshold / (1 + threshold) * static_cast<double>(size + other_size) - 1e-9);
                const std::size_t reachable = 1 + std::min(size - i - 1, other_size - j - 1);
                if (overlap[other] == 0)
                    candidates.push_back(other);
                if (static_cast<double>(overlap[other]) + static_cast<double>(reachable) >= needed)
                    ++overlap[other];
                else
                    overlap[other] = dropped;
            }
        }
        for (const std::size_t other : candidates) {
            if (overlap[other] != dropped) {
                // The sets as gram numbers: integers compare faster than strings.
                const double similarity = jaccard_of(ordered[other], x);
                if (similarity >= threshold)
                    out.push_back({std::min(other, k), std::max(other, k), similarity});
            }
            overlap[other] = 0;
        }
        for (std::size_t i = 0; i < prefix; ++i)
            index[x[i]].push_back({k, i});
    }
    std::sort(out.begin(), out.end(), [](const SimilarPair& a, const SimilarPair& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    return out;
}

} // namespace kennis
