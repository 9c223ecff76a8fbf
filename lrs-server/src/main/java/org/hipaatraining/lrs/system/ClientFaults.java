package org.hipaatraining.lrs.system;

import java.util.Optional;

/**
 * Failures that are the client's doing, told apart from the server's own. Tomcat and Spring read parts of a request
 * lazily (parameters, Accept-Language, Content-Type), and a malformed part throws wherever it is first read: in a
 * filter, in argument binding, in a controller. Those are a 400, whoever trips over them; a client that stopped
 * listening needs no answer at all.
 */
public final class ClientFaults {

    private ClientFaults() {
    }

    /** The client closed the connection mid-response: nothing to answer, nothing to fix. */
    static boolean isAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.equals("org.apache.catalina.connector.ClientAbortException")
                    || name.equals("org.springframework.web.context.request.async.AsyncRequestNotUsableException")) {
                return true;
            }
        }
        return false;
    }

    /** What is malformed in the request, when the failure came from reading it rather than from our code. */
    public static Optional<String> malformedRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.springframework.security.web.firewall.RequestRejectedException")) {
                return Optional.of("a header, parameter or the path holds characters this server refuses");
            }
            if (t.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return Optional.of("a query or form parameter is malformed: each '%' must start a UTF-8 escape such as %20");
            }
            if (t instanceof IllegalArgumentException && readingTheRequest(t)) {
                return Optional.of(inLocales(t) ? "Accept-Language: malformed or naming more languages than this server reads"
                        : "a header of the request is malformed (Content-Type or Accept-Language)");
            }
        }
        return Optional.empty();
    }

    /** Thrown while the container or Spring parsed the request, before any of our code was involved. */
    private static boolean readingTheRequest(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("org.hipaatraining.")) {
                return false;
            }
            if (type.equals("org.apache.catalina.connector.Request") || type.startsWith("org.apache.tomcat.util.http.")
                    || type.equals("org.springframework.http.server.ServletServerHttpRequest")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inLocales(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getMethodName().contains("Locale")) {
                return true;
            }
        }
        return false;
    }
}
