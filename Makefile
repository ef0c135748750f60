# Convenience front end to meson: `make run` and `make test` are the two
# commands of the README. Missing Debian packages are installed first (on
# Debian; elsewhere tools/install-deps.sh names what is missing).

BUILD   ?= build
ASAN    ?= build-asan
# What building and running needs; the tests need a few more.
RUN_PACKAGES  = gcc make meson ninja-build pkg-config python3 libncurses-dev \
                libsqlite3-dev libyaml-dev libjansson-dev libutf8proc-dev \
                libsodium-dev
TEST_PACKAGES = $(RUN_PACKAGES) libcmocka-dev clang libclang-rt-14-dev tmux \
                sqlite3 python3 python3-icalendar khal jq zsh fish man-db \
                binutils bash-completion tzdata
# What `make deb` needs on top of building: Debian's packaging tools.
DEB_PACKAGES  = $(RUN_PACKAGES) dpkg-dev debhelper lintian bash-completion
# The benchmarks compare with the tools people use instead.
BENCH_PACKAGES = $(TEST_PACKAGES) taskwarrior calcurse

.PHONY: fuzz all run test soak deps-run deps-test deps-deb deps-bench build asan bench deb clean

all: build

# deps-run / deps-test: apt-get installs only what is missing.
deps-run:
	@sh tools/install-deps.sh $(RUN_PACKAGES)

deps-test:
	@sh tools/install-deps.sh $(TEST_PACKAGES)

deps-deb:
	@sh tools/install-deps.sh $(DEB_PACKAGES)

deps-bench:
	@sh tools/install-deps.sh $(BENCH_PACKAGES)

$(BUILD)/build.ninja:
	meson setup $(BUILD)

$(ASAN)/build.ninja:
	CC=clang meson setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true

build: deps-run $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build
	./$(BUILD)/src/cli/twoway

# Both builds compile first; then their suites run side by side, each with
# TEST_JOBS tests at a time (the tests mostly wait on tmux and on each
# other's locks, so a 2-core machine keeps up). Each suite's output is kept
# in its build dir and shown when both are done; stale logs are removed
# first so that a failed build can never report an old green run.
TEST_JOBS ?= 3
test: deps-test $(BUILD)/build.ninja $(ASAN)/build.ninja
	@rc=0; \
	rm -f $(BUILD)/meson-logs/testlog.json $(ASAN)/meson-logs/testlog.json; \
	ninja -C $(BUILD) && ninja -C $(ASAN) || rc=1; \
	if [ $$rc -eq 0 ]; then \
		meson test -C $(BUILD) --print-errorlogs --num-processes $(TEST_JOBS) \
			>$(BUILD)/make-test.out 2>&1 & gcc=$$!; \
		meson test -C $(ASAN) --print-errorlogs --num-processes $(TEST_JOBS) \
			--timeout-multiplier 3 >$(ASAN)/make-test.out 2>&1 & asan=$$!; \
		wait $$gcc || rc=1; wait $$asan || rc=1; \
		cat $(BUILD)/make-test.out $(ASAN)/make-test.out; \
	fi; \
	sh tests/summary.sh $(BUILD) $(ASAN); \
	exit $$rc

# The fuzz targets for FUZZ_SCALE times the runs make test gives them
# (20: fuzz_import 80,000 inputs, fuzz_content 400,000, fuzz_when 1,000,000).
FUZZ_SCALE ?= 20
fuzz: deps-test $(ASAN)/build.ninja
	ninja -C $(ASAN)
	FUZZ_SCALE=$(FUZZ_SCALE) meson test -C $(ASAN) --suite fuzz --print-errorlogs \
		--timeout-multiplier 0

soak: deps-test $(BUILD)/build.ninja
	ninja -C $(BUILD)
	TWOWAY=$(abspath $(BUILD))/src/cli/twoway bash tests/soak/soak.sh

bench: deps-bench build
	meson configure $(BUILD) -Dbench=true
	ninja -C $(BUILD)
	sh bench/run.sh $(BUILD)
	bash bench/peers.sh $(BUILD)

# The Debian package, built in a scratch copy of the tree, into dist/.
deb: deps-deb
	sh tools/build-deb.sh dist

clean:
	rm -rf $(BUILD) $(ASAN)
