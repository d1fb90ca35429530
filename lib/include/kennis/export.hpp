#pragma once

#include "kennis/fetch.hpp"
#include "kennis/filter.hpp"
#include "kennis/library.hpp"
#include "kennis/synonyms.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

enum class LinkMode {
    automatic, // hard links from the store on the same file system; else one copy per document, linked within DEST
    hardlink,  // hard links from the store (DEST must be on the store's file system)
    copy,      // a copy for every path
    symlink,   // symbolic links to the store
};

LinkMode parse_link_mode(std::string_view text); // throws UsageError

struct ExportOptions {
    std::filesystem::path dest;  // a folder, or with `zip` the archive to write
    bool zip = false;
    std::string by = "theme";    // theme, tag, type or flat
    std::optional<std::string> path_template; // instead of `by`: "{theme}/{year}/{title}{ext}"
    LinkMode link = LinkMode::automatic;
    std::optional<std::string> query; // the documents this search finds, narrowed by the filter
    Filter filter;
    bool delete_stale = false;   // remove files an earlier export wrote that are no longer selected
    std::size_t max_delete = 50; // … but refuse the whole run when that would be more than this
    bool dry_run = false;        // plan only; touch nothing
    bool fetch = false;          // fetch selected documents that have no stored file first
    FetchOptions fetch_options;  // how (its `documents` is filled in)
    int news_days = 30;          // WAT-IS-NIEUW.html/.csv cover this many days; 0 writes neither
    bool share_search = true;    // index.html searches the documents' text (the folder zoekindex/)
    Synonyms synonyms = Synonyms::shipped(); // what that search, and `query`, expand
    bool allow_macros = false;   // also export Office files that carry macros
    std::vector<std::string> allow_types; // MIME types exported beyond documents (FetchOptions::allow_types)
};

struct ExportChange {
    std::string action; // write, replace, remove, keep
    std::string path;   // relative to DEST
};

struct ExportSkip {
    std::int64_t id = 0;
    std::string title;
    std::string reason;

    bool operator==(const ExportSkip&) const = default;
};

struct ExportFailure {
    std::string path;
    std::string error;
};

struct ExportReport {
    std::filesystem::path dest;
    std::size_t documents = 0; // selected and stored
    std::size_t written = 0;   // files created or replaced
    std::size_t unchanged = 0; // files already right
    std::size_t removed = 0;   // files removed with delete_stale
    std::size_t linked = 0;    // of the written, those that are links
    std::size_t copied = 0;    // of the written, those that are copies
    std::size_t stale = 0;     // files an earlier export wrote that are no longer selected, left in place
    std::vector<ExportChange> changes; // what was (or with dry_run, would be) done, in order
    std::vector<ExportSkip> skipped;   // selected documents without a stored file
    std::vector<ExportFailure> failed; // files that could not be written; the old ones stay
    std::optional<FetchReport> fetch;
};

// Exports the selected documents into a folder tree (or a zip) with catalogue.csv, SHA256SUMS
// and index.html beside them. Takes the writer lock. Incremental: a state file in DEST records
// what kennis wrote, and only that is ever replaced or deleted.
ExportReport export_documents(Library& library, const ExportOptions& options);

} // namespace kennis
