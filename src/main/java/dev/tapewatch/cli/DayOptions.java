package dev.tapewatch.cli;

import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.DayCount;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --date} and an optional {@code --symbol}: a trading day, of one ticker or of all stored that day. */
final class DayOptions {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "Trading day (America/New_York).")
    LocalDate date;

    @Option(names = "--symbol", paramLabel = "SYMBOL", converter = SymbolConverter.class,
            description = "Only this ticker (default: every symbol stored that day).")
    String symbol;

    long from() {
        return ExchangeTime.startOfDay(date);
    }

    long to() {
        return ExchangeTime.endOfDay(date);
    }

    /** The symbol asked for, or every symbol with bars stored that day. */
    List<String> symbols(BarStore store) {
        return symbol != null ? List.of(symbol) : store.days(null).stream()
                .filter(day -> day.date().equals(date)).map(DayCount::symbol).toList();
    }

    /** A time of day in the exchange's zone, {@code HH:mm:ss}. */
    static String clock(long epochMillis) {
        return CLOCK.format(ExchangeTime.localDateTime(epochMillis));
    }
}
