package org.hipaatraining.content;

/** The content folder is not in the documented format; the message names the file and the field. */
public class ContentException extends RuntimeException {

    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
