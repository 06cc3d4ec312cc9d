// Bench 4c's C++ framework (bench/lifecycles.js): driver_bench <master> lifecycles <n> <task.pb>
#pragma once

#include <cstddef>
#include <string>

int runLifecycles(const std::string& master, size_t n, const std::string& taskFile);
