package org.hipaatraining.lrs.system;

/**
 * The Content-Security-Policy of each kind of page, set by each security filter chain. Our own pages load scripts and
 * styles from this origin only (no inline script, no inline style), so an injected {@code <script>} or
 * {@code javascript:} URL does not run even if a template ever failed to escape something.
 */
public final class ContentSecurityPolicies {

    /** The admin pages, sign-in, error pages and public certificate check: never framed, forms post here only. */
    public static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** The OpenAPI browser (/api/docs): its bundle sets inline styles; still no inline or foreign script. */
    public static final String API_DOCS = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** LTI pages are shown in the LMS's iframe (any origin may frame them); their forms post here only. */
    public static final String LTI = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'";

    /**
     * Course content (cmi5 AUs, ours and third parties'): players use inline scripts, CDNs and the LMS's frame, so only
     * plugins and base-URL hijacking are shut. Uploaded content belongs on its own origin ({@code lrs.cmi5.content-url}).
     */
    public static final String COURSE_CONTENT = "object-src 'none'; base-uri 'self'";

    /** JSON APIs: nothing in a response may load or run anything, or be framed. */
    public static final String API = "default-src 'none'; frame-ancestors 'none'";

    private ContentSecurityPolicies() {
    }

    /** The LTI policy with one more form target: the deep-link return goes to the LMS's URL. */
    public static String ltiPostingTo(String origin) {
        return LTI.replace("form-action 'self'", "form-action 'self' " + origin);
    }
}
