package dev.tapewatch.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** {@code --symbol} and {@code --date}: one symbol's trading day, for the commands that read one. */
final class SymbolDayOptions {
    @Option(names = "--symbol", required = true, paramLabel = "SYMBOL", converter = SymbolConverter.class,
            description = "Ticker, e.g. SPY.")
    String symbol;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
            description = "Trading day (America/New_York).")
    LocalDate date;
}
