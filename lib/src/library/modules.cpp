#include "library/modules.hpp"

#include "kennis/error.hpp"
#include "kennis/version.hpp"

#include <dlfcn.h>
#include <filesystem>
#include <fmt/format.h>
#include <string_view>
#include <system_error>

namespace kennis {

void* module_entry(std::string_view module, const char* name) {
    std::error_code ec;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec)
        throw Error(ExitCode::failure, fmt::format("cannot find kennis's modules: cannot read /proc/self/exe: {}", ec.message()));
    const std::filesystem::path file = (executable.parent_path() / KENNIS_MODULE_DIR / module).lexically_normal();
    // Never closed: a module stays for the rest of the process, as the libraries it loads keep
    // state of their own that must not be unloaded under them.
    void* handle = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    const auto fail = [](std::string_view why) {
        return Error(ExitCode::failure, fmt::format("cannot load a part of kennis: {}", why),
                     "install kennis again, with all its files");
    };
    if (!handle)
        throw fail(::dlerror());
    const auto* built = static_cast<const char*>(::dlsym(handle, "kennis_module_version"));
    if (!built || std::string_view(built) != version())
        throw fail(fmt::format("{} is from kennis {}, and this is kennis {}", file.string(), built ? built : "(unknown)", version()));
    void* entry = ::dlsym(handle, name);
    if (!entry)
        throw fail(::dlerror());
    return entry;
}

} // namespace kennis
