#pragma once

#include "kennis/document.hpp"
#include "kennis/filter.hpp"
#include "kennis/library.hpp"
#include "kennis/synonyms.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// Snippets mark the matched words with these two characters; the CLI turns them into colour or
// drops them.
inline constexpr char highlight_begin = '\x02';
inline constexpr char highlight_end = '\x03';

inline constexpr std::size_t default_search_limit = 50;

struct SearchHit {
    Document document;
    double score = 0;         // lower is better (bm25 as SQLite FTS5 gives it)
    std::string snippet;      // with highlight marks
    std::optional<int> page;  // the page of the document's text the snippet is from
    std::optional<std::string> part; // what that page is in a file without pages: "blad: Leerlingen", "dia 3"
    bool ocr = false;         // its text was read from the page's image
    // For search_like: how alike the document is to the one asked about, its score over that
    // document's own, from 0 to 1.
    std::optional<double> likeness;
};

// Searches titles, aliases, themes, tags, type and publisher, and the text of the documents, in
// kennis's query language (see translate_query). The filter narrows the hits; its limit defaults
// to default_search_limit.
// A word of the query that is a form of a synonym group finds the group's other forms too.
std::vector<SearchHit> search(Library& library, std::string_view query, const Filter& filter,
                              const Synonyms& synonyms = Synonyms::shipped());

// The documents ranked by how alike their text is to DOC's (DOC left out): a search for the 25
// words that most set DOC apart (frequent in its title and text, rare in the catalogue). The
// filter narrows the hits as for search.
std::vector<SearchHit> search_like(Library& library, std::string_view doc, const Filter& filter);

// The query language: words are ANDed; "a phrase"; prefix*; a OR b; -word (or NOT word)
// excludes; title:, theme:, tag:, type: limit a word or phrase to a field. Matching ignores case
// and accents and is stemmed for Dutch. Returns an FTS5 MATCH expression in which every piece
// of user text is quoted; throws UsageError saying what is wrong and where. A plain word, or a
// run of plain words, that is a form of a synonym group becomes an OR of the words as typed and
// the group's other forms as phrases; excluded words, prefixes, fields and phrases are taken as
// they are.
std::string translate_query(std::string_view query, const Synonyms& synonyms);

// What a query searches for, for `search --explain`.
struct Expansion {
    std::string typed;              // the words of the query, as typed
    std::vector<std::string> forms; // the phrases searched for besides them
};
struct QueryExplanation {
    std::string expression; // translate_query's
    std::vector<Expansion> expansions;
    std::vector<std::pair<std::string, std::string>> stems; // each word, folded, and the stem searched for
};
QueryExplanation explain_query(std::string_view query, const Synonyms& synonyms);

std::string without_highlights(std::string_view snippet);

} // namespace kennis
