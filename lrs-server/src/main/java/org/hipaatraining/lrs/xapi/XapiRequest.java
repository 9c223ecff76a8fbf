package org.hipaatraining.lrs.xapi;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.springframework.util.MultiValueMap;

/** Per-request xAPI facts set by {@link XapiRequestFilter}, and parameter checks every resource shares. */
public final class XapiRequest {

    static final String VERSION_ATTRIBUTE = XapiRequest.class.getName() + ".version";

    private XapiRequest() {
    }

    /** The xAPI version the request asked for (the filter has already refused requests without one). */
    public static XapiVersion version(HttpServletRequest request) {
        Object version = request.getAttribute(VERSION_ATTRIBUTE);
        return version instanceof XapiVersion v ? v : XapiVersion.V1_0_3;
    }

    /** Refuses any parameter not in {@code allowed}: xAPI resources reject what they do not understand. */
    public static void allowOnly(MultiValueMap<String, String> params, Set<String> allowed) {
        allowOnly(params, allowed, null);
    }

    public static void allowOnly(MultiValueMap<String, String> params, Set<String> allowed, String context) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw XapiException.badRequest(name + ": not a parameter this resource accepts"
                        + (context == null ? "" : " " + context) + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
