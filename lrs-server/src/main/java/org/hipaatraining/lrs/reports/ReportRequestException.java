package org.hipaatraining.lrs.reports;

/** A report asked for with a parameter it cannot use: a 400 whose message names the parameter and what it accepts. */
public class ReportRequestException extends RuntimeException {

    public ReportRequestException(String message) {
        super(message);
    }
}
