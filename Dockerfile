# The application as a container image, from the layered jar Spring Boot builds:
#   mvn -B -DskipTests package && docker build -t clusterflow .
# The layers (dependencies, loader, snapshot dependencies, the application) are copied one by one, so a new release
# of the application alone changes only its last, small layer.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY target/clusterflow-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 --home-dir /app clusterflow
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER clusterflow
# the same memory settings as mvn spring-boot:run (app.jvm.options in pom.xml)
ENV JAVA_TOOL_OPTIONS="-Xmx512m -XX:MaxMetaspaceSize=256m -XX:G1PeriodicGCInterval=15000"
EXPOSE 8080
# an orchestrator or load balancer asks GET /actuator/health/liveness and /actuator/health/readiness
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
