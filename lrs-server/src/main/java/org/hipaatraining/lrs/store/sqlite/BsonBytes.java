package org.hipaatraining.lrs.store.sqlite;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Documents as the BSON bytes the store keeps: the same encoding as on the wire, so a stored row is a valid BSON
 * document (a backup writes the rows as they are, in mongodump's format).
 */
public final class BsonBytes {

    private BsonBytes() {
    }

    public static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    public static Document decode(byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }

    /** Any value (an array, a binary, a sub-document) as the bytes of a one-field document, for equality keys. */
    static byte[] encodeValue(Object value) {
        return encode(new Document("v", value));
    }
}
