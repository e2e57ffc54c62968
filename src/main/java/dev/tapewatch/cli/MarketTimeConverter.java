package dev.tapewatch.cli;

import dev.tapewatch.market.ExchangeTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An America/New_York date-time such as 2024-01-02T09:30, as epoch milliseconds. */
final class MarketTimeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return ExchangeTime.toEpochMillis(LocalDateTime.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date-time; write e.g. 2024-01-02T09:30"
                    + " (America/New_York)");
        }
    }
}
