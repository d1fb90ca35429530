#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/fetch.hpp"
#include "kennis/sync.hpp"
#include "pdf_fixture.hpp"
#include "test_server.hpp"
#include "util/unicode.hpp"

#include <chrono>
#include <sys/resource.h>
#include <zlib.h>

using namespace kennis;
using Clock = std::chrono::steady_clock;

// Servers that misbehave on purpose. Each case must end within its bound, with a clear error,
// without holding the body in memory, and with the catalogue intact.
namespace {

std::string gzip(const std::string& data) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

long peak_rss_kib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

class HostileServerTest : public test::CatalogueTest {
protected:
    // One document whose download link is `path` on the test server.
    void listed(const std::string& path) {
        apply_listings(library(), {Listing{"https://example.test/kennisbank", "html", std::nullopt,
                                           {{"Thema", "Document", server.url(path)}}}},
                       true);
    }

    FetchOptions options() {
        FetchOptions o;
        o.network.retries = 0;
        o.network.stall_timeout = 2;
        o.network.connect_timeout = 5;
        o.max_size = 8 * 1024 * 1024;
        return o;
    }

    // Fetches the one document, expecting it to fail within `bound`; returns the error.
    std::string fetch_fails(std::chrono::seconds bound) {
        const auto start = Clock::now();
        const FetchReport r = fetch(library(), options());
        EXPECT_LT(Clock::now() - start, bound);
        EXPECT_EQ(r.downloaded, 0u);
        EXPECT_EQ(r.failed.size(), 1u);
        EXPECT_EQ(std::distance(std::filesystem::directory_iterator(library().tmp_dir()),
                                std::filesystem::directory_iterator()),
                  0)
            << "no temporary file is left";
        EXPECT_EQ(count("SELECT count(*) FROM versions"), 0);
        EXPECT_EQ(db().sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
        return r.failed.empty() ? "" : r.failed.front().error;
    }

    SyncReport sync_page(const std::string& path) {
        SyncOptions o;
        o.sources = {server.url(path)};
        o.network.retries = 0;
        o.network.stall_timeout = 2;
        return sync(library(), o);
    }

    test::TestServer server;
};

std::string page_with(const std::vector<std::pair<std::string, std::string>>& title_href) {
    std::string html = "<html><head><meta charset=\"utf-8\"></head><body><h2>Downloadcentrum</h2><h3>Thuiszitters</h3><ul>";
    for (const auto& [title, href] : title_href)
        html += "<li>" + title + " <a href=\"" + href + "\">download</a></li>\n";
    return html + "</ul></body></html>";
}

} // namespace

TEST_F(HostileServerTest, AnEndlessRedirectChainEndsAfterFiveRedirects) {
    server.server().Get(R"(/loop/(\d+))", [](const httplib::Request& req, httplib::Response& res) {
        res.set_redirect("/loop/" + std::to_string(std::stoi(req.matches[1].str()) + 1));
    });
    listed("/loop/0");
    const std::string error = fetch_fails(std::chrono::seconds(5));
    EXPECT_NE(error.find("redirect"), std::string::npos) << error;
    EXPECT_EQ(server.hits("/loop/6"), 0);
}

TEST_F(HostileServerTest, AGzipBombStopsAtTheSizeLimitWithoutFillingMemory) {
    const std::string bomb = gzip(std::string(256 * 1024 * 1024, '\0')); // 256 MiB in about 250 KiB
    ASSERT_LT(bomb.size(), 1024u * 1024);
    server.server().Get("/bomb.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Encoding", "gzip");
        res.set_content(bomb, "application/pdf");
    });
    listed("/bomb.pdf");
    const long before = peak_rss_kib();
    const std::string error = fetch_fails(std::chrono::seconds(10));
    EXPECT_NE(error.find("size limit"), std::string::npos) << error;
    EXPECT_LT(peak_rss_kib() - before, 64 * 1024) << "the body was streamed, not held";
}

TEST_F(HostileServerTest, AnEndlessBodyStopsAtTheSizeLimit) {
    server.server().Get("/endless.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/pdf", [](size_t, httplib::DataSink& sink) {
            static const std::string chunk(64 * 1024, 'x');
            return sink.write(chunk.data(), chunk.size());
        });
    });
    listed("/endless.pdf");
    const std::string error = fetch_fails(std::chrono::seconds(10));
    EXPECT_NE(error.find("size limit"), std::string::npos) << error;
}

TEST_F(HostileServerTest, AnEndlessErrorPageIsNotReadForEver) {
    server.server().Get("/error.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.status = 500;
        res.set_chunked_content_provider("text/html", [](size_t, httplib::DataSink& sink) {
            static const std::string chunk(64 * 1024, 'e');
            return sink.write(chunk.data(), chunk.size());
        });
    });
    listed("/error.pdf");
    EXPECT_EQ(fetch_fails(std::chrono::seconds(10)), "HTTP 500");
}

TEST_F(HostileServerTest, AOneBytePerSecondBodyIsGivenUpAfterTheStallTimeout) {
    server.server().Get("/slow.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(1000000, "application/pdf", [&](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset > 0)
                server.hold(1); // the pace of the attack, not a wait for the client
            return sink.write(offset == 0 ? "%" : "P", 1);
        });
    });
    listed("/slow.pdf");
    const std::string error = fetch_fails(std::chrono::seconds(10));
    EXPECT_NE(error.find("too slow"), std::string::npos) << error;
}

TEST_F(HostileServerTest, AHeaderFloodIsRefused) {
    server.server().Get("/flood.pdf", [](const httplib::Request&, httplib::Response& res) {
        for (int i = 0; i < 20000; ++i)
            res.set_header("X-Flood-" + std::to_string(i), std::string(40, 'h'));
        res.set_content(test::make_pdf({"Vloed"}), "application/pdf");
    });
    listed("/flood.pdf");
    const std::string error = fetch_fails(std::chrono::seconds(10));
    EXPECT_NE(error.find("headers"), std::string::npos) << error;
}

TEST_F(HostileServerTest, AWebPageWhereADocumentShouldBeIsAFailure) {
    server.server().Get("/doc.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("<html><body>Inloggen</body></html>", "application/pdf");
    });
    listed("/doc.pdf");
    EXPECT_NE(fetch_fails(std::chrono::seconds(5)).find("web page"), std::string::npos);
}

TEST_F(HostileServerTest, APageThatIsNotHtmlChangesNothing) {
    server.server().Get("/kennisbank", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(test::make_pdf({"Geen pagina"}), "application/pdf");
    });
    try {
        sync_page("/kennisbank");
        FAIL() << "a PDF is not a listing";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("not an HTML page"), std::string::npos) << e.what();
    }
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 0);
}

TEST_F(HostileServerTest, InvalidUtf8AndTenThousandCharacterTitlesAreKeptReadable) {
    const std::string long_title = "Handreiking " + std::string(10000, 'a');
    server.server().Get("/kennisbank", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(page_with({{"Rapport \xff\xfe kapot \xc3", "/a.pdf"}, {long_title, "/b.pdf"}, {"Gewoon", "/c.pdf"}}),
                        "text/html; charset=utf-8");
    });
    const SyncReport r = sync_page("/kennisbank");
    EXPECT_EQ(r.added, 3u);
    for (const auto& d : list_documents(library(), Filter{})) {
        EXPECT_TRUE(unicode::is_valid_utf8(d.title)) << d.id;
        EXPECT_LE(d.slug.size(), 60u);
    }
    EXPECT_EQ(find_document(library(), long_title).title.size(), long_title.size());
    EXPECT_EQ(db().sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
}

// How fast is for the sync benchmark (tests/bench/sync_bench.cpp); here, that it all arrives.
TEST_F(HostileServerTest, APageOfAHundredThousandEntriesSyncsWhole) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (int i = 0; i < 100000; ++i)
        entries.emplace_back("Handreiking nummer " + std::to_string(i) + " over verzuim",
                             "/media/doc-" + std::to_string(i) + ".pdf");
    const std::string page = page_with(entries);
    // Served as bytes, so the test server does not spend seconds compressing 7 MB for curl; kennis
    // knows HTML when it sees it.
    server.server().Get("/kennisbank", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(page, "application/octet-stream");
    });
    const SyncReport r = sync_page("/kennisbank");
    EXPECT_EQ(r.added, 100000u);
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 100000);
    EXPECT_EQ(count("SELECT count(*) FROM urls"), 100000);
}
