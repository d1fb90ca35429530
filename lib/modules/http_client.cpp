#include "fetch/http_client.hpp"

#include <algorithm>
#include <curl/curl.h>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace {

using namespace kennis::http_module;

struct EasyDeleter {
    void operator()(CURL* e) const noexcept { curl_easy_cleanup(e); }
};
struct MultiDeleter {
    void operator()(CURLM* m) const noexcept { curl_multi_cleanup(m); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const noexcept { curl_slist_free_all(l); }
};

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* receiver) {
    return static_cast<Receiver*>(receiver)->header({data, size * n}) ? size * n : 0;
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* receiver) {
    return static_cast<Receiver*>(receiver)->body({data, size * n}) ? size * n : 0;
}

Transport transport_of(CURLcode code) {
    switch (code) {
    case CURLE_OK:
        return Transport::ok;
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
        return Transport::transient;
    default:
        return Transport::fatal;
    }
}

class CurlClient final : public Client {
public:
    explicit CurlClient(const Settings& settings) : m_settings(settings) {
        static const CURLcode global = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (global != CURLE_OK)
            throw std::runtime_error(std::string("cannot start libcurl: ") + curl_easy_strerror(global));
        m_multi.reset(curl_multi_init());
        if (!m_multi)
            throw std::runtime_error("cannot start libcurl");
        curl_multi_setopt(m_multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS, std::clamp(m_settings.per_host, 1L, 8L));
        curl_multi_setopt(m_multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS, std::max(m_settings.connections, 1L));
    }

    ~CurlClient() override {
        for (auto& [easy, transfer] : m_transfers)
            curl_multi_remove_handle(m_multi.get(), easy);
    }

    void start(const std::string& url, const std::vector<std::string>& headers, Receiver& receiver) override {
        auto transfer = std::make_unique<Transfer>();
        transfer->easy.reset(curl_easy_init());
        if (!transfer->easy)
            throw std::runtime_error("cannot start a transfer");
        CURL* e = transfer->easy.get();
        transfer->receiver = &receiver;
        curl_easy_setopt(e, CURLOPT_URL, url.c_str());
        curl_easy_setopt(e, CURLOPT_ERRORBUFFER, transfer->error);
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, &receiver);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, &receiver);
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(e, CURLOPT_MAXREDIRS, m_settings.max_redirects);
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, m_settings.connect_timeout);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, m_settings.low_speed_limit);
        curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, m_settings.low_speed_time);
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(e, CURLOPT_USERAGENT, m_settings.user_agent.c_str());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        // Larger reads mean fewer system calls and callbacks per megabyte, as the curl tool does.
        curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 256L * 1024);
        for (const auto& header : headers) {
            curl_slist* list = curl_slist_append(transfer->headers.get(), header.c_str()); // the same list, longer
            if (!list)
                throw std::runtime_error("cannot start a transfer");
            if (!transfer->headers)
                transfer->headers.reset(list);
        }
        if (transfer->headers)
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, transfer->headers.get());
        if (curl_multi_add_handle(m_multi.get(), e) != CURLM_OK)
            throw std::runtime_error("cannot start a transfer");
        m_transfers.emplace(e, std::move(transfer));
    }

    std::vector<Ended> perform() override {
        int running = 0;
        curl_multi_perform(m_multi.get(), &running);
        std::vector<Ended> ended;
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(m_multi.get(), &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            const auto it = m_transfers.find(msg->easy_handle);
            if (it == m_transfers.end())
                continue;
            const Transfer& t = *it->second;
            const CURLcode code = msg->data.result;
            Ended e{t.receiver, transport_of(code), {}, {}};
            if (code != CURLE_OK)
                e.error = t.error[0] ? t.error : curl_easy_strerror(code);
            char* effective = nullptr;
            if (curl_easy_getinfo(msg->easy_handle, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
                e.url = effective;
            curl_multi_remove_handle(m_multi.get(), msg->easy_handle);
            m_transfers.erase(it);
            ended.push_back(std::move(e));
        }
        return ended;
    }

    void poll(int timeout_ms) override { curl_multi_poll(m_multi.get(), nullptr, 0, timeout_ms, nullptr); }

    void wake() override { curl_multi_wakeup(m_multi.get()); }

private:
    struct Transfer {
        std::unique_ptr<CURL, EasyDeleter> easy;
        std::unique_ptr<curl_slist, SlistDeleter> headers;
        Receiver* receiver = nullptr;
        char error[CURL_ERROR_SIZE] = {};
    };

    Settings m_settings;
    std::unique_ptr<CURLM, MultiDeleter> m_multi; // declared first: cleaned up after the transfers
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> m_transfers;
};

} // namespace

extern "C" __attribute__((visibility("default"))) Client* kennis_http_client(const Settings& settings) {
    return new CurlClient(settings);
}
