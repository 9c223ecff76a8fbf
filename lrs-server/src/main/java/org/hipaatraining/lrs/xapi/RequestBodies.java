package org.hipaatraining.lrs.xapi;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.xapimodel.XapiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Reads request bodies within the configured size limit. */
public final class RequestBodies {

    static final String LIMIT_ATTRIBUTE = RequestBodies.class.getName() + ".limit";

    private RequestBodies() {
    }

    /** The whole body; a body over {@code lrs.xapi.max-body-size} is a 413, however it is sent (chunked or not). */
    public static byte[] read(HttpServletRequest request) {
        Object limitAttribute = request.getAttribute(LIMIT_ATTRIBUTE);
        long limit = limitAttribute instanceof Long l ? l : Long.MAX_VALUE;
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        } catch (IOException e) {
            // The connection broke or the chunked encoding is malformed: the client's request, not our failure.
            throw XapiException.badRequest("the request body could not be read to its end (cut short, or malformed "
                    + "chunked encoding)");
        }
    }

    static XapiException tooLarge(long limit) {
        return new XapiException(HttpStatus.CONTENT_TOO_LARGE,
                "the request body is larger than this LRS accepts (" + limit + " bytes; lrs.xapi.max-body-size)");
    }

    /** Parses a Content-Type, turning a malformed one into a 400. */
    public static MediaType mediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw XapiException.badRequest("Content-Type: '" + contentType + "' is not a valid media type");
        }
    }
}
