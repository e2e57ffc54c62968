package dev.tapewatch.export;

/** A CSV file that does not follow the bar format; the message names the file, line and column. */
public final class CsvFormatException extends IllegalArgumentException {
    public CsvFormatException(String message) {
        super(message);
    }

    public CsvFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
