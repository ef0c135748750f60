# Convenience front end to meson: `make run` and `make test` are the two
# commands of the README. Missing Debian packages are installed first.

BUILD   ?= build
ASAN    ?= build-asan
PACKAGES = gcc make meson ninja-build pkg-config libncurses-dev libsqlite3-dev \
           libyaml-dev libcmocka-dev clang libclang-rt-14-dev tmux sqlite3 \
           python3 locales \
           libjansson-dev python3-icalendar khal

.PHONY: all run test deps build asan bench clean

all: build

deps:
	@missing=""; \
	for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing missing packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD)

$(ASAN)/build.ninja:
	CC=clang meson setup $(ASAN) -Db_sanitize=address,undefined -Db_lundef=false -Dfuzz=true

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

run: build
	./$(BUILD)/src/cli/twoway

test: deps $(BUILD)/build.ninja $(ASAN)/build.ninja
	@rc=0; \
	ninja -C $(BUILD) && meson test -C $(BUILD) --print-errorlogs || rc=1; \
	ninja -C $(ASAN) && meson test -C $(ASAN) --print-errorlogs --timeout-multiplier 3 || rc=1; \
	sh tests/summary.sh $(BUILD) $(ASAN); \
	exit $$rc

bench: build
	sh bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN)
