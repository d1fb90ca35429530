#include "file_io.hpp"

#include "kennis/error.hpp"
#include "store.hpp"

#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

namespace kennis {

void read_pieces(int fd, const std::filesystem::path& name, const std::function<void(std::string_view)>& take) {
    std::string buffer(std::size_t{1} << 20, '\0');
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n == 0)
            return;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error(ExitCode::failure, fmt::format("cannot read {}: {}", name.string(), std::strerror(errno)));
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

bool write_if_changed(const std::filesystem::path& file, std::string_view content, std::string_view temp_prefix, bool sync) {
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) == content.size() && !ec) {
        std::ifstream old(file, std::ios::binary);
        if (old && std::string(std::istreambuf_iterator<char>(old), {}) == content)
            return false;
    }
    TempFile temp(file.parent_path(), temp_prefix);
    temp.write(content);
    temp.commit_as(file, sync);
    return true;
}

} // namespace kennis
