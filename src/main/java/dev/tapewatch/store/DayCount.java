package dev.tapewatch.store;

import java.time.LocalDate;

/** How many bars a symbol has on one exchange (America/New_York) trading day. */
public record DayCount(String symbol, LocalDate date, long bars) {
}
