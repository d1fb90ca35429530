#include "export/dest.hpp"

#include "export/state.hpp"
#include "kennis/error.hpp"
#include "util/file_io.hpp"

#include <fmt/format.h>
#include <system_error>

namespace kennis {
namespace fs = std::filesystem;

void prepare_dest(const Library& library, const fs::path& dest, bool dry_run) {
    std::error_code ec;
    const auto status = fs::status(dest, ec);
    if (fs::exists(status) && !fs::is_directory(status))
        throw InputError(fmt::format("{} is a file, not a folder: export writes into a folder", dest.string()));
    const fs::path home = fs::weakly_canonical(library.context().home, ec);
    const fs::path target = fs::weakly_canonical(fs::absolute(dest), ec);
    if (auto rel = target.lexically_relative(home); !rel.empty() && *rel.begin() != "..")
        throw UsageError(fmt::format("{} is inside the library home; export to a folder outside it", dest.string()));
    if (dry_run)
        return;
    fs::create_directories(dest, ec);
    if (ec)
        throw InputError(fmt::format("cannot create the export folder {}: {}", dest.string(), ec.message()));
    try {
        TempFile probe(dest, export_temp_prefix);
    } catch (const std::system_error& e) {
        throw InputError(fmt::format("cannot write into the export folder: {}", e.what()));
    }
}

} // namespace kennis
