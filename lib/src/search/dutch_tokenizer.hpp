#pragma once

#include <functional>
#include <string>
#include <string_view>

struct sqlite3;

namespace kennis {

// The FTS5 tokenizer "kennis_dutch": unicode61 with diacritics removed, each token then stemmed by
// Snowball's Dutch stemmer (prefix queries are left unstemmed). Registered on every connection.
inline constexpr const char* dutch_tokenizer_name = "kennis_dutch";

// Also registers the auxiliary function kennis_columns(search_index) (which columns matched).
void register_dutch_tokenizer(sqlite3* db);

// Identifies the stemmer by name and by what it makes of a fixed list of words, so a catalogue
// notices when a new Snowball release stems differently and rebuilds its index.
std::string stemmer_name();
std::string stemmer_fingerprint();

// Each token of `text` as the index makes it (its stem), with the piece of text it came from, in
// the order they stand; through the tokenizer registered on `db`.
void tokenize_dutch(sqlite3* db, std::string_view text, const std::function<void(std::string_view stem, std::string_view source)>& token);

// The stem of one lower-case word (for tests and diagnostics).
std::string dutch_stem(const std::string& word);

} // namespace kennis
