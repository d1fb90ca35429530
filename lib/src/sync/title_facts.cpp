#include "sync/title_facts.hpp"

#include "kennis/title.hpp"

#include <limits>

namespace kennis {
namespace {

constexpr std::size_t step = 256; // entries between wake-ups of a waiting loop

} // namespace

void work_out_fresh(TitleFacts& facts, const std::string& title) {
    facts.title = shown_title(display_title(title));
    facts.slug_base = slugify(facts.title.shown);
    facts.fresh = true;
}

FactsAhead::FactsAhead(const std::vector<ListingEntry>& entries, std::vector<bool> fresh)
    : m_entries(entries), m_fresh(std::move(fresh)), m_facts(entries.size()), m_thread([this] { run(); }) {}

FactsAhead::~FactsAhead() { m_thread.join(); }

TitleFacts& FactsAhead::operator[](std::size_t i) {
    for (std::size_t done = m_done.load(std::memory_order_acquire); done <= i; done = m_done.load(std::memory_order_acquire))
        m_done.wait(done, std::memory_order_acquire);
    if (m_error)
        std::rethrow_exception(m_error);
    return m_facts[i];
}

void FactsAhead::run() {
    try {
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            m_facts[i].key = title_key(m_entries[i].title);
            if (m_fresh[i])
                work_out_fresh(m_facts[i], m_entries[i].title);
            if ((i + 1) % step == 0)
                publish(i + 1);
        }
    } catch (...) {
        m_error = std::current_exception();
    }
    publish(std::numeric_limits<std::size_t>::max());
}

void FactsAhead::publish(std::size_t done) {
    m_done.store(done, std::memory_order_release);
    m_done.notify_all();
}

} // namespace kennis
