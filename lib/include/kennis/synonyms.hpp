#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// Words and phrases that mean the same to a searcher: "vsv" and "voortijdig schoolverlaten". A
// query word (or a run of query words) that is one form of a group also finds the group's other
// forms, in `kennis search` and on the exported share alike.
class Synonyms {
public:
    using Form = std::vector<std::string>; // its words, folded (lower case, no accents)

    // kennis's own list of the field's abbreviations.
    static const Synonyms& shipped();
    // No synonyms at all.
    Synonyms() = default;

    // Adds a group written as "vsv = voortijdig schoolverlaten = …"; one that shares a form with
    // a group already known joins it. Throws UsageError naming `line` when it is not such a group.
    void add(std::string_view line);

    const std::vector<std::vector<Form>>& groups() const { return m_groups; }

    // The group that has `words` as one of its forms, or nullptr.
    const std::vector<Form>* group_of(const Form& words) const;
    std::size_t longest_form() const { return m_longest; }

private:
    std::vector<std::vector<Form>> m_groups;
    std::map<Form, std::size_t> m_group_of; // every form, to its group
    std::size_t m_longest = 0;
};

// The words of `text` as synonym forms and query words are compared: folded, split at anything
// that is not a letter or a digit.
Synonyms::Form folded_words(std::string_view text);

} // namespace kennis
