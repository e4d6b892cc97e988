package org.diasporadesk.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the local stack keeps its data and which ports it uses. Defaults are the addresses the services'
 * own defaults point at, so a service started by hand from an IDE also finds the stack.
 */
public record StackConfig(Path repositoryRoot, Path dataDirectory, int kafkaPort, int kafkaControllerPort,
        int mongoPort, int identityPort, List<Service> services) {

    /** A child JVM: its name, its jar relative to the repository root and its HTTP port. */
    public record Service(String name, String jar, int port) {
    }

    public static StackConfig defaults() {
        Path root = checkoutRoot();
        return withPorts(root, root.resolve(".local-stack"), 0);
    }

    /** The checkout this runs in: the nearest folder above the working directory with services/ and a pom.xml. */
    public static Path checkoutRoot() {
        return findRepositoryRoot(Path.of("").toAbsolutePath());
    }

    /** The default ports shifted by {@code offset}, so a second stack (a test) can run beside a developer's. */
    public static StackConfig withPorts(Path root, Path data, int offset) {
        return new StackConfig(root, data, 9092 + offset, 9093 + offset, 27017 + offset, 9000 + offset, List.of(
                new Service("registry-service", "services/registry-service/target/registry-service.jar", 8081 + offset),
                new Service("hotline-service", "services/hotline-service/target/hotline-service.jar", 8082 + offset),
                new Service("outreach-service", "services/outreach-service/target/outreach-service.jar", 8083 + offset),
                new Service("reporting-service", "services/reporting-service/target/reporting-service.jar", 8084 + offset)));
    }

    public Service identityServer() {
        return new Service("identity-server", "platform/identity-server/target/identity-server.jar", identityPort);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongoPort;
    }

    public String issuerUri() {
        return "http://localhost:" + identityPort;
    }

    public int port(String serviceName) {
        return services.stream().filter(service -> service.name().equals(serviceName)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no service " + serviceName))
            .port();
    }

    private static Path findRepositoryRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("services")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the local stack from the Diaspora Desk repository (no services/ folder "
                + "found above " + start + ")");
    }
}
