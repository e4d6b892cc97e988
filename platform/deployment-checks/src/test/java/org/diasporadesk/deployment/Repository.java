package org.diasporadesk.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The checkout under test and the command-line tools the checks use. A missing tool fails the check when
 * {@code -Dddesk.deployment-checks.tools=required} (as .ci/run sets it) and skips it, saying which tool
 * and how to install it, otherwise.
 */
final class Repository {

    static final Path ROOT = findRoot();
    static final YAMLMapper YAML = YAMLMapper.builder().build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NODE_TOOLS = "deploy/checks/node_modules/.bin";

    private Repository() {
    }

    record Result(int exitCode, String output) {
    }

    static JsonNode yaml(String relativePath) {
        return YAML.readTree(ROOT.resolve(relativePath).toFile());
    }

    static List<JsonNode> yamlDocuments(String text) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.createParser(text)) {
            var iterator = YAML.readValues(parser, JsonNode.class);
            while (iterator.hasNext()) {
                JsonNode document = iterator.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    static String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Requires the tool on the PATH, or skips (or fails, in CI) with the way to install it. */
    static void requireTool(String tool, String install) {
        boolean present = run(List.of("sh", "-c", "command -v " + tool)).exitCode() == 0;
        if (!present && "required".equals(System.getProperty("ddesk.deployment-checks.tools"))) {
            throw new AssertionError(tool + " is required for this check: " + install);
        }
        Assumptions.assumeTrue(present, () -> tool + " is not installed, so this check is skipped: " + install);
    }

    /** The npm packages of deploy/checks (schema validators, linters), installed from its lock file if missing. */
    static void requireNodeTools() {
        requireTool("node", "apt-get install nodejs npm");
        if (!Files.isExecutable(ROOT.resolve(NODE_TOOLS).resolve("redocly"))
                || !Files.isExecutable(ROOT.resolve(NODE_TOOLS).resolve("asyncapi"))) {
            requireTool("npm", "apt-get install npm");
            Result install = run(List.of("npm", "ci", "--prefix", "deploy/checks", "--no-audit", "--no-fund"));
            if (install.exitCode() != 0) {
                throw new AssertionError("npm ci --prefix deploy/checks failed:\n" + install.output());
            }
        }
    }

    /** A command of deploy/checks' npm packages. */
    static String nodeTool(String name) {
        return ROOT.resolve(NODE_TOOLS).resolve(name).toString();
    }

    static Result run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
            }
            return new Result(process.exitValue(), output);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no checkout with docker-compose.yml and k8s/ above the working directory");
    }
}
