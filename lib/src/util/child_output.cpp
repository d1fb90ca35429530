#include "child_output.hpp"

#include "unique_fd.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kennis {

ChildOutput run_for_output(const std::vector<std::string>& argv, std::chrono::milliseconds limit, std::size_t max_bytes) {
    ChildOutput result;
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
        result.why = std::strerror(errno);
        return result;
    }
    UniqueFd read_end(pipe_fds[0]);
    UniqueFd write_end(pipe_fds[1]);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, write_end.get(), STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    std::vector<char*> args;
    std::vector<std::string> copy = argv;
    for (auto& a : copy)
        args.push_back(a.data());
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    write_end = UniqueFd();
    if (spawned != 0) {
        result.why = argv[0] + " cannot be run (" + std::strerror(spawned) + ")";
        return result;
    }
    const auto deadline = std::chrono::steady_clock::now() + limit;
    char buffer[1 << 16];
    bool killed = false;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
        pollfd p{read_end.get(), POLLIN, 0};
        if (left <= 0 || ::poll(&p, 1, static_cast<int>(left)) == 0) {
            result.why = argv[0] + " took too long";
            killed = true;
            break;
        }
        const ssize_t n = ::read(read_end.get(), buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        result.out.append(buffer, static_cast<std::size_t>(n));
        if (result.out.size() > max_bytes) {
            result.why = argv[0] + " wrote too much";
            killed = true;
            break;
        }
    }
    if (killed)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!killed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        result.why = argv[0] + " could not read it";
    result.complete = result.why.empty();
    return result;
}

} // namespace kennis
