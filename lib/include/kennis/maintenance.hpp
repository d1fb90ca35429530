#pragma once

#include "kennis/fetch.hpp"
#include "kennis/library.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

// A stored file the catalogue counts on that is not as it should be.
struct StoreProblem {
    std::string sha256;
    std::string problem;                 // "missing" or "damaged"
    std::vector<std::int64_t> documents; // whose versions have these bytes
    std::string path;
    std::string repair; // with --repair: "restored", or why it could not be
};

struct VerifyOptions {
    bool repair = false; // fetch damaged and missing files again
    int jobs = 4;
    NetworkOptions network;
};

struct VerifyReport {
    std::vector<std::string> integrity;    // what PRAGMA integrity_check found; empty when ok
    std::size_t checked = 0;               // stored files read and hashed
    std::vector<StoreProblem> problems;    // as found, before any repair
    std::vector<std::string> unreferenced; // store files no row names (a killed fetch; gc removes them)
    std::optional<FetchReport> fetch;      // the repairing fetch

    std::size_t repaired() const;
    // Nothing wrong is left: the catalogue is intact and every stored file is whole.
    bool clean() const;
};

// Checks the catalogue and re-hashes every stored file against its name. Reads only, unless
// `repair`: then it takes the writer lock, moves damaged files out of the store and fetches the
// documents whose current file they are again.
VerifyReport verify(Library& library, const VerifyOptions& options);

struct GcReport {
    std::vector<std::string> removed; // the store files that went (or would go), relative to store/
    std::int64_t bytes = 0;
    bool dry_run = false;
};

// Removes the store files that no version of any document uses, and what the catalogue knew of
// their bytes. Takes the writer lock.
GcReport collect_garbage(Library& library, bool dry_run);

struct ReindexOptions {
    std::vector<std::string> documents; // read these documents' stored files again; else see below
    bool all = false;                   // read every stored file again
};

struct ReindexReport {
    std::size_t read = 0;      // stored files whose text was read again
    std::size_t with_text = 0; // of them, those with text now
    std::size_t gained = 0;    // of them, those that had no text before
    std::size_t missing = 0;   // files the catalogue names that are not in the store (verify --repair)
    std::vector<MergeNote> merged; // documents found to have the same text as another, and merged
};

// Reads the text of stored files again, with this kennis's readers: by default the files that
// an older kennis read (or could not read), which a newer one may read better; with documents,
// theirs; with `all`, every one. Takes the writer lock. Each file is kept as it is done, so a
// run that is stopped goes on where it stopped.
ReindexReport reindex(Library& library, const ReindexOptions& options);

} // namespace kennis
