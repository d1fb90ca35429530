#include "kennis/synonyms.hpp"

#include "kennis/error.hpp"
#include "library/embedded.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kennis {

Synonyms::Form folded_words(std::string_view text) { return split_words(unicode::fold(text)); }

const Synonyms& Synonyms::shipped() {
    static const Synonyms list = [] {
        Synonyms s;
        for (auto line : split(embedded::data("synonyms.txt"), '\n'))
            if (!line.empty() && line.front() != '#')
                s.add(line);
        return s;
    }();
    return list;
}

void Synonyms::add(std::string_view line) {
    std::vector<Form> forms;
    for (auto piece : split(line, '=')) {
        Form form = folded_words(piece);
        if (form.empty())
            throw UsageError(fmt::format("the synonyms '{}' have an empty form; write them as \"vsv = voortijdig schoolverlaten\"", line));
        if (std::find(forms.begin(), forms.end(), form) == forms.end())
            forms.push_back(std::move(form));
    }
    if (forms.size() < 2)
        throw UsageError(fmt::format("the synonyms '{}' need at least two forms separated by '='; for example \"vsv = voortijdig schoolverlaten\"", line));
    // The groups these forms are in already are merged into the first of them, or a new one.
    std::vector<std::size_t> joined;
    for (const auto& form : forms)
        if (const auto it = m_group_of.find(form); it != m_group_of.end() && std::find(joined.begin(), joined.end(), it->second) == joined.end())
            joined.push_back(it->second);
    std::sort(joined.begin(), joined.end());
    const std::size_t target = joined.empty() ? m_groups.size() : joined.front();
    if (joined.empty())
        m_groups.emplace_back();
    for (auto other = joined.rbegin(); other != joined.rend() && *other != target; ++other) {
        auto& moved = m_groups[*other];
        forms.insert(forms.end(), moved.begin(), moved.end());
        m_groups.erase(m_groups.begin() + static_cast<std::ptrdiff_t>(*other));
    }
    auto& group = m_groups[target];
    for (auto& form : forms)
        if (std::find(group.begin(), group.end(), form) == group.end())
            group.push_back(std::move(form));
    m_group_of.clear();
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        for (const auto& form : m_groups[g]) {
            m_group_of[form] = g;
            m_longest = std::max(m_longest, form.size());
        }
}

const std::vector<Synonyms::Form>* Synonyms::group_of(const Form& words) const {
    const auto it = m_group_of.find(words);
    return it == m_group_of.end() ? nullptr : &m_groups[it->second];
}

} // namespace kennis
