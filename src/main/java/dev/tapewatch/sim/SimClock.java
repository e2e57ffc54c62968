package dev.tapewatch.sim;

import dev.tapewatch.market.ExchangeTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * The simulated market's clock: starts at a chosen market time and runs {@code speed} times faster than the
 * real clock. Speed 0 means "as fast as the consumer takes it": the server then paces by itself. A replay can
 * pause it, resume it and change its speed; each change re-anchors the clock where it stands, so market time
 * never jumps.
 */
public final class SimClock {
    /** The fastest a market runs, in simulated seconds per real second. */
    public static final double MAX_SPEED = 10_000;

    /** From real time {@code realNanos} on, market time runs from {@code market} at {@code speed} (0 when paused). */
    private record Pace(long market, long realNanos, double speed, boolean paused) {
        long now(long nanos) {
            return paused ? market : market + (long) ((nanos - realNanos) / 1e6 * speed);
        }
    }

    private final long startMarketMillis;
    private volatile Pace pace;

    public SimClock(long startMarketMillis, double speed) {
        checkSpeed(speed);
        this.startMarketMillis = startMarketMillis;
        this.pace = new Pace(startMarketMillis, System.nanoTime(), speed, false);
    }

    /**
     * The one rule for a market's speed (the simulator's, a replay's, whoever gives it): what is wrong with
     * {@code speed}, as "must be a number from 0 ... , was 20000.0" for the caller to name it, or null when it is
     * allowed.
     */
    public static String speedProblem(double speed) {
        return Double.isFinite(speed) && speed >= 0 && speed <= MAX_SPEED ? null
                : "must be a number from 0 (as fast as possible) to " + (long) MAX_SPEED
                        + " simulated seconds per second, was " + speed;
    }

    /** {@code speed} when {@link #speedProblem} finds nothing wrong with it; else an exception that says what. */
    public static double checkSpeed(double speed) {
        String problem = speedProblem(speed);
        if (problem != null) {
            throw new IllegalArgumentException("the speed " + problem);
        }
        return speed;
    }

    public double speed() {
        return pace.speed();
    }

    public boolean paused() {
        return pace.paused();
    }

    public long start() {
        return startMarketMillis;
    }

    /** Market time now (epoch ms); with speed 0 it stays at the start, and paused it stands still. */
    public long now() {
        return pace.now(System.nanoTime());
    }

    /** Jumps the market clock forward (over nights and weekends) without changing its pace. */
    public synchronized void skipTo(long marketMillis) {
        long nanos = System.nanoTime();
        Pace current = pace;
        if (marketMillis > current.now(nanos)) {
            pace = new Pace(marketMillis, nanos, current.speed(), current.paused());
        }
    }

    /** Stops market time where it is until {@link #resume}. */
    public synchronized void pause() {
        long nanos = System.nanoTime();
        Pace current = pace;
        pace = new Pace(current.now(nanos), nanos, current.speed(), true);
    }

    public synchronized void resume() {
        Pace current = pace;
        pace = new Pace(current.market(), System.nanoTime(), current.speed(), false);
    }

    /** Runs again from its start, as of now (a market that waited for its first client). */
    public synchronized void restart() {
        pace = new Pace(startMarketMillis, System.nanoTime(), pace.speed(), false);
    }

    /** Runs on from now at {@code speed} (above 0: a clock that paces by its consumer cannot be given a pace). */
    public synchronized void speed(double speed) {
        if (!(speed > 0) || pace.speed() == 0) {
            throw new IllegalArgumentException("a paced clock's speed must be above 0, was " + speed);
        }
        checkSpeed(speed);
        long nanos = System.nanoTime();
        Pace current = pace;
        pace = new Pace(current.now(nanos), nanos, speed, current.paused());
    }

    /** Real nanoTime at which the market clock reaches {@code marketMillis}; far in the future while paused. */
    public long realNanosAt(long marketMillis) {
        Pace current = pace;
        if (current.paused()) {
            return Long.MAX_VALUE / 2;
        }
        return current.realNanos() + (long) ((marketMillis - current.market()) * 1e6 / current.speed());
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
