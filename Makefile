# The two commands of the README: `make demo` and `make test`. Both install what they need first.
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory
JOBS ?= 2
BUILD ?= build
ASAN_BUILD ?= build-asan
KENNIS := $(BUILD)/cli/kennis
DEMO_HOME := $(BUILD)/demo-home

# Debian packages the build, the tests and the man page checks need.
DEB_PACKAGES := build-essential cmake ninja-build pkg-config git ca-certificates \
	libcli11-dev libfmt-dev libsqlite3-dev libsqlitecpp-dev libcurl4-openssl-dev libxml2-dev \
	libpoppler-cpp-dev libstemmer-dev libutf8proc-dev nettle-dev nlohmann-json3-dev libarchive-dev \
	libgtest-dev libgmock-dev libbenchmark-dev libcpp-httplib-dev zlib1g-dev \
	groff-base jq sqlite3 curl rsync chromium zsh fish \
	libxml2-utils python3 dpkg-dev file lintian libfreexl-dev antiword libdtl-dev \
	libtesseract-dev tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng

# Ninja keeps both cores busy across targets (a test's objects compile while the library links).
# Line tables (-g1) are what backtraces and profiles use; full debug information doubled the build.
CMAKE_FLAGS := -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKENNIS_WERROR=ON
RELEASE_FLAGS := "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG"

# The fuzz targets need clang and its libFuzzer runtime.
FUZZ_PACKAGES := clang libclang-rt-14-dev
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := listing_parser snapshot_reader query_translator file_name title_metadata rtf_reader

.PHONY: deps build demo test unit-test asan-build asan-run asan-test long-test bench fuzz install deb clean

# Installs the Debian packages named in $(1) that are missing (as root, or through sudo).
define install_packages
	@missing=$$(for p in $(1); do \
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
endef

deps:
	$(call install_packages,$(DEB_PACKAGES))

# A build folder made with another generator is made again.
build: deps
	@grep -qs '^CMAKE_GENERATOR:INTERNAL=Ninja$$' $(BUILD)/CMakeCache.txt || rm -rf $(BUILD)
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) $(RELEASE_FLAGS) >/dev/null
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
	@echo '$$ kennis dupes'
	@$(KENNIS) --home $(DEMO_HOME) dupes
	@echo
	@echo '$$ kennis stats'
	@$(KENNIS) --home $(DEMO_HOME) stats

unit-test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The sanitizer build: -O1 -g1, so the sanitizers see the same code paths with line numbers, in
# about half the time of -O2 -g. (The tests' own code is at -O0 in both builds: tests/CMakeLists.txt.)
asan-build: deps
	@grep -qs '^CMAKE_GENERATOR:INTERNAL=Ninja$$' $(ASAN_BUILD)/CMakeCache.txt || rm -rf $(ASAN_BUILD)
	@cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DKENNIS_SANITIZE=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" >/dev/null
	cmake --build $(ASAN_BUILD) -j$(JOBS)

asan-run:
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp ctest --output-on-failure -j$(JOBS)

asan-test: asan-build
	$(MAKE) asan-run

# The release suite runs while the sanitizer build compiles, at a lower priority: the tests spend
# much of their time waiting on servers, disks and a browser, and the compiler fills those gaps.
test: build
	@echo "kennis: the sanitizer build compiles meanwhile (its output: $(ASAN_BUILD).log)"
	@nice -n 10 $(MAKE) asan-build >$(ASAN_BUILD).log 2>&1 & asan=$$!; \
	(cd $(BUILD) && ctest --output-on-failure -j$(JOBS)); tests=$$?; \
	wait $$asan; built=$$?; \
	if [ $$built != 0 ]; then cat $(ASAN_BUILD).log; exit 1; fi; \
	[ $$tests = 0 ]
	$(MAKE) asan-run

# The long modes of the reliability tests: 100 kill points, a minute of 2 writers and 8 readers.
long-test: build
	cd $(BUILD) && KENNIS_LONG_TESTS=1 ctest --output-on-failure -R 'KillPoint|Concurrency|Crash|IoFault|Hostile'

bench: build
	cmake --build $(BUILD) --target bench

# Each fuzz target for FUZZ_SECONDS, from the seed corpus (kept and grown in $(FUZZ_BUILD)/corpus).
# An input that breaks a harness's promise lands in $(FUZZ_BUILD)/crashes/TARGET/; once fixed, copy
# it to tests/fuzz/regressions/TARGET/ so the unit suite keeps checking it.
fuzz: deps
	$(call install_packages,$(FUZZ_PACKAGES))
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKENNIS_FUZZ=ON -DKENNIS_TESTS=OFF -DKENNIS_UNITY=OFF
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz
	$(FUZZ_BUILD)/tests/fuzz/kennis_fuzz_corpus $(FUZZ_BUILD)/corpus
	@failed=; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/crashes/$$t; \
		echo "kennis: fuzzing $$t for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		$(FUZZ_BUILD)/tests/fuzz/kennis_fuzz_$$t $(FUZZ_BUILD)/corpus/$$t -max_total_time=$(FUZZ_SECONDS) \
			-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
			-artifact_prefix=$(FUZZ_BUILD)/crashes/$$t/ 2>$(FUZZ_BUILD)/$$t.log || failed="$$failed $$t"; \
		grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)' $(FUZZ_BUILD)/$$t.log | tr '\n' ' '; echo; \
	done; \
	if [ -n "$$failed" ]; then echo "kennis: fuzzing broke:$$failed (see $(FUZZ_BUILD)/TARGET.log and crashes/)"; exit 1; fi; \
	echo "kennis: every fuzz target ran $(FUZZ_SECONDS) s without a crash"

install: build
	cmake --install $(BUILD)

# The Debian package, $(BUILD)/kennis_VERSION_ARCH.deb, checked by lintian.
deb: build
	cd $(BUILD) && cpack -G DEB
	lintian --fail-on error $(BUILD)/kennis_*.deb

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
