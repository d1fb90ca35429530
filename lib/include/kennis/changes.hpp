#pragma once

#include "kennis/library.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kennis {

// One thing that happened to a document: added, reinstated, withdrawn, new_version, theme_added,
// theme_removed, merged or unmerged.
struct ChangeEvent {
    std::int64_t id = 0; // the document
    std::string slug;
    std::string title;
    std::string kind;
    std::string detail; // the source, the new file's SHA-256, the document merged in; may be empty
    std::string at;     // ISO 8601 UTC
    std::int64_t event = 0; // the event's own number: the same in every report that shows it
    std::string url;        // where the document is downloaded from; empty when it has no address
};

struct ThemeChanges {
    std::string theme; // empty for documents under no theme
    std::vector<ChangeEvent> changes;
};

struct ChangesReport {
    std::string since;      // ISO 8601; empty when nothing was ever synced
    std::size_t events = 0; // each change once, however many themes show it
    std::vector<ThemeChanges> themes;
};

// What changed since `since` (YYYY-MM-DD or an ISO 8601 time), or else since the start of the last
// sync (that sync and whatever ran after it, such as its fetch), grouped per theme: a document
// appears under each theme it is in. A new document's themes are part of its being added.
ChangesReport list_changes(Library& library, const std::optional<std::string>& since);

// What a colleague reads for a kind of change, in Dutch: "nieuw", "nieuwe versie", "ingetrokken".
std::string_view change_label(std::string_view kind);

// An Atom 1.0 feed of the changes, newest first: one entry per document added, reinstated, given a
// new version or withdrawn (moves between themes are left to the pages). An entry's id is made of
// the library and the event, so that a feed reader sees the same event once however often the
// feed is written, and each new version as news of its own. It holds the newest 200 entries.
struct FeedOptions {
    std::string key;  // what this feed is, in the library: two feeds of one library differ in it
    std::string self; // the feed's own address, as its readers reach it; may be empty
    std::string page; // the page with the same news (WAT-IS-NIEUW.html); may be empty
    // Where an entry's document opens, as a URL relative to the feed; when it returns nothing,
    // the entry links to the document's download address.
    std::function<std::string(const ChangeEvent&)> link;
};
std::string changes_atom(Library& library, const ChangesReport& changes, const FeedOptions& options);

// The changes as an e-mail for `sendmail -t`: a MIME message with a plain-text and an HTML part,
// whose subject counts the changes. Empty when nothing changed, so that a nightly job sends no
// empty mail. Throws UsageError for an address that cannot stand in a mail header.
struct MailOptions {
    std::vector<std::string> to; // "lpa@gemeente.nl" or "Team Leerplicht <lpa@gemeente.nl>"
    std::string from;            // empty: the mail system fills it in
};
std::string changes_mail(Library& library, const ChangesReport& changes, const MailOptions& options);

} // namespace kennis
