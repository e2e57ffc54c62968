package dev.tapewatch.study;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One row per spike: its times, kind, score, reference, move, returns at each horizon and what it gave back. */
public final class StudyCsv {
    public static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>(List.of("symbol", "start_ms", "end_ms", "kind", "score", "reference",
                "move_pct"));
        for (String horizon : SpikePath.HORIZON_NAMES) {
            header.add("ret_" + horizon + "_pct");
        }
        header.addAll(List.of("gave_back_1m_pct", "gave_back_5m_pct", "outcome_5m"));
        HEADER = List.copyOf(header);
    }

    private StudyCsv() {
    }

    /** RFC 4180 with CRLF; numbers in their shortest exact form; a value that does not exist is empty. */
    public static void write(List<SpikePath> paths, Writer out) throws IOException {
        BufferedWriter writer = new BufferedWriter(out);
        writer.write(String.join(",", HEADER));
        writer.write("\r\n");
        for (SpikePath path : paths) {
            List<String> row = new ArrayList<>(HEADER.size());
            row.add(path.spike().symbol());
            row.add(Long.toString(path.spike().start()));
            row.add(Long.toString(path.spike().end()));
            row.add(path.kind());
            row.add(number(path.spike().peakScore()));
            row.add(number(path.reference()));
            row.add(number(path.movePct()));
            for (double ret : path.returnsPct()) {
                row.add(number(ret));
            }
            row.add(number(path.gaveBackPct("1m")));
            row.add(number(path.gaveBackPct("5m")));
            row.add(path.outcome().name().toLowerCase(java.util.Locale.ROOT));
            writer.write(String.join(",", row));
            writer.write("\r\n");
        }
        writer.flush();
    }

    private static String number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "" : BigDecimal.valueOf(value).toPlainString();
    }
}
