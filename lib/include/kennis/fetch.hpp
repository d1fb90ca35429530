#pragma once

#include "kennis/library.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kennis {

struct NetworkOptions {
    long connect_timeout = 30; // seconds to connect
    long stall_timeout = 60;   // seconds below 1 KiB/s before a transfer is given up
    int retries = 3;           // further attempts after a transient failure (5xx, 429, timeouts)
    double backoff_seconds = 1.0;  // the first wait before a retry; it doubles, with jitter
    double max_retry_after = 300;  // a server's Retry-After is honoured up to this many seconds
};

// When pages of a PDF are read by OCR: those with (almost) no text layer, none, or every page.
enum class OcrMode { automatic, never, always };

OcrMode parse_ocr_mode(std::string_view text); // auto, never, always; throws UsageError

struct FetchOptions {
    enum class Mode {
        missing, // documents with a URL and no stored file (the default)
        all,     // every active document with a URL, asking the server only for changes
        refresh, // every active document with a URL, downloaded again in full
    };
    std::vector<std::string> documents; // DOC arguments; when given, only these (any mode)
    Mode mode = Mode::missing;
    int jobs = 4;
    std::int64_t max_size = std::int64_t{1} << 30;
    NetworkOptions network;
    // MIME types kept beyond the documents kennis keeps by default (application/zip, …): set by an
    // administrator in the config file, never by anything a page sends.
    std::vector<std::string> allow_types;
    OcrMode ocr = OcrMode::automatic;
    int ocr_page_seconds = 120; // a page that OCR has not read in this time is given up
};

struct FetchFailure {
    std::int64_t id = 0;
    std::string url;
    std::string error;
};

struct MergeNote {
    std::int64_t id = 0;   // the document that was folded in …
    std::int64_t into = 0; // … into this one …
    std::string title;
    std::string reason;    // … because of this: "same bytes" or "same text"
};

struct FetchReport {
    std::size_t requested = 0;
    std::size_t downloaded = 0;   // new bytes stored (a new document file or a new version)
    std::size_t unchanged = 0;    // downloaded again, same bytes as before
    std::size_t not_modified = 0; // the server answered 304
    std::vector<MergeNote> merged;
    std::vector<FetchFailure> failed;
};

// Downloads, stores, extracts text, records versions and merges documents with identical bytes.
// Takes the writer lock. Each finished download is committed on its own, so an interrupted run
// keeps what it finished.
FetchReport fetch(Library& library, const FetchOptions& options);

} // namespace kennis
