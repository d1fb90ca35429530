#pragma once

#include <atomic>
#include <condition_variable>
#include <httplib.h>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace kennis::test {

// An HTTP server on 127.0.0.1 inside the test process, with handlers each test scripts. It
// counts requests per path, and its `hold` lets a handler stall until the server stops.
class TestServer {
public:
    TestServer() {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
            std::lock_guard lock(m_mutex);
            ++m_hits[req.path];
            return httplib::Server::HandlerResponse::Unhandled;
        });
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }

    ~TestServer() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_wake.notify_all();
        m_server.stop();
        m_thread.join();
    }

    httplib::Server& server() { return m_server; }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    int port() const { return m_port; }

    int hits(const std::string& path) {
        std::lock_guard lock(m_mutex);
        return m_hits[path];
    }

    // Blocks a handler until the server stops or `seconds` pass: a server that went quiet.
    void hold(double seconds) {
        std::unique_lock lock(m_mutex);
        m_wake.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return m_stopping; });
    }

private:
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::map<std::string, int> m_hits;
};

} // namespace kennis::test
