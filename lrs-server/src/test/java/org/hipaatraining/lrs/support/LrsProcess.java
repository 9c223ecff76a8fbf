package org.hipaatraining.lrs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The LRS as a separate process, started as the README starts it (the embedded store under a data folder) and, when
 * a test says so, killed the way a power cut or the OOM killer would: {@code SIGKILL}, no shutdown hooks.
 */
public final class LrsProcess implements AutoCloseable {

    public static final String KEY = "crash-client";
    public static final String SECRET = "crash-client-secret";
    public static final String ADMIN_PASSWORD = "crash-admin-password";

    private final Process process;
    private final int port;

    private LrsProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the LRS on {@code dataDir} and returns once it answers; its output goes to {@code log}. */
    public static LrsProcess start(Path dataDir, Path log, String heap, String... extraArgs) {
        return start(dataDir, log, List.of("-Xmx" + heap), extraArgs);
    }

    /** As {@link #start(Path, Path, String, String...)}, with JVM options of the caller's choice (heap, GC log). */
    public static LrsProcess start(Path dataDir, Path log, List<String> jvmOptions, String... extraArgs) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                "org.hipaatraining.lrs.LrsApplication",
                "--server.port=" + port,
                "--lrs.embedded=sqlite",
                "--lrs.data-dir=" + dataDir.toAbsolutePath(),
                "--lrs.bootstrap.client-key=" + KEY,
                "--lrs.bootstrap.client-secret=" + SECRET,
                "--lrs.bootstrap.admin-password=" + ADMIN_PASSWORD,
                "--lrs.packages.build-at-startup=false"));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LrsProcess lrs = new LrsProcess(process, port);
            // a loaded build machine (two cores, several builds) has taken over two minutes to start it
            lrs.awaitReady(Duration.ofSeconds(Long.getLong("lrs.process.start-seconds", 300)));
            return lrs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the LRS exited with " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<String> about = http.send(HttpRequest.newBuilder(URI.create(base() + "/xapi/about"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (about.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Thread.onSpinWait();
            try {
                process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("the LRS did not answer within " + timeout);
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public XapiHttp xapi() {
        return XapiHttp.basic(URI.create(base()), KEY, SECRET);
    }

    public XapiHttp admin() {
        return XapiHttp.basic(URI.create(base()), "admin", ADMIN_PASSWORD);
    }

    /** SIGKILL: the process gets no chance to finish anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A normal stop (SIGTERM): shutdown hooks run, the store is closed. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
