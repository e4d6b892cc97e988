package org.diasporadesk.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a service from its jar unpacked, with a class-data-sharing archive of the classes it loads: the JVM then
 * maps them instead of reading, verifying and parsing thousands of classes at every start, the largest share
 * of a Spring service's start on two busy cores. The jar is unpacked with Spring Boot's own tool (classes in a
 * nested jar cannot be archived); the archive is written when a service started without one exits, and used by
 * every later start, kept beside the jar so that every stack started from this build shares it. A rebuilt jar
 * is unpacked again and archived afresh.
 */
final class ClassDataSharing {

    private static final String STAMP = "jar.stamp";

    private ClassDataSharing() {
    }

    /** The JVM options and the jar to run, in place of {@code -jar <jar>}. */
    static List<String> launch(Path jar, String java) {
        Path home = jar.resolveSibling("local-stack-cds");
        Path unpacked = home.resolve("app");
        Path archive = home.resolve("classes.jsa");
        String stamp = stampOf(jar);
        try {
            if (!stamp.equals(readStamp(home))) {
                unpack(jar, java, home, unpacked);
                Files.writeString(home.resolve(STAMP), stamp);
            }
        }
        catch (IOException | RuntimeException ex) {
            // Without the unpacked copy the service still starts, only slower.
            return List.of("-jar", jar.toString());
        }
        Path application = unpacked.resolve(jar.getFileName());
        // The launcher-watch agent only watches the launcher and changes no class, so archiving beside it is safe.
        // The JVM maps an archive only where this setting is the same as when it was written, hence on both runs.
        List<String> options = new ArrayList<>(List.of("-XX:+UnlockDiagnosticVMOptions",
                "-XX:+AllowArchivingWithJavaAgent"));
        // An archive that does not fit (another JDK) is ignored; the start goes on without it.
        options.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive);
        options.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", application.toString()));
        return options;
    }

    private static void unpack(Path jar, String java, Path home, Path unpacked) throws IOException {
        delete(home);
        Files.createDirectories(home);
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", unpacked.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
                extract.destroyForcibly();
                throw new IllegalStateException("unpacking " + jar + " failed");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String stampOf(Path jar) {
        try {
            return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String readStamp(Path home) throws IOException {
        Path stamp = home.resolve(STAMP);
        return Files.isRegularFile(stamp) ? Files.readString(stamp) : "";
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
