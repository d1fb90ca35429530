#pragma once

#include <string>
#include <string_view>
#include <vector>

// The interface of the HTTP module (kennis-http.so), the one part of kennis that uses libcurl.
// It is loaded by the first command that goes on the network: libcurl and the two dozen
// libraries it needs (TLS, Kerberos, LDAP, SSH, IDN) would otherwise be loaded, at several
// milliseconds, by every command, and most commands never go on the network.
namespace kennis::http_module {

// Where a transfer's response goes, on the thread that runs the client.
class Receiver {
public:
    // One header line, with its line end; false ends the transfer.
    virtual bool header(std::string_view line) = 0;
    // The next bytes of the body; false ends the transfer.
    virtual bool body(std::string_view bytes) = 0;

protected:
    ~Receiver() = default;
};

struct Settings {
    long per_host = 8;     // connections to one host at most
    long connections = 4;  // connections at most
    long max_redirects = 5;
    long connect_timeout = 30;   // seconds
    long low_speed_limit = 1024; // bytes per second …
    long low_speed_time = 60;    // … for this many seconds ends a stalled transfer
    std::string user_agent;
};

// How a transfer went, apart from the HTTP status its response had.
enum class Transport {
    ok,        // a response was read to its end
    transient, // a timeout, a refused or reset connection, a body cut short: worth another try
    fatal,     // anything else, a receiver that ended it included
};

struct Ended {
    Receiver* receiver = nullptr;
    Transport transport = Transport::fatal;
    std::string error; // not ok: why, in words
    std::string url;   // the URL the response came from, after redirects
};

// Transfers over http and https only (also after redirects), with TLS verified, compressed
// bodies decoded and proxies taken from the environment, several at once.
class Client {
public:
    virtual ~Client() = default;
    // Starts a transfer of `url` with these extra header lines, for `receiver`.
    virtual void start(const std::string& url, const std::vector<std::string>& headers, Receiver& receiver) = 0;
    // Moves every transfer on as far as it goes without waiting; those that ended.
    virtual std::vector<Ended> perform() = 0;
    // Waits at most `timeout_ms` for network activity, or for wake().
    virtual void poll(int timeout_ms) = 0;
    // Ends a poll() now; safe from any thread.
    virtual void wake() = 0;
};

// The module's one entry point, by this name; the type it has. Throws when libcurl cannot start.
inline constexpr const char* entry_point = "kennis_http_client";
using MakeClient = Client* (*)(const Settings& settings);

} // namespace kennis::http_module
