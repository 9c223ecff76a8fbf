package org.hipaatraining.lrs.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.hipaatraining.lrs.support.PolicyViolations;

/**
 * Headless Debian Chromium through Playwright-Java, with what the admin page tests need: a signed-in page at a
 * tablet's size, and screenshots that are checked (not blank, no sideways scrolling) and kept under
 * target/screenshots for a person to look at.
 */
public final class AdminBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;
    private final String base;
    private final PolicyViolations policy = new PolicyViolations();

    public AdminBrowser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--no-first-run")));
    }

    /** Fails if any page this browser opened broke the Content-Security-Policy. */
    public void assertNoPolicyViolations() {
        policy.assertNone();
    }

    public String url(String path) {
        return base + path;
    }

    /** A page in a fresh context (no session), at a size. */
    public Page page(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
                .setLocale("en-US").setTimezoneId("UTC")
                // no chart animation: screenshots show the finished chart
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        Page page = policy.watch(context.newPage());
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                System.err.println("[browser] " + message.text());
            }
        });
        return page;
    }

    /** Signs in through the sign-in form and lands on the overview. */
    public Page signedIn(String username, String password, int width, int height) {
        Page page = page(width, height);
        page.navigate(url("/admin"));
        assertThat(page.url()).endsWith("/login");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        // back to the page asked for (Spring Security marks it "?continue"), or an error on the sign-in page
        page.waitForURL(java.util.regex.Pattern.compile(".*/(admin|login\\?error).*"));
        assertThat(page.url()).as("signed in as %s", username).contains("/admin");
        return page;
    }

    /** Saves a full-page screenshot and checks it: something drawn, and the page fits its width. */
    public Path screenshot(Page page, String name) {
        boolean fits = (Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
        assertThat(fits).as("%s: the page scrolls sideways (scrollWidth %s > innerWidth %s)", name,
                page.evaluate("() => document.documentElement.scrollWidth"), page.evaluate("() => window.innerWidth")).isTrue();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            byte[] png = page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(false));
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(image.getWidth()).isEqualTo(page.viewportSize().width);
            assertThat(distinctColours(image)).as("%s: colours in the screenshot", name).isGreaterThan(20);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
