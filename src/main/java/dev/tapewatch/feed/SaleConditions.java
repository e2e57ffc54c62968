package dev.tapewatch.feed;

import java.util.List;
import java.util.Map;

/**
 * What a trade updates in a consolidated bar, by its sale conditions: high and low, the last price (open and close),
 * and volume. The consolidated tape's rules, from the CTA Plan's and the UTP Plan's sale condition matrices (the
 * "consolidated" columns; CTA Binary Output Specification and UTP Trade Data Feed Specification, appendix "sale
 * conditions"), for the one-letter codes Alpaca passes on from both SIPs. A trade with several conditions updates a
 * field only if every one of them allows it; an unknown condition allows nothing but volume.
 *
 * <pre>
 * code  meaning                                  high/low  last  volume
 *  @    regular sale                                yes     yes    yes
 *  A    acquisition                                 yes     yes    yes
 *  B    bunched trade                               yes     yes    yes
 *  C    cash sale                                    -       -     yes
 *  D    distribution                                yes     yes    yes
 *  E    automatic execution                         yes     yes    yes
 *  F    intermarket sweep                           yes     yes    yes
 *  G    bunched sold trade                          yes      -     yes
 *  H    price variation trade                        -       -     yes
 *  I    odd lot trade                                -       -     yes
 *  K    rule 155 trade                              yes     yes    yes
 *  L    sold last                                   yes     yes    yes
 *  M    market center official close                 -       -      -
 *  N    next day                                     -       -     yes
 *  O    opening prints                              yes     yes    yes
 *  P    prior reference price                       yes      -     yes
 *  Q    market center official open                  -       -      -
 *  R    seller                                       -       -     yes
 *  S    split trade                                 yes     yes    yes
 *  T    form T (extended hours)                      -       -     yes
 *  U    extended hours, sold out of sequence         -       -     yes
 *  V    contingent trade                             -       -     yes
 *  W    average price trade                          -       -     yes
 *  X    cross trade                                 yes     yes    yes
 *  Y    yellow flag regular trade                   yes     yes    yes
 *  Z    sold (out of sequence)                      yes      -     yes
 *  1    stopped stock, regular                      yes     yes    yes
 *  4    derivatively priced                         yes      -     yes
 *  5    re-opening prints                           yes     yes    yes
 *  6    closing prints                              yes     yes    yes
 *  7    qualified contingent trade                   -       -     yes
 *  8    placeholder for 611 exempt                  yes     yes    yes
 *  9    corrected consolidated close                 -       -      -
 * </pre>
 */
public final class SaleConditions {
    /** What a trade may update. */
    public record Updates(boolean highLow, boolean last, boolean volume) {
        static final Updates ALL = new Updates(true, true, true);
        static final Updates HIGH_LOW = new Updates(true, false, true);
        static final Updates VOLUME = new Updates(false, false, true);
        static final Updates NOTHING = new Updates(false, false, false);

        Updates and(Updates other) {
            return new Updates(highLow && other.highLow, last && other.last, volume && other.volume);
        }
    }

    private static final Map<String, Updates> TABLE = Map.ofEntries(
            Map.entry("@", Updates.ALL), Map.entry("A", Updates.ALL), Map.entry("B", Updates.ALL),
            Map.entry("C", Updates.VOLUME), Map.entry("D", Updates.ALL), Map.entry("E", Updates.ALL),
            Map.entry("F", Updates.ALL), Map.entry("G", Updates.HIGH_LOW), Map.entry("H", Updates.VOLUME),
            Map.entry("I", Updates.VOLUME), Map.entry("K", Updates.ALL), Map.entry("L", Updates.ALL),
            Map.entry("M", Updates.NOTHING), Map.entry("N", Updates.VOLUME), Map.entry("O", Updates.ALL),
            Map.entry("P", Updates.HIGH_LOW), Map.entry("Q", Updates.NOTHING), Map.entry("R", Updates.VOLUME),
            Map.entry("S", Updates.ALL), Map.entry("T", Updates.VOLUME), Map.entry("U", Updates.VOLUME),
            Map.entry("V", Updates.VOLUME), Map.entry("W", Updates.VOLUME), Map.entry("X", Updates.ALL),
            Map.entry("Y", Updates.ALL), Map.entry("Z", Updates.HIGH_LOW), Map.entry("1", Updates.ALL),
            Map.entry("4", Updates.HIGH_LOW), Map.entry("5", Updates.ALL), Map.entry("6", Updates.ALL),
            Map.entry("7", Updates.VOLUME), Map.entry("8", Updates.ALL), Map.entry("9", Updates.NOTHING));

    private SaleConditions() {
    }

    /** What a trade with these conditions updates; no conditions (or a blank one) is a regular sale. */
    public static Updates of(List<String> conditions) {
        Updates updates = Updates.ALL;
        for (String condition : conditions) {
            String code = condition.trim();
            if (!code.isEmpty()) {
                updates = updates.and(TABLE.getOrDefault(code, Updates.VOLUME));
            }
        }
        return updates;
    }
}
