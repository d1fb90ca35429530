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

bool write_if_changed(const std::filesystem::path& file, std::string_view content, std::string_view temp_prefix) {
    std::error_code ec;
    if (std::filesystem::file_size(file, ec) == content.size() && !ec) {
        std::ifstream old(file, std::ios::binary);
        if (old && std::string(std::istreambuf_iterator<char>(old), {}) == content)
            return false;
    }
    TempFile temp(file.parent_path(), temp_prefix);
    temp.write(content);
    temp.commit_as(file);
    return true;
}

} // namespace kennis
