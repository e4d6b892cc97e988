package org.diasporadesk.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent every child JVM of the local stack runs with: it ends the child when the launcher is gone, however the
 * launcher ended (Ctrl-C, kill -9, a JVM halted by Kafka on a failed log directory). Without it, children outlived a
 * halted launcher holding the stack's ports, and the next launcher found them answering and took them for its own.
 * The agent comes as a jar the launcher writes into its data folder, so it works for any service jar without code
 * in the services.
 */
public final class LauncherWatch {

    private LauncherWatch() {
    }

    /** @param launcherPid the launcher's process id, as the agent's argument */
    public static void premain(String launcherPid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(launcherPid.strip()));
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            System.err.println("The local stack's launcher (pid " + launcherPid + ") is gone; not starting.");
            System.exit(1);
        }
        launcher.get().onExit().thenRun(() -> {
            System.err.println("The local stack's launcher (pid " + launcherPid + ") is gone; stopping.");
            System.exit(0);
        });
    }

    /** Writes the agent's jar into {@code folder} and returns the JVM option that runs it watching this process. */
    static String jvmOption(Path folder) {
        return jvmOption(folder, ProcessHandle.current().pid());
    }

    /** As {@link #jvmOption(Path)}, watching the given process. */
    static String jvmOption(Path folder, long launcherPid) {
        Path jar = folder.resolve("launcher-watch.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", LauncherWatch.class.getName());
        String entry = LauncherWatch.class.getName().replace('.', '/') + ".class";
        try (InputStream bytes = LauncherWatch.class.getClassLoader().getResourceAsStream(entry)) {
            Files.createDirectories(folder);
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream agent = new JarOutputStream(out,
                    manifest)) {
                agent.putNextEntry(new JarEntry(entry));
                bytes.transferTo(agent);
                agent.closeEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not write " + jar, ex);
        }
        return "-javaagent:" + jar + "=" + launcherPid;
    }
}
