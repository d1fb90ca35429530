#pragma once

#include <csignal>
#include <cstdio>
#include <functional>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace kennis::test {

// Runs the kennis binary as a child process, so it can be killed, limited or raced like a real
// run. `prepare` runs in the child before exec (to set a resource limit, say).
inline pid_t spawn_kennis(const std::vector<std::string>& args, const std::function<void()>& prepare = {}) {
    std::vector<char*> argv;
    std::string bin = KENNIS_BIN;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::fflush(stdout); // or the child would write out this process's buffered output
    std::fflush(stderr);
    const pid_t pid = fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        if (prepare)
            prepare();
        execv(bin.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

// The exit code, or 128 + the signal that ended it.
inline int wait_exit(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace kennis::test
