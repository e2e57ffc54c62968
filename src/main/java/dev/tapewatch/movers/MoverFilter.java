package dev.tapewatch.movers;

import java.util.Locale;
import java.util.Set;

/**
 * Which movers a trader wants listed: a price range, a minimum volume today, a minimum relative volume, a minimum
 * score and the kinds of move ("burst", "block", "price"; a "burst+price" spike is both a burst and a price move).
 */
public record MoverFilter(double minPrice, double maxPrice, double minVolumeToday, double minRelativeVolume,
                          double minScore, Set<String> kinds) {
    public static final Set<String> KINDS = Set.of("burst", "block", "price");
    public static final MoverFilter ALL = new MoverFilter(0, Double.POSITIVE_INFINITY, 0, 0, 0, KINDS);

    public MoverFilter {
        if (!(minPrice >= 0) || !(maxPrice >= minPrice)) {
            throw new IllegalArgumentException("the price range must run from 0 or more up, was " + minPrice + " to "
                    + maxPrice);
        }
        if (!(minVolumeToday >= 0) || !(minRelativeVolume >= 0) || !(minScore >= 0)) {
            throw new IllegalArgumentException("minimum volume, relative volume and score must be 0 or more");
        }
        kinds = Set.copyOf(kinds);
        for (String kind : kinds) {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown kind '" + kind + "': burst, block or price");
            }
        }
    }

    /** Parses "burst,block" into kinds (case and spaces ignored); blank means every kind. */
    public static Set<String> parseKinds(String text) {
        if (text == null || text.isBlank()) {
            return KINDS;
        }
        Set<String> kinds = new java.util.TreeSet<>();
        for (String part : text.split(",")) {
            String kind = part.trim().toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown kind '" + part.trim() + "': burst, block or price");
            }
            kinds.add(kind);
        }
        return kinds;
    }

    public MoverFilter withMinScore(double value) {
        return new MoverFilter(minPrice, maxPrice, minVolumeToday, minRelativeVolume, value, kinds);
    }

    public boolean accepts(Mover mover) {
        return mover.score() >= minScore && mover.price() >= minPrice && mover.price() <= maxPrice
                && !(mover.volumeToday() < minVolumeToday)
                && (minRelativeVolume == 0 || mover.relativeVolume() >= minRelativeVolume)
                && kindAccepted(mover.kind());
    }

    private boolean kindAccepted(String label) {
        for (String part : label.split("\\+")) {
            if (kinds.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
