#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace kennis::bench {

struct RunResult {
    double seconds = 0;
    long max_rss_kib = 0;
    double cpu_seconds = 0; // user + system
    int exit_code = 0;
};

// Runs a program to completion with stdout and stderr discarded; times it and reads its peak RSS.
// Started with posix_spawn, which does not copy this process's page tables as fork() does: a
// benchmark holding a catalogue of 100 000 documents in memory took 8 ms to fork.
// With `watch_memory`, its peak RSS is read from /proc while it runs (VmHWM, which a new program
// starts afresh), every 5 ms, which delays noticing its end by as much: the kernel's own count
// (ru_maxrss) includes this process's memory, which a child made with posix_spawn shares until it
// executes its program.
inline RunResult run(const std::vector<std::string>& args, bool watch_memory = false) {
    std::vector<char*> argv;
    std::vector<std::string> copy = args;
    for (auto& a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::fflush(stdout);
    std::fflush(stderr);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw std::runtime_error("cannot start " + args.front() + ": " + std::strerror(spawned));
    int status = 0;
    struct rusage usage {};
    long peak_kib = 0;
    const std::string status_file = "/proc/" + std::to_string(pid) + "/status";
    bool reaped = false;
    while (watch_memory && !(reaped = wait4(pid, &status, WNOHANG, &usage) == pid)) {
        std::ifstream in(status_file);
        for (std::string line; std::getline(in, line);)
            if (line.starts_with("VmHWM:"))
                peak_kib = std::max(peak_kib, std::stol(line.substr(6)));
        ::usleep(5000);
    }
    if (!reaped)
        wait4(pid, &status, 0, &usage);
    RunResult r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.max_rss_kib = peak_kib > 0 ? peak_kib : usage.ru_maxrss;
    const auto secs = [](const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; };
    r.cpu_seconds = secs(usage.ru_utime) + secs(usage.ru_stime);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

// The seconds `args` took; throws when it did not exit 0.
inline double timed(const std::vector<std::string>& args) {
    const RunResult r = run(args);
    if (r.exit_code != 0) {
        std::string command;
        for (const auto& a : args)
            command += (command.empty() ? "" : " ") + a;
        throw std::runtime_error(command + " exited with " + std::to_string(r.exit_code));
    }
    return r.seconds;
}

// Adds one case to the results file that `make bench` names in KENNIS_BENCH_RESULTS (nothing when
// it names none): {"cases": [{"name", "kennis_s", "reference", "reference_s", "ratio", "target"}]},
// the ratio always kennis's time over the reference's; a case that explains another, rather than
// being held to a target of its own, has the target null.
inline void record(const std::string& name, double kennis_s, const std::string& reference, double reference_s,
                   std::optional<double> target) {
    const char* file = std::getenv("KENNIS_BENCH_RESULTS");
    if (!file || !*file)
        return;
    nlohmann::ordered_json results{{"cases", nlohmann::ordered_json::array()}};
    if (std::ifstream in(file); in)
        results = nlohmann::ordered_json::parse(in, nullptr, false);
    if (results.is_discarded() || !results.contains("cases"))
        results = {{"cases", nlohmann::ordered_json::array()}};
    results["cases"].push_back({{"name", name},
                                {"kennis_s", kennis_s},
                                {"reference", reference},
                                {"reference_s", reference_s},
                                {"ratio", kennis_s / reference_s},
                                {"target", target ? nlohmann::ordered_json(*target) : nlohmann::ordered_json()}});
    const std::string temp = std::string(file) + ".part";
    std::ofstream(temp) << results.dump(2) << '\n';
    std::filesystem::rename(temp, file);
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

} // namespace kennis::bench
