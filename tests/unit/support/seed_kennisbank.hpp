#pragma once

#include "listing_pages.hpp"
#include "pdf_fixture.hpp"
#include "test_server.hpp"

#include <memory>

namespace kennis::test {

// The first `entries` entries of the seed listing as a Kennisbank page at /kennisbank on
// `server`, and behind every link a PDF (with `padding` bytes more) that mentions verzuim.
inline void serve_seed_kennisbank(TestServer& server, std::size_t entries, std::size_t padding = 0) {
    const std::string base = server.url("");
    Listing listing = seed_listing_with_urls(base);
    listing.entries.resize(entries);
    auto page = std::make_shared<const std::string>(list_markup(listing, base));
    server.server().Get("/kennisbank", [page](const httplib::Request&, httplib::Response& res) {
        res.set_content(*page, "text/html");
    });
    server.server().Get(R"(/media/doc-(\d+)\.pdf)", [padding](const httplib::Request& req, httplib::Response& res) {
        res.set_content(make_pdf({"Document " + req.matches[1].str(), "verzuim en leerplicht"}, padding),
                        "application/pdf");
    });
}

} // namespace kennis::test
