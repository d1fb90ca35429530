#include "export/zip_archive.hpp"

#include "export/pages.hpp"
#include "export/state.hpp"
#include "util/file_io.hpp"
#include "kennis/error.hpp"
#include "library/library_impl.hpp"
#include "catalogue/store.hpp"
#include "util/unique_fd.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fmt/format.h>
#include <system_error>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace kennis {
namespace fs = std::filesystem;
namespace {

struct ArchiveFree {
    void operator()(archive* a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(archive_entry* e) const { archive_entry_free(e); }
};

class ZipWriter {
public:
    ZipWriter(int fd, const fs::path& file) : m_archive(archive_write_new()), m_file(file) {
        if (!m_archive || archive_write_set_format_zip(m_archive.get()) != ARCHIVE_OK ||
            archive_write_set_options(m_archive.get(), "zip:hdrcharset=UTF-8") != ARCHIVE_OK ||
            archive_write_open_fd(m_archive.get(), fd) != ARCHIVE_OK)
            fail();
    }

    // One file of `size` bytes whose contents `fill` writes through `write`.
    template <typename Fill>
    void add(const std::string& path, std::int64_t size, std::time_t mtime, Fill fill) {
        std::unique_ptr<archive_entry, EntryFree> entry(archive_entry_new());
        archive_entry_set_pathname_utf8(entry.get(), path.c_str());
        archive_entry_set_size(entry.get(), size);
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0644);
        archive_entry_set_mtime(entry.get(), mtime, 0);
        if (archive_write_header(m_archive.get(), entry.get()) != ARCHIVE_OK)
            fail();
        fill([this](std::string_view bytes) {
            if (archive_write_data(m_archive.get(), bytes.data(), bytes.size()) != static_cast<la_ssize_t>(bytes.size()))
                fail();
        });
    }

    void close() {
        if (archive_write_close(m_archive.get()) != ARCHIVE_OK)
            fail();
    }

private:
    [[noreturn]] void fail() {
        const char* why = m_archive ? archive_error_string(m_archive.get()) : nullptr;
        throw Error(ExitCode::failure, fmt::format("cannot write {}: {}", m_file.string(), why ? why : "out of memory"));
    }

    std::unique_ptr<archive, ArchiveFree> m_archive;
    fs::path m_file;
};

void add_stored_file(ZipWriter& zip, const std::string& path, const fs::path& source) {
    const UniqueFd fd(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0)
        throw Error(ExitCode::failure, fmt::format("cannot read {}: {}", source.string(), std::strerror(errno)));
    zip.add(path, st.st_size, st.st_mtim.tv_sec, [&](const auto& write) { read_pieces(fd.get(), source, write); });
}

} // namespace

void write_zip(Library& library, const ExportOptions& options, const std::vector<ExportEntry>& entries, ExportReport& report) {
    const fs::path file = fs::absolute(options.dest);
    std::error_code ec;
    if (fs::is_directory(file, ec))
        throw InputError(fmt::format("{} is a folder; --zip needs the name of the archive to write", file.string()));
    for (const auto& e : entries)
        for (const auto& path : e.paths)
            report.changes.push_back({"write", path});
    if (options.dry_run)
        return;
    const fs::path folder = file.parent_path();
    std::optional<TempFile> temp;
    try {
        temp.emplace(folder, export_temp_prefix, Access::shared);
    } catch (const std::system_error& e) {
        throw InputError(fmt::format("cannot write the archive: {}", e.what()));
    }
    ZipWriter zip(temp->fd(), file);
    const Store store(library.impl().ctx.home);
    const std::time_t now = std::time(nullptr);
    std::size_t done = 0;
    const auto& progress = library.context().progress;
    for (const auto& e : entries) {
        for (const auto& path : e.paths) {
            add_stored_file(zip, path, store.path_of(e.sha256));
            ++report.written;
            ++report.copied;
        }
        if (progress)
            progress({"export", ++done, entries.size()});
    }
    for (const auto& file_and_content : {std::pair{"catalogue.csv", catalogue_csv(entries)},
                                         std::pair{"SHA256SUMS", sha256sums(entries)},
                                         std::pair{"index.html", index_html(entries, false)}}) {
        const std::string& content = file_and_content.second; // a lambda cannot capture a structured binding in C++20
        zip.add(file_and_content.first, static_cast<std::int64_t>(content.size()), now,
                [&](auto write) { write(content); });
    }
    zip.close();
    temp->commit_as(file);
}

} // namespace kennis
