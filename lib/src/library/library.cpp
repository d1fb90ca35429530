#include "kennis/library.hpp"

#include "kennis/error.hpp"
#include "catalogue/store.hpp"
#include "library/library_impl.hpp"
#include "library/parts.hpp"

#include <fmt/format.h>
#include <sys/vfs.h>

namespace kennis {
namespace fs = std::filesystem;
namespace {

std::optional<std::string> non_empty(const std::optional<std::string>& s) {
    return s && !s->empty() ? s : std::nullopt;
}

fs::path under_home(const Environment& env, const char* rest) {
    const auto home = non_empty(env.home);
    if (!home)
        throw Error(ExitCode::failure,
                    "cannot find a place for the library: set --home, KENNIS_HOME or HOME");
    return fs::path(*home) / rest;
}

// SQLite's WAL and locks are not to be trusted over network file systems.
std::optional<std::string> network_file_system(const fs::path& dir) {
    struct statfs st {};
    if (statfs(dir.c_str(), &st) != 0)
        return std::nullopt;
    switch (static_cast<unsigned long>(st.f_type)) {
    case 0x6969UL:
        return "NFS";
    case 0xFF534D42UL:
        return "CIFS";
    case 0xFE534D42UL:
    case 0x517BUL:
        return "SMB";
    default:
        return std::nullopt;
    }
}

fs::path prepare_home(const Context& ctx) {
    std::error_code ec;
    fs::create_directories(ctx.home, ec);
    if (ec || !fs::is_directory(ctx.home))
        throw Error(ExitCode::failure, fmt::format("cannot use {} as the library home: {}",
                                                   ctx.home.string(),
                                                   ec ? ec.message() : "not a directory"));
    if (!ctx.allow_network_home) {
        if (const auto kind = network_file_system(ctx.home))
            throw Error(ExitCode::failure,
                        fmt::format("the library home {} is on a network file system ({})", ctx.home.string(), *kind),
                        "keep the library on a local disk (export to the share instead), or pass --allow-network-home");
    }
    for (const auto sub : {home_layout::store, home_layout::tmp}) {
        fs::create_directories(ctx.home / sub, ec);
        if (ec)
            throw Error(ExitCode::failure, fmt::format("cannot create {}: {}",
                                                       (ctx.home / sub).string(), ec.message()));
    }
    return ctx.home / home_layout::catalogue;
}

} // namespace

ChosenPath choose_home(const std::optional<fs::path>& flag, const Environment& env) {
    if (flag && !flag->empty())
        return {*flag, "--home"};
    if (const auto v = non_empty(env.kennis_home))
        return {*v, "$KENNIS_HOME"};
    if (const auto v = non_empty(env.xdg_data_home))
        return {fs::path(*v) / "kennis", "$XDG_DATA_HOME"};
    return {under_home(env, ".local/share/kennis"), "$HOME"};
}

fs::path resolve_home(const std::optional<fs::path>& flag, const Environment& env) {
    return choose_home(flag, env).path;
}

ChosenPath choose_config_file(const Environment& env) {
    if (const auto v = non_empty(env.xdg_config_home))
        return {fs::path(*v) / "kennis" / "config.toml", "$XDG_CONFIG_HOME"};
    return {under_home(env, ".config/kennis/config.toml"), "$HOME"};
}

fs::path default_config_file(const Environment& env) { return choose_config_file(env).path; }

Library::Library(Context ctx) {
    const fs::path file = prepare_home(ctx);
    try {
        m_impl.reset(new Impl{std::move(ctx), Database(file, database_hooks())});
    } catch (const SQLite::Exception& e) {
        throw CatalogueError(fmt::format("cannot open the catalogue {}: {}", file.string(), e.what()),
                             "check that the library home can be written, and that no other program damaged the file");
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(ExitCode::failure, fmt::format("cannot open the catalogue {}: {}", file.string(), e.what()));
    }
}

Library::~Library() = default;
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&&) noexcept = default;

const Context& Library::context() const { return m_impl->ctx; }
fs::path Library::catalogue_file() const { return m_impl->db.file(); }
fs::path Library::store_dir() const { return m_impl->ctx.home / home_layout::store; }
fs::path Library::tmp_dir() const { return m_impl->ctx.home / home_layout::tmp; }

} // namespace kennis
