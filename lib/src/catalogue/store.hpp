#pragma once

#include "util/file_io.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// What a library home holds, named here and nowhere else.
namespace home_layout {
inline constexpr std::string_view catalogue = "catalogue.db";
inline constexpr std::string_view store = "store"; // the content-addressed files
inline constexpr std::string_view tmp = "tmp";     // downloads under way; same file system as store
inline constexpr std::string_view lock = "lock";   // the writers' lock file
} // namespace home_layout

// Where the store keeps the bytes with this SHA-256: store/sha256/ab/cdef…
std::filesystem::path store_path(const std::filesystem::path& home, std::string_view sha256);
// The same as text, for every document a command loads: no path is parsed.
std::string store_file(const std::filesystem::path& home, std::string_view sha256);
// The same in two parts: the folder of every stored file (store/sha256), and the file's path
// inside it (ab/cdef…).
std::filesystem::path store_files_dir(const std::filesystem::path& home);
std::string store_name(std::string_view sha256);

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
    // returns. For each file: empty, or why it could not be stored. Throws when a sync fails.
    std::vector<std::string> commit_all(const std::vector<Arrival>& arrivals) const;

    struct StoredFile {
        std::filesystem::path path;
        std::string sha256; // empty when the file is not where a hash name puts it
    };
    // Every file in store/, whatever its name and folder.
    std::vector<StoredFile> files() const;

    // Removes temp files a killed run left behind. Only call while holding the writer lock.
    void clear_tmp() const;

    // What the store's temp files are named from, so clear_tmp knows them.
    static constexpr std::string_view temp_prefix = ".part-";

private:
    std::filesystem::path place(TempFile& file, std::string_view sha256, bool sync) const;

    std::filesystem::path m_home;
};

} // namespace kennis
