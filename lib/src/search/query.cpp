#include "kennis/error.hpp"
#include "kennis/search.hpp"
#include "search/dutch_tokenizer.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <array>
#include <algorithm>
#include <fmt/ranges.h>

namespace kennis {
namespace {

struct Field {
    std::string_view name;
    std::string_view column;
};
constexpr std::array<Field, 4> query_fields{{{"title", "title"}, {"theme", "themes"}, {"tag", "tags"}, {"type", "type"}}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')'; }

// Control characters (NUL among them, which would end FTS5's reading of a string, also inside a
// phrase) count as spaces.
std::string without_controls(std::string_view query) {
    std::string out(query);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    return out;
}

bool has_word_character(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();)
        if (unicode::is_alnum(unicode::next(text, pos)))
            return true;
    return false;
}

// One piece of the query: a word, a phrase or an operator, with its 1-based column.
struct Token {
    enum class Kind { term, phrase, op_or, op_not, op_and } kind;
    std::string text;
    std::size_t column;
    bool negated = false;
    bool prefix = false;
    std::string_view field; // an FTS5 column, or empty
};

class Translator {
public:
    Translator(std::string_view query, const Synonyms& synonyms) : m_text(without_controls(query)), m_q(m_text), m_synonyms(synonyms) {}

    std::string run() {
        if (!unicode::is_valid_utf8(m_q))
            fail("the query is not valid UTF-8", 1);
        lex();
        return build();
    }

private:
    [[noreturn]] void fail(const std::string& what, std::size_t column) const {
        throw UsageError(fmt::format("bad query: {} (at column {} of '{}')", what, column, m_q));
    }

    void lex() {
        std::size_t i = 0;
        bool negate_next = false;
        while (i < m_q.size()) {
            if (is_space(m_q[i])) {
                ++i;
                continue;
            }
            const std::size_t start = i;
            bool negated = negate_next;
            negate_next = false;
            if (m_q[i] == '-') {
                if (i + 1 >= m_q.size() || is_space(m_q[i + 1]))
                    fail("a '-' must stand right before the word it excludes", i + 1);
                negated = true;
                ++i;
            }
            std::string_view field;
            const std::size_t word_end = scan_word(i);
            const std::string_view word = m_q.substr(i, word_end - i);
            const auto colon = word.find(':');
            const std::string_view name = word.substr(0, colon);
            const bool named = colon != std::string_view::npos && colon > 0 &&
                               std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
            if (named) {
                const bool bare = colon + 1 == word.size() && (word_end >= m_q.size() || m_q[word_end] != '"');
                const auto known = std::find_if(query_fields.begin(), query_fields.end(), [&](const Field& f) { return f.name == name; });
                if (known != query_fields.end()) {
                    if (bare)
                        fail(fmt::format("'{}:' needs a word or a \"phrase\" right after it", name), i + 1);
                    field = known->column;
                    i += colon + 1;
                } else if (!bare) {
                    fail(fmt::format("there is no field '{}:'; the fields are title:, theme:, tag: and type:", name),
                         i + 1);
                }
            }
            if (i < m_q.size() && m_q[i] == '"') {
                const auto close = m_q.find('"', i + 1);
                if (close == std::string_view::npos)
                    fail("a quote is not closed", i + 1);
                Token t{Token::Kind::phrase, std::string(m_q.substr(i + 1, close - i - 1)), start + 1, negated, false, field};
                i = close + 1;
                if (i < m_q.size() && m_q[i] == '*') {
                    t.prefix = true;
                    ++i;
                }
                m_tokens.push_back(std::move(t));
                continue;
            }
            const std::size_t end = scan_word(i);
            std::string text(m_q.substr(i, end - i));
            i = end;
            if (!negated && field.empty() && (text == "OR" || text == "AND" || text == "NOT")) {
                if (text == "NOT")
                    negate_next = true;
                else
                    m_tokens.push_back({text == "OR" ? Token::Kind::op_or : Token::Kind::op_and, text, start + 1, false, false, {}});
                continue;
            }
            bool prefix = false;
            if (!text.empty() && text.back() == '*') {
                text.pop_back();
                prefix = true;
            }
            if (text.find('*') != std::string::npos)
                fail("a '*' can only end a word", start + 1 + text.find('*'));
            if (prefix && !has_word_character(text))
                fail("a '*' must follow the start of a word", start + 1);
            if (!text.empty() && text.back() == ':')
                text.pop_back(); // "Notitie:" as typed in a title
            m_tokens.push_back({Token::Kind::term, std::move(text), start + 1, negated, prefix, field});
        }
        if (negate_next)
            fail("NOT needs a word after it", m_q.size());
    }

    std::size_t scan_word(std::size_t i) const {
        while (i < m_q.size() && !is_space(m_q[i]) && m_q[i] != '"')
            ++i;
        return i;
    }

    std::string atom(const Token& t) const {
        if (!has_word_character(t.text))
            return {};
        std::string out = double_quoted(t.text); // an FTS5 string: never an operator or column
        if (t.prefix)
            out += " *";
        if (!t.field.empty())
            out = std::string(t.field) + " : " + out;
        return out;
    }

    // A word that synonyms may stand in for: not excluded, not a prefix, in no field and no phrase.
    bool plain(std::size_t k) const {
        const Token& t = m_tokens[k];
        return t.kind == Token::Kind::term && !t.negated && !t.prefix && t.field.empty() && has_word_character(t.text);
    }
    bool beside_or(std::size_t k) const {
        const auto is_or = [&](std::size_t i) { return i < m_tokens.size() && m_tokens[i].kind == Token::Kind::op_or; };
        return is_or(k + 1) || (k > 0 && is_or(k - 1));
    }

    // The longest run of plain words from `k` (none of them beside an OR, unless the run is the
    // one word) that is a form of a synonym group: its length and the group, or 0.
    std::pair<std::size_t, const std::vector<Synonyms::Form>*> synonym_at(std::size_t k) const {
        Synonyms::Form words;
        std::pair<std::size_t, const std::vector<Synonyms::Form>*> found{0, nullptr};
        for (std::size_t j = k; j < m_tokens.size() && plain(j) && (j == k || !beside_or(j)); ++j) {
            if (j > k && beside_or(k))
                break;
            const auto more = folded_words(m_tokens[j].text);
            words.insert(words.end(), more.begin(), more.end());
            if (words.size() > m_synonyms.longest_form())
                break;
            if (const auto* group = m_synonyms.group_of(words))
                found = {j - k + 1, group};
        }
        return found;
    }

    // The atoms that stand for tokens k…k+n-1 with their synonyms: the words as typed (all of
    // them), or any other form of the group as a phrase.
    std::vector<std::string> with_synonyms(std::size_t k, std::size_t n, const std::vector<Synonyms::Form>& group) {
        std::vector<std::string> typed;
        std::string shown;
        Synonyms::Form words;
        for (std::size_t j = k; j < k + n; ++j) {
            typed.push_back(atom(m_tokens[j]));
            shown += (shown.empty() ? "" : " ") + m_tokens[j].text;
            const auto more = folded_words(m_tokens[j].text);
            words.insert(words.end(), more.begin(), more.end());
        }
        std::vector<std::string> out{n == 1 ? typed.front() : "(" + fmt::format("{}", fmt::join(typed, " AND ")) + ")"};
        Expansion expansion{shown, {}};
        for (const auto& form : group) {
            if (form == words)
                continue;
            const std::string phrase = fmt::format("{}", fmt::join(form, " "));
            out.push_back(double_quoted(phrase));
            expansion.forms.push_back(phrase);
        }
        m_expansions.push_back(std::move(expansion));
        return out;
    }

    std::string build() {
        std::vector<std::vector<std::string>> groups; // ANDed groups of ORed atoms
        std::vector<std::string> excluded;
        bool joining = false;
        std::size_t last_column = 1;
        for (std::size_t k = 0; k < m_tokens.size(); ++k) {
            const Token& t = m_tokens[k];
            if (t.kind == Token::Kind::op_and)
                continue;
            if (t.kind == Token::Kind::op_or) {
                if (groups.empty() || joining)
                    fail("OR needs a word before it", t.column);
                if (k + 1 == m_tokens.size())
                    fail("OR needs a word after it", t.column);
                if (m_tokens[k + 1].negated)
                    fail("an excluded word cannot be one side of an OR", m_tokens[k + 1].column);
                joining = true;
                continue;
            }
            last_column = t.column;
            if (t.negated) {
                if (joining)
                    fail("an excluded word cannot be one side of an OR", t.column);
                if (const std::string a = atom(t); !a.empty())
                    excluded.push_back(a);
                continue;
            }
            std::vector<std::string> atoms;
            if (const auto [n, group] = plain(k) ? synonym_at(k) : std::pair<std::size_t, const std::vector<Synonyms::Form>*>{0, nullptr}; n > 0) {
                atoms = with_synonyms(k, n, *group);
                k += n - 1;
            } else if (std::string a = atom(t); !a.empty()) {
                atoms.push_back(std::move(a));
            } else { // only punctuation: nothing to look for
                joining = false;
                continue;
            }
            if (joining && !groups.empty())
                groups.back().insert(groups.back().end(), atoms.begin(), atoms.end());
            else
                groups.push_back(std::move(atoms));
            joining = false;
        }
        if (groups.empty())
            fail(excluded.empty() ? "there is no word to search for" : "there is no word to search for besides the excluded ones",
                 last_column);
        // Flat, not nested: FTS5's parser overflows at about a hundred levels of parentheses.
        std::vector<std::string> parts;
        for (const auto& g : groups)
            parts.push_back(g.size() == 1 ? g.front() : "(" + fmt::format("{}", fmt::join(g, " OR ")) + ")");
        std::string expr = fmt::format("{}", fmt::join(parts, " AND "));
        if (!excluded.empty())
            expr = (parts.size() > 1 ? "(" + expr + ")" : expr) + " NOT " + fmt::format("{}", fmt::join(excluded, " NOT "));
        return expr;
    }

public:
    // The synonyms the query was given, in the order of the words they stand for.
    const std::vector<Expansion>& expansions() const { return m_expansions; }
    // Each word searched for, folded, with the stem the index holds for it (a prefix is not stemmed).
    std::vector<std::pair<std::string, std::string>> stems() const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& t : m_tokens)
            if (t.kind == Token::Kind::term || t.kind == Token::Kind::phrase)
                for (auto& word : folded_words(t.text))
                    if (std::none_of(out.begin(), out.end(), [&](const auto& p) { return p.first == word; }))
                        out.emplace_back(word, t.prefix ? word : dutch_stem(word));
        return out;
    }

private:
    std::string m_text;
    std::string_view m_q; // m_text, read in pieces
    const Synonyms& m_synonyms;
    std::vector<Token> m_tokens;
    std::vector<Expansion> m_expansions;
};

} // namespace

std::string translate_query(std::string_view query, const Synonyms& synonyms) { return Translator(query, synonyms).run(); }

QueryExplanation explain_query(std::string_view query, const Synonyms& synonyms) {
    Translator translator(query, synonyms);
    QueryExplanation out;
    out.expression = translator.run();
    out.expansions = translator.expansions();
    out.stems = translator.stems();
    return out;
}

std::string without_highlights(std::string_view snippet) {
    std::string out;
    for (char c : snippet)
        if (c != highlight_begin && c != highlight_end)
            out += c;
    return out;
}

} // namespace kennis
