#include "catalogue/store.hpp"

#include "kennis/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace kennis {
namespace fs = std::filesystem;

std::string store_file(const std::filesystem::path& home, std::string_view sha256) {
    const std::string& root = home.native();
    return fmt::format("{}{}{}/sha256/{}", root, root.empty() || root.ends_with('/') ? "" : "/", home_layout::store, store_name(sha256));
}

std::filesystem::path store_path(const std::filesystem::path& home, std::string_view sha256) { return store_file(home, sha256); }

std::filesystem::path store_files_dir(const std::filesystem::path& home) { return home / home_layout::store / "sha256"; }

std::string store_name(std::string_view sha256) { return fmt::format("{}/{}", sha256.substr(0, 2), sha256.substr(2)); }

Store::Store(const fs::path& home) : m_home(home) {}

fs::path Store::path_of(std::string_view sha256) const { return store_path(m_home, sha256); }

bool Store::contains(std::string_view sha256) const {
    std::error_code ec;
    return fs::is_regular_file(path_of(sha256), ec);
}

TempFile Store::create_temp() const { return TempFile(m_home / home_layout::tmp, temp_prefix); }

fs::path Store::commit(TempFile& file, std::string_view sha256) const { return place(file, sha256, true); }

std::vector<std::string> Store::commit_all(const std::vector<Arrival>& arrivals) const {
    sync_file_system(m_home / home_layout::tmp);
    std::vector<std::string> errors;
    for (const auto& a : arrivals) {
        try {
            place(*a.file, a.sha256, false);
            errors.emplace_back();
        } catch (const std::exception& e) {
            errors.emplace_back(e.what());
        }
    }
    sync_file_system(m_home / home_layout::store);
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
    for (auto it = fs::recursive_directory_iterator(m_home / home_layout::store, ec); !ec && it != fs::recursive_directory_iterator();
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
        throw Error(ExitCode::failure, fmt::format("cannot read the store {}: {}", (m_home / home_layout::store).string(), ec.message()));
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

void Store::clear_tmp() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_home / home_layout::tmp, ec))
        if (entry.path().filename().string().starts_with(temp_prefix))
            fs::remove(entry.path(), ec);
}

} // namespace kennis
