# Convenience front end to meson: `make run` and `make test` are the two
# commands of the README. Missing Debian packages are installed first.

BUILD   ?= build
ASAN    ?= build-asan
# What building and running needs; the tests need a few more.
RUN_PACKAGES  = gcc make meson ninja-build pkg-config libncurses-dev \
                libsqlite3-dev libyaml-dev libjansson-dev libsodium-dev
TEST_PACKAGES = $(RUN_PACKAGES) libcmocka-dev clang libclang-rt-14-dev tmux \
                sqlite3 python3 python3-icalendar khal

.PHONY: all run test deps-run deps-test build asan bench clean

all: build

# deps-run / deps-test: apt-get installs only what is missing.
deps-run:
	@sh tools/install-deps.sh $(RUN_PACKAGES)

deps-test:
	@sh tools/install-deps.sh $(TEST_PACKAGES)

$(BUILD)/build.ninja:
	meson setup $(BUILD)

$(ASAN)/build.ninja:
	CC=clang meson setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true

build: deps-run $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build
	./$(BUILD)/src/cli/twoway

test: deps-test $(BUILD)/build.ninja $(ASAN)/build.ninja
	@rc=0; \
	ninja -C $(BUILD) && meson test -C $(BUILD) --print-errorlogs || rc=1; \
	ninja -C $(ASAN) && meson test -C $(ASAN) --print-errorlogs --timeout-multiplier 3 || rc=1; \
	sh tests/summary.sh $(BUILD) $(ASAN); \
	exit $$rc

bench: deps-test build
	sh bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN)
