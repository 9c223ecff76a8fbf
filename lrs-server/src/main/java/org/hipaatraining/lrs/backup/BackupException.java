package org.hipaatraining.lrs.backup;

/** A backup cannot be made, checked or restored; the message says why in an operator's words. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }
}
