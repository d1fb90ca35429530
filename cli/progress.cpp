#include "progress.hpp"

#include <chrono>
#include <fmt/format.h>
#include <memory>

namespace kennis::cli {

ProgressFn progress_bar(const Output& out) {
    if (!out.progress)
        return {};
    using Clock = std::chrono::steady_clock;
    auto last = std::make_shared<Clock::time_point>();
    return [last](const Progress& p) {
        const auto now = Clock::now();
        const bool finished = p.total > 0 && p.done >= p.total;
        // Redrawing more than ten times a second only slows the terminal.
        if (!finished && p.done > 0 && now - *last < std::chrono::milliseconds(100))
            return;
        *last = now;
        constexpr std::size_t width = 30;
        const std::size_t filled = p.total ? width * p.done / p.total : 0;
        fmt::print(stderr, "\r{:<6} [{}{}] {}/{}", p.task, std::string(filled, '#'), std::string(width - filled, '.'),
                   p.done, p.total);
        if (finished)
            fmt::print(stderr, "\n");
        std::fflush(stderr);
    };
}

} // namespace kennis::cli
