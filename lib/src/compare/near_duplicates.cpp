#include "compare/near_duplicates.hpp"

#include <algorithm>
#include <unordered_map>

namespace kennis {

std::vector<TextOverlap> overlapping_texts(const std::vector<std::vector<std::uint32_t>>& samples, double min_containment,
                                           std::size_t common_texts) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> postings; // (shingle, text)
    for (std::size_t t = 0; t < samples.size(); ++t)
        for (auto h : samples[t])
            postings.emplace_back(h, static_cast<std::uint32_t>(t));
    std::sort(postings.begin(), postings.end());

    std::vector<std::size_t> size(samples.size(), 0);
    std::unordered_map<std::uint64_t, std::uint32_t> shared;
    for (std::size_t from = 0; from < postings.size();) {
        std::size_t to = from;
        while (to < postings.size() && postings[to].first == postings[from].first)
            ++to;
        if (to - from <= common_texts) {
            for (std::size_t i = from; i < to; ++i) {
                ++size[postings[i].second];
                for (std::size_t j = i + 1; j < to; ++j)
                    ++shared[(std::uint64_t{postings[i].second} << 32) | postings[j].second];
            }
        }
        from = to;
    }

    std::vector<TextOverlap> out;
    for (const auto& [key, count] : shared) {
        TextOverlap o;
        o.a = static_cast<std::size_t>(key >> 32);
        o.b = static_cast<std::size_t>(key & 0xFFFFFFFFu);
        const std::size_t smaller = std::min(size[o.a], size[o.b]);
        o.containment = static_cast<double>(count) / static_cast<double>(smaller);
        if (o.containment < min_containment)
            continue;
        o.resemblance = static_cast<double>(count) / static_cast<double>(size[o.a] + size[o.b] - count);
        o.a_is_smaller = size[o.a] <= size[o.b];
        out.push_back(o);
    }
    std::sort(out.begin(), out.end(), [](const TextOverlap& x, const TextOverlap& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
    return out;
}

} // namespace kennis
