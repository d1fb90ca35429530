#include "kennis/export.hpp"

#include "library/edge.hpp"
#include "catalogue/catalogue.hpp"
#include "export/dest.hpp"
#include "export/manifest.hpp"
#include "export/news_diffs.hpp"
#include "export/news_feed.hpp"
#include "export/own_folder.hpp"
#include "export/pages.hpp"
#include "export/placer.hpp"
#include "export/plan.hpp"
#include "export/share_search.hpp"
#include "export/state.hpp"
#include "util/file_io.hpp"
#include "kennis/choices.hpp"
#include "kennis/error.hpp"
#include "kennis/version.hpp"
#include "library/library_impl.hpp"
#include "library/lock.hpp"
#include "browse/selection.hpp"
#include "util/sha256.hpp"
#include "catalogue/store.hpp"
#include "util/unique_fd.hpp"
#include "export/zip_archive.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <ctime>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <system_error>
#include <future>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <memory>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <sys/stat.h>
#include <unistd.h>

namespace kennis {
namespace fs = std::filesystem;
namespace {

// Documents planned at a time: the first files are written while the rest are read from the
// catalogue, and each part is recorded in the journal before it is written. The first part is
// small, so that the placers start early; later parts grow to the full size.
constexpr std::size_t first_part = 64;
constexpr std::size_t documents_per_part = 512;

FileStat stat_of(const fs::path& path) { return stat_at(AT_FDCWD, path.c_str()); }

bool same_as_recorded(const FileStat& st, const ExportedFile& f) {
    return st.exists && f.mtime_ns != ExportedFile::pending && st.size == f.size && st.mtime_ns == f.mtime_ns;
}

std::string content_of(const fs::path& path, const FileStat& st) {
    return st.regular ? sha256_file(path) : std::string();
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
                             opt(f.level), f.status, f.latest, opt(f.limit), o.delete_stale, o.max_delete, o.allow_macros, o.allow_types,
                             o.news_days > 0 ? news_since(o.news_days) : std::string(),
                             o.share_search ? share_search_fingerprint(o.synonyms) : std::string()};
    return sha256_hex(key.dump());
}

class FolderExport {
public:
    FolderExport(Library& library, const ExportOptions& options, ExportReport& report)
        : m_library(library), m_dest(options.dest), m_store(library.impl().ctx.home), m_options(options), m_report(report),
          m_progress(library.impl().ctx.progress), m_journal(options.dest) {
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

    // Plans the documents a part at a time and hands each part's files to the placers as soon
    // as it is decided, so that writing overlaps reading the catalogue.
    void run() {
        const ExportState loaded = m_state;
        if (!m_options.dry_run) {
            clear_leftovers(loaded);
            open_dest();
            m_placer.emplace(ExportPlacer::Setup{m_dest, m_dest_fd.get(), m_library.context().home, m_options.link,
                                                 m_same_file_system, m_progress});
        }
        ExportPlanner planner(m_library, m_options);
        plan(planner);
        if (m_options.dry_run)
            return;
        // The share's search index is read from the catalogue before WAT-IS-NIEUW's thread
        // takes the connection; it is written with the listings.
        const std::string fingerprint = fingerprint_of(m_entries);
        std::map<std::string, std::string> search;
        if (m_options.share_search && m_report.failed.empty() && m_state.listings != listings_key(fingerprint))
            search = share_search_files(m_library.impl().db, m_entries, m_options.synonyms);
        // The listings and WAT-IS-NIEUW are drawn and written on two cores while the last files
        // are placed (they depend only on the plan and the catalogue, and DEST is in flux until
        // the run ends anyway), and this thread then helps place what is left. The listings
        // show only the files that hold their document's bytes, not those left as they were,
        // so a run with failures draws them again at the end.
        auto news = write_news();
        if (m_report.failed.empty())
            write_listings(draw_listings(m_entries, m_state.listings), search);
        m_placer->finish();
        record_outcomes();
        if (!m_report.failed.empty())
            write_listings(draw_listings(placed_entries(), m_state.listings), {});
        remove_files();
        news.get();
        // Freeing ten thousand planned documents, their names and their jobs takes milliseconds:
        // another core does it while the state is written and the rest is freed.
        m_release = std::jthread([entries = std::move(m_entries), names = std::move(planner), parts = std::move(m_parts),
                                  wanted = std::move(m_wanted), before = std::move(m_before)] {});
        const bool complete = m_report.failed.empty() && m_report.stale == 0;
        m_state.plan = complete ? m_plan + own_files_stats() : std::string();
        m_state.skipped = complete ? m_report.skipped : std::vector<ExportSkip>();
        // A first export made only of hard links to the store need not wait for its state to
        // reach the disk: each file it wrote holds its document's bytes, by which a run after a
        // power cut that lost the state, or left it empty, knows the file as kennis's (as it
        // knows links a killed run left unrecorded). Any other state may be all that tells a
        // copy cut short, or an earlier run's file, from someone else's, and is synced.
        const bool durable = !(m_placer->hard_links_only() && loaded.files.empty());
        if (!(m_state == loaded) || m_journal.exists())
            m_state.save(m_dest, durable);
    }

private:
    fs::path full(std::string_view path) const { return m_dest / path; }

    // Every selected document planned and decided, and (unless this is a dry run) handed to the
    // placers part by part. A run that may find more to remove than --max-delete allows hands
    // over nothing until it knows, as it must be able to refuse with nothing changed; a dry run
    // reports what it would do.
    void plan(ExportPlanner& planner) {
        const bool hold = m_options.dry_run || (m_options.delete_stale && m_state.files.size() > m_options.max_delete);
        m_entries.reserve(planner.selected()); // never moves: the jobs' views point into it
        std::vector<std::unique_ptr<ExportPart>> held;
        for (std::size_t from = 0, size = first_part; planner.next(size, m_entries, m_report.skipped);
             from = m_entries.size(), size = std::min(2 * size, documents_per_part)) {
            auto part = decide(from);
            if (hold)
                held.push_back(std::move(part));
            else
                publish(std::move(part));
        }
        m_report.documents = m_entries.size();
        decide_removals();
        if (m_options.dry_run) {
            for (const auto& part : held)
                for (const auto& job : part->jobs)
                    m_report.changes.push_back({job.replace ? "replace" : "write", std::string(job.path)});
            for (const auto& path : m_removals)
                m_report.changes.push_back({"remove", path});
            return;
        }
        for (auto& part : held)
            publish(std::move(part));
    }

    // Copies are not synced one by one (see publish), so after a power cut a file kennis wrote
    // can hold only its beginning, or nothing: the kernel had not written the rest out yet.
    // Such a file is still kennis's, not someone's edit.
    bool cut_short(const std::string& path, const FileStat& st, const ExportedFile& recorded) const {
        return st.regular && recorded.mtime_ns != ExportedFile::pending && st.size < recorded.size &&
               is_beginning_of(full(path), m_store.path_of(recorded.sha256));
    }

    // The jobs for the files of m_entries[from…].
    std::unique_ptr<ExportPart> decide(std::size_t from) {
        auto part = std::make_unique<ExportPart>();
        for (std::size_t i = from; i < m_entries.size(); ++i) {
            const ExportEntry& e = m_entries[i];
            for (const auto& path : e.paths) {
                m_wanted.insert(path);
                const std::string folder = parent_of(path);
                auto [it, added] = m_folder_exists.try_emplace(folder, true); // nothing to look at in a folder that is not there
                if (added)
                    it->second = stat_of(full(folder)).exists;
                if (!it->second)
                    part->jobs.push_back({path, e.sha256, e.document.id, false});
                else if (auto replace = decide_path(path, e))
                    part->jobs.push_back({path, e.sha256, e.document.id, *replace});
            }
        }
        return part;
    }

    // Whether the file at `path` is to be written (false) or replaced (true); nullopt when it
    // holds the document already, or is someone else's.
    std::optional<bool> decide_path(const std::string& path, const ExportEntry& e) {
        const FileStat st = stat_of(full(path));
        const auto recorded = m_state.files.find(path);
        const bool known = recorded != m_state.files.end();
        if (!st.exists)
            return false;
        if (known && recorded->second.sha256 == e.sha256 && same_as_recorded(st, recorded->second)) {
            ++m_report.unchanged;
            return std::nullopt;
        }
        bool ours = known && (recorded->second.mtime_ns == ExportedFile::pending || same_as_recorded(st, recorded->second));
        const std::string content = content_of(full(path), st);
        if (content == e.sha256) { // the right bytes already, e.g. written by a run that was killed
            m_state.files[path] = {e.sha256, st.size, st.mtime_ns, e.document.id};
            ++m_report.unchanged;
            return std::nullopt;
        }
        ours = ours || (known && (content == recorded->second.sha256 || cut_short(path, st, recorded->second)));
        if (ours)
            return true;
        m_report.failed.push_back({path, "a file kennis did not write is in the way; move it away and export again"});
        return std::nullopt;
    }

    // The files an earlier run wrote that this one no longer selects: removed with --delete
    // unless someone changed them since.
    void decide_removals() {
        std::vector<std::string> removals;
        for (auto it = m_state.files.begin(); it != m_state.files.end();) {
            const auto& [path, recorded] = *it;
            if (m_wanted.contains(path)) { // decided with its document
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
    }

    // Records the part's paths as kennis's (in the journal) before any of them is written, so
    // that a run killed half-way leaves paths the next run knows to be kennis's, then hands the
    // part to the placers. The copies themselves are not synced: a copy is made again from the
    // store at will, and a power cut that loses the end of one leaves it shorter than recorded,
    // which the next run notices (cut_short) and repairs. Syncing would double the time of a
    // large export to a local disk.
    void publish(std::unique_ptr<ExportPart> part) {
        if (part->jobs.empty())
            return;
        std::vector<ExportJournal::Record> records;
        records.reserve(part->jobs.size());
        for (auto& job : part->jobs) {
            const std::string path(job.path);
            if (job.replace)
                m_before.emplace(path, m_state.files.at(path));
            job.recorded = &(m_state.files[path] = {std::string(job.sha256), 0, ExportedFile::pending, job.document});
            records.push_back({job.path, job.sha256, job.document});
        }
        // On disk before copies are begun: a copy that a power cut cut short is known as kennis's
        // only by its record. A hard link is whole or absent, and one left unrecorded has the
        // bytes its document has, by which the next run knows it.
        m_journal.append(records, !m_placer->hard_links_only());
        make_folders(*part);
        m_placer->add(*part);
        m_parts.push_back(std::move(part));
    }

    // The part's folders and those above them, made inside DEST as it was when the export
    // began: a DEST that was removed or unmounted meanwhile is not made again.
    void make_folders(const ExportPart& part) {
        for (const auto& job : part.jobs) {
            const std::string folder = parent_of(job.path);
            if (folder.empty() || !m_made_folders.insert(folder).second)
                continue;
            for (std::size_t slash = folder.find('/');; slash = folder.find('/', slash + 1)) {
                const std::string made = folder.substr(0, slash);
                if (::mkdirat(m_dest_fd.get(), made.c_str(), 0777) != 0 && errno != EEXIST) {
                    const int err = errno;
                    expect_dest();
                    throw Error(ExitCode::failure, fmt::format("cannot create {}: {}", full(made).string(), std::strerror(err)));
                }
                if (slash == std::string::npos)
                    break;
            }
        }
    }

    // DEST as it was when the export began, open: its folders are made and its files placed
    // relative to it.
    void open_dest() {
        m_dest_fd = UniqueFd(::open(m_dest.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
        struct stat st {};
        if (!m_dest_fd || ::fstat(m_dest_fd.get(), &st) != 0 || st.st_ino != m_dest_inode)
            expect_dest();
    }

    // The report and the state from what the placers did, in the order of the plan; the first
    // failure is rethrown.
    void record_outcomes() {
        std::size_t jobs = 0;
        for (const auto& part : m_parts) {
            jobs += part->jobs.size();
            for (const auto& o : part->outcomes)
                if (o.how == ExportOutcome::failed) {
                    expect_dest(); // a failure because DEST went away says so
                    std::rethrow_exception(o.error);
                }
        }
        m_report.changes.reserve(m_report.changes.size() + jobs);
        for (const auto& part : m_parts) {
            for (std::size_t i = 0; i < part->jobs.size(); ++i) {
                const ExportJob& job = part->jobs[i];
                const ExportOutcome& o = part->outcomes[i];
                if (o.how == ExportOutcome::refused) {
                    const std::string path(job.path);
                    m_report.failed.push_back({path, o.refusal});
                    *job.recorded = m_before.at(path); // the old file stays, and so does what was known of it
                    continue;
                }
                ++(o.how == ExportOutcome::copied ? m_report.copied : m_report.linked);
                ++m_report.written;
                m_report.changes.push_back({job.replace ? "replace" : "write", std::string(job.path)});
                job.recorded->size = o.placed.size;
                job.recorded->mtime_ns = o.placed.mtime_ns;
            }
        }
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

    // What the listings of `listed` show, and the share's search with them.
    std::string fingerprint_of(const std::vector<ExportEntry>& listed) const {
        return listing_fingerprint(listed) + (m_options.share_search ? share_search_fingerprint(m_options.synonyms) : std::string());
    }

    // The listings of `listed`, unless DEST holds them already (`known` is their listings_key).
    Listings draw_listings(const std::vector<ExportEntry>& listed, const std::string& known) const {
        Listings l{fingerprint_of(listed), false, {}, {}, {}};
        l.unchanged = known == listings_key(l.fingerprint);
        if (!l.unchanged) {
            l.csv = catalogue_csv(listed);
            l.sums = sha256sums(listed);
            l.index = index_html(listed, m_options.share_search);
        }
        return l;
    }

    // WAT-IS-NIEUW.html and .csv, drawn and written on another thread: they show what changed
    // in the catalogue, whichever files this run manages to place. Not synced, as the listings.
    std::future<void> write_news() const {
        return std::async(std::launch::async, [this] {
            if (m_options.news_days <= 0)
                return;
            const ChangesReport changes = list_changes(m_library, news_since(m_options.news_days));
            const NewsDiffs diffs = news_diffs(m_library.impl().db, changes);
            try {
                write_own_folder(m_dest, news_diff_folder, diffs.pages, export_temp_prefix);
            } catch (const std::system_error&) {
                expect_dest();
                throw;
            }
            write_own_file(news_files[0], news_html(changes, m_entries, m_options.news_days, diffs.by_event));
            write_own_file(news_files[1], news_csv(changes, m_entries));
            write_own_file(news_files[2], news_atom(m_library, changes, m_entries, m_dest));
        });
    }

    // The entries with only their files that hold their document's bytes now.
    std::vector<ExportEntry> placed_entries() const {
        std::set<std::string> failed;
        for (const auto& f : m_report.failed)
            failed.insert(f.path);
        std::vector<ExportEntry> placed;
        for (const auto& e : m_entries) {
            ExportEntry p{e.document, e.sha256, {}};
            std::copy_if(e.paths.begin(), e.paths.end(), std::back_inserter(p.paths), [&](const auto& path) { return !failed.contains(path); });
            if (!p.paths.empty())
                placed.push_back(std::move(p));
        }
        return placed;
    }

    // Like the copies, the listings are not synced: one that a power cut cut short differs from
    // the size the state file records for it, and the next run draws it again.
    void write_listings(const Listings& listings, const std::map<std::string, std::string>& search) {
        if (listings.unchanged)
            return;
        try {
            if (!search.empty())
                write_own_folder(m_dest, share_search_folder, search, export_temp_prefix);
            else if (!m_options.share_search)
                std::filesystem::remove_all(m_dest / share_search_folder); // an earlier run's, which nothing uses now
        } catch (const std::system_error&) {
            expect_dest();
            throw;
        }
        write_own_file("catalogue.csv", listings.csv);
        write_own_file("SHA256SUMS", listings.sums);
        write_own_file("index.html", listings.index);
        m_state.listings = listings_key(listings.fingerprint);
    }

    // One of the files kennis writes in DEST itself; a failure because DEST went away says so.
    void write_own_file(std::string_view name, std::string_view text) const {
        try {
            write_if_changed(m_dest / name, text, export_temp_prefix, false, Access::shared);
        } catch (const std::system_error&) {
            expect_dest();
            throw;
        }
    }

    // The listings' fingerprint with each listing file's size and mtime: a listing someone
    // removed or changed is drawn again.
    std::string listings_key(const std::string& fingerprint) const {
        return fingerprint + stats_of(listing_files) + (m_options.share_search ? stats_of(share_search_marks) : std::string());
    }

    std::string own_files_stats() const {
        return stats_of(listing_files) + stats_of(news_files) + (m_options.share_search ? stats_of(share_search_marks) : std::string());
    }

    template <std::size_t N>
    std::string stats_of(const std::array<std::string_view, N>& names) const {
        std::string stats;
        for (auto name : names) {
            const FileStat st = stat_of(m_dest / name);
            stats += st.exists ? fmt::format(" {}:{}", st.size, st.mtime_ns) : " -";
        }
        return stats;
    }

    std::jthread m_release; // first, so that it is joined after the other members are freed
    Library& m_library;
    fs::path m_dest;
    ino_t m_dest_inode = 0; // DEST as it was when the export began
    UniqueFd m_dest_fd;     // and open (not in a dry run)
    Store m_store;
    const ExportOptions& m_options;
    ExportReport& m_report;
    ProgressFn m_progress;
    bool m_same_file_system = false;
    ExportState m_state;
    std::string m_plan; // plan_key() of this run
    ExportJournal m_journal;
    std::vector<ExportEntry> m_entries;            // planned so far, with room for every selected document from the start
    std::unordered_set<std::string_view> m_wanted; // their paths
    std::unordered_map<std::string, bool> m_folder_exists;
    std::set<std::string> m_made_folders;
    std::map<std::string, ExportedFile> m_before; // what was known of the files being replaced
    std::vector<std::unique_ptr<ExportPart>> m_parts; // handed to the placer, in order
    std::vector<std::string> m_removals;
    std::optional<ExportPlacer> m_placer; // last: its threads stop before what they work on goes (not in a dry run)
};

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
    throw UsageError(fmt::format("there is no link mode '{}'; use {}", text, choices::one_of(choices::link)));
}

ExportReport export_documents(Library& library, const ExportOptions& options) try {
    ExportReport report;
    report.dest = options.dest;
    if (!options.zip)
        prepare_dest(library, options.dest, options.dry_run);
    if (options.fetch && !options.dry_run) {
        FetchOptions fetch_options = options.fetch_options;
        for (const auto& d : load_documents(library.impl().db, library.impl().ctx.home,
                                            select_ids(library, options.query, options.filter, options.synonyms)))
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
        folder.run();
    return report;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
