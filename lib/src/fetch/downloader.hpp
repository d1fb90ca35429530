#pragma once

#include "fetch/backoff.hpp"
#include "kennis/fetch.hpp"
#include "kennis/library.hpp"
#include "catalogue/store.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kennis {

struct DownloadOptions {
    int jobs = 4;          // transfers at once
    int per_host = 8;      // connections to one host at most
    std::int64_t max_size = std::int64_t{1} << 30;
    long connect_timeout = 30;   // seconds
    long low_speed_limit = 1024; // bytes per second …
    long low_speed_time = 60;    // … for this many seconds ends a stalled transfer
    long max_redirects = 5;
    RetryPolicy retry;
    std::string user_agent;
};

DownloadOptions make_download_options(const NetworkOptions& network, int jobs, std::int64_t max_size);

struct DownloadRequest {
    std::size_t key = 0; // the caller's handle on this request
    std::string url;
    std::optional<std::string> etag;          // sent as If-None-Match
    std::optional<std::string> last_modified; // sent as If-Modified-Since
    bool expect_document = true; // a web page in answer is then a failure, not a document
};

struct DownloadResult {
    enum class Outcome { downloaded, not_modified, failed };
    std::size_t key = 0;
    Outcome outcome = Outcome::failed;
    long http_status = 0;
    std::string url;
    std::optional<std::string> etag;
    std::optional<std::string> last_modified;
    std::string content_type;
    std::optional<TempFile> file; // downloaded: all bytes written, not yet synced, hashed nor in the store
    std::int64_t size = 0;
    std::string mime;
    std::string error; // failed: why, in words
    int attempts = 0;
};

// Runs HTTP transfers through the HTTP module (libcurl's multi interface): parallel,
// conditional, size-capped, and retried with backoff on transient failures only. Bodies stream
// into temp files; hashing them is left to the caller, off the thread that keeps every transfer
// moving.
class Downloader {
public:
    Downloader(const Store& store, DownloadOptions options);
    ~Downloader();
    Downloader(const Downloader&) = delete;
    Downloader& operator=(const Downloader&) = delete;

    // `on_result` is called on this thread as each request ends, while others still transfer;
    // `on_wake` after every wait, so work finished elsewhere can be picked up on this thread.
    void run(std::vector<DownloadRequest> requests, const std::function<void(DownloadResult&&)>& on_result,
             const ProgressFn& progress = {}, const std::function<void()>& on_wake = {});

    // Interrupts the wait for network activity in run(); safe from any thread.
    void wake();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kennis
