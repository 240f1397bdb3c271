# procmod in a container, for sharded runs on a cluster (docs/scale.md):
#   docker build -t procmod:0.2.0 .
#   docker run --rm -v "$PWD:/data" -w /data procmod:0.2.0 procmod report examples/catalogue/commune.xml
ARG SWIFT_IMAGE=swift:6.3-noble
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update && apt-get install -y --no-install-recommends libxml2-dev libxlsxwriter-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift Package.resolved ./
COPY Sources Sources
COPY Tests Tests
RUN swift build -c release --product procmod --static-swift-stdlib \
    && install -D "$(swift build -c release --show-bin-path)/procmod" /out/procmod

FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends libxml2 libxlsxwriter-dev ca-certificates \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/procmod /usr/local/bin/procmod
COPY deploy/run-shard.sh deploy/merge-all.sh /usr/local/bin/
COPY procedures /opt/procmod/procedures
COPY examples /opt/procmod/examples
WORKDIR /data
ENTRYPOINT []
CMD ["procmod", "--help"]
