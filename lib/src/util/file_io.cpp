#include "file_io.hpp"

#include "unique_fd.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace kennis {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void io_error(const std::string& what, const fs::path& path, int err) {
    throw std::system_error(err, std::generic_category(), fmt::format("{} {}", what, path.string()));
}

// The process's umask, read without changing it (umask(2) can only set it, which would race with
// other threads making files); kernels before 4.7 do not show it, and 022 is then assumed.
mode_t current_umask() {
    static const mode_t mask = [] {
        std::ifstream status("/proc/self/status");
        for (std::string line; std::getline(status, line);)
            if (line.starts_with("Umask:"))
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
        return static_cast<mode_t>(022);
    }();
    return mask;
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

TempFile::TempFile(const fs::path& dir, std::string_view prefix, Access access) {
    std::string pattern = (dir / fmt::format("{}XXXXXX", prefix)).string();
    m_fd = UniqueFd(::mkostemp(pattern.data(), O_CLOEXEC));
    if (!m_fd)
        io_error("cannot create a temporary file in", dir, errno);
    m_path = pattern;
    if (access == Access::shared && ::fchmod(m_fd.get(), 0666 & ~current_umask()) != 0)
        io_error("cannot set the permissions of", m_path, errno);
}

TempFile::~TempFile() {
    m_fd = UniqueFd(); // closed before its name goes
    if (!m_committed && !m_path.empty())
        ::unlink(m_path.c_str());
}

TempFile::TempFile(TempFile&& other) noexcept
    : m_path(std::exchange(other.m_path, {})), m_fd(std::move(other.m_fd)), m_size(other.m_size), m_committed(other.m_committed) {}

void TempFile::write(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(m_fd.get(), bytes.data(), bytes.size());
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
        const ssize_t n = ::copy_file_range(in, nullptr, m_fd.get(), nullptr, std::size_t{1} << 30, 0);
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
    if (m_fd)
        ::sync_file_range(m_fd.get(), 0, 0, SYNC_FILE_RANGE_WRITE); // only a head start: errors show at the sync
}

void TempFile::finish(bool sync) {
    if (!m_fd)
        return;
    if (sync && ::fsync(m_fd.get()) != 0)
        io_error("cannot sync", m_path, errno);
    const int fd = m_fd.release();
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


void read_pieces(int fd, const std::filesystem::path& name, const std::function<void(std::string_view)>& take) {
    std::string buffer(std::size_t{1} << 20, '\0');
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n == 0)
            return;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            io_error("cannot read", name, errno);
        take(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
}

bool is_beginning_of(const std::filesystem::path& part, const std::filesystem::path& whole) {
    std::ifstream a(part, std::ios::binary);
    std::ifstream b(whole, std::ios::binary);
    if (!a || !b)
        return false;
    std::string x(std::size_t{1} << 16, '\0');
    std::string y(x.size(), '\0');
    for (;;) {
        a.read(x.data(), static_cast<std::streamsize>(x.size()));
        const auto n = a.gcount();
        if (n == 0)
            return a.eof();
        b.read(y.data(), n);
        if (b.gcount() != n || std::memcmp(x.data(), y.data(), static_cast<std::size_t>(n)) != 0)
            return false;
    }
}

bool write_if_changed(const std::filesystem::path& file, std::string_view content, std::string_view temp_prefix, bool sync,
                      Access access) {
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) == content.size() && !ec) {
        std::ifstream old(file, std::ios::binary);
        if (old && std::string(std::istreambuf_iterator<char>(old), {}) == content)
            return false;
    }
    TempFile temp(file.parent_path(), temp_prefix, access);
    temp.write(content);
    temp.commit_as(file, sync);
    return true;
}

} // namespace kennis
