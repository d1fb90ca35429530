#include "library/edge.hpp"

#include "kennis/error.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <new>
#include <sqlite3.h>
#include <system_error>

namespace kennis {
namespace {

std::string catalogue_hint(int code) {
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "another program holds the catalogue; try again when it is done";
    case SQLITE_FULL:
        return "the disk that holds the library is full; make room and run the command again";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return "the catalogue file is damaged; restore it from a backup, or move it away and sync again";
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
        return "check that the library home can be written by this user";
    default:
        return {};
    }
}

} // namespace

void rethrow_at_edge(const Library& library) {
    try {
        throw;
    } catch (const Error&) {
        throw;
    } catch (const SQLite::Exception& e) {
        throw CatalogueError(fmt::format("catalogue {}: {}", library.catalogue_file().string(), e.what()),
                             catalogue_hint(e.getErrorCode()));
    } catch (const std::bad_alloc&) {
        throw Error(ExitCode::failure, "out of memory");
    } catch (const std::exception& e) {
        throw Error(ExitCode::failure, e.what());
    }
}

} // namespace kennis
