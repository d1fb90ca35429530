#include "compare/document_diff.hpp"

#include "browse/editions.hpp"
#include "catalogue/catalogue.hpp"
#include "compare/text_diff.hpp"
#include "kennis/error.hpp"
#include "library/edge.hpp"
#include "library/library_impl.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kennis {
namespace {

using Id = std::int64_t;

// The document's files, oldest first (as load_documents orders them), numbered from 1.
std::vector<DiffSide> versions_of(Database& db, Id doc) {
    SQLite::Statement q(db.sql(), "SELECT d.id, d.slug, d.title, v.sha256, v.first_seen FROM versions v JOIN documents d "
                                  "ON d.id = v.document_id WHERE v.document_id = ? ORDER BY v.first_seen, v.id");
    q.bind(1, doc);
    std::vector<DiffSide> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), static_cast<int>(out.size() + 1),
                       q.getColumn(3).getString(), q.getColumn(4).getString()});
    return out;
}

std::string name_of(const DiffSide& side) { return fmt::format("{} {} (version {})", side.id, side.title, side.version); }

// Why a side cannot be compared, or nothing when it can.
std::optional<std::string> without_text(Database& db, const DiffSide& side) {
    SQLite::Statement q(db.sql(), "SELECT text_status, text_reason FROM blobs WHERE sha256 = ?");
    q.bind(1, side.sha256);
    if (!q.executeStep() || q.getColumn(0).isNull())
        return fmt::format("{} has no text yet", name_of(side));
    if (q.getColumn(0).getString() != "ok")
        return fmt::format("{} has no text: {}", name_of(side), q.getColumn(1).getString());
    return std::nullopt;
}

TextDiff compare(Database& db, DiffSide old_side, DiffSide new_side, std::string against) {
    for (const DiffSide* side : {&old_side, &new_side})
        if (auto why = without_text(db, *side))
            throw InputError(*why);
    LineDiff lines = diff_lines(text_lines(db, old_side.sha256), text_lines(db, new_side.sha256));
    return {std::move(against), std::move(old_side), std::move(new_side), lines.changed, std::move(lines.blocks)};
}

// What DOC alone is compared with: the version before its newest, else its previous edition.
std::optional<std::pair<DiffSide, std::string>> predecessor(Database& db, Id doc, const std::vector<DiffSide>& versions) {
    if (versions.size() >= 2)
        return std::pair{versions[versions.size() - 2], std::string("previous version")};
    for (const Edition& e : editions_of(db, doc))
        if (!e.newer) {
            const auto theirs = versions_of(db, e.id);
            if (theirs.empty())
                return std::nullopt;
            return std::pair{theirs.back(), std::string("previous edition")};
        }
    return std::nullopt;
}

bool comparable(Database& db, const DiffSide& a, const DiffSide& b) { return !without_text(db, a) && !without_text(db, b); }

} // namespace

std::optional<TextDiff> latest_text_change(Database& db, Id document) {
    const auto versions = versions_of(db, document);
    if (versions.empty())
        return std::nullopt;
    auto before = predecessor(db, document, versions);
    if (!before || !comparable(db, before->first, versions.back()))
        return std::nullopt;
    try {
        return compare(db, std::move(before->first), versions.back(), std::move(before->second));
    } catch (const InputError&) {
        return std::nullopt; // too long to compare
    }
}

std::optional<TextDiff> file_change(Database& db, Id document, std::string_view sha256) {
    const auto versions = versions_of(db, document);
    const auto it = std::find_if(versions.begin(), versions.end(), [&](const DiffSide& v) { return v.sha256 == sha256; });
    if (it == versions.end() || it == versions.begin())
        return std::nullopt;
    const DiffSide& before = *(it - 1);
    const DiffSide& after = *it;
    if (!comparable(db, before, after))
        return std::nullopt;
    try {
        return compare(db, before, after, "previous version");
    } catch (const InputError&) {
        return std::nullopt; // too long to compare
    }
}

TextDiff diff_documents(Library& library, const DiffOptions& options) try {
    Database& db = library.impl().db;
    SQLite::Transaction snapshot(db.sql());
    const Id doc = require_document(db, options.doc);
    const auto versions = versions_of(db, doc);
    if (versions.empty())
        throw InputError(fmt::format("'{}' has no file yet; fetch it first", options.doc));
    if (options.other) {
        const Id other = require_document(db, *options.other);
        const auto theirs = versions_of(db, other);
        if (theirs.empty())
            throw InputError(fmt::format("'{}' has no file yet; fetch it first", *options.other));
        return compare(db, versions.back(), theirs.back(), other == doc ? "the same document" : "other document");
    }
    auto before = predecessor(db, doc, versions);
    if (!before)
        throw InputError(fmt::format("'{}' has one version and no earlier edition to compare with; name a second document: kennis diff A B",
                                     options.doc));
    return compare(db, std::move(before->first), versions.back(), std::move(before->second));
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
