# syntax=docker/dockerfile:1
# Build stage: the Maven wrapper builds the shaded jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -q -B dependency:go-offline
COPY schemas/ schemas/
COPY src/ src/
RUN ./mvnw -q -B -DskipTests package

# Runtime stage: a JRE only, no build tools, no secrets, a non-root user.
FROM eclipse-temurin:17-jre AS runtime
LABEL org.opencontainers.image.title="cspctl" \
      org.opencontainers.image.description="Contentstack Personalize as code: validate, plan, apply, drift" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.source="https://gitlab.com/cspctl/cspctl"
RUN groupadd --system cspctl && useradd --system --gid cspctl --home-dir /work --create-home cspctl
COPY --from=build /src/target/cspctl.jar /opt/cspctl/cspctl.jar
RUN printf '#!/bin/sh\nexec java ${CSPCTL_JAVA_OPTS:-} -jar /opt/cspctl/cspctl.jar "$@"\n' > /usr/local/bin/cspctl \
    && chmod 0755 /usr/local/bin/cspctl
USER cspctl
WORKDIR /work
ENTRYPOINT ["cspctl"]
CMD ["--help"]
