# A thin wrapper over CMake and the scripts in scripts/. The two commands of README.md:
#   make demo   install what is missing, build, create the demo county, serve it
#   make test   install what is missing, build, run every test (SQLite, PostgreSQL, ASan, fuzz, browser)
#   make fuzz   the long fuzzing campaign
BUILD ?= build
JOBS ?= $(shell nproc)
DB ?= data/yilian.db
LISTEN ?= 127.0.0.1:8080

.PHONY: demo test setup build web serve clean bench fuzz

demo: setup build web
	@if [ ! -f $(DB) ]; then ./$(BUILD)/yilian demo --db sqlite:$(DB) --scale county; fi
	./$(BUILD)/yilian serve --db sqlite:$(DB) --listen $(LISTEN) --web web/dist

test: setup
	scripts/test.sh

setup:
	scripts/setup.sh

build:
	@mkdir -p $(BUILD)
	@flock $(BUILD)/.lock sh -c 'cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null && cmake --build $(BUILD) -j $(JOBS)'

web:
	@if [ -f web/package.json ]; then cd web && npm run build --silent; fi

serve: build
	./$(BUILD)/yilian serve --db sqlite:$(DB) --listen $(LISTEN) --web web/dist

bench: setup build
	bench/run.sh

# The long libFuzzer campaign (docs/SECURITY.md): 10 M executions or 30 min per target.
fuzz: setup
	scripts/fuzz.sh campaign

clean:
	rm -rf $(BUILD) build-asan build-fuzz
