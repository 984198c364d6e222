# Dark Maximus 3. Two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Find a JDK >= 21 by itself: $JAVA_HOME if good enough, else the newest JDK under /usr/lib/jvm or ~/.sdkman.
JAVA_HOME := $(shell ./scripts/find-jdk.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
MVN := ./mvnw -B -ntp

.PHONY: help build test test-fast run openapi docs lint-openapi lint-compose lint-docker bench clean

help:
	@echo "make run      start backend (:8080, Mini App at /app/) and admin UI (:8081) on embedded defaults"
	@echo "make test     build and run every module's tests, print coverage"
	@echo "make test-fast  the backend's unit and slice tests only (*Test), no coverage: the quick loop"
	@echo "make openapi  rewrite openapi/openapi.yaml from the running code"
	@echo "make docs     regenerate the module diagram in docs/modules"
	@echo "make lint-openapi  lint the contract with redocly (needs npx)"
	@echo "make lint-compose  validate docker-compose.yml with docker-compose 1.29 (monitoring profile included)"
	@echo "make lint-docker   lint the Dockerfiles (hadolint if installed, plus the plain-docker checks) and check their start script"
	@echo "make bench    measure against same-run baselines (wrk, pgbench) and write docs/benchmarks.md"

build:
	$(MVN) -DskipTests install

test:
	$(MVN) install
	@./scripts/coverage-summary.sh

# Unit and slice tests of the backend (surefire, *Test); integration and browser tests (*IT) run under failsafe in
# `make test`.
test-fast:
	$(MVN) -q -DskipTests install -pl openapi,miniapp
	$(MVN) -pl backend test -Djacoco.skip=true

run: build
	@./scripts/run.sh

openapi:
	$(MVN) -DskipTests install -pl openapi,miniapp -q
	$(MVN) -pl backend verify -Dit.test=OpenApiContractIT -Dtest=NONE -Ddm.openapi.write=true \
		-Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true
	@echo "openapi/openapi.yaml rewritten; review with git diff"

docs:
	$(MVN) -q -DskipTests install -pl openapi,miniapp
	$(MVN) -pl backend test -Dtest=ModulesTest -Ddm.docs.write=true -Dsurefire.failIfNoSpecifiedTests=false \
		-Djacoco.skip=true
	@echo "docs/modules rewritten; review with git diff"

# The HTTP half (bench module: the jars against a bare baseline app, wrk) and the scale half (backend, tag "bench":
# key jobs over a million keys, a 100k broadcast, checkouts against pgbench, the Mini App's first render); the
# tables go into docs/benchmarks.md. Needs wrk and pgbench for all figures (Debian: wrk, postgresql-client).
bench:
	$(MVN) -q -DskipTests -Djacoco.skip=true install
	rm -f backend/target/bench-scale.md bench/target/bench-http.md
	set -o pipefail; $(MVN) -q -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
		-Dexec.mainClass=dev.darkmaximus.bench.Bench -Dexec.classpathScope=test -Dbench.root=$(CURDIR) \
		| grep -v -e 'io.zonky' -e '^WARNING'
	$(MVN) -pl backend test -Dgroups=bench -Ddm.excluded.groups= -Djacoco.skip=true \
		-Dtest='KeyScaleBenchmark,BroadcastScaleBenchmark,CheckoutBenchmark,NotificationStormBenchmark,Dm2ImportBenchmark,MiniAppRenderBenchmark' \
		-Dsurefire.failIfNoSpecifiedTests=false >backend/target/bench-scale.log 2>&1 \
		|| (tail -n 60 backend/target/bench-scale.log; exit 1)
	cat backend/target/bench-scale.md
	sed -n '/^Mini App on slow 4G/,/^CPU 4x/p' backend/target/bench-scale.log
	./scripts/bench-report.sh

# Validates docker-compose.yml as docker-compose 1.29 and the compose plugin read it (placeholder secrets).
lint-compose:
	DATABASE_PASSWORD=x DM_SECRET_KEY=x DM_JWT_PRIVATE_KEY=x docker-compose -f docker-compose.yml \
		--env-file .env.example config -q
	DATABASE_PASSWORD=x DM_SECRET_KEY=x DM_JWT_PRIVATE_KEY=x docker-compose -f docker-compose.yml \
		--env-file .env.example --profile monitoring config -q

lint-docker:
	./scripts/lint-dockerfiles.sh
	./scripts/test-start-java.sh

lint-openapi:
	npx --yes @redocly/cli@2 lint --extends=recommended openapi/openapi.yaml

clean:
	$(MVN) clean
