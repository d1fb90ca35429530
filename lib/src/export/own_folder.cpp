#include "export/own_folder.hpp"

#include "util/file_io.hpp"

#include <cerrno>
#include <fmt/format.h>
#include <set>
#include <sys/stat.h>
#include <system_error>

namespace kennis {

namespace fs = std::filesystem;

void write_own_folder(const fs::path& dest, std::string_view folder, const std::map<std::string, std::string>& files,
                      std::string_view temp_prefix) {
    if (files.empty()) {
        std::error_code ec;
        fs::remove_all(dest / folder, ec);
        return;
    }
    // Folders are made inside DEST only: a DEST that went away is not made again.
    std::set<std::string> folders{std::string(folder)};
    for (const auto& [path, text] : files)
        for (auto slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
            folders.insert(path.substr(0, slash));
    for (const auto& f : folders) // a folder sorts before those inside it
        if (::mkdir((dest / f).c_str(), 0777) != 0 && errno != EEXIST)
            throw std::system_error(errno, std::generic_category(), fmt::format("cannot create {}", (dest / f).string()));
    for (const auto& [path, text] : files)
        write_if_changed(dest / path, text, temp_prefix, false, Access::shared);
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dest / folder, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file(ec) && !files.contains(it->path().lexically_relative(dest).generic_string()))
            fs::remove(it->path(), ec);
}

} // namespace kennis
