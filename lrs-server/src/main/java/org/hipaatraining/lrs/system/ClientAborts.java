package org.hipaatraining.lrs.system;

/** Failures that only mean the client stopped listening (closed the connection mid-response). */
final class ClientAborts {

    private ClientAborts() {
    }

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
}
