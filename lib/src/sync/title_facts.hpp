#pragma once

#include "catalogue/document_title.hpp"
#include "kennis/listing.hpp"

#include <atomic>
#include <cstddef>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace kennis {

// What a listing entry's title gives the catalogue: its key, and, for a document it may create,
// the title shown with its keys and metadata, and its slug's base.
struct TitleFacts {
    std::string key;
    bool fresh = false; // whether the rest is worked out
    ShownTitle title;
    std::string slug_base;
};

// Works out the part of `facts` a new document needs.
void work_out_fresh(TitleFacts& facts, const std::string& title);

// The facts of every entry, worked out on a thread of their own just ahead of the loop that
// writes the entries to the catalogue: on a page of new documents the words of the titles are a
// sixth of the work, and the other core is otherwise idle.
class FactsAhead {
public:
    // `fresh[i]`: whether entry i will probably make a document (its address is not known).
    FactsAhead(const std::vector<ListingEntry>& entries, std::vector<bool> fresh);
    ~FactsAhead();
    FactsAhead(const FactsAhead&) = delete;
    FactsAhead& operator=(const FactsAhead&) = delete;

    // Entry i's facts, once they are worked out; rethrows what stopped the working out.
    TitleFacts& operator[](std::size_t i);

private:
    void run();
    void publish(std::size_t done);

    const std::vector<ListingEntry>& m_entries;
    std::vector<bool> m_fresh;
    std::vector<TitleFacts> m_facts;
    std::atomic<std::size_t> m_done{0};
    std::exception_ptr m_error;
    std::thread m_thread; // last: it starts once the rest is ready
};

} // namespace kennis
