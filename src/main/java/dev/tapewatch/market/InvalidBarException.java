package dev.tapewatch.market;

/** A bar whose fields contradict each other or the rules of a trade aggregate; names the field and value. */
public final class InvalidBarException extends IllegalArgumentException {
    private final String field;

    public InvalidBarException(String symbol, long start, String field, Object value, String rule) {
        super("invalid bar " + symbol + " at " + start + ": " + field + " " + value + " " + rule);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
