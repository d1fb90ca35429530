#include "kennis/changes.hpp"

#include "library/edge.hpp"
#include "library/library_impl.hpp"
#include "util/html.hpp"
#include "util/sha256.hpp"
#include "kennis/version.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iterator>
#include <tuple>
#include <map>
#include <string_view>
#include <vector>

namespace kennis {
namespace {

// The ids of a feed and its entries, as "urn:uuid:…" (version 8: the bytes are kennis's own): the
// first 80 bits name the library and the feed, from a SHA-256 made once; the last 48 are the
// event's number, or zero for the feed itself. A feed of ten thousand entries hashes once.
class FeedIds {
public:
    FeedIds(std::string_view library, std::string_view feed) : m_prefix(sha256_hex(fmt::format("{}\x1f{}", library, feed)).substr(0, 20)) {
        m_prefix[12] = '8';
        m_prefix[16] = "89ab"[std::stoi(std::string(1, m_prefix[16]), nullptr, 16) & 3];
    }

    std::string feed() const { return of(0); }
    std::string entry(std::int64_t event) const { return of(event); }

private:
    std::string m_prefix; // 20 hex digits

    std::string of(std::int64_t n) const {
        return fmt::format("urn:uuid:{}-{}-{}-{}-{:012x}", std::string_view(m_prefix).substr(0, 8), std::string_view(m_prefix).substr(8, 4),
                           std::string_view(m_prefix).substr(12, 4), std::string_view(m_prefix).substr(16, 4),
                           static_cast<std::uint64_t>(n) & 0xFFFFFFFFFFFFu);
    }
};

// A time as Atom wants it (RFC 3339 with seconds and a zone), from the forms kennis stores and
// --since takes: 2026-11-01, 2026-11-01T06:00, 2026-11-01T06:00:00Z.
std::string rfc3339(std::string time) {
    if (time.size() == 10)
        time += "T00:00";
    if (time.size() == 16)
        time += ":00";
    if (!time.ends_with('Z'))
        time += 'Z';
    return time;
}

bool is_document_news(std::string_view kind) {
    return kind == "added" || kind == "reinstated" || kind == "new_version" || kind == "withdrawn";
}

// One event once, with every theme the report shows it under.
struct Item {
    const ChangeEvent* change;
    std::vector<std::string_view> themes;
};

// A feed reader fetches the feed again and again, and shows what it has not shown before: the
// newest entries are what it reads. Ten thousand entries (a first sync, a catalogue moved) would
// make each fetch megabytes; the whole news is in the page and the CSV beside the feed.
constexpr std::size_t feed_entries_max = 200;

std::vector<Item> feed_items(const ChangesReport& changes) {
    std::map<std::int64_t, Item> by_event;
    for (const auto& t : changes.themes)
        for (const auto& c : t.changes) {
            if (!is_document_news(c.kind))
                continue;
            auto& item = by_event.try_emplace(c.event, Item{&c, {}}).first->second;
            if (!t.theme.empty())
                item.themes.push_back(t.theme);
        }
    std::vector<Item> items;
    items.reserve(by_event.size());
    for (auto& [event, item] : by_event)
        items.push_back(std::move(item));
    const auto newest_first = [](const Item& a, const Item& b) {
        return std::tie(a.change->at, a.change->event) > std::tie(b.change->at, b.change->event);
    };
    const auto kept = items.begin() + static_cast<std::ptrdiff_t>(std::min(items.size(), feed_entries_max));
    std::partial_sort(items.begin(), kept, items.end(), newest_first);
    items.erase(kept, items.end());
    return items;
}

std::string sentence(const ChangeEvent& c) {
    const std::string_view day = std::string_view(c.at).substr(0, 10);
    if (c.kind == "added")
        return fmt::format("Nieuw in de Kennisbank sinds {}.", day);
    if (c.kind == "reinstated")
        return fmt::format("Weer in de Kennisbank sinds {}.", day);
    if (c.kind == "new_version")
        return fmt::format("Een nieuwe versie van het bestand, binnengekomen op {}.", day);
    return fmt::format("Staat sinds {} niet meer in de Kennisbank.", day);
}

void append_text_element(std::string& out, std::string_view open, std::string_view text, std::string_view close) {
    out += open;
    append_xml_escaped(out, text);
    out += close;
}

} // namespace

std::string changes_atom(Library& library, const ChangesReport& changes, const FeedOptions& options) try {
    const FeedIds ids(library_id(library.impl().db), options.key);
    const std::vector<Item> items = feed_items(changes);
    // The feed changes when its news does, and not from one run to the next without news: a
    // share's copy is then left alone.
    const std::string updated = rfc3339(items.empty() ? changes.since : items.front().change->at);
    std::string out = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
)";
    out.reserve(512 + items.size() * 768);
    fmt::format_to(std::back_inserter(out), "  <id>{}</id>\n", ids.feed());
    out += "  <title>Kennisbank – wat is nieuw</title>\n";
    fmt::format_to(std::back_inserter(out), "  <updated>{}</updated>\n", updated);
    out += "  <author><name>kennis</name></author>\n";
    fmt::format_to(std::back_inserter(out), "  <generator version=\"{}\">kennis</generator>\n", version());
    if (!options.self.empty())
        append_text_element(out, "  <link rel=\"self\" type=\"application/atom+xml\" href=\"", options.self, "\"/>\n");
    if (!options.page.empty())
        append_text_element(out, "  <link rel=\"alternate\" type=\"text/html\" href=\"", options.page, "\"/>\n");
    for (const auto& [c, themes] : items) {
        out += "  <entry>\n";
        fmt::format_to(std::back_inserter(out), "    <id>{}</id>\n", ids.entry(c->event));
        std::string title(change_label(c->kind));
        if (!title.empty())
            title[0] = static_cast<char>(title[0] - 'a' + 'A');
        append_text_element(out, "    <title type=\"text\">", fmt::format("{}: {}", title, c->title), "</title>\n");
        fmt::format_to(std::back_inserter(out), "    <updated>{}</updated>\n", rfc3339(c->at));
        std::string link = options.link ? options.link(*c) : std::string();
        if (link.empty())
            link = c->url;
        if (!link.empty())
            append_text_element(out, "    <link rel=\"alternate\" href=\"", link, "\"/>\n");
        for (const auto theme : themes)
            append_text_element(out, "    <category term=\"", theme, "\"/>\n");
        std::string text = sentence(*c);
        if (!themes.empty())
            text += fmt::format(" {}: {}.", themes.size() == 1 ? "Thema" : "Thema's", fmt::join(themes, ", "));
        append_text_element(out, "    <content type=\"text\">", text, "</content>\n");
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
} catch (...) {
    rethrow_at_edge(library);
}

} // namespace kennis
