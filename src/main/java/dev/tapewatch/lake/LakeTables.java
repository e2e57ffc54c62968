package dev.tapewatch.lake;

import dev.tapewatch.market.Bar;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.CoverageSpan;
import java.util.Locale;

/**
 * The lake's three tables. Column names follow the CSV export's; times are both a real timestamp ({@code time},
 * UTC) and the epoch milliseconds the CSV carries. Day fields a provider did not send are null, as is
 * {@code trades} (no stored bar knows its trade count yet).
 */
public final class LakeTables {
    /** A bar with whether it lies inside a stored spike. */
    public record Row(Bar bar, boolean spike) {
    }

    public static final ParquetTable<Row> BARS = new ParquetTable<Row>("bar")
            .text("symbol", row -> row.bar().symbol())
            .timestamp("time", row -> row.bar().start())
            .int64("start_ms", row -> row.bar().start())
            .int64("end_ms", row -> row.bar().end())
            .float64("open", row -> row.bar().open())
            .float64("high", row -> row.bar().high())
            .float64("low", row -> row.bar().low())
            .float64("close", row -> row.bar().close())
            .float64("volume", row -> row.bar().volume())
            .float64("vwap", row -> row.bar().vwap())
            .optionalFloat64("accumulated_volume", row -> row.bar().accumulatedVolume())
            .optionalFloat64("day_open", row -> row.bar().dayOpen())
            .optionalFloat64("day_vwap", row -> row.bar().dayVwap())
            .optionalFloat64("avg_trade_size", row -> row.bar().averageTradeSize())
            .optionalInt64("trades", row -> true, row -> 0) // always null until a stored bar knows its trade count
            .bool("otc", row -> row.bar().otc())
            .text("source", row -> row.bar().source().id())
            .bool("spike", Row::spike);

    public static final ParquetTable<Spike> SPIKES = new ParquetTable<Spike>("spike")
            .text("symbol", Spike::symbol)
            .timestamp("time", Spike::start)
            .int64("start_ms", Spike::start)
            .int64("end_ms", Spike::end)
            .int64("peak_ms", Spike::peakTime)
            .text("kind", spike -> kindName(spike.kind()))
            .float64("score", Spike::peakScore)
            .float64("volume_multiple", Spike::volumeMultiple);

    public static final ParquetTable<CoverageSpan> COVERAGE = new ParquetTable<CoverageSpan>("coverage")
            .int64("id", CoverageSpan::id)
            .text("symbols", span -> String.join(",", span.symbols()))
            .timestamp("time", CoverageSpan::start)
            .int64("start_ms", CoverageSpan::start)
            .int64("end_ms", CoverageSpan::end)
            .optionalText("end_reason", CoverageSpan::endReason);

    private LakeTables() {
    }

    /** How a spike's kind is written wherever a person reads it: lower case, as {@code study --kind} takes it. */
    public static String kindName(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
