package org.hipaatraining.lrs.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.microsoft.playwright.Page;

/**
 * Content-Security-Policy violations in a browser test's pages (an inline script or style refused, a form action
 * blocked): a page that works only because a test does not look would break for real users. Chromium writes most to
 * the console; a listener for the {@code securitypolicyviolation} event in every frame writes the rest there too.
 * Watch every page a test opens, then assert there were none.
 */
public final class PolicyViolations {

    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    private static final String REPORTER = "document.addEventListener('securitypolicyviolation', e => console.error("
            + "'Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile"
            + " + ':' + e.lineNumber));";

    public Page watch(Page page) {
        page.addInitScript(REPORTER);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                seen.add(page.url() + ": " + message.text());
            }
        });
        return page;
    }

    public void assertNone() {
        synchronized (seen) {
            assertThat(new ArrayList<>(seen)).as("Content-Security-Policy violations").isEmpty();
        }
    }
}
