#include "export/placer.hpp"

#include "catalogue/catalogue.hpp"
#include "export/plan.hpp"
#include "kennis/error.hpp"
#include "catalogue/store.hpp"
#include "util/unique_fd.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace kennis {
namespace fs = std::filesystem;
namespace {

// Threads placing files. A copy is mostly the kernel moving bytes, which two cores do in about
// half the time. A link is quick enough that one thread keeps up with the planning, and a
// second would only take a core from it.
constexpr std::size_t placers_copying = 2;
constexpr std::size_t placers_linking = 1;

// A folder opened to work relative to, or an Error naming it.
UniqueFd open_folder(int from, const fs::path& dir) {
    UniqueFd fd(::openat(from, dir.empty() ? "." : dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        throw Error(ExitCode::failure, fmt::format("cannot open {}: {}", dir.string(), std::strerror(errno)));
    return fd;
}

// Errors that mean "someone has this file open or locked" on a share: keep the old file, go on.
bool is_busy(int err) { return err == EBUSY || err == EACCES || err == EPERM || err == ETXTBSY; }

// File systems that cannot make a second name for a file: copy instead.
bool links_unsupported(int err) { return err == EPERM || err == EOPNOTSUPP || err == EXDEV || err == EMLINK || err == ENOSYS; }

// A name for a temp file, unused in any folder.
std::string temp_name() {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return fmt::format("{}{:016x}", export_temp_prefix, rng());
}

} // namespace

FileStat stat_at(int folder, const char* name) {
    struct stat st {};
    if (::fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return {};
    return {true, S_ISREG(st.st_mode), static_cast<std::int64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

// The folders one placer links into and links from, each opened once: a link made and looked at
// relative to its folder costs the kernel a name or two to look up instead of a whole path.
class ExportPlacer::OpenFolders {
public:
    // `dest`: DEST, open; `store`: the folder of the stored files.
    OpenFolders(int dest, fs::path store) : m_dest(dest), m_store(std::move(store)) {}

    int store() {
        if (!m_store_fd)
            m_store_fd = open_folder(AT_FDCWD, m_store);
        return m_store_fd.get();
    }

    // `folder` inside DEST, which exists.
    int dest(const std::string& folder) {
        auto it = m_dest_fds.find(folder);
        if (it == m_dest_fds.end())
            it = m_dest_fds.emplace(folder, open_folder(m_dest, folder)).first;
        return it->second.get();
    }

private:
    int m_dest;
    fs::path m_store;
    UniqueFd m_store_fd;
    std::unordered_map<std::string, UniqueFd> m_dest_fds;
};

ExportPlacer::ExportPlacer(Setup setup) : m_setup(std::move(setup)) {
    const std::size_t count = links_only() ? placers_linking : placers_copying;
    for (std::size_t i = 0; i < count; ++i)
        m_threads.emplace_back([this, i] { place_units(i == 0); });
}

ExportPlacer::~ExportPlacer() { m_queue.stop(); }

bool ExportPlacer::hard_links_only() const {
    return m_setup.link == LinkMode::hardlink || (m_setup.link == LinkMode::automatic && m_setup.same_file_system);
}

bool ExportPlacer::links_only() const { return hard_links_only() || m_setup.link == LinkMode::symlink; }

void ExportPlacer::add(ExportPart& part) {
    part.outcomes.resize(part.jobs.size());
    std::vector<Unit> units;
    std::unordered_map<std::string_view, std::size_t> unit_of; // by document file
    for (std::size_t i = 0; i < part.jobs.size(); ++i) {
        const auto [it, added] = unit_of.emplace(part.jobs[i].sha256, units.size());
        if (added)
            units.push_back({&part, {}});
        units[it->second].jobs.push_back(i);
    }
    m_added += part.jobs.size();
    m_queue.add(std::move(units));
}

void ExportPlacer::finish() {
    m_queue.close();
    place_units(false);
    for (auto& t : m_threads)
        t.join();
}

// A placer's work: units until the queue is closed and empty. After a failure no new unit
// starts.
void ExportPlacer::place_units(bool reports_progress) {
    OpenFolders folders(m_setup.dest_fd, store_files_dir(m_setup.home));
    while (auto unit = m_queue.take()) {
        std::optional<fs::path> first_copy;
        for (const std::size_t i : unit->jobs) {
            const ExportJob& job = unit->part->jobs[i];
            ExportOutcome& outcome = unit->part->outcomes[i];
            try {
                const Target target{folders.dest(parent_of(job.path)), std::string(name_of(job.path))};
                outcome = place(job, target, folders, first_copy);
                if (outcome.how == ExportOutcome::linked || outcome.how == ExportOutcome::copied)
                    outcome.placed = stat_at(target.folder, target.name.c_str());
            } catch (...) {
                outcome = {ExportOutcome::failed, {}, std::current_exception(), {}};
                m_queue.stop();
                break;
            }
        }
        const std::size_t placed = m_placed += unit->jobs.size();
        if (reports_progress && m_setup.progress)
            m_setup.progress({"export", placed, m_added});
    }
}

// Puts the job's bytes at `target`. `first_copy` is this document's first copy in DEST, if any,
// which later names link to when the share can hold links.
ExportOutcome ExportPlacer::place(const ExportJob& job, const Target& target, OpenFolders& folders, std::optional<fs::path>& first_copy) {
    const LinkMode mode = m_setup.link;
    if (mode == LinkMode::symlink)
        return make_link(job, target, AT_FDCWD, store_path(m_setup.home, job.sha256).c_str(), true);
    if (links_only())
        return make_link(job, target, folders.store(), store_name(job.sha256).c_str(), false);
    if (mode == LinkMode::automatic && m_links_work && first_copy) {
        bool unsupported = false;
        auto placed = make_link(job, target, AT_FDCWD, first_copy->c_str(), false, &unsupported);
        if (!unsupported)
            return placed;
        m_links_work = false;
    }
    const fs::path path = m_setup.dest / job.path;
    TempFile temp(path.parent_path(), export_temp_prefix, Access::shared);
    temp.copy_from(store_path(m_setup.home, job.sha256));
    if (const int err = temp.try_replace(path); err != 0)
        return refuse(job, err);
    if (!first_copy)
        first_copy = path;
    return {ExportOutcome::copied, {}, nullptr, {}};
}

// Makes a hard link to `source` (in the folder open as `from`), or a symbolic link holding
// `source`: straight at `target` when nothing is there (a link appears whole by itself), else
// beside it and renamed over it. With `unsupported`, a file system that cannot make the link
// says so there instead of throwing.
ExportOutcome ExportPlacer::make_link(const ExportJob& job, const Target& target, int from, const char* source, bool symbolic,
                                      bool* unsupported) const {
    const std::string at = job.replace ? temp_name() : target.name;
    if ((symbolic ? ::symlinkat(source, target.folder, at.c_str()) : ::linkat(from, source, target.folder, at.c_str(), 0)) != 0) {
        const int err = errno;
        if (unsupported && links_unsupported(err)) {
            *unsupported = true;
            return {};
        }
        throw Error(ExitCode::failure, fmt::format("cannot write {}: {}", (m_setup.dest / job.path).string(), std::strerror(err)));
    }
    if (job.replace && ::renameat(target.folder, at.c_str(), target.folder, target.name.c_str()) != 0) {
        const int err = errno;
        ::unlinkat(target.folder, at.c_str(), 0);
        return refuse(job, err);
    }
    return {ExportOutcome::linked, {}, nullptr, {}};
}

ExportOutcome ExportPlacer::refuse(const ExportJob& job, int err) const {
    if (!is_busy(err))
        throw Error(ExitCode::failure, fmt::format("cannot replace {}: {}", (m_setup.dest / job.path).string(), std::strerror(err)));
    return {ExportOutcome::refused,
            fmt::format("cannot be replaced ({}); it may be open on another computer; the old file stays until the next run",
                        std::strerror(err)),
            nullptr,
            {}};
}

} // namespace kennis
