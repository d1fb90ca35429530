#include "store.hpp"

#include "catalogue.hpp"
#include "file_io.hpp"
#include "kennis/error.hpp"
#include "unique_fd.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace kennis {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void io_error(const std::string& what, const fs::path& path, int err) {
    throw Error(ExitCode::failure, fmt::format("{} {}: {}", what, path.string(), std::strerror(err)));
}

} // namespace

void fsync_directory(const fs::path& dir) {
    const UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        io_error("cannot open directory", dir, errno);
    const int rc = ::fsync(fd.get());
    const int err = errno;
    if (rc != 0 && err != EINVAL) // some file systems cannot sync a directory; nothing to lose there
        io_error("cannot sync directory", dir, err);
}

void sync_file_system(const fs::path& path) {
    const UniqueFd fd(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd)
        io_error("cannot open directory", path, errno);
    if (::syncfs(fd.get()) != 0)
        io_error("cannot sync the file system of", path, errno);
}

TempFile::TempFile(const fs::path& dir, std::string_view prefix) {
    std::string pattern = (dir / fmt::format("{}XXXXXX", prefix)).string();
    m_fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (m_fd < 0)
        io_error("cannot create a temporary file in", dir, errno);
    m_path = pattern;
}

TempFile::~TempFile() {
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && !m_path.empty())
        ::unlink(m_path.c_str());
}

TempFile::TempFile(TempFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_fd(other.m_fd), m_size(other.m_size), m_committed(other.m_committed) {
    other.m_fd = -1;
    other.m_path.clear();
}

void TempFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR)
                continue;
            io_error("cannot write", m_path, errno);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
        m_size += n;
    }
}

void TempFile::copy_from(const fs::path& source) {
    const UniqueFd file(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (!file)
        io_error("cannot open", source, errno);
    const int in = file.get();
    for (;;) {
        const ssize_t n = ::copy_file_range(in, nullptr, m_fd, nullptr, std::size_t{1} << 30, 0);
        if (n == 0)
            return;
        if (n > 0) {
            m_size += n;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
            io_error("cannot copy into", m_path, errno);
        break; // file systems that cannot copy in the kernel: through a buffer
    }
    read_pieces(in, source, [this](std::string_view piece) { write(piece); });
}

void TempFile::start_writeback() const {
    if (m_fd >= 0)
        ::sync_file_range(m_fd, 0, 0, SYNC_FILE_RANGE_WRITE); // only a head start: errors show at the sync
}

void TempFile::finish(bool sync) {
    if (m_fd < 0)
        return;
    if (sync && ::fsync(m_fd) != 0)
        io_error("cannot sync", m_path, errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        io_error("cannot close", m_path, errno);
}

void TempFile::commit_as(const fs::path& target, bool sync) {
    finish(sync);
    if (const int err = try_replace(target); err != 0)
        io_error("cannot move a finished file to", target, err);
    if (sync)
        fsync_directory(target.parent_path());
}

int TempFile::try_replace(const fs::path& target) {
    finish(false);
    if (::rename(m_path.c_str(), target.c_str()) != 0)
        return errno;
    m_committed = true;
    return 0;
}

Store::Store(const fs::path& home) : m_home(home) {}

fs::path Store::path_of(std::string_view sha256) const { return store_path(m_home, sha256); }

bool Store::contains(std::string_view sha256) const {
    std::error_code ec;
    return fs::is_regular_file(path_of(sha256), ec);
}

TempFile Store::create_temp() const { return TempFile(m_home / "tmp"); }

fs::path Store::commit(TempFile& file, std::string_view sha256) const { return place(file, sha256, true); }

std::vector<std::string> Store::commit_all(const std::vector<Arrival>& arrivals) const {
    sync_file_system(m_home / "tmp");
    std::vector<std::string> errors;
    for (const auto& a : arrivals) {
        try {
            place(*a.file, a.sha256, false);
            errors.emplace_back();
        } catch (const std::exception& e) {
            errors.emplace_back(e.what());
        }
    }
    sync_file_system(m_home / "store");
    return errors;
}

fs::path Store::place(TempFile& file, std::string_view sha256, bool sync) const {
    const fs::path target = path_of(sha256);
    if (contains(sha256)) {
        file.finish(false);
        return target; // the temp file goes when it is dropped
    }
    // Stored files never change; read-only keeps hard-linked exports from writing into the store.
    std::error_code ec;
    fs::permissions(file.path(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read, ec);
    fs::create_directories(target.parent_path(), ec);
    file.commit_as(target, sync);
    return target;
}

std::vector<Store::StoredFile> Store::files() const {
    std::vector<StoredFile> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(m_home / "store", ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec))
            continue;
        const fs::path& path = it->path();
        std::string sha = path.parent_path().filename().string() + path.filename().string();
        const bool hex = sha.size() == 64 && sha.find_first_not_of("0123456789abcdef") == std::string::npos;
        if (!hex || path_of(sha) != path)
            sha.clear();
        out.push_back({path, std::move(sha)});
    }
    if (ec)
        throw Error(ExitCode::failure, fmt::format("cannot read the store {}: {}", (m_home / "store").string(), ec.message()));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

void Store::clear_tmp() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_home / "tmp", ec))
        if (entry.path().filename().string().starts_with(".part-"))
            fs::remove(entry.path(), ec);
}

} // namespace kennis
