#include "fetcher.hpp"

#include "kennis/version.hpp"
#include "mime.hpp"

#include <algorithm>
#include <chrono>
#include <curl/curl.h>
#include <deque>
#include <fmt/format.h>
#include <random>
#include <stdexcept>
#include <thread>

namespace kennis {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t sniff_bytes = 1024;
// A real server's headers, across a few redirects, are a few KiB; more is a server to leave.
constexpr std::size_t max_header_bytes = 256 * 1024;
// The body of an error answer is not kept; past this much it is not read either.
constexpr std::int64_t max_error_body = 1024 * 1024;

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

struct EasyDeleter {
    void operator()(CURL* e) const noexcept { curl_easy_cleanup(e); }
};
struct MultiDeleter {
    void operator()(CURLM* m) const noexcept { curl_multi_cleanup(m); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};

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
struct Transfer {
    FetchRequest request;
    int attempts = 0;
    std::unique_ptr<CURL, EasyDeleter> easy;
    std::unique_ptr<curl_slist, SlistDeleter> headers;
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
    char errbuf[CURL_ERROR_SIZE] = {};

    void reset_response() {
        status = 0;
        etag.reset();
        last_modified.reset();
        content_type.clear();
        retry_after.reset();
    }

    static std::size_t on_header(char* data, std::size_t size, std::size_t n, void* self) {
        auto& t = *static_cast<Transfer*>(self);
        const std::string_view line(data, size * n);
        t.header_bytes += line.size();
        if (t.header_bytes > max_header_bytes) {
            t.write_error = fmt::format("the server sent more than {} of headers", human_size(max_header_bytes));
            return 0;
        }
        if (line.starts_with("HTTP/")) {
            // A new response (after a redirect or a 100 Continue): forget the previous headers.
            t.reset_response();
            const auto sp = line.find(' ');
            if (sp != std::string_view::npos)
                t.status = std::strtol(std::string(line.substr(sp + 1, 3)).c_str(), nullptr, 10);
        } else if (iequals_prefix(line, "etag:")) {
            t.etag = trimmed(line.substr(5));
        } else if (iequals_prefix(line, "last-modified:")) {
            t.last_modified = trimmed(line.substr(14));
        } else if (iequals_prefix(line, "content-type:")) {
            t.content_type = trimmed(line.substr(13));
        } else if (iequals_prefix(line, "retry-after:")) {
            t.retry_after = trimmed(line.substr(12));
        } else if (iequals_prefix(line, "content-length:") && t.status >= 200 && t.status < 300) {
            const auto length = std::strtoll(trimmed(line.substr(15)).c_str(), nullptr, 10);
            if (length > t.max_size) {
                t.too_large = true;
                return 0; // refuse the body before it is sent
            }
        }
        return size * n;
    }

    static std::size_t on_body(char* data, std::size_t size, std::size_t n, void* self) {
        auto& t = *static_cast<Transfer*>(self);
        const std::string_view bytes(data, size * n);
        if (t.status < 200 || t.status >= 300) {
            // An error page is read and dropped, but not for ever.
            t.dropped += static_cast<std::int64_t>(bytes.size());
            return t.dropped > max_error_body ? 0 : bytes.size();
        }
        if (t.received + static_cast<std::int64_t>(bytes.size()) > t.max_size) {
            t.too_large = true;
            return 0;
        }
        try {
            if (!t.file)
                t.file.emplace(t.store->create_temp());
            t.file->write(bytes);
        } catch (const std::exception& e) {
            t.write_error = e.what();
            return 0;
        }
        if (t.head.size() < sniff_bytes)
            t.head.append(bytes.substr(0, sniff_bytes - t.head.size()));
        t.received += static_cast<std::int64_t>(bytes.size());
        return bytes.size();
    }
};

} // namespace

FetcherOptions make_fetcher_options(const NetworkOptions& network, int jobs, std::int64_t max_size) {
    FetcherOptions f;
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

struct Fetcher::Impl {
    const Store& store;
    FetcherOptions options;
    std::unique_ptr<CURLM, MultiDeleter> multi;
    std::mt19937_64 random{std::random_device{}()};

    Impl(const Store& s, FetcherOptions o) : store(s), options(std::move(o)) {
        static CurlGlobal global;
        multi.reset(curl_multi_init());
        if (!multi)
            throw std::runtime_error("cannot start libcurl");
        curl_multi_setopt(multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(std::clamp(options.per_host, 1, 8)));
        curl_multi_setopt(multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(std::max(options.jobs, 1)));
    }

    void start(Transfer& t) {
        t.easy.reset(curl_easy_init());
        if (!t.easy)
            throw std::runtime_error("cannot start a transfer");
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
        t.errbuf[0] = '\0';
        CURL* e = t.easy.get();
        curl_easy_setopt(e, CURLOPT_URL, t.request.url.c_str());
        curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errbuf);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::on_body);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(e, CURLOPT_MAXREDIRS, options.max_redirects);
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, options.connect_timeout);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_limit);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, options.low_speed_time);
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        // Larger reads mean fewer system calls and callbacks per megabyte, as the curl tool does.
        curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 256L * 1024);
        curl_slist* list = nullptr;
        if (t.request.etag)
            list = curl_slist_append(list, ("If-None-Match: " + *t.request.etag).c_str());
        if (t.request.last_modified)
            list = curl_slist_append(list, ("If-Modified-Since: " + *t.request.last_modified).c_str());
        t.headers.reset(list);
        if (list)
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
        curl_multi_add_handle(multi.get(), e);
    }

    // What the finished attempt means; nullopt when it should be tried again.
    std::optional<FetchResult> finish(Transfer& t, CURLcode code, Clock::time_point& retry_at) {
        curl_multi_remove_handle(multi.get(), t.easy.get());
        FetchResult r;
        r.key = t.request.key;
        r.url = t.request.url;
        r.http_status = t.status;
        r.etag = t.etag;
        r.last_modified = t.last_modified;
        r.content_type = t.content_type;
        r.attempts = t.attempts;
        char* effective = nullptr;
        if (curl_easy_getinfo(t.easy.get(), CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
            r.url = effective;
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
        const bool ok_status = code == CURLE_OK && t.status >= 200 && t.status < 300;
        if (code == CURLE_OK && t.status == 304) {
            r.outcome = FetchResult::Outcome::not_modified;
            return r;
        }
        if (ok_status) {
            r.mime = sniff_mime(t.head, t.content_type, r.url);
            if (t.request.expect_document && is_html_mime(r.mime) && !url_names_web_page(t.request.url)) {
                r.error = fmt::format("the server sent a web page instead of a document (HTTP {}, {})", t.status,
                                      t.content_type.empty() ? "text/html" : t.content_type);
                return r;
            }
            if (!t.file) {
                r.error = fmt::format("the server sent an empty body (HTTP {})", t.status);
                return r;
            }
            r.outcome = FetchResult::Outcome::downloaded;
            r.size = t.received;
            r.file.emplace(std::move(*t.file));
            t.file.reset();
            return r;
        }
        // An error page cut short is still that error, not a transfer failure.
        if (t.dropped > max_error_body)
            code = CURLE_OK;
        const FailureKind kind = classify_failure(t.status, code);
        r.error = code != CURLE_OK ? (t.errbuf[0] ? std::string(t.errbuf) : curl_easy_strerror(code))
                                   : fmt::format("HTTP {}", t.status);
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

Fetcher::Fetcher(const Store& store, FetcherOptions options)
    : m_impl(std::make_unique<Impl>(store, std::move(options))) {}

Fetcher::~Fetcher() = default;

void Fetcher::wake() { curl_multi_wakeup(m_impl->multi.get()); }

void Fetcher::run(std::vector<FetchRequest> requests, const std::function<void(FetchResult&&)>& on_result,
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
        int running = 0;
        curl_multi_perform(impl.multi.get(), &running);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(impl.multi.get(), &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
            const CURLcode code = msg->data.result;
            --active;
            Clock::time_point retry_at;
            auto result = impl.finish(*t, code, retry_at);
            t->easy.reset();
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
            curl_multi_poll(impl.multi.get(), nullptr, 0, timeout_ms, nullptr);
        }
        if (on_wake)
            on_wake();
    }
}

} // namespace kennis
