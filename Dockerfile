# syntax=docker/dockerfile:1
# cspctl image: `docker run --rm -v "$PWD:/work" -e CONTENTSTACK_AUTHTOKEN ... IMAGE plan specs/`.
# Credentials come from the environment at run time; none are baked in.

# Build stage: the Maven wrapper builds the shaded jar (tests run in CI, not here).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY schemas/ schemas/
COPY src/main/ src/main/
COPY src/launcher/ src/launcher/
RUN ./mvnw -q -B -Dmaven.test.skip=true package
# The example specs: only the runtime stage's class-data sharing training run reads them.
COPY specs/ specs/

# Runtime stage: a JRE only (no JDK, Maven or sources), no secrets, a non-root user.
FROM eclipse-temurin:17-jre AS runtime
# The version is the build's (pom.xml); the publish job passes it: --build-arg CSPCTL_VERSION=...
ARG CSPCTL_VERSION=unknown
LABEL org.opencontainers.image.title="cspctl" \
      org.opencontainers.image.description="Contentstack Personalize as code: validate, plan, apply, drift" \
      org.opencontainers.image.version="${CSPCTL_VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://gitlab.com/cspctl/cspctl" \
      org.opencontainers.image.documentation="https://gitlab.com/cspctl/cspctl/-/blob/main/README.md"
RUN groupadd --system --gid 10001 cspctl \
    && useradd --system --uid 10001 --gid cspctl --home-dir /work --create-home cspctl
COPY --from=build /src/target/cspctl.jar /opt/cspctl/cspctl.jar
# The JVM options and the class-data sharing archive come from src/launcher/cspctl-jvm, the
# script ./cspctl runs too. Its training run (plan --sandbox of the example specs, bind-mounted
# from the build stage, not copied) is made here because only the JVM that made an archive can
# map it; a failed training or an archive this JVM cannot map leaves no archive, and cspctl then
# starts without it.
COPY --from=build /src/src/launcher/cspctl-jvm /opt/cspctl/cspctl-jvm
RUN --mount=type=bind,from=build,source=/src/specs,target=/tmp/specs \
    /opt/cspctl/cspctl-jvm cds /opt/cspctl/cspctl.jar /opt/cspctl/cspctl.jsa /tmp/specs
# The `cspctl` command on PATH: the same script and jar, as ./cspctl runs them.
RUN printf '#!/bin/sh\nexec /opt/cspctl/cspctl-jvm run /opt/cspctl/cspctl.jar /opt/cspctl/cspctl.jsa "$@"\n' \
      > /usr/local/bin/cspctl \
    && chmod 0755 /usr/local/bin/cspctl
USER 10001:10001
WORKDIR /work
# As a CI service container: `cspctl emulator --listen 0.0.0.0 --port 8080` (see the README).
EXPOSE 8080
ENTRYPOINT ["cspctl"]
CMD ["--help"]
