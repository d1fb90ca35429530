#include "kennis/dupes.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "browse/editions.hpp"
#include "kennis/error.hpp"
#include "kennis/metadata.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"
#include "maintenance/merge.hpp"
#include "util/similarity.hpp"
#include "compare/near_duplicates.hpp"
#include "compare/text_identity.hpp"

#include <algorithm>
#include <fmt/ranges.h>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace kennis {
namespace {

using Id = std::int64_t;

struct Candidate {
    DocumentRef ref;
    std::string series_key;
    std::string series_numbers; // of its title (metadata.hpp)
    std::optional<std::string> edition; // its date, else the end of its period
    std::optional<std::string> sha256;  // its current file
    std::optional<std::string> level;
    std::optional<std::string> type;
    std::int64_t words = 0;             // in its current file's text
    std::vector<std::uint32_t> sample;  // of its current file's text
};

// Texts shorter than this say too little to be compared: a cover letter, a form.
constexpr std::int64_t min_words_to_compare = 100;
// Shares of the shingle samples (text_identity.hpp). An edited copy with one word in twenty
// changed shares about three quarters of its shingles; one with every other word changed,
// under a tenth.
constexpr double nearly_same_text = 0.5;
constexpr double contains_text = 0.9;

DocumentRef ref_of(Database& db, Id id) {
    SQLite::Statement q(db.sql(), "SELECT slug, title FROM documents WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        throw InputError(fmt::format("no document {}", id));
    return {id, q.getColumn(0).getString(), q.getColumn(1).getString()};
}

std::vector<Candidate> load_candidates(Database& db) {
    SQLite::Statement q(db.sql(),
                        fmt::format("WITH c AS (SELECT d.*, {} AS sha256 FROM documents d) "
                                    "SELECT c.id, c.slug, c.title, c.series_key, {}, c.sha256, c.level, c.type, b.text_words, b.text_sample "
                                    "FROM c LEFT JOIN blobs b ON b.sha256 = c.sha256 ORDER BY c.id",
                                    current_sha256("d"), edition_date("c")));
    std::vector<Candidate> out;
    while (q.executeStep()) {
        Candidate c;
        c.ref = {q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()};
        c.series_key = q.getColumn(3).getString();
        c.series_numbers = series_numbers(c.ref.title);
        const auto optional = [&](int column, std::optional<std::string>& into) {
            if (!q.getColumn(column).isNull())
                into = q.getColumn(column).getString();
        };
        optional(4, c.edition);
        optional(5, c.sha256);
        optional(6, c.level);
        optional(7, c.type);
        c.words = q.getColumn(8).getInt64();
        if (c.words >= min_words_to_compare)
            c.sample = decode_sample(std::string_view(static_cast<const char*>(q.getColumn(9).getBlob()),
                                                      static_cast<std::size_t>(q.getColumn(9).getBytes())));
        out.push_back(std::move(c));
    }
    return out;
}

// Dated titles in one series with different dates are editions, not duplicates.
bool editions(const Candidate& a, const Candidate& b) {
    return !a.series_key.empty() && a.series_key == b.series_key && a.edition && b.edition && *a.edition != *b.edition;
}

std::vector<MergedGroup> merged_groups(Database& db) {
    std::map<Id, MergedGroup> groups;
    const auto group = [&](Id id) -> MergedGroup& {
        auto& g = groups[id];
        if (g.document.id == 0)
            g.document = ref_of(db, id);
        return g;
    };
    SQLite::Statement titles(db.sql(),
                             "SELECT document_id, alias FROM aliases WHERE document_id IN "
                             "(SELECT document_id FROM aliases GROUP BY document_id HAVING count(DISTINCT alias_key) > 1) "
                             "AND document_id IN (SELECT document_id FROM urls) ORDER BY document_id, seq");
    while (titles.executeStep())
        group(titles.getColumn(0).getInt64()).same_url_titles.push_back(titles.getColumn(1).getString());
    SQLite::Statement absorbed(db.sql(), "SELECT document_id, old_id, old_slug, reason, at, parts IS NOT NULL "
                                         "FROM redirects ORDER BY document_id, old_id");
    while (absorbed.executeStep())
        group(absorbed.getColumn(0).getInt64())
            .absorbed.push_back({absorbed.getColumn(1).getInt64(), absorbed.getColumn(2).getString(),
                                 absorbed.getColumn(3).getString(), absorbed.getColumn(4).getString(),
                                 absorbed.getColumn(5).getInt() != 0});
    std::vector<MergedGroup> out;
    for (auto& [id, g] : groups)
        out.push_back(std::move(g));
    return out;
}

std::vector<SuspectPair> suspects(Database& db, double threshold) {
    std::vector<Candidate> docs = load_candidates(db);
    const auto apart = kept_apart_pairs(db);
    std::map<Id, std::size_t> at;
    for (std::size_t i = 0; i < docs.size(); ++i)
        at[docs[i].ref.id] = i;
    std::set<std::pair<std::size_t, std::size_t>> reported;
    std::vector<SuspectPair> out;
    // The pair in the order given: the lower id first, or the text inside the other first.
    const auto consider = [&](std::size_t i, std::size_t j, std::string reason, double similarity) {
        if (i == j || reported.contains(std::minmax(i, j)) || editions(docs[i], docs[j]) ||
            apart.contains(std::minmax(docs[i].ref.id, docs[j].ref.id)))
            return;
        reported.insert(std::minmax(i, j));
        out.push_back({docs[i].ref, docs[j].ref, std::move(reason), similarity});
    };
    // What their files say: a copy saved again and edited a little, or a report that takes in
    // another whole. Before the titles, whose evidence is weaker.
    std::vector<std::vector<std::uint32_t>> samples;
    std::vector<std::size_t> sampled;
    for (std::size_t i = 0; i < docs.size(); ++i)
        if (!docs[i].sample.empty()) {
            samples.push_back(std::move(docs[i].sample));
            sampled.push_back(i);
        }
    for (const auto& o : overlapping_texts(samples, std::min(nearly_same_text, contains_text))) {
        const std::size_t i = sampled[o.a], j = sampled[o.b];
        if (o.resemblance >= nearly_same_text)
            consider(i, j, "nearly the same text", o.resemblance);
        else if (o.containment >= contains_text)
            consider(o.a_is_smaller ? i : j, o.a_is_smaller ? j : i, "one contains the other", o.containment);
    }
    // The same title key (of the title or any alias) on two documents.
    SQLite::Statement same(db.sql(), "SELECT DISTINCT a.document_id, b.document_id FROM aliases a JOIN aliases b "
                                     "ON a.alias_key = b.alias_key AND a.document_id < b.document_id ORDER BY 1, 2");
    while (same.executeStep()) {
        const std::size_t i = at.at(same.getColumn(0).getInt64());
        const std::size_t j = at.at(same.getColumn(1).getInt64());
        const bool both_fetched = docs[i].sha256 && docs[j].sha256;
        consider(i, j, both_fetched ? "same title, different files" : "same title", 1.0);
    }
    // Near-identical titles once their dates are set aside, compared only with titles that name
    // the same numbers: "Modelbrief 1" and "Modelbrief 2" are two parts of a series. Comparing
    // within those groups also keeps a catalogue of a hundred thousand numbered titles, all alike
    // in their words, from holding billions of pairs.
    std::map<std::string, std::vector<std::size_t>> by_numbers;
    for (std::size_t i = 0; i < docs.size(); ++i)
        if (!docs[i].series_key.empty())
            by_numbers[docs[i].series_numbers].push_back(i);
    std::vector<SimilarPair> similar;
    for (const auto& [numbers, which] : by_numbers) {
        if (which.size() < 2)
            continue;
        std::vector<std::string> keys;
        for (const std::size_t i : which)
            keys.push_back(docs[i].series_key);
        for (const auto& pair : similar_pairs(keys, threshold))
            similar.push_back({which[pair.first], which[pair.second], pair.similarity}); // `which` ascends, as pairs do
    }
    std::sort(similar.begin(), similar.end(), [](const SimilarPair& x, const SimilarPair& y) {
        return std::tie(x.first, x.second) < std::tie(y.first, y.second);
    });
    for (const auto& pair : similar) {
        const Candidate& a = docs[pair.first];
        const Candidate& b = docs[pair.second];
        // "PO Handboek …" and "VO Handboek …" are alike in all but the one word that matters, and
        // so are a letter and the reaction to it.
        const auto differ = [](const auto& x, const auto& y) { return x && y && *x != *y; };
        if (differ(a.level, b.level) || differ(a.type, b.type))
            continue;
        consider(pair.first, pair.second, "similar titles", pair.similarity);
    }
    return out;
}

std::vector<std::pair<DocumentRef, DocumentRef>> decided_apart(Database& db) {
    std::vector<std::pair<DocumentRef, DocumentRef>> out;
    for (const auto& [a, b] : kept_apart_pairs(db))
        out.emplace_back(ref_of(db, a), ref_of(db, b));
    return out;
}

} // namespace

DupesReport find_dupes(Library& library, const DupesOptions& options) try {
    if (!(options.similarity > 0 && options.similarity <= 1))
        throw UsageError(fmt::format("--similarity must be above 0 and at most 1, not {}", options.similarity));
    Database& db = library.impl().db;
    SQLite::Transaction snapshot(db.sql()); // one consistent view for the three reads
    DupesReport report;
    report.merged = merged_groups(db);
    report.suspects = suspects(db, options.similarity);
    report.kept_apart = decided_apart(db);
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

MergeOutcome merge(Library& library, std::string_view a, std::string_view b) try {
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    WriteTransaction tx(impl.db);
    const Id survivor = require_document(impl.db, a);
    const Id absorbed = require_document(impl.db, b);
    if (survivor == absorbed)
        throw InputError(fmt::format("'{}' and '{}' are already one document ({})", a, b, survivor));
    MergeOutcome outcome{ref_of(impl.db, survivor), ref_of(impl.db, absorbed)};
    merge_documents(impl.db, survivor, absorbed, "merged by hand", utc_now());
    tx.commit();
    return outcome;
} catch (...) {
    rethrow_at_edge(library);
}

MergeOutcome unmerge(Library& library, std::string_view doc) try {
    auto& impl = library.impl();
    WriterLock lock(impl.ctx.home, impl.ctx.wait_seconds);
    WriteTransaction tx(impl.db);
    Database& db = impl.db;
    // The name of a merged document: its old id or slug (which resolve to the survivor otherwise).
    std::optional<Id> old_id;
    {
        SQLite::Statement q(db.sql(), "SELECT old_id FROM redirects WHERE old_slug = ?1 OR CAST(old_id AS TEXT) = ?1");
        q.bind(1, std::string(doc));
        if (q.executeStep())
            old_id = q.getColumn(0).getInt64();
    }
    if (!old_id) {
        const Id survivor = require_document(db, doc);
        SQLite::Statement q(db.sql(), "SELECT old_id, old_slug FROM redirects WHERE merged_into = ? ORDER BY old_id");
        q.bind(1, survivor);
        std::vector<std::string> inside;
        while (q.executeStep()) {
            old_id = q.getColumn(0).getInt64();
            inside.push_back(fmt::format("{} {}", *old_id, q.getColumn(1).getString()));
        }
        if (inside.empty())
            throw InputError(fmt::format("'{}' has no merged documents to take apart", doc));
        if (inside.size() > 1)
            throw UsageError(fmt::format("'{}' took in {} documents; name the one to take out: {}", doc, inside.size(),
                                         fmt::join(inside, ", ")));
    }
    const Id survivor = unmerge_document(db, *old_id, utc_now());
    MergeOutcome outcome{ref_of(db, survivor), ref_of(db, *old_id)};
    tx.commit();
    return outcome;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
