# `make` installs missing Debian packages, builds build/ombudsite and the example site into site/.
# `make test` builds and runs every test with ctest.

BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# Debian 12 packages the build, the tests and the benchmarks need.
DEB_PACKAGES := build-essential cmake pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
  nlohmann-json3-dev libre2-dev catch2 libyaml-dev libssl-dev libbenchmark-dev \
  wdutch libxml2-utils clang libclang-rt-14-dev chromium hugo time libcpp-httplib-dev \
  libmimalloc-dev
# Node.js and npm (browser tests) come from Debian only when the machine has none of its own:
# Debian's npm conflicts with a Node.js installed otherwise.
NODE_PACKAGES := $(shell command -v node >/dev/null || echo nodejs) $(shell command -v npm >/dev/null || echo npm)

.PHONY: all deps configure build site test test-asan check-format clean

all: build site

deps:
	@missing=$$(for p in $(DEB_PACKAGES) $(NODE_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

configure: $(BUILD)/CMakeCache.txt

build: deps configure
	cmake --build $(BUILD) -j $(JOBS) --target ombudsite

site: build
	./$(BUILD)/ombudsite build --strict -s . -o site

test: deps configure
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DOMBUDSITE_SANITIZE=ON -DOMBUDSITE_WERROR=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

check-format:
	clang-format --dry-run --Werror $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) build-asan site audit
