package dev.tapewatch.sim;

import dev.tapewatch.market.ExchangeTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The simulated market's clock: starts at a chosen market time and runs {@code speed} times faster than the
 * real clock. Speed 0 means "as fast as the consumer takes it": the server then paces by itself.
 */
public final class SimClock {
    private final long startMarketMillis;
    private final long startRealNanos;
    private final double speed;
    private volatile long skipped;

    public SimClock(long startMarketMillis, double speed) {
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be >= 0, was " + speed);
        }
        this.startMarketMillis = startMarketMillis;
        this.startRealNanos = System.nanoTime();
        this.speed = speed;
    }

    public double speed() {
        return speed;
    }

    public long start() {
        return startMarketMillis;
    }

    /** Market time now (epoch ms); with speed 0 it stays at the start. */
    public long now() {
        return startMarketMillis + skipped + (long) ((System.nanoTime() - startRealNanos) / 1e6 * speed);
    }

    /** Jumps the market clock forward (over nights and weekends) without changing its pace. */
    public void skipTo(long marketMillis) {
        long now = now();
        if (marketMillis > now) {
            skipped += marketMillis - now;
        }
    }

    /** Real nanoTime at which the market clock reaches {@code marketMillis}. */
    long realNanosAt(long marketMillis) {
        return startRealNanos + (long) ((marketMillis - startMarketMillis - skipped) * 1e6 / speed);
    }

    /**
     * The default start: the real time when the market is open (04:00–20:00 ET on a weekday), otherwise
     * 09:30 ET of the most recent weekday, so the simulated market is always alive.
     */
    public static long defaultStart(ZonedDateTime now) {
        ZonedDateTime exchange = now.withZoneSameInstant(ExchangeTime.ZONE);
        LocalDate date = exchange.toLocalDate();
        LocalTime time = exchange.toLocalTime();
        boolean weekday = ExchangeTime.isWeekday(date);
        if (weekday && !time.isBefore(ExchangeTime.PRE_MARKET_OPEN) && time.isBefore(ExchangeTime.AFTER_HOURS_CLOSE)) {
            return exchange.toInstant().toEpochMilli() / 1000 * 1000;
        }
        if (!weekday || time.isBefore(ExchangeTime.PRE_MARKET_OPEN)) {
            date = previousWeekday(date);
        }
        return ExchangeTime.toEpochMillis(LocalDateTime.of(date, ExchangeTime.REGULAR_OPEN));
    }

    /** 04:00 ET of the first weekday after the day of {@code marketMillis}. */
    public static long nextSessionOpen(long marketMillis) {
        LocalDate day = ExchangeTime.dayOf(marketMillis).plusDays(1);
        while (!ExchangeTime.isWeekday(day)) {
            day = day.plusDays(1);
        }
        return ExchangeTime.toEpochMillis(day, ExchangeTime.PRE_MARKET_OPEN);
    }

    private static LocalDate previousWeekday(LocalDate date) {
        LocalDate day = date.minusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }
}
