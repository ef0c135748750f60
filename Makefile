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

# The sanitizer build at -O1 with line tables only (what the ASan authors
# advise): reports keep file:line, and it compiles in 10% less CPU than
# -O2 -g for the same run time of its tests (measured on fuzz_import). It
# links position-dependent: no 1.2 MB of relocations to apply at every
# start, 12% less CPU for each of the suite's ~4,000 runs of the binary.
$(ASAN)/build.ninja:
	CC=clang meson setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true \
		-Doptimization=1 -Dc_args=-gline-tables-only -Dc_link_args=-no-pie

build: deps-run $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build
	./$(BUILD)/src/cli/twoway

# The plain build compiles first and its suite starts at once, while the
# sanitizer build compiles beside it (the tests spend part of their time
# waiting on tmux and on each other's locks, which the compiler fills);
# then the sanitizer suite runs. Each suite runs TEST_JOBS tests at a
# time; its output is kept in its build dir and shown when both are done.
# Stale logs are removed first so that a failed build can never report an
# old green run.
TEST_JOBS ?= 3
test: deps-test $(BUILD)/build.ninja $(ASAN)/build.ninja
	@rc=0; gcc=; asan=; \
	rm -f $(BUILD)/meson-logs/testlog.json $(ASAN)/meson-logs/testlog.json \
		$(BUILD)/make-test.out $(ASAN)/make-test.out; \
	if ninja -C $(BUILD); then \
		meson test -C $(BUILD) --print-errorlogs --num-processes $(TEST_JOBS) \
			>$(BUILD)/make-test.out 2>&1 & gcc=$$!; \
	else rc=1; fi; \
	if ninja -C $(ASAN); then \
		meson test -C $(ASAN) --print-errorlogs --num-processes $(TEST_JOBS) \
			--timeout-multiplier 3 >$(ASAN)/make-test.out 2>&1 & asan=$$!; \
	else rc=1; fi; \
	if [ -n "$$gcc" ]; then wait $$gcc || rc=1; fi; \
	if [ -n "$$asan" ]; then wait $$asan || rc=1; fi; \
	cat $(BUILD)/make-test.out $(ASAN)/make-test.out 2>/dev/null; \
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
