#pragma once

#include "unique_fd.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

// Files written whole or not at all. Failures throw std::system_error naming the path.
namespace kennis {

// Who may read a file kennis writes: only its owner (the catalogue, the store's temp files, an
// export's state), or whoever a file made by `cp` would let (0666 less the umask: the files of a
// share that colleagues open).
enum class Access { owner, shared };

// A file being written under a temporary name: removed when dropped unless it was committed.
class TempFile {
public:
    // Named `prefix`XXXXXX inside `dir`, so a later run can tell its own leftovers.
    TempFile(const std::filesystem::path& dir, std::string_view prefix, Access access = Access::owner);
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

    int fd() const { return m_fd.get(); }

    const std::filesystem::path& path() const { return m_path; }
    std::int64_t size() const { return m_size; }

private:
    std::filesystem::path m_path;
    UniqueFd m_fd;
    std::int64_t m_size = 0;
    bool m_committed = false;
};

// Hands what is left of an open file, from its offset to its end, to `take` in pieces of up to
// 1 MiB; throws naming `name` when reading fails.
void read_pieces(int fd, const std::filesystem::path& name, const std::function<void(std::string_view)>& take);

// Whether the bytes of `part` are the first bytes of `whole` (all of them when the sizes match);
// false when either cannot be read.
bool is_beginning_of(const std::filesystem::path& part, const std::filesystem::path& whole);

// Replaces `file` with `content` atomically (a temp file named `temp_prefix`… beside it, renamed;
// with `sync`, synced first and after), unless it holds exactly that already. Returns whether it
// wrote.
bool write_if_changed(const std::filesystem::path& file, std::string_view content, std::string_view temp_prefix, bool sync,
                      Access access = Access::owner);

void fsync_directory(const std::filesystem::path& dir);

// One syncfs for the file system that holds the directory `path`: many files written unsynced
// become durable at the cost of one flush. Throws when it fails.
void sync_file_system(const std::filesystem::path& path);

} // namespace kennis
