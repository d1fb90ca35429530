# The two commands of the README: `make demo` and `make test`. Both install what they need first.
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
JOBS ?= 2
BUILD ?= build
ASAN_BUILD ?= build-asan
KENNIS := $(BUILD)/cli/kennis
DEMO_HOME := $(BUILD)/demo-home

# Debian packages the build, the tests and the man page checks need.
DEB_PACKAGES := build-essential cmake pkg-config git ca-certificates \
	libcli11-dev libfmt-dev libsqlite3-dev libsqlitecpp-dev libcurl4-openssl-dev libxml2-dev \
	libpoppler-cpp-dev libstemmer-dev libutf8proc-dev libssl-dev nlohmann-json3-dev libarchive-dev \
	libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev \
	groff-base jq sqlite3 curl rsync chromium zsh fish

CMAKE_FLAGS := -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKENNIS_WERROR=ON

.PHONY: deps build demo test unit-test asan-test bench install clean

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "kennis: installing Debian packages:" $$missing; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else \
		echo "kennis: these Debian packages are missing; install them with:"; \
		echo "  sudo apt-get install -y" $$missing; exit 1; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

demo: build
	@rm -rf $(DEMO_HOME)
	@echo '$$ kennis themes'
	@$(KENNIS) --home $(DEMO_HOME) themes
	@echo
	@echo '$$ kennis list --theme Thuiszitters --type rapport'
	@$(KENNIS) --home $(DEMO_HOME) list --theme Thuiszitters --type rapport
	@echo
	@echo '$$ kennis show "VO Handboek Leerplicht versie augustus 2020"'
	@$(KENNIS) --home $(DEMO_HOME) show "VO Handboek Leerplicht versie augustus 2020"
	@echo
	@echo '$$ kennis stats'
	@$(KENNIS) --home $(DEMO_HOME) stats

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

asan-test: deps
	# -O1 -g1: the sanitizers see the same code paths with line numbers, and CI builds it in
	# about half the time of -O2 -g.
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DKENNIS_SANITIZE=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1"
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		ctest --output-on-failure -j$(JOBS)

test: unit-test asan-test

bench: build
	cmake --build $(BUILD) --target bench

install: build
	cmake --install $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
