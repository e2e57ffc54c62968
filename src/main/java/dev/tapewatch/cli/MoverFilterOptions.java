package dev.tapewatch.cli;

import dev.tapewatch.movers.MoverFilter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The window's movers filters as options. */
final class MoverFilterOptions {
    @Option(names = "--min-score", defaultValue = "0", description = "Only movers scoring at least this (a volume"
            + " spike scores its multiple of a usual traded second, a price spike its deviations; the detector's"
            + " own minimum, 10 by default, applies first).")
    double minScore;

    @Option(names = "--min-price", defaultValue = "0", description = "Only movers at or above this price.")
    double minPrice;

    @Option(names = "--max-price", description = "Only movers at or below this price.")
    Double maxPrice;

    @Option(names = "--min-volume", defaultValue = "0", description = "Only movers that traded at least this many"
            + " shares today.")
    double minVolume;

    @Option(names = "--min-rel-volume", defaultValue = "0", description = "Only movers whose last minute traded at"
            + " least this many times today's average minute.")
    double minRelativeVolume;

    @Option(names = "--kinds", paramLabel = "burst,block,price", description = "Only these kinds of move"
            + " (default: all).")
    String kinds;

    MoverFilter filter(CommandSpec spec) {
        try {
            return new MoverFilter(minPrice, maxPrice == null ? Double.POSITIVE_INFINITY : maxPrice, minVolume,
                    minRelativeVolume, minScore, MoverFilter.parseKinds(kinds));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
