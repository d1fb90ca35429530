#include "library/lock.hpp"

#include "catalogue/store.hpp"
#include "kennis/error.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace kennis {
namespace {

std::string holder_of(int fd) {
    char buf[32] = {};
    const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    std::string pid(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' '))
        pid.pop_back();
    return pid.empty() ? "another kennis run" : "kennis pid " + pid;
}

} // namespace

WriterLock::WriterLock(const std::filesystem::path& home, std::optional<double> wait_seconds) {
    const auto path = home / home_layout::lock;
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw Error(ExitCode::failure,
                    fmt::format("cannot open the lock file {}: {}", path.string(), std::strerror(errno)));
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration<double>(wait_seconds.value_or(0.0));
    // flock has no timeout of its own; polling keeps the wait bounded and interruptible.
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int err = errno;
            ::close(m_fd);
            throw Error(ExitCode::failure,
                        fmt::format("cannot lock {}: {}", path.string(), std::strerror(err)));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const std::string holder = holder_of(m_fd);
            ::close(m_fd);
            throw LockedError(fmt::format("the library {} is locked by {}", home.string(), holder),
                              "try again later, or let the run wait for it with --wait SECONDS");
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    const std::string pid = fmt::format("{}\n", ::getpid());
    if (::ftruncate(m_fd, 0) == 0)
        (void)!::pwrite(m_fd, pid.data(), pid.size(), 0);
}

WriterLock::~WriterLock() {
    if (m_fd >= 0) {
        (void)!::ftruncate(m_fd, 0);
        ::close(m_fd); // closing the descriptor releases the flock
    }
}

} // namespace kennis
