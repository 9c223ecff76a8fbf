package org.hipaatraining.lrs.reports;

/** Nothing at this address: a statement id that is not stored, say (404). */
public class ReportNotFoundException extends RuntimeException {

    public ReportNotFoundException(String message) {
        super(message);
    }
}
