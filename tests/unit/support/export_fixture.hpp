#pragma once

#include "catalogue_fixture.hpp"
#include "kennis/export.hpp"
#include "kennis/sync.hpp"
#include "stocked_store.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <string>
#include <sys/stat.h>

namespace kennis::test {

inline void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

// The documents' files in an export, relative to `dir`: all but its listings, its state and its
// search index.
inline std::set<std::string> files_under(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::set<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (!e.is_directory() && !fs::relative(e.path(), dir).string().starts_with("zoekindex/"))
            out.insert(fs::relative(e.path(), dir).string());
    for (const char* own : {"catalogue.csv", "SHA256SUMS", "index.html", "WAT-IS-NIEUW.html", "WAT-IS-NIEUW.csv", "WAT-IS-NIEUW.atom", ".kennis-export"})
        out.erase(own);
    return out;
}

// An export from a library in a fresh home into its folder share/.
class ExportTest : public test::CatalogueTest {
protected:
    std::filesystem::path dest() const { return dir() / "share"; }

    ExportReport run(ExportOptions o = {}) {
        if (o.dest.empty())
            o.dest = dest();
        return export_documents(library(), o);
    }

    void listed(std::vector<ListingEntry> entries) {
        apply_listings(library(), {{"https://example.test/kennisbank", "html", std::nullopt, std::move(entries)}}, true);
    }

    ino_t inode(const std::filesystem::path& p) {
        struct stat st {};
        EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
        return st.st_ino;
    }
};

// The same with the built-in catalogue, every document stocked with a small PDF of its own.
class SeededExportTest : public ExportTest {
protected:
    void SetUp() override {
        seed_if_empty(library());
        test::stock_all(library(), [](std::int64_t id) { return fmt::format("%PDF-1.4\ndocument {}\n%%EOF\n", id); });
    }
};

} // namespace kennis::test
