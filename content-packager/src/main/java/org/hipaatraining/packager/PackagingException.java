package org.hipaatraining.packager;

/**
 * A package cannot be built from this content. The message names the module, the file and the element, e.g.
 * {@code privacy/lessons/what-is-phi.html: <img src="images/x.png">: no such image}, so a content author can fix it
 * without reading code.
 */
public class PackagingException extends RuntimeException {

    public PackagingException(String message) {
        super(message);
    }

    public PackagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
