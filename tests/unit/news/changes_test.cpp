#include "catalogue_fixture.hpp"
#include "kennis/changes.hpp"
#include "kennis/error.hpp"
#include "kennis/sync.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <regex>
#include <set>
#include <sstream>

using namespace kennis;

namespace {

class ChangesTest : public test::CatalogueTest {
protected:
    void listed(std::vector<ListingEntry> entries) {
        apply_listings(library(), {{"https://example.test/kennisbank", "html", std::nullopt, std::move(entries)}}, true);
    }

    // "theme: kind title" per change, in the report's order.
    std::vector<std::string> digest(const std::optional<std::string>& since = std::nullopt) {
        std::vector<std::string> out;
        for (const auto& t : list_changes(library(), since).themes)
            for (const auto& c : t.changes)
                out.push_back(t.theme + ": " + c.kind + " " + c.title);
        return out;
    }
};

} // namespace

// The three syncs below run within a second: "since the last sync" must not lean on times.
TEST_F(ChangesTest, TheLastSyncsChangesPerThemeAndNoneAfterASyncThatChangedNothing) {
    EXPECT_TRUE(list_changes(library(), std::nullopt).since.empty()) << "nothing synced yet";
    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking B", "https://example.test/b.pdf"},
            {"Thuiszitters", "Handreiking B", "https://example.test/b.pdf"}});
    EXPECT_EQ(digest(), (std::vector<std::string>{"Verzuim: added Handreiking A", "Verzuim: added Handreiking B",
                                                  "Thuiszitters: added Handreiking B"}))
        << "a new document's themes are part of its being added";
    EXPECT_EQ(list_changes(library(), std::nullopt).events, 2u);

    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Thuiszitters", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking C", "https://example.test/c.pdf"}});
    EXPECT_EQ(digest(), (std::vector<std::string>{"Verzuim: added Handreiking C", "Verzuim: withdrawn Handreiking B",
                                                  "Thuiszitters: theme_added Handreiking A",
                                                  "Thuiszitters: withdrawn Handreiking B"}));

    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Thuiszitters", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking C", "https://example.test/c.pdf"}});
    EXPECT_TRUE(digest().empty());
    EXPECT_EQ(digest("2000-01-01").size(), 7u) << "a date reaches back over several syncs";
    EXPECT_THROW(list_changes(library(), "gisteren"), UsageError);
}

namespace {

std::vector<std::string> all_matches(const std::string& text, const std::regex& pattern) {
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

// Soft line breaks joined, =XX codes turned back into their bytes.
std::string quoted_printable_decoded(std::string text) {
    text = std::regex_replace(text, std::regex("=\n"), "");
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '=' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    return out;
}

std::vector<std::string> entry_ids(const std::string& feed) {
    static const std::regex id(R"(<entry>\s*<id>(urn:uuid:[0-9a-f-]{36})</id>)");
    return all_matches(feed, id);
}

} // namespace

TEST_F(ChangesTest, TheFeedTellsEachDocumentEventOnceAndKeepsItsIdFromRunToRun) {
    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Verzuim", "Handreiking B", "https://example.test/b.pdf"},
            {"Thuiszitters", "Handreiking B", "https://example.test/b.pdf"}});
    const std::string first = changes_atom(library(), list_changes(library(), "2000-01-01"), {});
    const auto ids = entry_ids(first);
    ASSERT_EQ(ids.size(), 2u) << "B is news once, under both its themes:\n" << first;
    EXPECT_NE(first.find("<category term=\"Thuiszitters\"/>"), std::string::npos);
    EXPECT_NE(first.find("<link rel=\"alternate\" href=\"https://example.test/b.pdf\"/>"), std::string::npos)
        << "without a link of its own an entry opens the download address";
    EXPECT_EQ(changes_atom(library(), list_changes(library(), "2000-01-01"), {}), first) << "the same news, the same feed";

    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"},
            {"Thuiszitters", "Handreiking A", "https://example.test/a.pdf"}});
    const std::string second = changes_atom(library(), list_changes(library(), "2000-01-01"), {});
    const auto later = entry_ids(second);
    ASSERT_EQ(later.size(), 3u) << "B's withdrawal is news; A's new theme is not:\n" << second;
    EXPECT_EQ(std::set<std::string>(later.begin() + 1, later.end()), std::set<std::string>(ids.begin(), ids.end()))
        << "the newest first, and the older entries keep their ids";
    EXPECT_NE(second.find("<title type=\"text\">Ingetrokken: Handreiking B</title>"), std::string::npos);

    // Two new files of A, as a fetch records them: each is news of its own.
    for (const char* sha : {"1111", "2222"})
        db().sql().exec(fmt::format("INSERT INTO events (at, document_id, kind, detail) "
                                    "SELECT '2099-01-01T00:00:00Z', id, 'new_version', '{}' FROM documents WHERE title = 'Handreiking A'",
                                    sha));
    const auto versions = entry_ids(changes_atom(library(), list_changes(library(), "2000-01-01"), {}));
    ASSERT_EQ(versions.size(), 5u);
    EXPECT_EQ(std::set<std::string>(versions.begin() + 2, versions.end()), std::set<std::string>(later.begin(), later.end()));
    EXPECT_NE(versions[0], versions[1]);

    const FeedOptions other{.key = "another share", .self = {}, .page = {}, .link = {}};
    EXPECT_NE(changes_atom(library(), list_changes(library(), "2000-01-01"), other).substr(0, 200), second.substr(0, 200))
        << "two feeds of one library have ids of their own";
}

TEST_F(ChangesTest, TheFeedHoldsTheNewest200EntriesAndTheReportAllOfThem) {
    std::vector<ListingEntry> many;
    for (int i = 0; i < 250; ++i)
        many.push_back({"Verzuim", fmt::format("Handreiking {}", i), fmt::format("https://example.test/{}.pdf", i)});
    listed(many);
    listed({{"Verzuim", "Handreiking 0", "https://example.test/0.pdf"}});
    const ChangesReport report = list_changes(library(), "2000-01-01");
    const std::string feed = changes_atom(library(), report, {});
    EXPECT_EQ(entry_ids(feed).size(), 200u);
    EXPECT_EQ(all_matches(feed, std::regex("<title type=\"text\">(Ingetrokken): ")).size(), 200u)
        << "the 249 withdrawals came last: the newest 200 of them, and none of the additions";
    EXPECT_EQ(report.events, 250u + 249u) << "the report keeps every change";
}

TEST_F(ChangesTest, TitlesReachTheFeedAndTheMailAsTextOnly) {
    listed({{"Verzuim", "Coördinatie </title><script>alert(1)</script>\x01 & meer", "https://example.test/a.pdf?x=1&y=2"}});
    const ChangesReport report = list_changes(library(), std::nullopt);
    const std::string feed = changes_atom(library(), report, {});
    EXPECT_NE(feed.find("Nieuw: Coördinatie &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer</title>"), std::string::npos) << feed;
    EXPECT_NE(feed.find("href=\"https://example.test/a.pdf?x=1&amp;y=2\""), std::string::npos);
    EXPECT_EQ(feed.find('\x01'), std::string::npos) << "XML 1.0 cannot carry it";

    const std::string mail = changes_mail(library(), report, {.to = {"lp@gemeente.nl"}, .from = {}});
    std::istringstream lines(mail);
    for (std::string line; std::getline(lines, line);) {
        EXPECT_LE(line.size(), 76u) << line;
        EXPECT_TRUE(std::all_of(line.begin(), line.end(), [](char c) { return c > 0 && c < 0x7f; })) << "only ASCII travels: " << line;
    }
    EXPECT_NE(mail.find("Co=C3=B6rdinatie"), std::string::npos);
    const auto body = mail.find("\n\n", mail.find("Content-Type: text/html")) + 2;
    const std::string html = quoted_printable_decoded(mail.substr(body, mail.find("\n--=_kennis", body) - body));
    EXPECT_NE(html.find("<bdi>Coördinatie &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;\x01 &amp; meer</bdi>"), std::string::npos) << html;
    EXPECT_EQ(html.find("<script>"), std::string::npos);
    EXPECT_NE(mail.find("Subject: Kennisbank: 1 wijziging sinds "), std::string::npos);
}

TEST_F(ChangesTest, NoChangesNoMailAndNoHeadersFromAnAddress) {
    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"}});
    listed({{"Verzuim", "Handreiking A", "https://example.test/a.pdf"}});
    EXPECT_EQ(changes_mail(library(), list_changes(library(), std::nullopt), {.to = {"lp@gemeente.nl"}, .from = {}}), "");
    const ChangesReport all = list_changes(library(), "2000-01-01");
    EXPECT_THROW(changes_mail(library(), all, {.to = {"lp@gemeente.nl\nBcc: iedereen@example.test"}, .from = {}}), UsageError);
    EXPECT_THROW(changes_mail(library(), all, {.to = {"lp@gemeente.nl"}, .from = "kennis\r@x"}), UsageError);
    EXPECT_THROW(changes_mail(library(), all, {.to = {"geen adres"}, .from = {}}), UsageError);
    EXPECT_THROW(changes_mail(library(), all, {.to = {"Coördinator <c@gemeente.nl>"}, .from = {}}), UsageError);
    EXPECT_NE(changes_mail(library(), all, {.to = {"Team Leerplicht <lp@gemeente.nl>"}, .from = {}}).find("To: Team Leerplicht <lp@gemeente.nl>\n"),
              std::string::npos);
}
