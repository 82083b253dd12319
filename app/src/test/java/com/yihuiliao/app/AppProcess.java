package com.yihuiliao.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started from the test class path: for tests that need a
 * second node, or a process they can kill -9.
 */
final class AppProcess implements AutoCloseable {

    final int port;
    final Path log;
    private final Process process;

    private AppProcess(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a process with these settings (as command-line arguments, so they win over application.yml). */
    static AppProcess start(Path workDir, String logName, Map<String, String> settings) {
        try {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    // a short-lived JVM: C1 alone and the serial collector halve its start-up on 2 cores
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", testClassPath(), YihuiliaoApplication.class.getName(), "--server.port=" + port));
            settings.forEach((key, value) -> command.add("--" + key + "=" + value));
            Path log = workDir.resolve(logName);
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new AppProcess(port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the process answers, or fails naming its log. */
    AppProcess awaitUp() {
        Api api = api();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> !process.isAlive() || upAt(api));
        if (!process.isAlive()) {
            throw new IllegalStateException("the application process died at start-up; see " + log);
        }
        return this;
    }

    Api api() {
        return new Api(port);
    }

    /** kill -9 of the JVM and of what it started (an embedded Redis would otherwise keep running). */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM, as an operator's Ctrl-C or a service manager's stop; kill -9 if it does not end. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    int exitCode() throws InterruptedException {
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue();
    }

    private static boolean upAt(Api api) {
        try {
            return api.get("/actuator/health/readiness").status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
