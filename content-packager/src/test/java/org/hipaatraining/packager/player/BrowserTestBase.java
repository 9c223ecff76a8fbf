package org.hipaatraining.packager.player;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Playwright-Java driving the Debian Chromium (/usr/bin/chromium, headless), one browser and one test server per test
 * class, a fresh browser context (empty localStorage) per test. scorm-again's dist folder is served under /lib/.
 */
@Tag("integration") // a whole server, browser or child process: the Failsafe lane (mvn verify)
abstract class BrowserTestBase {

    static final Path JS_PROJECT = Path.of("src/test/js");
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    static PlayerTestServer server;
    static Playwright playwright;
    static Browser browser;
    BrowserContext context;

    @BeforeAll
    static void startBrowser() {
        installNodeModules();
        server = new PlayerTestServer();
        server.mount("/lib/", JS_PROJECT.resolve("node_modules/scorm-again/dist"));
        server.put("/favicon.ico", new byte[0]);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run")));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** A page in a new context (the first call of a test creates the context; later pages share its storage). */
    Page newPage(int width, int height) {
        if (context == null) {
            // Reduced motion: no transitions half-way through in screenshots (and the player's reduced-motion CSS runs).
            context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                    .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        }
        Page page = context.newPage();
        page.setViewportSize(width, height);
        page.onConsoleMessage(message -> {
            // Failed requests are what several tests provoke on purpose; other errors are worth seeing.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                System.err.println("[browser] " + message.text());
            }
        });
        page.onPageError(error -> System.err.println("[browser page error] " + error));
        return page;
    }

    /** npm ci from package-lock.json, once, when node_modules is missing (as lrs-server's NodeScripts does). */
    static synchronized void installNodeModules() {
        if (Files.isDirectory(JS_PROJECT.resolve("node_modules/scorm-again"))) {
            return;
        }
        try {
            File log = Files.createTempFile("npm-ci", ".log").toFile();
            Process process = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(JS_PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log).start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("npm ci failed in " + JS_PROJECT + ":\n" + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run npm ci in " + JS_PROJECT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
