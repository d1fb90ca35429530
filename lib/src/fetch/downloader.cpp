#include "fetch/downloader.hpp"

#include "fetch/document_type.hpp"
#include "kennis/version.hpp"
#include "util/mime.hpp"
#include "library/modules.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <fmt/format.h>
#include <random>
#include <thread>

namespace kennis {
namespace {

using Clock = std::chrono::steady_clock;
using http_module::Transport;

constexpr std::size_t sniff_bytes = 1024;
// A real server's headers, across a few redirects, are a few KiB; more is a server to leave.
constexpr std::size_t max_header_bytes = 256 * 1024;
// The body of an error answer is not kept; past this much it is not read either.
constexpr std::int64_t max_error_body = 1024 * 1024;

bool iequals_prefix(std::string_view line, std::string_view name) {
    if (line.size() < name.size())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != name[i])
            return false;
    return true;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' '))
        s.remove_suffix(1);
    return std::string(s);
}

std::string human_size(std::int64_t bytes) {
    if (bytes >= (std::int64_t{1} << 30) && bytes % (std::int64_t{1} << 30) == 0)
        return fmt::format("{} GiB", bytes >> 30);
    if (bytes >= (std::int64_t{1} << 20))
        return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
    return fmt::format("{} bytes", bytes);
}

// One attempt at one request.
struct Transfer final : http_module::Receiver {
    DownloadRequest request;
    int attempts = 0;
    std::optional<TempFile> file;
    std::int64_t received = 0;
    std::string head;
    long status = 0;
    std::optional<std::string> etag;
    std::optional<std::string> last_modified;
    std::string content_type;
    std::optional<std::string> retry_after;
    bool too_large = false;
    std::size_t header_bytes = 0; // over every response of this attempt, redirects included
    std::int64_t dropped = 0;     // of an error page's body
    std::string write_error;
    const Store* store = nullptr;
    std::int64_t max_size = 0;

    void reset_response() {
        status = 0;
        etag.reset();
        last_modified.reset();
        content_type.clear();
        retry_after.reset();
    }

    bool header(std::string_view line) override {
        header_bytes += line.size();
        if (header_bytes > max_header_bytes) {
            write_error = fmt::format("the server sent more than {} of headers", human_size(max_header_bytes));
            return false;
        }
        if (line.starts_with("HTTP/")) {
            // A new response (after a redirect or a 100 Continue): forget the previous headers.
            reset_response();
            const auto sp = line.find(' ');
            if (sp != std::string_view::npos)
                status = std::strtol(std::string(line.substr(sp + 1, 3)).c_str(), nullptr, 10);
        } else if (iequals_prefix(line, "etag:")) {
            etag = trimmed(line.substr(5));
        } else if (iequals_prefix(line, "last-modified:")) {
            last_modified = trimmed(line.substr(14));
        } else if (iequals_prefix(line, "content-type:")) {
            content_type = trimmed(line.substr(13));
        } else if (iequals_prefix(line, "retry-after:")) {
            retry_after = trimmed(line.substr(12));
        } else if (iequals_prefix(line, "content-length:") && status >= 200 && status < 300) {
            const auto length = std::strtoll(trimmed(line.substr(15)).c_str(), nullptr, 10);
            if (length > max_size) {
                too_large = true;
                return false; // refuse the body before it is sent
            }
        }
        return true;
    }

    bool body(std::string_view bytes) override {
        if (status < 200 || status >= 300) {
            // An error page is read and dropped, but not for ever.
            dropped += static_cast<std::int64_t>(bytes.size());
            return dropped <= max_error_body;
        }
        if (received + static_cast<std::int64_t>(bytes.size()) > max_size) {
            too_large = true;
            return false;
        }
        try {
            if (!file)
                file.emplace(store->create_temp());
            file->write(bytes);
        } catch (const std::exception& e) {
            write_error = e.what();
            return false;
        }
        if (head.size() < sniff_bytes)
            head.append(bytes.substr(0, sniff_bytes - head.size()));
        received += static_cast<std::int64_t>(bytes.size());
        return true;
    }
};

// The HTTP module's client: libcurl is loaded with the first one.
std::unique_ptr<http_module::Client> make_client(const DownloadOptions& o) {
    static const auto make = reinterpret_cast<http_module::MakeClient>(module_entry("kennis-http.so", http_module::entry_point));
    return std::unique_ptr<http_module::Client>(make({std::clamp(o.per_host, 1, 8), std::max(o.jobs, 1), o.max_redirects,
                                                      o.connect_timeout, o.low_speed_limit, o.low_speed_time, o.user_agent}));
}

} // namespace

DownloadOptions make_download_options(const NetworkOptions& network, int jobs, std::int64_t max_size) {
    DownloadOptions f;
    f.jobs = std::max(1, jobs);
    f.per_host = std::min(8, f.jobs);
    f.max_size = max_size;
    f.connect_timeout = network.connect_timeout;
    f.low_speed_time = network.stall_timeout;
    f.retry.max_attempts = 1 + std::max(0, network.retries);
    f.retry.base_seconds = network.backoff_seconds;
    f.retry.max_retry_after = network.max_retry_after;
    f.user_agent = std::string("kennis/") + version();
    return f;
}

struct Downloader::Impl {
    const Store& store;
    DownloadOptions options;
    std::unique_ptr<http_module::Client> client;
    std::mt19937_64 random{std::random_device{}()};

    Impl(const Store& s, DownloadOptions o) : store(s), options(std::move(o)), client(make_client(options)) {}

    void start(Transfer& t) {
        ++t.attempts;
        t.file.reset();
        t.received = 0;
        t.head.clear();
        t.too_large = false;
        t.write_error.clear();
        t.header_bytes = 0;
        t.dropped = 0;
        t.reset_response();
        t.store = &store;
        t.max_size = options.max_size;
        std::vector<std::string> headers;
        if (t.request.etag)
            headers.push_back("If-None-Match: " + *t.request.etag);
        if (t.request.last_modified)
            headers.push_back("If-Modified-Since: " + *t.request.last_modified);
        client->start(t.request.url, headers, t);
    }

    // What the finished attempt means; nullopt when it should be tried again.
    std::optional<DownloadResult> finish(Transfer& t, const http_module::Ended& ended, Clock::time_point& retry_at) {
        DownloadResult r;
        r.key = t.request.key;
        r.url = t.request.url;
        r.http_status = t.status;
        r.etag = t.etag;
        r.last_modified = t.last_modified;
        r.content_type = t.content_type;
        r.attempts = t.attempts;
        if (!ended.url.empty())
            r.url = ended.url;
        if (t.too_large) {
            // Pages have a fixed limit; only documents have --max-size.
            r.error = fmt::format("larger than the size limit of {}{}", human_size(options.max_size),
                                  t.request.expect_document ? " (--max-size)" : "");
            return r;
        }
        if (!t.write_error.empty()) {
            r.error = t.write_error;
            return r;
        }
        Transport transport = ended.transport;
        const bool ok_status = transport == Transport::ok && t.status >= 200 && t.status < 300;
        if (transport == Transport::ok && t.status == 304) {
            r.outcome = DownloadResult::Outcome::not_modified;
            return r;
        }
        if (ok_status) {
            r.mime = sniff_mime(t.head, t.content_type, r.url);
            if (t.request.expect_document && is_html_mime(r.mime) && !url_names_web_page(t.request.url)) {
                if (const auto script = script_in(t.head); !script.empty())
                    r.error = "refused: " + script;
                else
                    r.error = fmt::format("the server sent a web page instead of a document (HTTP {}, {})", t.status,
                                          t.content_type.empty() ? "text/html" : t.content_type);
                return r;
            }
            if (!t.file) {
                r.error = fmt::format("the server sent an empty body (HTTP {})", t.status);
                return r;
            }
            r.outcome = DownloadResult::Outcome::downloaded;
            r.size = t.received;
            r.file.emplace(std::move(*t.file));
            t.file.reset();
            return r;
        }
        // An error page cut short is still that error, not a transfer failure.
        if (t.dropped > max_error_body)
            transport = Transport::ok;
        const FailureKind kind = classify_failure(t.status, transport);
        r.error = transport != Transport::ok ? ended.error : fmt::format("HTTP {}", t.status);
        if (kind == FailureKind::not_found)
            r.error += " (not found)";
        else if (kind == FailureKind::unauthorized)
            r.error += " (access denied)";
        if (kind == FailureKind::transient && t.attempts < options.retry.max_attempts) {
            std::optional<double> retry_after;
            if (t.retry_after)
                retry_after = parse_retry_after(*t.retry_after, std::time(nullptr));
            const double jitter = std::uniform_real_distribution<double>(0.0, 1.0)(random);
            const double delay = backoff_delay(options.retry, t.attempts, retry_after, jitter);
            retry_at = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay));
            return std::nullopt;
        }
        if (t.attempts > 1)
            r.error += fmt::format(" after {} attempts", t.attempts);
        return r;
    }
};

Downloader::Downloader(const Store& store, DownloadOptions options)
    : m_impl(std::make_unique<Impl>(store, std::move(options))) {}

Downloader::~Downloader() = default;

void Downloader::wake() { m_impl->client->wake(); }

void Downloader::run(std::vector<DownloadRequest> requests, const std::function<void(DownloadResult&&)>& on_result,
                  const ProgressFn& progress, const std::function<void()>& on_wake) {
    auto& impl = *m_impl;
    std::vector<std::unique_ptr<Transfer>> transfers;
    std::deque<Transfer*> ready;
    std::vector<std::pair<Clock::time_point, Transfer*>> waiting;
    for (auto& r : requests) {
        transfers.push_back(std::make_unique<Transfer>());
        transfers.back()->request = std::move(r);
        ready.push_back(transfers.back().get());
    }
    const std::size_t total = transfers.size();
    std::size_t done = 0;
    int active = 0;
    const int jobs = std::max(1, impl.options.jobs);
    if (progress)
        progress({"fetch", 0, total});
    while (!ready.empty() || !waiting.empty() || active > 0) {
        const auto now = Clock::now();
        for (auto it = waiting.begin(); it != waiting.end();) {
            if (it->first <= now) {
                ready.push_back(it->second);
                it = waiting.erase(it);
            } else {
                ++it;
            }
        }
        while (active < jobs && !ready.empty()) {
            impl.start(*ready.front());
            ready.pop_front();
            ++active;
        }
        for (const auto& ended : impl.client->perform()) {
            auto* t = static_cast<Transfer*>(ended.receiver);
            --active;
            Clock::time_point retry_at;
            auto result = impl.finish(*t, ended, retry_at);
            if (!result) {
                waiting.emplace_back(retry_at, t);
                continue;
            }
            on_result(std::move(*result));
            ++done;
            if (progress)
                progress({"fetch", done, total});
        }
        if (active == 0 && ready.empty() && !waiting.empty()) {
            const auto next = std::min_element(waiting.begin(), waiting.end())->first;
            std::this_thread::sleep_until(std::min(next, Clock::now() + std::chrono::seconds(1)));
            continue;
        }
        if (active > 0) {
            int timeout_ms = 1000;
            if (!waiting.empty()) {
                const auto next = std::min_element(waiting.begin(), waiting.end())->first;
                timeout_ms = static_cast<int>(std::clamp<long long>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count(), 0, 1000));
            }
            impl.client->poll(timeout_ms);
        }
        if (on_wake)
            on_wake();
    }
}

} // namespace kennis
