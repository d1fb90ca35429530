// A stand-in for the Kennisbank on 127.0.0.1, for command-line tests: the Downloadcentrum page
// made from the seed listing, and a small PDF behind every download link.
//
//   kennis_test_server --port-file FILE [--port P] [--markup list|table|accordion] [--fail N]...
//                      [--drop N]... [--lifetime S] [--text yes] [--office yes] [--handbook N:V]
//
// --text yes gives every PDF two pages of the field's Dutch besides its title (dutch_text.hpp),
// and doc-1.pdf a page of markup that a page showing it must show as text. --office yes serves
// doc-3.pdf as a Word file, doc-4.pdf as an Excel file, doc-5.pdf as a scan (an image-only
// PDF), doc-6.pdf as a Word 97 file and doc-7.pdf as an Excel 97 file, all as
// application/octet-stream, as servers often do.
// --handbook N:V serves doc-N.pdf as a three-page handbook in version V: version 2 leaves out
// the second paragraph of page 2 and adds one at the end of page 3.
// --fail N answers 503 for doc-N.pdf; --drop N leaves doc-N.pdf out of the page, as when the
// Kennisbank withdraws it. It writes its port to FILE once it accepts connections (on P when
// given, so a test can restart it changed), and stops after --lifetime seconds.
#include "listing_pages.hpp"
#include "dutch_text.hpp"
#include "legacy_office_fixture.hpp"
#include "office_fixture.hpp"
#include "pdf_fixture.hpp"
#include "scan_fixture.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
#include <iostream>
#include <kennis/title.hpp>
#include <set>
#include <thread>

namespace {

std::string ascii_words(const std::string& title) {
    std::string out;
    for (char c : kennis::title_key(title))
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')
            out += c;
    return out;
}

} // namespace

int main(int argc, char** argv) {
    std::string port_file;
    std::string markup = "list";
    std::set<std::string> failing;
    std::set<std::string> dropped;
    int port = 0;
    int lifetime = 120;
    bool text = false;
    bool office = false;
    std::string handbook;
    int handbook_version = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--port-file")
            port_file = argv[i + 1];
        else if (flag == "--markup")
            markup = argv[i + 1];
        else if (flag == "--fail")
            failing.insert(argv[i + 1]);
        else if (flag == "--drop")
            dropped.insert(argv[i + 1]);
        else if (flag == "--port")
            port = std::atoi(argv[i + 1]);
        else if (flag == "--lifetime")
            lifetime = std::atoi(argv[i + 1]);
        else if (flag == "--text")
            text = std::string(argv[i + 1]) == "yes";
        else if (flag == "--office")
            office = std::string(argv[i + 1]) == "yes";
        else if (flag == "--handbook") {
            const std::string v = argv[i + 1];
            handbook = v.substr(0, v.find(':'));
            handbook_version = std::atoi(v.substr(v.find(':') + 1).c_str());
        }
    }
    httplib::Server server;
    if (port == 0)
        port = server.bind_to_any_port("127.0.0.1");
    else if (!server.bind_to_port("127.0.0.1", port))
        return 1;
    const std::string base = "http://127.0.0.1:" + std::to_string(port);
    kennis::Listing listing = kennis::test::seed_listing_with_urls(base);
    std::erase_if(listing.entries, [&](const kennis::ListingEntry& e) {
        for (const auto& n : dropped)
            if (e.url->ends_with("/media/doc-" + n + ".pdf"))
                return true;
        return false;
    });
    const std::string page = markup == "table"       ? kennis::test::table_markup(listing, base)
                             : markup == "accordion" ? kennis::test::accordion_markup(listing)
                                                     : kennis::test::list_markup(listing, base);
    std::map<std::string, std::string> title_of;
    for (const auto& e : listing.entries)
        title_of.emplace(e.url->substr(base.size()), e.title);
    server.Get("/kennisbank", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content(page, "text/html; charset=utf-8");
    });
    server.Get(R"(/media/doc-(\d+)\.pdf)", [&](const httplib::Request& req, httplib::Response& res) {
        if (failing.count(req.matches[1].str())) {
            res.status = 503;
            return;
        }
        const auto it = title_of.find(req.path);
        if (it == title_of.end()) {
            res.status = 404;
            return;
        }
        const std::string n = req.matches[1].str();
        const std::string etag = "\"" + n + (n == handbook ? "-v" + std::to_string(handbook_version) : "") + "\"";
        if (req.get_header_value("If-None-Match") == etag) {
            res.status = 304;
            return;
        }
        res.set_header("ETag", etag);
        if (n == handbook) {
            using kennis::test::dutch_paragraphs, kennis::test::wrapped;
            const std::string p2 = handbook_version == 1 ? wrapped(dutch_paragraphs[1]) + "\n" + wrapped(dutch_paragraphs[2])
                                                         : wrapped(dutch_paragraphs[1]);
            const std::string p3 = handbook_version == 1 ? wrapped(dutch_paragraphs[3])
                                                         : wrapped(dutch_paragraphs[3]) + "\n" + wrapped(dutch_paragraphs[4]);
            res.set_content(kennis::test::make_pdf({"Handboek\n" + wrapped(dutch_paragraphs[0]), p2, p3}), "application/pdf");
            return;
        }
        if (office && n.size() == 1 && n >= "3" && n <= "7") {
            static const std::map<std::string, std::string> files{
                {"3", kennis::test::make_docx({{"Geachte ouders"}, {"Uw kind is kwalificatieplichtig"}})},
                {"4", kennis::test::make_xlsx({{"Toelichting", {{"Vul per leerling in"}}}, {"Leerlingen", {{"naam", "Zwaluwschool"}}}})},
                {"5", kennis::test::scanned(kennis::test::make_pdf({kennis::test::wrapped(kennis::test::dutch_paragraphs[8])}))},
                {"6", kennis::test::make_doc({{"Geachte heer, mevrouw,", "Uw zoon is meerderjarig geworden."}})},
                {"7", kennis::test::make_xls({{"Blad1", {{"overzicht"}}}, {"Scholen", {{"Dorpsschool Eikenhorst"}}}})},
            };
            res.set_content(files.at(n), "application/octet-stream");
            return;
        }
        std::vector<std::string> pages{ascii_words(it->second), "Document " + n};
        if (text) {
            for (auto& paragraph : kennis::test::dutch_pages(std::stoul(n)))
                pages.push_back(paragraph);
            if (n == "1")
                pages.push_back("Let op: </script><img src=x onerror=alert(1)> en <b>vet</b>\nzijn tekens in de tekst, geen opmaak.");
        }
        res.set_content(kennis::test::make_pdf(pages), "application/pdf");
    });
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::seconds(lifetime));
        server.stop();
    });
    stopper.detach();
    {
        std::ofstream out(port_file + ".tmp");
        out << port << "\n";
    }
    std::rename((port_file + ".tmp").c_str(), port_file.c_str());
    server.listen_after_bind();
    return 0;
}
