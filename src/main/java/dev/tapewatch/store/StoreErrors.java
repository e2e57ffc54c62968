package dev.tapewatch.store;

import java.sql.SQLException;
import org.h2.api.ErrorCode;
import java.util.Locale;

/** Turns JDBC failures into messages that name the database, the cause and the remedy. */
final class StoreErrors {

    private StoreErrors() {
    }

    static StoreException translate(SQLException e, StoreLocation location, String action) {
        String where = location.describe();
        String text = fullText(e).toLowerCase(Locale.ROOT);
        int code = e.getErrorCode();
        String message;
        if (location.isPostgres()) {
            return new StoreException(postgres(e, location, action), e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException ours) { // thrown inside H2, by H2OpenRecovery
                return new StoreException(ours.getMessage(), e);
            }
        }
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || text.contains("already in use")) {
            message = "Database " + where + " is in use by another process (is Tapewatch already running?)."
                    + " Close that program, or pass --db to use another database.";
        } else if (text.contains("no space left") || text.contains("disk full")) {
            message = "Cannot " + action + " " + where + ": the disk is full."
                    + " Free some space and try again; data already stored is kept.";
        } else if (text.contains("could not sync file")) {
            message = "Cannot " + action + " " + where + ": the disk did not confirm the write (fsync failed: "
                    + rootMessage(e) + "). Check the disk (the system log names the error); data already stored is"
                    + " kept.";
        } else if (code == ErrorCode.FILE_CORRUPTED_1 || text.contains("corrupt") || text.contains("not a valid")
                || text.contains("file header") || unreadableStore(text)) {
            message = "Database " + where + " is damaged or is not a Tapewatch database."
                    + " Move it aside (keep it for recovery) or pass --db to use another database.";
        } else if (code == ErrorCode.DATABASE_NOT_FOUND_1 || code == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1
                || text.contains("not found")) {
            message = "No database at " + where + ". Record some bars first (tapewatch record)"
                    + " or pass --db with the path of an existing database.";
        } else if (code == ErrorCode.FILE_CREATION_FAILED_1 || code == ErrorCode.IO_EXCEPTION_1
                || code == ErrorCode.IO_EXCEPTION_2
                || text.contains("access denied") || text.contains("permission denied")
                || text.contains("read only") || text.contains("read-only")) {
            message = "Cannot " + action + " " + where + ": " + firstLine(e)
                    + ". Check that the folder exists and is writable, or pass --db to choose another location.";
        } else if (code == ErrorCode.WRONG_USER_OR_PASSWORD) {
            message = "Database " + where + " refused the user name or password.";
        } else {
            message = "Cannot " + action + " " + where + ": " + firstLine(e);
        }
        return new StoreException(message, e);
    }

    /**
     * Whether the failure is a database server out of reach (SQLSTATE class 08, a pool that cannot connect, the
     * server starting up or shutting down): it may come back, unlike a full disk or a refused login.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && (sql.getSQLState().startsWith("08")
                    || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P03"))) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL names its failures by SQLSTATE class: connection (08), login (28), missing database (3D). */
    private static String postgres(SQLException e, StoreLocation location, String action) {
        String where = location.describe();
        String state = String.valueOf(e.getSQLState());
        if (state.startsWith("08")) {
            return "Cannot reach PostgreSQL at " + where + ": " + firstLine(e) + ". Check that the server runs and"
                    + " listens there (pg_lsclusters, pg_isready), or fix the host and port in --db.";
        }
        if (state.startsWith("28")) {
            return "PostgreSQL at " + where + " refused the login: " + firstLine(e) + ". Put the password in"
                    + " PGPASSWORD or ~/.pgpass (or password= in the URL), or name another user with user=.";
        }
        if (state.equals("3D000")) {
            return "There is no database " + where + " on that server. Create it (createdb, or CREATE DATABASE)"
                    + " or name an existing one in --db.";
        }
        if (state.equals("53100")) {
            return "Cannot " + action + " " + where + ": the server's disk is full. Free some space and try again;"
                    + " data already stored is kept.";
        }
        return "Cannot " + action + " " + where + ": " + firstLine(e);
    }

    /** H2 reports a file that is not an H2 store as a failed or short read of its chunks. */
    private static boolean unreadableStore(String text) {
        return text.contains("mvstoreexception") && (text.contains("reading from file") || text.contains("eofexception"));
    }

    private static String fullText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return firstLine(root);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        int code = message.lastIndexOf(" [");
        return (code > 0 ? message.substring(0, code) : message).replaceAll("[;.]\\s*$", "");
    }
}
