#pragma once

#include "kennis/library.hpp"
#include "library/library_impl.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

namespace kennis::test {

// A library in a fresh temporary home.
class CatalogueTest : public ::testing::Test {
protected:
    Library& library() {
        if (!m_library)
            m_library.emplace(Context{m_dir.path() / "home", false, std::nullopt, {}});
        return *m_library;
    }
    Database& db() { return library().impl().db; }
    // Closes the library; the next call opens it again and sees what other processes did to it.
    void reopen() { m_library.reset(); }
    std::int64_t count(const std::string& sql) { return db().sql().execAndGet(sql).getInt64(); }
    const std::filesystem::path& dir() const { return m_dir.path(); }

private:
    TempDir m_dir;
    std::optional<Library> m_library;
};

} // namespace kennis::test
