#include "util/worker_pool.hpp"

#include <atomic>
#include <gtest/gtest.h>

using namespace kennis;

TEST(WorkerPool, EveryTaskRunsBeforeThePoolIsGone) {
    std::atomic<int> done = 0;
    {
        WorkerPool pool(3);
        for (int i = 0; i < 1000; ++i)
            pool.submit([&done] { ++done; });
    }
    EXPECT_EQ(done, 1000);
}

TEST(WorkerPool, TasksRunOnOtherThreads) {
    std::atomic<bool> elsewhere = false;
    const auto caller = std::this_thread::get_id();
    {
        WorkerPool pool(1);
        pool.submit([&] { elsewhere = std::this_thread::get_id() != caller; });
    }
    EXPECT_TRUE(elsewhere);
}
