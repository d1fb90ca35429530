#pragma once

#include "kennis/export.hpp"
#include "util/unique_fd.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// What an export wrote into DEST, kept in DEST itself (the file `.kennis-export`), so that later
// runs replace and delete only those files, whichever library or machine runs them.
struct ExportedFile {
    std::string sha256;
    std::int64_t size = 0;
    // The file's mtime when kennis last saw it whole, in nanoseconds; `pending` while it is being
    // written, so a run killed in between still knows the path is kennis's.
    std::int64_t mtime_ns = pending;
    std::int64_t document = 0;

    static constexpr std::int64_t pending = -1;

    bool operator==(const ExportedFile&) const = default;
};

// The names of the temp files an export writes in DEST; a later run removes any it finds.
inline constexpr std::string_view export_temp_prefix = ".kennis-part-";

class ExportState {
public:
    static constexpr std::string_view file_name = ".kennis-export";
    // The paths a run is writing (see ExportJournal).
    static constexpr std::string_view journal_name = ".kennis-export-journal";

    // An empty state when DEST has no state file (or an empty one, which is what a power cut
    // can leave of one written without a sync), with the paths of a journal a run left behind
    // as pending; InputError naming the line when either is damaged.
    static ExportState load(const std::filesystem::path& dest);
    // Atomically: a reader sees the old state or the new one, and with `sync` it is on disk
    // before the journal goes, as the state holds what became of the journal's paths.
    void save(const std::filesystem::path& dest, bool sync) const;

    std::map<std::string, ExportedFile> files; // by path relative to DEST, '/'-separated
    // What the listings in DEST (catalogue.csv, SHA256SUMS, index.html) were last written from,
    // with their sizes and mtimes: the same again means they need not be drawn again.
    std::string listings;
    // What the last run exported from (its options, the catalogue's stamp) and DEST's own
    // files as it left them, written only when that run left every selected file in place and
    // nothing else of its own behind: the same again, with every file as recorded, means that
    // a run has nothing to do and need not read the catalogue.
    std::string plan;
    std::vector<ExportSkip> skipped; // the selected documents that run could not export

    bool operator==(const ExportState&) const = default;
};

// The paths an export is about to write, appended before it writes them, so that a run killed
// half-way (or a power cut, when synced) leaves them known as kennis's: the state file itself is
// written once, at the end, as rewriting it for each part of a large export would cost more than
// the export.
class ExportJournal {
public:
    explicit ExportJournal(std::filesystem::path dest) : m_dest(std::move(dest)) {}

    struct Record {
        std::string_view path;
        std::string_view sha256;
        std::int64_t document = 0;
    };
    // Made on first use; throws Error when it cannot be written.
    void append(const std::vector<Record>& records, bool sync);
    // Whether DEST holds a journal: this run's, or one a killed run left.
    bool exists() const;

private:
    std::filesystem::path m_dest;
    UniqueFd m_fd;
};

} // namespace kennis
