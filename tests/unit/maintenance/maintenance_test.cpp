#include "catalogue_fixture.hpp"
#include "kennis/browse.hpp"
#include "kennis/fetch.hpp"
#include "kennis/maintenance.hpp"
#include "kennis/sync.hpp"
#include "pdf_fixture.hpp"
#include "util/sha256.hpp"
#include "test_server.hpp"

#include <fstream>
#include <sys/stat.h>

using namespace kennis;
namespace fs = std::filesystem;

namespace {

class MaintenanceTest : public test::CatalogueTest {
protected:
    // Two documents served by the test server, fetched into the store.
    void SetUp() override {
        for (const auto& [path, text] : {std::pair{"/a.pdf", "Eerste document"}, std::pair{"/b.pdf", "Tweede document"}}) {
            bodies[path] = test::make_pdf({text});
            server.server().Get(path, [this, path = std::string(path)](const httplib::Request&, httplib::Response& res) {
                res.set_content(bodies.at(path), "application/pdf");
            });
        }
        Listing l{"https://example.test/kennisbank", "html", std::nullopt, {}};
        l.entries.push_back({"Thema", "Een", server.url("/a.pdf")});
        l.entries.push_back({"Thema", "Twee", server.url("/b.pdf")});
        apply_listings(library(), {l}, true);
        ASSERT_EQ(fetch(library(), FetchOptions{}).downloaded, 2u);
    }

    fs::path file_of(const std::string& title) { return *find_document(library(), title).path; }

    VerifyReport check(bool repair = false) {
        VerifyOptions o;
        o.repair = repair;
        o.network.retries = 0;
        return verify(library(), o);
    }

    static void flip_a_byte(const fs::path& file) {
        ::chmod(file.c_str(), 0644); // stored files are read-only
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(20);
        const char c = static_cast<char>(f.get());
        f.seekp(20);
        f.put(static_cast<char>(c ^ 0x01));
    }

    test::TestServer server;
    std::map<std::string, std::string> bodies;
};

} // namespace

TEST_F(MaintenanceTest, AFreshLibraryIsClean) {
    const auto r = check();
    EXPECT_TRUE(r.clean());
    EXPECT_EQ(r.checked, 2u);
    EXPECT_TRUE(r.problems.empty());
    EXPECT_TRUE(r.unreferenced.empty());
}

TEST_F(MaintenanceTest, VerifyFindsAFlippedByteAndADeletedFileAndRepairRestoresBoth) {
    const fs::path a = file_of("Een");
    const fs::path b = file_of("Twee");
    flip_a_byte(a);
    fs::remove(b);

    const auto found = check();
    EXPECT_FALSE(found.clean());
    ASSERT_EQ(found.problems.size(), 2u);
    std::map<std::string, std::string> problem_at;
    for (const auto& p : found.problems)
        problem_at[p.path] = p.problem;
    EXPECT_EQ(problem_at[a.string()], "damaged");
    EXPECT_EQ(problem_at[b.string()], "missing");
    EXPECT_FALSE(fs::exists(b)) << "a check alone changes nothing";

    const auto repaired = check(true);
    EXPECT_TRUE(repaired.clean());
    EXPECT_EQ(repaired.repaired(), 2u);
    EXPECT_EQ(test::read_file(a), bodies["/a.pdf"]);
    EXPECT_EQ(test::read_file(b), bodies["/b.pdf"]);
    EXPECT_TRUE(check().clean());
    EXPECT_EQ(find_document(library(), "Een").versions.size(), 1u) << "the same bytes again are no new version";
}

TEST_F(MaintenanceTest, BytesTheServerNoLongerSendsAreReportedNotInvented) {
    const fs::path a = file_of("Een");
    bodies["/a.pdf"] = test::make_pdf({"Een nieuwere versie"});
    fs::remove(a);

    const auto r = check(true);
    EXPECT_FALSE(r.clean());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].repair, "the server now sends different bytes (recorded as a new version)");
    EXPECT_EQ(find_document(library(), "Een").versions.size(), 2u);

    // The lost bytes now belong to an earlier version only: no download can bring them back.
    const auto again = check(true);
    ASSERT_EQ(again.problems.size(), 1u);
    EXPECT_NE(again.problems[0].repair.find("only an earlier version"), std::string::npos);
}

TEST_F(MaintenanceTest, GcRemovesOnlyFilesNoVersionUses) {
    const fs::path a = file_of("Een");
    const fs::path stray = library().store_dir() / "sha256" / "ab" / std::string(62, 'c');
    fs::create_directories(stray.parent_path());
    std::ofstream(stray) << "bytes a killed fetch left";
    std::ofstream(library().store_dir() / "notes.txt") << "not a store file";

    const auto seen = check();
    EXPECT_TRUE(seen.clean()) << "left-over files are untidy, not wrong";
    EXPECT_EQ(seen.unreferenced.size(), 2u);

    const auto dry = collect_garbage(library(), true);
    EXPECT_EQ(dry.removed.size(), 2u);
    EXPECT_TRUE(fs::exists(stray));

    const auto done = collect_garbage(library(), false);
    EXPECT_EQ(done.removed.size(), 2u);
    EXPECT_GT(done.bytes, 0);
    EXPECT_FALSE(fs::exists(stray));
    EXPECT_TRUE(fs::exists(a));
    EXPECT_TRUE(check().unreferenced.empty());
    EXPECT_TRUE(collect_garbage(library(), false).removed.empty());
}
