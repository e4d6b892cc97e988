# One image recipe for every service. docker-compose passes the service's jar (SERVICE_JAR) as a build
# argument; the deployment checks verify that each such path is an artifact the Maven build produces.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:21-jre AS service
ARG SERVICE_JAR
RUN useradd --system --uid 10001 ddesk
WORKDIR /app
COPY --from=build /src/${SERVICE_JAR} /app/service.jar
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
