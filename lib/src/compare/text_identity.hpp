#pragma once

#include "catalogue/database.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// What a stored file's text says, for telling documents apart by it rather than by their bytes.
struct TextIdentity {
    std::string fingerprint;            // SHA-256 of the text folded, white space collapsed
    std::int64_t words = 0;
    // A sample of the text's three-word shingles, hashed: those whose hash is 0 modulo 4. A text
    // that holds another holds all of its sample, so the samples show both likeness and
    // containment. Sorted, each once.
    std::vector<std::uint32_t> sample;
};

// Texts of fewer words than this are never merged on their text alone: a title page, a scan not
// read, a one-line form say too little to be the same document.
inline constexpr std::int64_t min_words_to_merge = 200;

TextIdentity text_identity(const std::vector<std::string>& pages);

std::string encode_sample(const std::vector<std::uint32_t>& sample);
std::vector<std::uint32_t> decode_sample(std::string_view blob);

// Keeps the identity with the stored file (inside the caller's transaction); a file without text
// has none.
void store_identity(Database& db, std::string_view sha256, const TextIdentity& identity);
void clear_identity(Database& db, std::string_view sha256);

// Gives the files read before kennis kept identities theirs, from their stored pages; returns the
// hashes of the files given one. Inside the caller's transaction.
std::vector<std::string> fill_missing_identities(Database& db);

} // namespace kennis
