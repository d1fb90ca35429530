#pragma once

#include "export/state.hpp"
#include "kennis/export.hpp"
#include "kennis/library.hpp"
#include "util/work_queue.hpp"

#include <atomic>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace kennis {

// A file as stat() found it, not following a link.
struct FileStat {
    bool exists = false;
    bool regular = false;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

// The file `name` in the folder open as `folder` (or AT_FDCWD).
FileStat stat_at(int folder, const char* name);

// One file of an export to put in place. Its texts are views into the planned entries.
struct ExportJob {
    std::string_view path; // relative to DEST
    std::string_view sha256;
    std::int64_t document;
    bool replace;                     // a file kennis wrote is there, to be replaced
    ExportedFile* recorded = nullptr; // its record in the state
};

// What became of one job.
struct ExportOutcome {
    enum { pending, linked, copied, refused, failed } how = pending;
    std::string refusal;      // refused: why the old file stays
    std::exception_ptr error; // failed
    FileStat placed;          // linked or copied: the file as it was left
};

// The jobs of one part of an export's plan, and (filled in by the placers) what became of them.
struct ExportPart {
    std::vector<ExportJob> jobs;
    std::vector<ExportOutcome> outcomes;
};

// Puts an export's files in place, linked or copied from the store, on threads of its own while
// the export plans the rest: a new name appears whole or not at all, and a file being replaced
// stays until the new one is complete. A file that cannot be replaced because someone has it
// open is refused and left as it was; any other failure stops the placing.
class ExportPlacer {
public:
    struct Setup {
        std::filesystem::path dest; // for messages and copies
        int dest_fd;                // DEST as it was when the export began, open: links go into it
        std::filesystem::path home; // the library's
        LinkMode link;
        bool same_file_system; // DEST and the store
        ProgressFn progress;
    };
    explicit ExportPlacer(Setup setup);
    // Stops the placers: a run that failed places nothing more.
    ~ExportPlacer();
    ExportPlacer(const ExportPlacer&) = delete;
    ExportPlacer& operator=(const ExportPlacer&) = delete;

    // Whether every file is placed as a hard link to the store; or as a link of either kind.
    bool hard_links_only() const;
    bool links_only() const;

    // Hands the part's jobs to the placers; `part` stays where it is until finish() returns.
    void add(ExportPart& part);
    // No more parts: this thread helps place what is left, then waits for the placers. The
    // outcomes are in the parts.
    void finish();

private:
    // The jobs of one document file within a part, done in order by one placer, as its first
    // copy is what its other names link to.
    struct Unit {
        ExportPart* part;
        std::vector<std::size_t> jobs;
    };
    // Where a job's file goes: a name in a folder of DEST that a placer has open.
    struct Target {
        int folder;
        std::string name;
    };
    class OpenFolders;

    void place_units(bool reports_progress);
    ExportOutcome place(const ExportJob& job, const Target& target, OpenFolders& folders, std::optional<std::filesystem::path>& first_copy);
    ExportOutcome make_link(const ExportJob& job, const Target& target, int from, const char* source, bool symbolic,
                            bool* unsupported = nullptr) const;
    ExportOutcome refuse(const ExportJob& job, int err) const;

    Setup m_setup;
    std::atomic<bool> m_links_work = true; // false once the share refused a hard link
    std::atomic<std::size_t> m_added = 0;  // jobs handed to the placers
    std::atomic<std::size_t> m_placed = 0;
    WorkQueue<Unit> m_queue;
    std::vector<std::jthread> m_threads; // last: they stop before the rest goes
};

} // namespace kennis
