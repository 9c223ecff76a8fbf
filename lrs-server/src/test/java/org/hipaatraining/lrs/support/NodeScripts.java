package org.hipaatraining.lrs.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real JavaScript xAPI clients (npm packages under src/test/js) from tests. Dependencies come from each
 * folder's package-lock.json via {@code npm ci}, once, when node_modules is missing.
 */
public final class NodeScripts {

    private NodeScripts() {
    }

    public static synchronized void install(Path project) {
        if (Files.isDirectory(project.resolve("node_modules"))) {
            return;
        }
        Result result = run(project, 300, "npm", "ci", "--no-audit", "--no-fund");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed in " + project + ":\n" + result.stderr() + result.stdout());
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(Path directory, int timeoutSeconds, String... command) {
        try {
            File out = Files.createTempFile("node-out", ".txt").toFile();
            File err = Files.createTempFile("node-err", ".txt").toFile();
            Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
                    .redirectOutput(out).redirectError(err).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            Result result = new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                    Files.readString(err.toPath(), StandardCharsets.UTF_8));
            out.delete();
            err.delete();
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result node(Path directory, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(directory, 120, command.toArray(String[]::new));
    }
}
