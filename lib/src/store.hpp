#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// A file being written under a temporary name: removed when dropped unless it was committed.
class TempFile {
public:
    // Named `prefix`XXXXXX inside `dir`, so a later run can tell its own leftovers.
    explicit TempFile(const std::filesystem::path& dir, std::string_view prefix = ".part-");
    ~TempFile();
    TempFile(TempFile&& other) noexcept;
    TempFile& operator=(TempFile&&) = delete;
    TempFile(const TempFile&) = delete;

    void write(std::string_view bytes);
    // Appends the whole of another file, in the kernel where it can.
    void copy_from(const std::filesystem::path& source);
    // fsync, then close with its error checked: the bytes are on disk or this throws. Without
    // `sync`, only the close is checked; the caller syncs the whole file system later.
    void finish(bool sync = true);
    // Asks the kernel to start writing the bytes out now, without waiting, so that a later sync
    // of many files finds most of the work done.
    void start_writeback() const;
    // Renames the finished file to `target` (same file system, in a folder that exists: one that
    // went away is not made again); with `sync` also syncs the directory.
    void commit_as(const std::filesystem::path& target, bool sync = true);
    // Closes the file unsynced and renames it over `target`: 0, or the errno of a failed rename
    // (the temp file then goes when this is dropped). The parent of `target` must exist.
    int try_replace(const std::filesystem::path& target);

    int fd() const { return m_fd; }

    const std::filesystem::path& path() const { return m_path; }
    std::int64_t size() const { return m_size; }

private:
    std::filesystem::path m_path;
    int m_fd = -1;
    std::int64_t m_size = 0;
    bool m_committed = false;
};

// The content-addressed store: every file once, named by its SHA-256 (store/sha256/ab/cdef…).
class Store {
public:
    explicit Store(const std::filesystem::path& home);

    std::filesystem::path path_of(std::string_view sha256) const;
    bool contains(std::string_view sha256) const;
    TempFile create_temp() const;

    // Puts a finished temp file into the store under its hash; identical bytes already there
    // make the temp file redundant.
    std::filesystem::path commit(TempFile& file, std::string_view sha256) const;

    struct Arrival {
        TempFile* file;
        std::string sha256;
    };
    // commit() for many files with two syncs of the file system in all instead of two per file:
    // every file's bytes are on disk before any takes its name, and every name before this
    // returns. For each file: empty, or why it could not be stored. Throws Error when a sync fails.
    std::vector<std::string> commit_all(const std::vector<Arrival>& arrivals) const;

    struct StoredFile {
        std::filesystem::path path;
        std::string sha256; // empty when the file is not where a hash name puts it
    };
    // Every file in store/, whatever its name and folder.
    std::vector<StoredFile> files() const;

    // Removes temp files a killed run left behind. Only call while holding the writer lock.
    void clear_tmp() const;

private:
    std::filesystem::path place(TempFile& file, std::string_view sha256, bool sync) const;

    std::filesystem::path m_home;
};

void fsync_directory(const std::filesystem::path& dir);

// One syncfs for the file system that holds the directory `path`: many files written unsynced
// become durable at the cost of one flush. Throws Error when it fails.
void sync_file_system(const std::filesystem::path& path);

} // namespace kennis
