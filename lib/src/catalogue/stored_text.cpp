#include "catalogue/stored_text.hpp"

#include "compare/text_identity.hpp"

namespace kennis {

void store_text(Database& db, std::string_view sha256, const ExtractedText& text) {
    SQLite::Statement blob(db.sql(), "UPDATE blobs SET text_status = ?, text_reason = ?, text_reader = ? WHERE sha256 = ?");
    blob.bind(1, text.has_text() ? "ok" : "none");
    if (text.has_text())
        blob.bind(2);
    else
        blob.bind(2, text.reason);
    blob.bind(3, text_reader_version);
    blob.bind(4, std::string(sha256));
    blob.exec();
    if (text.has_text())
        store_identity(db, sha256, text.identity);
    else
        clear_identity(db, sha256);
    SQLite::Statement clear(db.sql(), "DELETE FROM pages WHERE sha256 = ?");
    clear.bind(1, std::string(sha256));
    clear.exec();
    SQLite::Statement page(db.sql(), "INSERT INTO pages (sha256, page, text, part, source) VALUES (?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < text.pages.size(); ++i) {
        page.bind(1, std::string(sha256));
        page.bind(2, static_cast<std::int64_t>(i + 1));
        page.bind(3, text.pages[i]);
        if (i < text.parts.size() && !text.parts[i].empty())
            page.bind(4, text.parts[i]);
        else
            page.bind(4);
        page.bind(5, i < text.ocr.size() && text.ocr[i] ? "ocr" : "text");
        page.exec();
        page.reset();
    }
}

} // namespace kennis
