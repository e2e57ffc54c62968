package dev.tapewatch.app;

import dev.tapewatch.market.Bar;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a stored day of one symbol with the provider's own second bars ("check accuracy and any drops"):
 * seconds equal on both sides, missing here (drops), missing there, and revised (same second, other values:
 * late trades revise a second for up to 15 minutes, and some only at the end of the day). Without the provider
 * it still finds drops from the stream's accumulated volume: a jump in {@code av} larger than the volume of the
 * bar that carries it means bars in between never arrived.
 */
public final class Audit {

    /** A second the two sides disagree on. */
    public record Revision(Bar ours, Bar theirs) {
    }

    /** Between two stored bars with accumulated volume, {@code missingVolume} shares arrived in no stored bar. */
    public record VolumeJump(long after, long at, double missingVolume) {
    }

    /** One symbol's findings; {@code theirs} is null when the provider was not asked. */
    public record Report(String symbol, int equal, List<Bar> missingHere, List<Bar> missingThere,
                         List<Revision> revised, List<VolumeJump> jumps) {
        public boolean matches() {
            return missingHere.isEmpty() && missingThere.isEmpty() && revised.isEmpty() && jumps.isEmpty();
        }

        /** The provider's version of every second missing here or revised: what {@code --fix} stores. */
        public List<Bar> fixes() {
            List<Bar> fixes = new ArrayList<>(missingHere);
            revised.forEach(revision -> fixes.add(revision.theirs()));
            return fixes;
        }
    }

    /** What reports add up to: seconds missing here, missing there, revised, volume jumps, and in how many symbols. */
    public record Totals(int symbols, int differing, long equal, long missingHere, long missingThere, long revised,
                         long volumeJumps) {
        public static Totals of(List<Report> reports) {
            int differing = 0;
            long equal = 0;
            long here = 0;
            long there = 0;
            long revised = 0;
            long jumps = 0;
            for (Report report : reports) {
                differing += report.matches() ? 0 : 1;
                equal += report.equal();
                here += report.missingHere().size();
                there += report.missingThere().size();
                revised += report.revised().size();
                jumps += report.jumps().size();
            }
            return new Totals(reports.size(), differing, equal, here, there, revised, jumps);
        }

        /** "12 missing here · 0 missing there · 3 revised" (and "in 2 of 5 symbols" for several): the window's. */
        public String brief() {
            return String.format("%,d missing here · %,d missing there · %,d revised%s%s", missingHere, missingThere,
                    revised, volumeJumps == 0 ? "" : String.format(" · %,d volume jumps", volumeJumps),
                    symbols == 1 ? "" : " in " + differing + " of " + symbols + " symbols");
        }

        /** "12 seconds missing here, 0 missing there, 3 revised in 2 of 5 symbols": the command line's. */
        public String describe() {
            return String.format("%,d seconds missing here, %,d missing there, %,d revised%s in %d of %d symbol%s",
                    missingHere, missingThere, revised, volumeJumps == 0 ? "" : String.format(", %,d volume jumps",
                            volumeJumps), differing, symbols, symbols == 1 ? "" : "s");
        }
    }

    private Audit() {
    }

    /** Both lists in time order, one bar per second. */
    public static Report compare(String symbol, List<Bar> ours, List<Bar> theirs) {
        List<Bar> missingHere = new ArrayList<>();
        List<Bar> missingThere = new ArrayList<>();
        List<Revision> revised = new ArrayList<>();
        int equal = 0;
        int i = 0;
        int j = 0;
        while (i < ours.size() || j < theirs.size()) {
            if (j == theirs.size() || (i < ours.size() && ours.get(i).start() < theirs.get(j).start())) {
                missingThere.add(ours.get(i++));
            } else if (i == ours.size() || theirs.get(j).start() < ours.get(i).start()) {
                missingHere.add(theirs.get(j++));
            } else {
                Bar mine = ours.get(i++);
                Bar provider = theirs.get(j++);
                if (mine.sameTrades(provider)) {
                    equal++;
                } else {
                    revised.add(new Revision(mine, provider));
                }
            }
        }
        return new Report(symbol, equal, missingHere, missingThere, revised, List.of());
    }

    /** Offline: drops found from the accumulated volume of consecutive stored stream bars. */
    public static Report continuity(String symbol, List<Bar> ours) {
        List<VolumeJump> jumps = new ArrayList<>();
        Bar previous = null;
        for (Bar bar : ours) {
            if (Double.isNaN(bar.accumulatedVolume())) {
                continue;
            }
            if (previous != null) {
                double missing = bar.accumulatedVolume() - previous.accumulatedVolume() - bar.volume();
                // Providers send whole-share accumulations beside fractional bar volumes: allow one share.
                if (missing > 1 + 1e-9 * bar.accumulatedVolume()) {
                    jumps.add(new VolumeJump(previous.start(), bar.start(), missing));
                }
            }
            previous = bar;
        }
        return new Report(symbol, ours.size(), List.of(), List.of(), List.of(), jumps);
    }
}
