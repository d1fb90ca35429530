#include "export/share_search.hpp"

#include "library/embedded.hpp"
#include "search/dutch_tokenizer.hpp"
#include "search/search_index.hpp"
#include "util/file_io.hpp"
#include "util/fnv1a.hpp"
#include "util/sha256.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <set>
#include <system_error>
#include <sys/stat.h>
#include <unordered_map>
#include <unordered_set>

namespace kennis {
namespace fs = std::filesystem;
namespace {

// The page's own scripts (lib/data/share/NAME.js). Every file of the folder is named .txt: a
// browser runs a script whatever its name, and Windows runs a .js file a colleague double-clicks.
constexpr std::array<std::string_view, 4> page_scripts{"stemmer", "query", "search", "page"};
constexpr std::array<std::string_view, 5> columns{"title", "themes", "tags", "type", "body"};

// Numbers are written five bits to a character of the base64url alphabet, lowest bits first;
// the sixth bit says that more follow. Small numbers (most position gaps) take one character.
constexpr std::string_view digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void put(std::string& out, std::uint64_t n) {
    while (n >= 32) {
        out += digits[32 | (n & 31)];
        n >>= 5;
    }
    out += digits[n];
}

std::string js(const nlohmann::json& value) { return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// The text of a page is shown by the bucket of eight documents and sixteen pages it is in: a
// snippet loads a little more than its page, and a handbook of three hundred pages is not one file.
std::string text_bucket(std::int64_t document, std::int64_t page) { return fmt::format("{}-{}", document >> 3, page >> 4); }

// The bm25 column weights the catalogue ranks with (set in its schema), so the page ranks alike.
std::vector<double> column_weights(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT v FROM search_index_config WHERE k = 'rank'");
    std::vector<double> weights;
    if (q.executeStep()) {
        const std::string rank = q.getColumn(0).getString();
        for (std::size_t at = rank.find('('); at != std::string::npos && at + 1 < rank.size(); at = rank.find(',', at + 1))
            weights.push_back(std::strtod(rank.c_str() + at + 1, nullptr));
    }
    weights.resize(columns.size(), 1.0);
    return weights;
}

struct Row {
    std::int64_t rowid;
    std::uint64_t tokens = 0; // in all its columns: bm25's document length
};

// The postings of one word, written as the catalogue's index lists its instances (by row, column
// and position): for each row, its distance from the last, then for each column with the word
// (count << 4 | column << 1 | last column of the row) and the gaps between its positions.
class PostingsWriter {
public:
    void add(std::size_t row, int column, std::uint64_t offset) {
        if (m_open && (row != m_row || column != m_column))
            close_column(row != m_row);
        if (!m_open) {
            if (m_rows_written == 0 || row != m_row) {
                put(m_out, row - (m_rows_written == 0 ? 0 : m_last_row));
                m_last_row = row;
                ++m_rows_written;
            }
            m_row = row;
            m_column = column;
            m_open = true;
            m_positions.clear();
        }
        m_positions.push_back(offset);
    }

    std::string finish() {
        if (m_open)
            close_column(true);
        m_rows_written = 0;
        std::string out = std::move(m_out);
        m_out.clear();
        return out;
    }

private:
    void close_column(bool last) {
        put(m_out, (m_positions.size() << 4) | (static_cast<std::uint64_t>(m_column) << 1) | (last ? 1 : 0));
        std::uint64_t previous = 0;
        for (auto p : m_positions) {
            put(m_out, p - previous);
            previous = p;
        }
        m_open = false;
    }

    std::string m_out;
    std::vector<std::uint64_t> m_positions;
    std::size_t m_row = 0, m_last_row = 0, m_rows_written = 0;
    int m_column = 0;
    bool m_open = false;
};

} // namespace

std::vector<std::string> share_search_scripts() {
    std::vector<std::string> out;
    for (auto name : page_scripts)
        out.push_back(fmt::format("{}/{}.txt", share_search_folder, name));
    out.push_back(fmt::format("{}/index.txt", share_search_folder));
    return out;
}

std::string share_search_fingerprint(const Synonyms& synonyms) {
    Sha256 hash;
    hash.update(stemmer_fingerprint());
    for (auto name : page_scripts)
        hash.update(embedded::data(fmt::format("share/{}.js", name)));
    hash.update(nlohmann::json(synonyms.groups()).dump());
    return hash.hex_digest();
}

std::map<std::string, std::string> share_search_files(Database& db, const std::vector<ExportEntry>& entries, const Synonyms& synonyms) {
    // One read transaction for the ten thousand statements below (a document's pages each): each
    // taking and leaving the read lock was a third of a hard-linked export's system calls.
    const ReadSnapshot snapshot(db);
    const std::string folder(share_search_folder);
    std::map<std::string, std::string> files;
    for (auto name : page_scripts)
        files.emplace(fmt::format("{}/{}.txt", folder, name), std::string(embedded::data(fmt::format("share/{}.js", name))));

    std::unordered_set<std::int64_t> exported;
    for (const auto& e : entries)
        exported.insert(e.document.id);
    std::vector<Row> rows;
    std::unordered_map<std::int64_t, std::size_t> row_of;
    {
        SQLite::Statement q(db.sql(), "SELECT rowid FROM search_index ORDER BY rowid");
        while (q.executeStep())
            if (const auto rowid = q.getColumn(0).getInt64(); exported.contains(search_document(rowid))) {
                row_of.emplace(rowid, rows.size());
                rows.push_back({rowid});
            }
    }

    // Every word of every exported row, from the catalogue's index in the order it keeps them.
    std::vector<std::pair<std::string, std::string>> postings; // word, postings
    std::size_t postings_size = 0;
    {
        db.sql().exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kennis_share_instances USING fts5vocab(main, 'search_index', 'instance')");
        SQLite::Statement q(db.sql(), "SELECT term, doc, col, offset FROM temp.kennis_share_instances");
        PostingsWriter writer;
        std::string word;
        const auto flush = [&] {
            if (std::string p = writer.finish(); !p.empty()) {
                postings_size += p.size();
                postings.emplace_back(word, std::move(p));
            }
        };
        while (q.executeStep()) {
            const auto row = row_of.find(q.getColumn(1).getInt64());
            if (row == row_of.end())
                continue;
            const char* term = q.getColumn(0).getText();
            if (word != term) {
                flush();
                word = term;
            }
            const std::string_view column = q.getColumn(2).getText();
            const int c = static_cast<int>(std::find(columns.begin(), columns.end(), column) - columns.begin());
            writer.add(row->second, c, static_cast<std::uint64_t>(q.getColumn(3).getInt64()));
            ++rows[row->second].tokens;
        }
        flush();
    }

    // About 16 KB of postings to a file, so a rare word loads little; a power of two, from 16 to 4096.
    std::size_t shards = 16;
    while (shards < 4096 && postings_size / shards > 16384)
        shards *= 2;
    // Written as they are: a word of the index is letters and digits, postings are base64url.
    std::vector<std::string> by_shard(shards);
    std::string words;
    for (const auto& [word, p] : postings) {
        // The page (search.js) computes the same hash to find a word's postings.
        std::string& shard = by_shard[fnv1a_32(word) % shards];
        shard += shard.empty() ? "{\"" : ",\"";
        shard += word;
        shard += "\":\"";
        shard += p;
        shard += '"';
        words += word;
        words += '\n';
    }
    for (std::size_t s = 0; s < shards; ++s)
        files.emplace(fmt::format("{}/t/{}.txt", folder, s),
                      fmt::format("kennisZoek.terms({},{}}});\n", s, by_shard[s].empty() ? "{" : by_shard[s]));
    files.emplace(folder + "/woorden.txt", fmt::format("kennisZoek.vocabulary({});\n", js(words)));

    std::string encoded_rows;
    std::int64_t last_document = 0;
    for (const auto& r : rows) {
        put(encoded_rows, static_cast<std::uint64_t>(search_document(r.rowid) - last_document));
        put(encoded_rows, static_cast<std::uint64_t>(search_page(r.rowid)));
        put(encoded_rows, r.tokens);
        last_document = search_document(r.rowid);
    }
    // The text of the pages, and what a page is in a file without pages ("blad: Leerlingen"),
    // by the row that holds it.
    std::map<std::string, nlohmann::json> texts;
    nlohmann::json parts = nlohmann::json::object();
    SQLite::Statement pages(db.sql(), "SELECT page, text, part FROM pages WHERE sha256 = ? ORDER BY page");
    for (const auto& e : entries) {
        pages.bind(1, e.sha256);
        while (pages.executeStep()) {
            const auto page = pages.getColumn(0).getInt64();
            texts[text_bucket(e.document.id, page)][fmt::format("{}-{}", e.document.id, page)] = pages.getColumn(1).getString();
            if (const auto row = row_of.find(search_rowid(e.document.id, page)); row != row_of.end() && !pages.getColumn(2).isNull())
                parts[std::to_string(row->second)] = pages.getColumn(2).getString();
        }
        pages.reset();
    }
    const nlohmann::json index{{"rows", encoded_rows},       {"shards", shards},   {"columns", columns},
                               {"weights", column_weights(db)}, {"parts", parts}, {"synonyms", synonyms.groups()}};
    files.emplace(folder + "/index.txt", fmt::format("kennisZoek.index({});\n", js(index)));
    for (const auto& [bucket, text] : texts)
        files.emplace(fmt::format("{}/x/{}.txt", folder, bucket), fmt::format("kennisZoek.texts({},{});\n", js(bucket), js(text)));
    return files;
}

} // namespace kennis
