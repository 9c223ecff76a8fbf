package org.hipaatraining.packager.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import org.hipaatraining.content.Module;
import org.hipaatraining.packager.PackageFormat;
import org.junit.jupiter.api.Test;

/**
 * How the player looks and reads: screenshots of a lesson on a phone (390x844) and a desktop (1280x800) in
 * target/screenshots/, no horizontal scrolling on any lesson of any module, readable text, 44px targets, landmarks,
 * labels, focus on the new screen's heading.
 */
class PlayerLayoutTest extends BrowserTestBase {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Frame open(Page page, Module module) {
        return open(page, module, "null");
    }

    private Frame open(Page page, Module module, String init) {
        String prefix = "/pkg/" + module.id() + "-scorm12/";
        server.putAll(prefix, Packages.module(module.id(), PackageFormat.SCORM_12));
        return ScormLms.launch(page, server, ScormLms.Version.SCORM_12, prefix + "modules/" + module.id() + "/index.html",
                init);
    }

    @Test
    void aLessonOnAPhoneAndOnADesktopFitsTheScreenWithReadableText() throws IOException {
        Module module = Packages.biggestModule();
        for (int[] size : List.of(new int[] {390, 844}, new int[] {1280, 800})) {
            String name = size[0] < 600 ? "phone" : "desktop";
            Page page = newPage(size[0], size[1]);
            PlayerDriver player = new PlayerDriver(open(page, module), module);
            player.start().click("Next lesson").waitForScreen("L1");
            Frame frame = player.frame();
            assertNoHorizontalScroll(frame, name + " lesson 2");
            assertReadable(frame, name);

            Files.createDirectories(SCREENSHOTS);
            byte[] png = page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-" + name + ".png")));
            assertNotBlank(png, name);
            frame.evaluate("() => window.scrollTo(0, document.scrollingElement.scrollHeight)");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lesson-" + name + "-bottom.png")));

            player.readLessons(1).waitForScreen("Q0");
            assertNoHorizontalScroll(frame, name + " question");
            assertNotBlank(page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("question-" + name + ".png"))), name + " question");
            player.answer(0, false);
            frame.evaluate("() => document.getElementById('hp-feedback').scrollIntoView({block: 'end'})");
            assertNoHorizontalScroll(frame, name + " feedback");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("feedback-" + name + ".png")));
            page.close();
        }
    }

    @Test
    void startResultAttestationAndFinishScreensOnAPhone() throws IOException {
        Module module = Packages.catalogue().modules().stream().filter(m -> m.attestation() != null)
                .min((a, b) -> Integer.compare(PlayerDriver.questionCount(a), PlayerDriver.questionCount(b))).orElseThrow();
        Page page = newPage(390, 844);
        PlayerDriver player = new PlayerDriver(open(page, module), module);
        Files.createDirectories(SCREENSHOTS);
        player.waitForScreen("S");
        shoot(page, player, "start-phone");
        player.start().readLessons(0).answerQuestions(0, i -> i == 0);
        shoot(page, player, "result-failed-phone");
        // Each missed objective links to the lesson section that teaches it; the link lands on that section.
        Frame frame = player.frame();
        int missed = frame.locator(".hp-review li").count();
        assertThat(missed).isBetween(1, module.objectives().size());
        frame.locator(".hp-review .hp-button-link").first().click();
        frame.waitForSelector("main[data-screen^='L']");
        assertThat(frame.evaluate("() => document.activeElement.id")).isNotEqualTo("");
        shoot(page, player, "review-section-phone");
        player.readLessons(Integer.parseInt(player.screen().substring(1)));
        player.answerQuestions(0, i -> true);
        shoot(page, player, "result-passed-phone");
        player.click("Continue").waitForScreen("A");
        assertThat(frame.locator(".hp-policy-title").innerText()).isEqualTo(
                Packages.catalogue().policy(module.attestation().policyId()).orElseThrow().title());
        shoot(page, player, "attestation-phone");
        player.click("I acknowledge");
        assertThat(frame.locator(".hp-error").innerText()).contains("Check the box");
        player.acknowledgeAndFinish();
        shoot(page, player, "finish-phone");
    }


    /** On a phone the first screen shows Start (or Resume, saying where it goes) without scrolling. */
    @Test
    void startAndResumeAreOnThePhonesFirstScreenAndTheHeaderStaysInView() {
        Module module = Packages.biggestModule();
        Page page = newPage(390, 844);
        PlayerDriver player = new PlayerDriver(open(page, module), module);
        player.waitForScreen("S");
        assertThat(bottomOf(player.frame(), player.button("Start"))).isLessThanOrEqualTo(844);
        player.start().click("Next lesson").waitForScreen("L1");
        // the header with the progress stays at the top while a long lesson scrolls
        player.frame().evaluate("() => window.scrollTo(0, document.scrollingElement.scrollHeight)");
        assertThat(((Number) player.frame().evaluate(
                "() => document.querySelector('.hp-header').getBoundingClientRect().top")).doubleValue()).isEqualTo(0);
        assertThat(player.frame().locator("#hp-progress").isVisible()).isTrue();

        // Relaunched, the first screen offers Resume, says where it goes back to, and fits without scrolling.
        ScormLms.closeSco(page);
        player = new PlayerDriver(open(page, module, Scorm12PlayerTest.storedForResume(page)), module);
        player.waitForScreen("S");
        var resume = player.button("Resume at lesson 2 of " + module.lessons().size());
        assertThat(resume.isVisible()).isTrue();
        assertThat(bottomOf(player.frame(), resume)).isLessThanOrEqualTo(844);
        assertThat(player.frame().locator("#hp-resume-detail").innerText()).isEqualTo(module.lessons().get(1).title());
    }

    private static double bottomOf(Frame frame, com.microsoft.playwright.Locator locator) {
        return locator.boundingBox().y + locator.boundingBox().height;
    }

    private static void shoot(Page page, PlayerDriver player, String name) {
        assertNoHorizontalScroll(player.frame(), name);
        assertReadable(player.frame(), name);
        assertNotBlank(page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))), name);
    }

    @Test
    void noLessonOfAnyModuleScrollsSidewaysOnAPhone() {
        Page page = newPage(390, 844);
        for (Module module : Packages.catalogue().modules()) {
            PlayerDriver player = new PlayerDriver(open(page, module), module);
            player.start();
            for (int i = 0; i < module.lessons().size(); i++) {
                player.waitForScreen("L" + i);
                assertNoHorizontalScroll(player.frame(), module.id() + " lesson " + (i + 1));
                if (i < module.lessons().size() - 1) {
                    player.click("Next lesson");
                }
            }
        }
    }

    @Test
    void screensHaveLandmarksLabelsLargeTargetsAndFocusTheirHeading() {
        Module module = Packages.biggestModule();
        Page page = newPage(390, 844);
        PlayerDriver player = new PlayerDriver(open(page, module), module);
        Frame frame = player.frame();
        player.start();
        assertThat(frame.locator("header").count()).isEqualTo(1);
        assertThat(frame.locator("main").count()).isEqualTo(1);
        assertThat(frame.locator("main nav[aria-label]").count()).isEqualTo(1);
        assertThat(frame.evaluate("() => document.activeElement === document.querySelector('main h1')")).isEqualTo(true);
        assertThat(frame.evaluate("() => document.documentElement.lang")).isEqualTo("en");

        player.readLessons(0).waitForScreen("Q0");
        assertThat(frame.evaluate("() => document.activeElement.tagName")).isEqualTo("H1");
        assertThat(frame.locator("fieldset legend").count()).isEqualTo(1);
        // every input has a label, and the feedback region is live
        assertThat(frame.evaluate("() => [...document.querySelectorAll('main input')].every(i => i.labels.length === 1"
                + " && i.labels[0].textContent.trim().length > 0)")).isEqualTo(true);
        assertThat(frame.locator("#hp-feedback").getAttribute("aria-live")).isEqualTo("polite");
        // 44px targets: buttons and whole choice rows
        assertThat(minHeight(frame, "main button")).isGreaterThanOrEqualTo(44);
        assertThat(minHeight(frame, ".hp-choice")).isGreaterThanOrEqualTo(44);

        // submitting without a choice explains what to do and keeps the learner on the question
        player.click("Submit answer");
        assertThat(frame.locator(".hp-error").innerText()).contains("Select");
        assertThat(player.screen()).isEqualTo("Q0");
    }

    private static double minHeight(Frame frame, String selector) {
        return ((Number) frame.evaluate("s => Math.min(...[...document.querySelectorAll(s)]"
                + ".map(e => e.getBoundingClientRect().height))", selector)).doubleValue();
    }

    static void assertNoHorizontalScroll(Frame frame, String where) {
        Number scrollWidth = (Number) frame.evaluate("() => document.scrollingElement.scrollWidth");
        Number innerWidth = (Number) frame.evaluate("() => window.innerWidth");
        assertThat(scrollWidth.intValue()).as("scroll width of " + where).isLessThanOrEqualTo(innerWidth.intValue());
    }

    static void assertReadable(Frame frame, String where) {
        // the smallest font size of any visible text in the lesson and its navigation
        Number smallest = (Number) frame.evaluate("() => Math.min(...[...document.querySelectorAll("
                + "'main p, main li, main td, main th, main dd, main dt, main button, main label, header p')]"
                + ".filter(e => e.offsetParent !== null && e.textContent.trim())"
                + ".map(e => parseFloat(getComputedStyle(e).fontSize)))");
        assertThat(smallest.doubleValue()).as("smallest text on " + where).isGreaterThanOrEqualTo(16);
    }

    static void assertNotBlank(byte[] png, String where) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            Set<Integer> colours = new HashSet<>();
            long dark = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    colours.add(rgb);
                    int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                    if (luminance < 300) {
                        dark++;
                    }
                }
            }
            assertThat(colours.size()).as("colours in the " + where + " screenshot").isGreaterThan(20);
            assertThat(dark).as("dark (text) pixels in the " + where + " screenshot").isGreaterThan(500);
        } catch (IOException e) {
            throw new AssertionError("unreadable screenshot", e);
        }
    }
}
