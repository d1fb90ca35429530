#pragma once

#include <condition_variable>
#include <algorithm>
#include <deque>
#include <iterator>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace kennis {

// Work that one thread finds and others do, taken in the order it was added, while the finding
// goes on: a taker waits for more until the queue is closed, and once it is stopped (after a
// failure) takes nothing more.
template <typename T>
class WorkQueue {
public:
    // Adds the units at once, waking the takers once rather than for each.
    void add(std::vector<T> units) {
        {
            std::lock_guard lock(m_mutex);
            std::move(units.begin(), units.end(), std::back_inserter(m_units));
        }
        m_changed.notify_all();
    }

    // No more work will be added: takers finish what is there.
    void close() { set(m_closed); }
    // Nothing more is to be taken.
    void stop() { set(m_stopped); }

    // The next unit; nullopt once the queue is closed and empty, or stopped.
    std::optional<T> take() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopped || m_closed || !m_units.empty(); });
        if (m_stopped || m_units.empty())
            return std::nullopt;
        T unit = std::move(m_units.front());
        m_units.pop_front();
        return unit;
    }

private:
    void set(bool& flag) {
        {
            std::lock_guard lock(m_mutex);
            flag = true;
        }
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<T> m_units;
    bool m_closed = false;
    bool m_stopped = false;
};

} // namespace kennis
