#pragma once

#include "catalogue/database.hpp"
#include "kennis/library.hpp"
#include "library/library_impl.hpp"
#include "util/sha256.hpp"
#include "catalogue/store.hpp"

#include <cstdint>
#include <functional>
#include <string>

namespace kennis::test {

// Gives a document a stored file with these bytes as its current version, as a fetch would
// (without the network): the bytes in the store, a blob and a version row.
inline std::string stock(Library& library, std::int64_t document, const std::string& bytes,
                         const std::string& mime = "application/pdf") {
    const Store store(library.impl().ctx.home);
    TempFile temp = store.create_temp();
    temp.write(bytes);
    const std::string sha = sha256_hex(bytes);
    store.commit(temp, sha);
    auto& db = library.impl().db.sql();
    SQLite::Statement blob(db, "INSERT OR IGNORE INTO blobs (sha256, size, mime, stored_at, text_status, text_reason) "
                               "VALUES (?, ?, ?, ?, 'none', 'stocked by a test')");
    blob.bind(1, sha);
    blob.bind(2, static_cast<std::int64_t>(bytes.size()));
    blob.bind(3, mime);
    blob.bind(4, utc_now());
    blob.exec();
    SQLite::Statement version(db, "INSERT OR IGNORE INTO versions (document_id, sha256, url_id, first_seen) VALUES (?, ?, NULL, ?)");
    version.bind(1, document);
    version.bind(2, sha);
    version.bind(3, utc_now());
    version.exec();
    return sha;
}

// Stocks every document of the catalogue, each with bytes of its own made by `bytes`.
inline void stock_all(Library& library, const std::function<std::string(std::int64_t)>& bytes) {
    std::vector<std::int64_t> ids;
    SQLite::Statement q(library.impl().db.sql(), "SELECT id FROM documents ORDER BY id");
    while (q.executeStep())
        ids.push_back(q.getColumn(0).getInt64());
    SQLite::Transaction tx(library.impl().db.sql());
    for (auto id : ids)
        stock(library, id, bytes(id));
    tx.commit();
}

} // namespace kennis::test
