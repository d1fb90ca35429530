#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kennis {

// The parts of the process environment kennis looks at, filled in by the caller.
struct Environment {
    std::optional<std::string> kennis_home;
    std::optional<std::string> xdg_data_home;
    std::optional<std::string> xdg_config_home;
    std::optional<std::string> home;
};

// A path kennis chose, and what decided it: "--home", "$KENNIS_HOME", "$XDG_DATA_HOME", "$HOME", ….
struct ChosenPath {
    std::filesystem::path path;
    std::string source;
};

// --home DIR > $KENNIS_HOME > $XDG_DATA_HOME/kennis > ~/.local/share/kennis
ChosenPath choose_home(const std::optional<std::filesystem::path>& flag, const Environment& env);
std::filesystem::path resolve_home(const std::optional<std::filesystem::path>& flag, const Environment& env);

// $XDG_CONFIG_HOME/kennis/config.toml, else ~/.config/kennis/config.toml
ChosenPath choose_config_file(const Environment& env);
std::filesystem::path default_config_file(const Environment& env);

struct Progress {
    std::string_view task; // what is being done, e.g. "sync"
    std::size_t done = 0;
    std::size_t total = 0; // 0 when unknown
};
using ProgressFn = std::function<void(const Progress&)>;

struct Context {
    std::filesystem::path home;
    bool allow_network_home = false;
    std::optional<double> wait_seconds; // writers wait this long for the library lock
    ProgressFn progress;                // may be empty
};

// An open library home: the directories exist, the catalogue is open and at the newest schema.
class Library {
public:
    explicit Library(Context ctx);
    ~Library();
    Library(Library&&) noexcept;
    Library& operator=(Library&&) noexcept;

    const Context& context() const;
    std::filesystem::path catalogue_file() const;
    std::filesystem::path store_dir() const;
    std::filesystem::path tmp_dir() const;

    struct Impl;
    Impl& impl() { return *m_impl; }

private:
    std::unique_ptr<Impl> m_impl;
};

} // namespace kennis
