#include "kennis/export.hpp"

#include "catalogue.hpp"
#include "export_layout.hpp"
#include "export_manifest.hpp"
#include "export_state.hpp"
#include "file_io.hpp"
#include "kennis/error.hpp"
#include "kennis/filename.hpp"
#include "kennis/version.hpp"
#include "library_impl.hpp"
#include "lock.hpp"
#include "selection.hpp"
#include "sha256.hpp"
#include "store.hpp"
#include "unicode.hpp"
#include "unique_fd.hpp"
#include "zip_export.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <ctime>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <future>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <unordered_map>
#include <sys/stat.h>
#include <unistd.h>

namespace kennis {
namespace fs = std::filesystem;
namespace {

// The files kennis writes beside the documents, in DEST itself: the listings and its state.
constexpr std::array<std::string_view, 3> listing_files{"catalogue.csv", "SHA256SUMS", "index.html"};
constexpr std::array<std::string_view, 2> news_files{"WAT-IS-NIEUW.html", "WAT-IS-NIEUW.csv"};
// Room left for the share's own path (\\server\share\folder\) within Windows' 260 characters.
constexpr std::size_t max_relative_path = 200;

std::string parent_of(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

// The selected documents that have a stored file, each with its paths inside DEST; names that
// would collide within a folder (also only in case) get " (2)", in the order of document ids so
// that the next run hands out the same names.
std::vector<ExportEntry> plan_entries(Library& library, const ExportOptions& options, ExportReport& report) {
    const PathTemplate layout = options.path_template ? PathTemplate(*options.path_template) : PathTemplate::for_layout(options.by);
    Database& db = library.impl().db;
    auto documents = load_documents(db, library.impl().ctx.home, select_ids(library, options.query, options.filter));
    std::map<std::string, NameAllocator> folders; // by case-folded folder
    for (auto name : listing_files)
        folders[""].claim(std::string(name));
    for (auto name : news_files)
        folders[""].claim(std::string(name));
    folders[""].claim(std::string(ExportState::file_name));
    std::vector<ExportEntry> entries;
    entries.reserve(documents.size());
    for (auto& d : documents) {
        if (!d.path || !d.current()) {
            report.skipped.push_back({d.id, d.title, d.urls.empty() ? "no download link" : "not fetched"});
            continue;
        }
        ExportEntry e;
        e.sha256 = d.current()->sha256;
        for (auto& path : layout.paths(d, export_extension(d), max_relative_path)) {
            const std::string folder = parent_of(path);
            const std::string name = folders[unicode::casefold(folder)].claim(folder.empty() ? path : path.substr(folder.size() + 1));
            e.paths.push_back(folder.empty() ? name : folder + "/" + name);
        }
        e.document = std::move(d);
        entries.push_back(std::move(e));
    }
    report.documents = entries.size();
    return entries;
}

struct FileStat {
    bool exists = false;
    bool regular = false;
    std::int64_t size = 0;
    std::int64_t mtime_ns = 0;
};

FileStat stat_of(const fs::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0)
        return {};
    return {true, S_ISREG(st.st_mode), static_cast<std::int64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool same_as_recorded(const FileStat& st, const ExportedFile& f) {
    return st.exists && f.mtime_ns != ExportedFile::pending && st.size == f.size && st.mtime_ns == f.mtime_ns;
}

std::string content_of(const fs::path& path, const FileStat& st) {
    return st.regular ? sha256_file(path) : std::string();
}

// Errors that mean "someone has this file open or locked" on a share: keep the old file, go on.
bool is_busy(int err) { return err == EBUSY || err == EACCES || err == EPERM || err == ETXTBSY; }

// File systems that cannot make a second name for a file: copy instead.
bool links_unsupported(int err) { return err == EPERM || err == EOPNOTSUPP || err == EXDEV || err == EMLINK || err == ENOSYS; }

std::string temp_name(const fs::path& folder) {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    return (folder / fmt::format("{}{:016x}", export_temp_prefix, rng())).string();
}

// The first day WAT-IS-NIEUW covers, as YYYY-MM-DD: `days` days before now.
std::string news_since(int days) {
    const std::time_t since = std::time(nullptr) - static_cast<std::time_t>(days) * 24 * 3600;
    std::tm utc{};
    ::gmtime_r(&since, &utc);
    return fmt::format("{:04}-{:02}-{:02}", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

// Everything besides DEST that decides what an export writes: this kennis, the catalogue as it
// is now, the options, and the first day WAT-IS-NIEUW covers (a window that moves each day).
std::string plan_key(Library& library, const ExportOptions& o) {
    const auto opt = [](const auto& value) { return value ? nlohmann::json(*value) : nlohmann::json(); };
    const Filter& f = o.filter;
    const nlohmann::json key{version(), catalogue_stamp(library.impl().db), o.by, opt(o.path_template),
                             static_cast<int>(o.link), opt(o.query), f.themes, f.tags, opt(f.type), opt(f.year),
                             opt(f.level), f.status, f.latest, opt(f.limit), o.delete_stale, o.max_delete,
                             o.news_days > 0 ? news_since(o.news_days) : std::string()};
    return sha256_hex(key.dump());
}

class FolderExport {
public:
    FolderExport(Library& library, const ExportOptions& options, ExportReport& report)
        : m_library(library), m_dest(options.dest), m_store(library.impl().ctx.home), m_options(options), m_report(report),
          m_progress(library.impl().ctx.progress) {
        // A dry run may plan for a DEST that does not exist yet: where it would be made decides.
        fs::path existing = fs::absolute(m_dest);
        while (!fs::exists(existing) && existing.has_relative_path())
            existing = existing.parent_path();
        struct stat store {}, dest {};
        if (::stat(library.store_dir().c_str(), &store) != 0 || ::stat(existing.c_str(), &dest) != 0)
            throw Error(ExitCode::failure, fmt::format("cannot look at {}: {}", m_dest.string(), std::strerror(errno)));
        m_same_file_system = store.st_dev == dest.st_dev;
        m_dest_inode = existing == fs::absolute(m_dest) ? dest.st_ino : 0;
        if (options.link == LinkMode::hardlink && !m_same_file_system)
            throw InputError(fmt::format("cannot hard-link into {}: it is on another file system than the library's store; "
                                         "use --link auto or --link copy",
                                         m_dest.string()));
        m_state = ExportState::load(m_dest);
        m_plan = plan_key(library, options);
    }

    // Whether the last run exported what this one would, and DEST holds all it wrote as it left
    // it: then the report says so and nothing needs to be read from the catalogue or written.
    bool up_to_date() {
        if (m_state.plan.empty() || m_state.plan != m_plan + own_files_stats())
            return false;
        std::set<std::int64_t> documents;
        for (const auto& [path, recorded] : m_state.files) {
            if (!same_as_recorded(stat_of(full(path)), recorded))
                return false;
            documents.insert(recorded.document);
        }
        m_report.documents = documents.size();
        m_report.unchanged = m_state.files.size();
        m_report.skipped = m_state.skipped;
        return true;
    }

    void run(const std::vector<ExportEntry>& entries) {
        const ExportState loaded = m_state;
        decide(entries);
        if (m_options.dry_run)
            return;
        clear_leftovers(loaded);
        // Drawn on another core while the files are written: they depend only on the plan and the
        // catalogue, which nothing else reads meanwhile.
        auto drawn = std::async(std::launch::async, [this, &entries, known = loaded.listings] {
            OwnFiles own{draw_listings(entries, known), std::nullopt};
            if (m_options.news_days > 0) {
                const ChangesReport news = list_changes(m_library, news_since(m_options.news_days));
                own.news = {news_html(news, entries, m_options.news_days), news_csv(news, entries)};
            }
            return own;
        });
        write_files();
        remove_files();
        write_own_files(entries, drawn.get());
        const bool complete = m_report.failed.empty() && m_report.stale == 0;
        m_state.plan = complete ? m_plan + own_files_stats() : std::string();
        m_state.skipped = complete ? m_report.skipped : std::vector<ExportSkip>();
        if (!(m_state == loaded))
            m_state.save(m_dest);
    }

private:
    struct Job {
        std::string path;
        const ExportEntry* entry;
        bool replace;
    };

    fs::path full(const std::string& path) const { return m_dest / path; }

    // Copies are not synced one by one (see write_files), so after a power cut a file kennis
    // wrote can hold only its beginning, or nothing: the kernel had not written the rest out yet.
    // Such a file is still kennis's, not someone's edit.
    bool cut_short(const std::string& path, const FileStat& st, const ExportedFile& recorded) const {
        return st.regular && recorded.mtime_ns != ExportedFile::pending && st.size < recorded.size &&
               is_beginning_of(full(path), m_store.path_of(recorded.sha256));
    }

    void decide(const std::vector<ExportEntry>& entries) {
        std::set<std::string> wanted;
        std::unordered_map<std::string, bool> folder_exists; // nothing to look at in a folder that is not there
        for (const auto& e : entries) {
            for (const auto& path : e.paths) {
                wanted.insert(path);
                const std::string folder = parent_of(path);
                auto [it, added] = folder_exists.try_emplace(folder, true);
                if (added)
                    it->second = stat_of(full(folder)).exists;
                if (it->second)
                    decide_path(path, e);
                else
                    m_jobs.push_back({path, &e, false});
            }
        }
        std::vector<std::string> removals;
        for (auto it = m_state.files.begin(); it != m_state.files.end();) {
            const auto& [path, recorded] = *it;
            if (wanted.contains(path)) { // decided above
                ++it;
                continue;
            }
            const FileStat st = stat_of(full(path));
            if (!st.exists) {
                it = m_state.files.erase(it); // gone already
            } else if (!m_options.delete_stale) {
                ++m_report.stale;
                ++it;
            } else if (same_as_recorded(st, recorded) || content_of(full(path), st) == recorded.sha256 ||
                       cut_short(path, st, recorded)) {
                removals.push_back(path);
                ++it;
            } else {
                // Someone changed the file after kennis wrote it: it is theirs now.
                m_report.changes.push_back({"keep", path});
                it = m_state.files.erase(it);
            }
        }
        if (removals.size() > m_options.max_delete)
            throw InputError(fmt::format("this export would delete {} files, more than --max-delete {}; nothing was changed "
                                         "(run again with --max-delete {} to allow it)",
                                         removals.size(), m_options.max_delete, removals.size()));
        m_removals = std::move(removals);
        if (m_options.dry_run) {
            for (const auto& job : m_jobs)
                m_report.changes.push_back({job.replace ? "replace" : "write", job.path});
            for (const auto& path : m_removals)
                m_report.changes.push_back({"remove", path});
        }
    }

    void decide_path(const std::string& path, const ExportEntry& e) {
        const FileStat st = stat_of(full(path));
        const auto recorded = m_state.files.find(path);
        const bool known = recorded != m_state.files.end();
        if (!st.exists) {
            m_jobs.push_back({path, &e, false});
            return;
        }
        if (known && recorded->second.sha256 == e.sha256 && same_as_recorded(st, recorded->second)) {
            ++m_report.unchanged;
            return;
        }
        bool ours = known && (recorded->second.mtime_ns == ExportedFile::pending || same_as_recorded(st, recorded->second));
        const std::string content = content_of(full(path), st);
        if (content == e.sha256) { // the right bytes already, e.g. written by a run that was killed
            m_state.files[path] = {e.sha256, st.size, st.mtime_ns, e.document.id};
            ++m_report.unchanged;
            return;
        }
        ours = ours || (known && (content == recorded->second.sha256 || cut_short(path, st, recorded->second)));
        if (ours)
            m_jobs.push_back({path, &e, true});
        else
            m_report.failed.push_back({path, "a file kennis did not write is in the way; move it away and export again"});
    }

    void write_files() {
        if (m_jobs.empty())
            return;
        // Recorded before anything is written, so that a run killed half-way leaves paths the
        // next run knows to be kennis's.
        std::map<std::string, ExportedFile> before; // what was known of the files being replaced
        for (const auto& job : m_jobs) {
            if (job.replace)
                before.emplace(job.path, m_state.files.at(job.path));
            m_state.files[job.path] = {job.entry->sha256, 0, ExportedFile::pending, job.entry->document.id};
        }
        m_state.save(m_dest);

        // The copies are not synced: a copy is made again from the store at will, and a power cut
        // that loses the end of one leaves it shorter than recorded, which the next run notices
        // (cut_short) and repairs. Syncing would double the time of a large export to a local disk.
        make_folders();
        const std::vector<Outcome> outcomes = place_all();
        for (const auto& o : outcomes) {
            if (o.how == Outcome::failed) {
                expect_dest(); // a failure because DEST went away says so
                std::rethrow_exception(o.error);
            }
        }
        for (std::size_t i = 0; i < m_jobs.size(); ++i) {
            const Job& job = m_jobs[i];
            if (outcomes[i].how == Outcome::refused) {
                m_report.failed.push_back({job.path, outcomes[i].refusal});
                m_state.files[job.path] = before.at(job.path); // the old file stays, and so does what was known of it
                continue;
            }
            ++(outcomes[i].how == Outcome::copied ? m_report.copied : m_report.linked);
            ++m_report.written;
            m_report.changes.push_back({job.replace ? "replace" : "write", job.path});
            ExportedFile& f = m_state.files[job.path];
            f.size = outcomes[i].placed.size;
            f.mtime_ns = outcomes[i].placed.mtime_ns;
        }
    }

    // What became of one job.
    struct Outcome {
        enum { pending, linked, copied, refused, failed } how = pending;
        std::string refusal;      // refused: why the old file stays
        std::exception_ptr error; // failed
        FileStat placed;          // linked or copied: the file as it was left
    };

    void make_folders() const {
        std::set<std::string> folders;
        for (const auto& job : m_jobs)
            folders.insert(parent_of(job.path));
        for (const auto& folder : folders) {
            expect_dest();
            std::error_code ec;
            fs::create_directories(full(folder), ec);
            if (ec)
                throw Error(ExitCode::failure, fmt::format("cannot create {}: {}", full(folder).string(), ec.message()));
        }
    }

    // Places every job, two documents at a time: a copy is mostly the kernel moving bytes, which
    // two cores do in about half the time. One document's jobs are done in order by one thread,
    // as its first copy is what its other names link to. After a failure no new document starts.
    std::vector<Outcome> place_all() {
        std::vector<std::vector<std::size_t>> documents; // job indices, by document file
        std::unordered_map<std::string_view, std::size_t> document_of;
        for (std::size_t i = 0; i < m_jobs.size(); ++i) {
            const auto [it, added] = document_of.emplace(m_jobs[i].entry->sha256, documents.size());
            if (added)
                documents.emplace_back();
            documents[it->second].push_back(i);
        }
        std::vector<Outcome> outcomes(m_jobs.size());
        std::atomic<std::size_t> next{0};
        std::atomic<std::size_t> done{0};
        std::atomic<bool> stop{false};
        const auto work = [&](bool progress) {
            for (std::size_t d; !stop && (d = next++) < documents.size();) {
                std::optional<fs::path> first_copy;
                for (const std::size_t i : documents[d]) {
                    try {
                        const fs::path target = full(m_jobs[i].path);
                        outcomes[i] = place(m_jobs[i], target, first_copy);
                        if (outcomes[i].how == Outcome::linked || outcomes[i].how == Outcome::copied)
                            outcomes[i].placed = stat_of(target);
                    } catch (...) {
                        outcomes[i] = {Outcome::failed, {}, std::current_exception(), {}};
                        stop = true;
                        break;
                    }
                }
                done += documents[d].size();
                if (progress && m_progress)
                    m_progress({"export", done, m_jobs.size()});
            }
        };
        std::jthread helper([&] { work(false); });
        work(true);
        helper.join();
        return outcomes;
    }

    // Puts the job's bytes at `target`: a new name appears whole or not at all, and a file being
    // replaced stays until the new one is complete. `first_copy` is this document's first copy in
    // DEST, if any, which later names link to when the share can hold links.
    Outcome place(const Job& job, const fs::path& target, std::optional<fs::path>& first_copy) {
        const fs::path source = m_store.path_of(job.entry->sha256);
        const LinkMode mode = m_options.link;
        if (mode == LinkMode::symlink || mode == LinkMode::hardlink || (mode == LinkMode::automatic && m_same_file_system))
            return make_link(job, target, source, mode == LinkMode::symlink);
        if (mode == LinkMode::automatic && m_links_work && first_copy) {
            bool unsupported = false;
            auto placed = make_link(job, target, *first_copy, false, &unsupported);
            if (!unsupported)
                return placed;
            m_links_work = false;
        }
        TempFile temp(target.parent_path(), export_temp_prefix);
        temp.copy_from(source);
        if (const int err = temp.try_replace(target); err != 0)
            return refuse(job, err);
        if (!first_copy)
            first_copy = target;
        return {Outcome::copied, {}, nullptr, {}};
    }

    // Makes a hard or symbolic link to `source`: straight at `target` when nothing is there (a link
    // appears whole by itself), else beside it and renamed over it. With `unsupported`, a file
    // system that cannot make the link says so there instead of throwing.
    Outcome make_link(const Job& job, const fs::path& target, const fs::path& source, bool symbolic,
                      bool* unsupported = nullptr) const {
        const std::string at = job.replace ? temp_name(target.parent_path()) : target.string();
        if ((symbolic ? ::symlink(source.c_str(), at.c_str()) : ::link(source.c_str(), at.c_str())) != 0) {
            const int err = errno;
            if (unsupported && links_unsupported(err)) {
                *unsupported = true;
                return {};
            }
            throw Error(ExitCode::failure, fmt::format("cannot write {}: {}", target.string(), std::strerror(err)));
        }
        if (job.replace && ::rename(at.c_str(), target.c_str()) != 0) {
            const int err = errno;
            ::unlink(at.c_str());
            return refuse(job, err);
        }
        return {Outcome::linked, {}, nullptr, {}};
    }

    // A share unmounted or a folder removed while the export runs: stop, rather than make DEST
    // again with only part of what it held.
    void expect_dest() const {
        struct stat st {};
        if (::stat(m_dest.c_str(), &st) != 0 || st.st_ino != m_dest_inode)
            throw Error(ExitCode::failure, fmt::format("{} went away during the export (removed or unmounted); "
                                                       "nothing more was written; run the export again",
                                                       m_dest.string()));
    }

    Outcome refuse(const Job& job, int err) const {
        if (!is_busy(err))
            throw Error(ExitCode::failure, fmt::format("cannot replace {}: {}", full(job.path).string(), std::strerror(err)));
        return {Outcome::refused,
                fmt::format("cannot be replaced ({}); it may be open on another computer; the old file stays until the next run",
                            std::strerror(err)),
                nullptr,
                {}};
    }

    // Temp files of a killed run; nobody else uses the prefix. Beside the documents they can only
    // be where that run had recorded paths as pending, since it recorded them before writing.
    void clear_leftovers(const ExportState& loaded) {
        std::set<fs::path> folders{m_dest};
        for (const auto& [path, f] : loaded.files)
            if (f.mtime_ns == ExportedFile::pending)
                folders.insert(full(path).parent_path());
        for (const auto& folder : folders) {
            std::error_code ec;
            for (const auto& entry : fs::directory_iterator(folder, ec))
                if (entry.path().filename().string().starts_with(export_temp_prefix))
                    fs::remove(entry.path(), ec);
        }
    }

    void remove_files() {
        for (const auto& path : m_removals) {
            if (::unlink(full(path).c_str()) != 0 && errno != ENOENT) {
                m_report.failed.push_back({path, fmt::format("cannot be removed ({})", std::strerror(errno))});
                continue;
            }
            m_state.files.erase(path);
            ++m_report.removed;
            m_report.changes.push_back({"remove", path});
            // Folders that this emptied go too; rmdir leaves any folder that still holds something.
            for (std::string folder = parent_of(path); !folder.empty() && ::rmdir(full(folder).c_str()) == 0;)
                folder = parent_of(folder);
        }
    }

    struct Listings {
        std::string fingerprint;
        bool unchanged = false; // DEST holds them as drawn from this fingerprint; the texts are empty
        std::string csv, sums, index;
    };

    struct OwnFiles {
        Listings listings;
        std::optional<std::pair<std::string, std::string>> news; // WAT-IS-NIEUW.html and .csv
    };

    // The listings of `listed`, unless DEST holds them already (`known` is their listings_key).
    Listings draw_listings(const std::vector<ExportEntry>& listed, const std::string& known) const {
        Listings l{listing_fingerprint(listed), false, {}, {}, {}};
        l.unchanged = known == listings_key(l.fingerprint);
        if (!l.unchanged) {
            l.csv = catalogue_csv(listed);
            l.sums = sha256sums(listed);
            l.index = index_html(listed);
        }
        return l;
    }

    // The listings show only the files that hold their document's bytes now, not those left as
    // they were, so a run with failures draws them again without those.
    void write_own_files(const std::vector<ExportEntry>& entries, OwnFiles own) {
        std::set<std::string> failed;
        for (const auto& f : m_report.failed)
            failed.insert(f.path);
        if (!failed.empty()) {
            std::vector<ExportEntry> present;
            for (const auto& e : entries) {
                ExportEntry p{e.document, e.sha256, {}};
                std::copy_if(e.paths.begin(), e.paths.end(), std::back_inserter(p.paths),
                             [&](const auto& path) { return !failed.contains(path); });
                if (!p.paths.empty())
                    present.push_back(std::move(p));
            }
            own.listings = draw_listings(present, m_state.listings);
        }
        if (!own.listings.unchanged) {
            write_if_changed(m_dest / "catalogue.csv", own.listings.csv, export_temp_prefix);
            write_if_changed(m_dest / "SHA256SUMS", own.listings.sums, export_temp_prefix);
            write_if_changed(m_dest / "index.html", own.listings.index, export_temp_prefix);
            m_state.listings = listings_key(own.listings.fingerprint);
        }
        if (own.news) {
            write_if_changed(m_dest / news_files[0], own.news->first, export_temp_prefix);
            write_if_changed(m_dest / news_files[1], own.news->second, export_temp_prefix);
        }
    }

    // The listings' fingerprint with each listing file's size and mtime: a listing someone
    // removed or changed is drawn again.
    std::string listings_key(const std::string& fingerprint) const { return fingerprint + stats_of(listing_files); }

    std::string own_files_stats() const { return stats_of(listing_files) + stats_of(news_files); }

    template <std::size_t N>
    std::string stats_of(const std::array<std::string_view, N>& names) const {
        std::string stats;
        for (auto name : names) {
            const FileStat st = stat_of(m_dest / name);
            stats += st.exists ? fmt::format(" {}:{}", st.size, st.mtime_ns) : " -";
        }
        return stats;
    }

    Library& m_library;
    fs::path m_dest;
    ino_t m_dest_inode = 0; // DEST as it was when the export began
    Store m_store;
    const ExportOptions& m_options;
    ExportReport& m_report;
    ProgressFn m_progress;
    bool m_same_file_system = false;
    std::atomic<bool> m_links_work = true; // false once the share refused a hard link
    ExportState m_state;
    std::string m_plan; // plan_key() of this run
    std::vector<Job> m_jobs;
    std::vector<std::string> m_removals;
};

// DEST must be a folder kennis can write into; it is made when it does not exist.
void prepare_dest(const Library& library, const fs::path& dest, bool dry_run) {
    std::error_code ec;
    const auto status = fs::status(dest, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        throw InputError(fmt::format("{} is a file, not a folder: export writes into a folder", dest.string()));
    const fs::path home = fs::weakly_canonical(library.context().home, ec);
    const fs::path target = fs::weakly_canonical(fs::absolute(dest), ec);
    if (auto rel = target.lexically_relative(home); !rel.empty() && *rel.begin() != "..")
        throw UsageError(fmt::format("{} is inside the library home; export to a folder outside it", dest.string()));
    if (dry_run)
        return;
    fs::create_directories(dest, ec);
    if (ec)
        throw InputError(fmt::format("cannot create the export folder {}: {}", dest.string(), ec.message()));
    try {
        TempFile probe(dest, export_temp_prefix);
    } catch (const Error& e) {
        throw InputError(fmt::format("cannot write into the export folder: {}", e.what()));
    }
}

} // namespace

LinkMode parse_link_mode(std::string_view text) {
    if (text == "auto")
        return LinkMode::automatic;
    if (text == "hardlink")
        return LinkMode::hardlink;
    if (text == "copy")
        return LinkMode::copy;
    if (text == "symlink")
        return LinkMode::symlink;
    throw UsageError(fmt::format("there is no link mode '{}'; use auto, hardlink, copy or symlink", text));
}

ExportReport export_documents(Library& library, const ExportOptions& options) {
    ExportReport report;
    report.dest = options.dest;
    if (!options.zip)
        prepare_dest(library, options.dest, options.dry_run);
    if (options.fetch && !options.dry_run) {
        FetchOptions fetch_options = options.fetch_options;
        for (const auto& d : load_documents(library.impl().db, library.impl().ctx.home,
                                            select_ids(library, options.query, options.filter)))
            if (!d.path && !d.urls.empty())
                fetch_options.documents.push_back(std::to_string(d.id));
        if (!fetch_options.documents.empty())
            report.fetch = fetch(library, fetch_options);
    }
    WriterLock lock(library.impl().ctx.home, library.impl().ctx.wait_seconds);
    if (options.zip) {
        write_zip(library, options, plan_entries(library, options, report), report);
        return report;
    }
    FolderExport folder(library, options, report);
    if (!folder.up_to_date())
        folder.run(plan_entries(library, options, report));
    return report;
}

} // namespace kennis
