package dev.tapewatch.market;

import java.time.LocalDate;

/**
 * The exchange day of the time last asked about. Bars come in runs of one day, so the time-zone arithmetic runs
 * once a day instead of once a bar. One per loop: it is not thread-safe.
 */
public final class DayCursor {
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private long regularOpen;
    private LocalDate date;

    /** Moves to the day holding {@code time} (epoch ms); returns this. */
    public DayCursor at(long time) {
        if (time < start || time >= end) {
            date = ExchangeTime.dayOf(time);
            start = ExchangeTime.startOfDay(date);
            end = ExchangeTime.endOfDay(date);
            regularOpen = ExchangeTime.toEpochMillis(date, ExchangeTime.REGULAR_OPEN);
        }
        return this;
    }

    public LocalDate date() {
        return date;
    }

    /** Midnight of the day, epoch ms. */
    public long start() {
        return start;
    }

    /** 09:30 of the day, epoch ms. */
    public long regularOpen() {
        return regularOpen;
    }
}
