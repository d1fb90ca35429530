// The kennis a module belongs to. A module is loaded long after the program started, and a
// package upgrade in between can put another kennis's module in its place; the loader
// (src/library/modules.cpp) refuses one whose version is not the program's.
extern "C" __attribute__((visibility("default"))) const char kennis_module_version[] = KENNIS_VERSION;
