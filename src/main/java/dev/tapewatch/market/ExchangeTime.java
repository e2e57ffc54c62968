package dev.tapewatch.market;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The exchange's clock (America/New_York): the core keeps epoch millis, this applies the zone at the edges. */
public final class ExchangeTime {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    public static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    public static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    public static final LocalTime AFTER_HOURS_CLOSE = LocalTime.of(20, 0);

    private ExchangeTime() {
    }

    public static LocalDate dayOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(ZONE).toLocalDate();
    }

    public static LocalDateTime localDateTime(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZONE);
    }

    public static long toEpochMillis(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE).toInstant().toEpochMilli();
    }

    public static long toEpochMillis(LocalDateTime dateTime) {
        return dateTime.atZone(ZONE).toInstant().toEpochMilli();
    }

    /** Midnight of the day in the exchange's zone, inclusive. */
    public static long startOfDay(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    /** Midnight of the next day in the exchange's zone, exclusive; 23 or 25 hours on DST days. */
    public static long endOfDay(LocalDate date) {
        return startOfDay(date.plusDays(1));
    }

    public static boolean isWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> false;
            default -> true;
        };
    }
}
