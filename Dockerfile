# Cloudward container image: build with the Maven wrapper, run the Quarkus fast-jar on a JRE 21.
#   docker build -t cloudward .
# (No Docker engine runs on the build machines this project is developed on; this file is kept simple
# and conventional, and the Helm chart is tested by rendering it.)

FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -DexcludeScope=test || true
COPY src/ src/
COPY migrations/ migrations/
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:21-jre
ARG VERSION=dev
LABEL org.opencontainers.image.title="Cloudward" \
      org.opencontainers.image.description="Multi-account security hub for AWS" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Proprietary"
RUN groupadd --system --gid 10001 cloudward && useradd --system --uid 10001 --gid cloudward --home /app cloudward
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/lib/ lib/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/*.jar ./
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/app/ app/
COPY --from=build --chown=10001:10001 /src/target/quarkus-app/quarkus/ quarkus/
USER 10001:10001
EXPOSE 8080
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom"
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /q/health/live HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
