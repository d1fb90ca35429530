#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/error.hpp"
#include "kennis/fetch.hpp"
#include "kennis/sync.hpp"
#include "pdf_fixture.hpp"
#include "util/sha256.hpp"
#include "kennis/dupes.hpp"
#include "test_server.hpp"

#include <chrono>

using namespace kennis;

namespace {

class FetchTest : public test::CatalogueTest {
protected:
    // Documents whose download links point at the test server.
    void listed(const std::vector<std::pair<std::string, std::string>>& title_path) {
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        for (const auto& [title, path] : title_path)
            l.entries.push_back({"Thema", title, server.url(path)});
        apply_listings(library(), {l}, true);
    }

    // A PDF at `path` with an ETag, answering 304 to a request that already has it.
    void serve_pdf(const std::string& path, std::string body, std::string etag) {
        server.server().Get(path, [body = std::move(body), etag = std::move(etag)](const httplib::Request& req,
                                                                                   httplib::Response& res) {
            if (req.get_header_value("If-None-Match") == etag) {
                res.status = 304;
                return;
            }
            res.set_header("ETag", etag);
            res.set_content(body, "application/pdf");
        });
    }

    FetchOptions options(FetchOptions::Mode mode = FetchOptions::Mode::missing) {
        FetchOptions o;
        o.mode = mode;
        o.network.retries = 0;
        o.network.backoff_seconds = 0.01;
        o.network.stall_timeout = 1;
        o.network.connect_timeout = 5;
        return o;
    }

    FetchReport run(FetchOptions o) { return fetch(library(), o); }

    std::size_t tmp_files() {
        return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(library().tmp_dir()),
                                                      std::filesystem::directory_iterator()));
    }

    std::string failure_of(const FetchReport& r) {
        EXPECT_EQ(r.failed.size(), 1u);
        return r.failed.empty() ? "" : r.failed.front().error;
    }

    test::TestServer server;
};

} // namespace

TEST_F(FetchTest, StoresEachUrlOnceThenAsksOnlyForChanges) {
    const std::string a = test::make_pdf({"Eerste document"});
    serve_pdf("/a.pdf", a, "\"a1\"");
    serve_pdf("/b.pdf", test::make_pdf({"Tweede document"}), "\"b1\"");
    listed({{"Een", "/a.pdf"}, {"Twee", "/b.pdf"}});

    const auto first = run(options(FetchOptions::Mode::all));
    EXPECT_EQ(first.downloaded, 2u);
    EXPECT_TRUE(first.failed.empty());
    EXPECT_EQ(server.hits("/a.pdf"), 1);
    const auto doc = find_document(library(), "Een");
    ASSERT_TRUE(doc.path);
    EXPECT_EQ(test::read_file(*doc.path), a);
    EXPECT_EQ(doc.current()->sha256, sha256_hex(a));
    EXPECT_EQ(doc.current()->mime, "application/pdf");
    EXPECT_EQ(*doc.path, (library().store_dir() / "sha256" / doc.current()->sha256.substr(0, 2) /
                          doc.current()->sha256.substr(2)).string());

    const auto second = run(options(FetchOptions::Mode::all));
    EXPECT_EQ(second.not_modified, 2u);
    EXPECT_EQ(second.downloaded, 0u);
    EXPECT_EQ(server.hits("/a.pdf"), 2);
    EXPECT_EQ(tmp_files(), 0u);
    EXPECT_EQ(run(options()).requested, 0u) << "nothing is missing any more";
}

TEST_F(FetchTest, AChangedFileIsANewVersionAndTheOldOneStays) {
    std::string body = test::make_pdf({"Versie een"});
    std::string etag = "\"v1\"";
    server.server().Get("/h.pdf", [&](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        res.set_header("ETag", etag);
        res.set_content(body, "application/pdf");
    });
    listed({{"Handboek", "/h.pdf"}});
    run(options());
    const std::string v1 = sha256_hex(body);
    body = test::make_pdf({"Versie twee"});
    etag = "\"v2\"";
    const auto r = run(options(FetchOptions::Mode::all));
    EXPECT_EQ(r.downloaded, 1u);
    const auto doc = find_document(library(), "Handboek");
    ASSERT_EQ(doc.versions.size(), 2u);
    EXPECT_EQ(doc.versions[0].sha256, v1);
    EXPECT_EQ(doc.current()->sha256, sha256_hex(body));
    EXPECT_TRUE(std::filesystem::exists(library().store_dir() / "sha256" / v1.substr(0, 2) / v1.substr(2)));
    EXPECT_EQ(count("SELECT count(*) FROM events WHERE kind = 'new_version'"), 1);
}

TEST_F(FetchTest, TwoUrlsWithIdenticalBytesEndAsOneDocument) {
    const std::string same = test::make_pdf({"Hetzelfde"});
    serve_pdf("/x.pdf", same, "\"x\"");
    serve_pdf("/y.pdf", same, "\"y\"");
    listed({{"Stappenplan informatie delen", "/x.pdf"}, {"Stappenplan delen van informatie", "/y.pdf"}});
    const auto r = run(options());
    ASSERT_EQ(r.merged.size(), 1u);
    EXPECT_EQ(r.merged[0].id, 2);
    EXPECT_EQ(r.merged[0].into, 1);
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 1);
    const auto doc = find_document(library(), "2");
    EXPECT_EQ(doc.id, 1) << "the merged id resolves to the survivor";
    EXPECT_EQ(doc.urls.size(), 2u);
    EXPECT_EQ(doc.aliases.size(), 2u);
    EXPECT_EQ(find_document(library(), "stappenplan-delen-van-informatie").id, 1);
}

TEST_F(FetchTest, DocumentsAPersonKeptApartAreNotMergedAgainByTheirBytes) {
    const std::string same = test::make_pdf({"Hetzelfde"});
    serve_pdf("/x.pdf", same, "\"x\"");
    serve_pdf("/y.pdf", same, "\"y\"");
    serve_pdf("/z.pdf", same, "\"z\"");
    listed({{"Stappenplan informatie delen", "/x.pdf"}, {"Stappenplan delen van informatie", "/y.pdf"}});
    ASSERT_EQ(run(options()).merged.size(), 1u);
    EXPECT_EQ(unmerge(library(), "2").other.id, 2);
    EXPECT_EQ(find_document(library(), "2").versions.size(), 1u) << "its own URL's version came back with it";
    EXPECT_EQ(run(options(FetchOptions::Mode::all)).merged.size(), 0u);
    // A third copy is one with the first; the two kept apart stay apart.
    listed({{"Stappenplan informatie delen", "/x.pdf"}, {"Stappenplan delen van informatie", "/y.pdf"},
            {"Stappenplan (kopie)", "/z.pdf"}});
    const auto r = run(options());
    ASSERT_EQ(r.merged.size(), 1u);
    EXPECT_EQ(r.merged[0].into, 1);
    EXPECT_EQ(count("SELECT count(*) FROM documents"), 2);
}

TEST_F(FetchTest, FollowsRedirectsUpToFive) {
    serve_pdf("/real.pdf", test::make_pdf({"Echt"}), "\"r\"");
    for (int i = 1; i <= 6; ++i)
        server.server().Get("/hop" + std::to_string(i), [i](const httplib::Request&, httplib::Response& res) {
            res.set_redirect(i == 6 ? "/real.pdf" : "/hop" + std::to_string(i + 1));
        });
    listed({{"Vijf keer", "/hop2"}, {"Zes keer", "/hop1"}});
    const auto r = run(options());
    EXPECT_EQ(r.downloaded, 1u);
    EXPECT_NE(failure_of(r).find("redirect"), std::string::npos) << failure_of(r);
}

TEST_F(FetchTest, RetriesAServerErrorAndThenSucceeds) {
    int calls = 0;
    server.server().Get("/flaky.pdf", [&](const httplib::Request&, httplib::Response& res) {
        if (++calls == 1) {
            res.status = 500;
            res.set_content("oops", "text/plain");
            return;
        }
        res.set_content(test::make_pdf({"Eindelijk"}), "application/pdf");
    });
    listed({{"Wankel", "/flaky.pdf"}});
    auto o = options();
    o.network.retries = 2;
    const auto r = run(o);
    EXPECT_EQ(r.downloaded, 1u);
    EXPECT_EQ(calls, 2);
}

TEST_F(FetchTest, HonoursRetryAfterOn429) {
    int calls = 0;
    server.server().Get("/busy.pdf", [&](const httplib::Request&, httplib::Response& res) {
        if (++calls == 1) {
            res.status = 429;
            res.set_header("Retry-After", "1");
            return;
        }
        res.set_content(test::make_pdf({"Rustig aan"}), "application/pdf");
    });
    listed({{"Druk", "/busy.pdf"}});
    auto o = options();
    o.network.retries = 1;
    const auto start = std::chrono::steady_clock::now();
    const auto r = run(o);
    EXPECT_EQ(r.downloaded, 1u);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1000));
}

TEST_F(FetchTest, DoesNotRetryNotFound) {
    server.server().Get("/gone.pdf", [](const httplib::Request&, httplib::Response& res) { res.status = 404; });
    listed({{"Weg", "/gone.pdf"}});
    auto o = options();
    o.network.retries = 3;
    const auto r = run(o);
    EXPECT_EQ(failure_of(r), "HTTP 404 (not found)");
    EXPECT_EQ(server.hits("/gone.pdf"), 1);
    EXPECT_EQ(find_document(library(), "Weg").urls.front().last_status, 404);
}

TEST_F(FetchTest, GivesUpOnAStalledBody) {
    server.server().Get("/stall.pdf", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(100000, "application/pdf", [&](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset == 0) {
                sink.write("%PDF-1.4\n", 9);
                return true;
            }
            server.hold(30);
            return false;
        });
    });
    listed({{"Traag", "/stall.pdf"}});
    const auto start = std::chrono::steady_clock::now();
    const auto r = run(options());
    EXPECT_NE(failure_of(r).find("too slow"), std::string::npos) << failure_of(r);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    EXPECT_EQ(tmp_files(), 0u);
}

TEST_F(FetchTest, ATruncatedBodyIsNotStored) {
    server.server().Get("/short.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_content_provider(5000, "application/pdf", [](size_t offset, size_t, httplib::DataSink& sink) {
            if (offset > 0)
                return false; // close the connection with 4991 bytes still owed
            sink.write("%PDF-1.4\n", 9);
            return true;
        });
    });
    listed({{"Kort", "/short.pdf"}});
    const auto r = run(options());
    EXPECT_EQ(r.downloaded, 0u);
    EXPECT_FALSE(failure_of(r).empty());
    EXPECT_EQ(count("SELECT count(*) FROM blobs"), 0);
    EXPECT_EQ(tmp_files(), 0u);
}

TEST_F(FetchTest, RefusesBodiesOverTheSizeCap) {
    server.server().Get("/big.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("%PDF-1.4\n" + std::string(5000, 'x'), "application/pdf");
    });
    server.server().Get("/big-chunked.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_chunked_content_provider("application/pdf", [](size_t offset, httplib::DataSink& sink) {
            if (offset >= 100000) {
                sink.done();
                return true;
            }
            const std::string chunk(1000, 'x');
            sink.write(chunk.data(), chunk.size());
            return true;
        });
    });
    listed({{"Groot", "/big.pdf"}, {"Ook groot", "/big-chunked.pdf"}});
    auto o = options();
    o.max_size = 2000;
    const auto r = run(o);
    ASSERT_EQ(r.failed.size(), 2u);
    for (const auto& f : r.failed)
        EXPECT_EQ(f.error, "larger than the size limit of 2000 bytes (--max-size)");
    EXPECT_EQ(tmp_files(), 0u);
}

TEST_F(FetchTest, AnHtmlPageForAPdfLinkIsAFailure) {
    server.server().Get("/login.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_content("<!DOCTYPE html><html><body>Log in</body></html>", "text/html; charset=utf-8");
    });
    listed({{"Verstopt", "/login.pdf"}});
    const auto r = run(options());
    EXPECT_EQ(failure_of(r), "the server sent a web page instead of a document (HTTP 200, text/html; charset=utf-8)");
    EXPECT_EQ(count("SELECT count(*) FROM versions"), 0);
}

TEST_F(FetchTest, RefusesARedirectToAFileUrl) {
    server.server().Get("/sneaky.pdf", [](const httplib::Request&, httplib::Response& res) {
        res.set_redirect("file:///etc/passwd");
    });
    listed({{"Stiekem", "/sneaky.pdf"}});
    const auto r = run(options());
    EXPECT_FALSE(failure_of(r).empty());
    EXPECT_EQ(count("SELECT count(*) FROM blobs"), 0);
}

TEST_F(FetchTest, OneFailureLeavesTheRestStoredAndIsRetriedNextRun) {
    bool broken = true;
    for (int i = 0; i < 6; ++i)
        serve_pdf("/ok" + std::to_string(i) + ".pdf", test::make_pdf({"Document " + std::to_string(i)}), "\"e\"");
    server.server().Get("/later.pdf", [&](const httplib::Request&, httplib::Response& res) {
        if (broken) {
            res.status = 503;
            return;
        }
        res.set_content(test::make_pdf({"Toch nog"}), "application/pdf");
    });
    std::vector<std::pair<std::string, std::string>> docs;
    for (int i = 0; i < 6; ++i)
        docs.emplace_back("Document " + std::to_string(i), "/ok" + std::to_string(i) + ".pdf");
    docs.emplace_back("Later", "/later.pdf");
    listed(docs);
    const auto first = run(options());
    EXPECT_EQ(first.downloaded, 6u);
    ASSERT_EQ(first.failed.size(), 1u);
    EXPECT_EQ(first.failed[0].url, server.url("/later.pdf"));
    EXPECT_EQ(first.failed[0].error, "HTTP 503");
    EXPECT_EQ(find_document(library(), "Later").urls.front().last_status, 503);
    broken = false;
    const auto second = run(options());
    EXPECT_EQ(second.requested, 1u);
    EXPECT_EQ(second.downloaded, 1u);
    EXPECT_TRUE(second.failed.empty());
}

TEST_F(FetchTest, ReadsPdfTextPageByPage) {
    serve_pdf("/text.pdf", test::make_pdf({"Eerste bladzijde", "Hier staat het woord schoolverzuimregistratie"}), "\"t\"");
    listed({{"Met tekst", "/text.pdf"}});
    run(options());
    EXPECT_EQ(db().sql().execAndGet("SELECT page FROM pages WHERE text LIKE '%schoolverzuimregistratie%'").getInt(), 2);
    EXPECT_EQ(db().sql().execAndGet("SELECT text_status FROM blobs").getString(), "ok");
}

TEST_F(FetchTest, ACorruptPdfIsStoredWithoutTextAndWithAReason) {
    serve_pdf("/broken.pdf", "%PDF-1.7\nthis is not really a pdf\n", "\"c\"");
    listed({{"Kapot", "/broken.pdf"}});
    const auto r = run(options());
    EXPECT_EQ(r.downloaded, 1u);
    EXPECT_EQ(db().sql().execAndGet("SELECT text_status || ': ' || text_reason FROM blobs").getString(),
              "none: not a readable PDF");
}

TEST_F(FetchTest, NamedDocumentsOnlyAndUnknownOnesAreErrors) {
    serve_pdf("/a.pdf", test::make_pdf({"A"}), "\"a\"");
    serve_pdf("/b.pdf", test::make_pdf({"B"}), "\"b\"");
    listed({{"Alfa", "/a.pdf"}, {"Beta", "/b.pdf"}});
    auto o = options();
    o.documents = {"Beta"};
    EXPECT_EQ(run(o).downloaded, 1u);
    EXPECT_EQ(server.hits("/a.pdf"), 0);
    o.documents = {"Gamma"};
    EXPECT_THROW(run(o), NotFoundError);
}
