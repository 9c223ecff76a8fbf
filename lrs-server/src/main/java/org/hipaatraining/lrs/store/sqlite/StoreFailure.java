package org.hipaatraining.lrs.store.sqlite;

import java.sql.SQLException;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite file refused an operation: the disk is full or read-only, or an I/O error occurred. It is deliberately
 * not a MongoDB "server error": mongo-java-server catches those per document and carries on with the rest of an
 * insert, whereas this must end the command so that its transaction is rolled back whole.
 */
final class StoreFailure extends RuntimeException {

    /** Why the store failed, in words an operator acts on. */
    enum Kind {
        DISK_FULL("the disk holding the data is full"),
        READ_ONLY("the data folder is read-only"),
        IO_ERROR("the disk reported an I/O error"),
        BUSY("the data file is locked by another process"),
        CORRUPT("the data file is damaged"),
        OTHER("the store failed");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    private final Kind kind;

    private StoreFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    static StoreFailure of(String sql, SQLException e) {
        Kind kind = kindOf(e);
        return new StoreFailure(kind, kind.words + " (" + e.getMessage() + ")", e);
    }

    private static Kind kindOf(SQLException e) {
        if (!(e instanceof SQLiteException sqlite)) {
            return Kind.OTHER;
        }
        SQLiteErrorCode code = sqlite.getResultCode();
        // extended codes (SQLITE_IOERR_FSYNC, SQLITE_READONLY_DBMOVED, ...) share their primary code's low byte
        int primary = code.code & 0xFF;
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return Kind.DISK_FULL;
        } else if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_PERM.code
                || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return Kind.READ_ONLY;
        } else if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return Kind.IO_ERROR;
        } else if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return Kind.BUSY;
        } else if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return Kind.CORRUPT;
        }
        return Kind.OTHER;
    }
}
