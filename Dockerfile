# syntax=docker/dockerfile:1
# The image of one Java service; skaffold.yaml and the CI workflow build each of the four with
#   docker build --build-arg SERVICE=<module> -t <module> .
# bin/test builds it with podman (infra/containers/build.sh), passing local base images where no
# registry is reachable; the defaults are the public images.
ARG SERVICE=auth-service
ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# Build: the Maven wrapper packages the service and the modules it needs with JDK 25; Maven's
# downloads live in a cache mount, so they are never part of a layer.
FROM ${JDK_IMAGE} AS build
ARG SERVICE
WORKDIR /workspace
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B --no-transfer-progress -pl "$SERVICE" -am package -DskipTests
# Spring Boot's jar tools split the jar into layers, least-changing first: dependencies,
# the loader, snapshot dependencies, then the service's own classes.
RUN cp "$SERVICE"/target/"$SERVICE"-*.jar application.jar && java -Djarmode=tools -jar application.jar extract --layers --destination extracted

# Run: the JRE only, as an unprivileged user; a code change rebuilds the last layer alone.
FROM ${JRE_IMAGE}
RUN groupadd --system --gid 10001 ticketing && useradd --system --uid 10001 --gid ticketing --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin ticketing
WORKDIR /app
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER 10001:10001
ENV PORT=8080 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# The JRE image has no curl or wget (Temurin's images dropped them from 22 on): bash asks.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf "GET /actuator/health/liveness HTTP/1.0\r\n\r\n" >&3 && head -n 1 <&3 | grep -q "^HTTP/1\.[01] 200"' || exit 1
ENTRYPOINT ["java", "-jar", "application.jar"]
