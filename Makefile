# switchsim: "make run" serves the default chassis; "make test" runs every test.
GO      ?= go
BIN     := bin/switchsim
STATE   ?= state
PKGS    := ./...

.PHONY: all build run test unit lint deps golden fuzz soak bench clean image

all: build

build:
	$(GO) build -o $(BIN) ./cmd/switchsim

# Serve the default 8212zl on loopback; prints how to connect.
run: build
	./$(BIN) serve --state-dir $(STATE)

# Everything: formatting, vet, unit and end-to-end tests with the race
# detector, golden transcripts, and the real-client suites.
test: deps lint build image
	$(GO) test -race -count=1 $(PKGS)
	cd deploy && SWITCHSIM_IMAGE_LAYOUT=$(CURDIR)/bin/switchsim-oci $(GO) test -race -count=1 ./...
	scripts/client-tests.sh $(BIN)

unit:
	$(GO) test -count=1 $(PKGS)

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(PKGS)
	cd deploy && $(GO) vet ./...

# Install what the tests need (Go modules; Debian packages when missing).
deps:
	scripts/deps.sh

# Rewrite the expected output of the golden transcripts, for review.
golden:
	$(GO) test ./transcripts/ -run TestTranscripts -update

FUZZTIME ?= 30s
fuzz:
	scripts/fuzz.sh $(FUZZTIME)

soak: build
	$(GO) test -count=1 -tags soak -run Soak -timeout 30m ./...

# The OCI image (README "Containers"): a static binary on an empty base,
# built by a pure-Go builder in the nested module deploy/ (no daemon):
# bin/switchsim-image.tar (docker load -i / podman load -i) and the OCI
# layout bin/switchsim-oci; it prints the digest.
image:
	CGO_ENABLED=0 $(GO) build -trimpath -buildvcs=false -ldflags='-s -w' -o bin/switchsim-static ./cmd/switchsim
	cd deploy && $(GO) run ./cmd/switchsim-image --bin ../bin/switchsim-static --images ../scenario/images --out ../bin/switchsim-image.tar --layout ../bin/switchsim-oci

bench: build
	scripts/bench.sh $(BIN)

clean:
	rm -rf bin
