#pragma once

#include <filesystem>
#include <optional>

namespace kennis {

// The exclusive writer lock of a library home (flock on HOME/lock). Readers never take it. The
// holder writes its pid into the file so a second writer can say who is in the way.
class WriterLock {
public:
    WriterLock(const std::filesystem::path& home, std::optional<double> wait_seconds);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace kennis
