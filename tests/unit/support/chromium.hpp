#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <string>

namespace kennis::test {

inline bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// The DOM of a page opened from file:// in headless Chromium, once its scripts and the scripts
// they load have run.
inline std::string rendered_dom(const std::filesystem::path& page, const std::string& fragment = "") {
    const std::string command =
        fmt::format("chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=20000 --dump-dom 'file://{}{}' 2>/dev/null",
                    page.string(), fragment);
    std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
    std::string dom;
    char buffer[65536];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;)
        dom.append(buffer, n);
    return dom;
}

} // namespace kennis::test
