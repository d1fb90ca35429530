#pragma once

#include <random>
#include <string>
#include <vector>

namespace kennis::bench {

// Words made of Dutch syllables, drawn with Zipf's law as words in text are: a few very common,
// most rare.
class Words {
public:
    explicit Words(std::mt19937_64& rng) : m_rng(rng) {
        const char* syllables[] = {"ver", "zuim", "leer", "ling", "school", "ouder", "ge", "meen", "te", "jon", "ge", "ren",
                                   "hand", "rei", "king", "melding", "zorg", "wet", "plicht", "aan", "pak", "team", "regio",
                                   "be", "sluit", "over", "dracht", "werk", "stage", "onder", "wijs", "recht", "kind", "tijd"};
        std::uniform_int_distribution<std::size_t> pick(0, std::size(syllables) - 1), count(1, 4);
        for (std::size_t i = 0; i < 20000; ++i) {
            std::string w;
            for (std::size_t k = count(rng); k > 0; --k)
                w += syllables[pick(rng)];
            m_words.push_back(w + (i % 7 == 0 ? "en" : i % 11 == 0 ? "s" : ""));
        }
        std::vector<double> weights;
        for (std::size_t i = 0; i < m_words.size(); ++i)
            weights.push_back(1.0 / static_cast<double>(i + 1));
        m_zipf = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
    }
    const std::string& next() { return m_words[m_zipf(m_rng)]; }

private:
    std::mt19937_64& m_rng;
    std::vector<std::string> m_words;
    std::discrete_distribution<std::size_t> m_zipf;
};

} // namespace kennis::bench
