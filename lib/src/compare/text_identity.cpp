#include "compare/text_identity.hpp"

#include "util/fnv1a.hpp"
#include "util/sha256.hpp"
#include "util/unicode.hpp"
#include "util/words.hpp"

#include <algorithm>

namespace kennis {
namespace {

constexpr std::size_t shingle_words = 3;
constexpr std::uint32_t sample_modulus = 4;

} // namespace

TextIdentity text_identity(const std::vector<std::string>& pages) {
    TextIdentity id;
    Sha256 sha;
    std::vector<std::uint64_t> word_hashes;
    std::string folded;
    bool first = true;
    for (const auto& page : pages) {
        unicode::fold_into(folded, page);
        const std::string collapsed = collapse_spaces(folded);
        if (collapsed.empty())
            continue;
        if (!first)
            sha.update(" ");
        sha.update(collapsed);
        first = false;
        for_each_word(folded, [&](std::string_view w) { word_hashes.push_back(fnv1a_64(w)); });
    }
    id.fingerprint = sha.hex_digest();
    id.words = static_cast<std::int64_t>(word_hashes.size());
    for (std::size_t i = 0; i + shingle_words <= word_hashes.size(); ++i) {
        std::uint64_t h = word_hashes[i];
        for (std::size_t k = 1; k < shingle_words; ++k)
            h = (h ^ word_hashes[i + k]) * 0x9E3779B97F4A7C15ULL + k;
        const auto top = static_cast<std::uint32_t>(h >> 32);
        if (top % sample_modulus == 0)
            id.sample.push_back(top);
    }
    std::sort(id.sample.begin(), id.sample.end());
    id.sample.erase(std::unique(id.sample.begin(), id.sample.end()), id.sample.end());
    return id;
}

std::string encode_sample(const std::vector<std::uint32_t>& sample) {
    std::string out;
    out.reserve(sample.size() * 4);
    for (auto h : sample)
        for (int b = 0; b < 4; ++b)
            out += static_cast<char>((h >> (8 * b)) & 0xFF);
    return out;
}

std::vector<std::uint32_t> decode_sample(std::string_view blob) {
    std::vector<std::uint32_t> out(blob.size() / 4);
    for (std::size_t i = 0; i < out.size(); ++i)
        for (int b = 0; b < 4; ++b)
            out[i] |= static_cast<std::uint32_t>(static_cast<unsigned char>(blob[i * 4 + static_cast<std::size_t>(b)])) << (8 * b);
    return out;
}

void store_identity(Database& db, std::string_view sha256, const TextIdentity& identity) {
    SQLite::Statement u(db.sql(), "UPDATE blobs SET text_fingerprint = ?, text_words = ?, text_sample = ? WHERE sha256 = ?");
    u.bind(1, identity.fingerprint);
    u.bind(2, identity.words);
    const std::string sample = encode_sample(identity.sample);
    u.bind(3, sample.data(), static_cast<int>(sample.size()));
    u.bind(4, std::string(sha256));
    u.exec();
}

void clear_identity(Database& db, std::string_view sha256) {
    SQLite::Statement u(db.sql(), "UPDATE blobs SET text_fingerprint = NULL, text_words = NULL, text_sample = NULL WHERE sha256 = ?");
    u.bind(1, std::string(sha256));
    u.exec();
}

std::vector<std::string> fill_missing_identities(Database& db) {
    std::vector<std::string> missing;
    {
        SQLite::Statement q(db.sql(), "SELECT sha256 FROM blobs WHERE text_status = 'ok' AND text_fingerprint IS NULL");
        while (q.executeStep())
            missing.push_back(q.getColumn(0).getString());
    }
    SQLite::Statement pages(db.sql(), "SELECT text FROM pages WHERE sha256 = ? ORDER BY page");
    for (const auto& sha : missing) {
        std::vector<std::string> text;
        pages.bind(1, sha);
        while (pages.executeStep())
            text.push_back(pages.getColumn(0).getString());
        pages.reset();
        store_identity(db, sha, text_identity(text));
    }
    return missing;
}

} // namespace kennis
