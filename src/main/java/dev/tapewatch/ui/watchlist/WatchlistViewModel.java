package dev.tapewatch.ui.watchlist;

import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.LiveSeries;
import dev.tapewatch.app.LiveSession;
import dev.tapewatch.app.SessionConfig;
import dev.tapewatch.market.Symbols;
import dev.tapewatch.ui.common.BackgroundTasks;
import dev.tapewatch.ui.common.InputProblem;
import dev.tapewatch.ui.spikes.SpikesViewModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The watchlist: rows with live quotes, adding and removing tickers, and which symbol is selected. */
public final class WatchlistViewModel {
    /** The field a refused ticker is named by. */
    private static final String FIELD = "Symbol";

    static final String SORT = "ui.watchlist.sort";
    private final AppConfig config;
    private final Supplier<LiveSession> session;
    private final Tickers tickers = new Tickers();
    private final ObservableList<QuoteRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    /** An unknown ticker the user was warned about once; adding it again adds it. */
    private String unknownOnce;

    private final BackgroundTasks tasks;
    /** Usual cumulative volume by minute of day, per symbol (written by the task thread, read on the FX thread). */
    private final java.util.Map<String, double[]> profiles = new java.util.concurrent.ConcurrentHashMap<>();
    /** The regular close of the session before, by "symbol@day" (NaN while read or when unknown). */
    private final java.util.Map<String, Double> previousCloses = new java.util.concurrent.ConcurrentHashMap<>();

    public WatchlistViewModel(AppConfig config, Supplier<LiveSession> session, BackgroundTasks tasks) {
        this.config = config;
        this.session = session;
        this.tasks = tasks;
    }

    /** Reads a symbol's usual volume by time of day from its recent stored days, in the background. */
    private void loadProfile(LiveSession started, String symbol) {
        tasks.execute("Could not read the recent volume of " + symbol, () -> {
            double[] profile = dev.tapewatch.app.RelativeVolume.profile(started.store(), symbol,
                    dev.tapewatch.market.ExchangeTime.dayOf(started.marketClock().getAsLong()));
            if (profile != null) {
                profiles.put(symbol, profile);
            }
        });
    }

    /**
     * Reads a symbol's previous close for a day once, in the background: the change is measured from it, as every
     * platform does (not from the day's open, which reads about 0 all pre-market).
     */
    private void loadPreviousClose(LiveSession current, String symbol, java.time.LocalDate day) {
        String key = symbol + "@" + day;
        if (previousCloses.putIfAbsent(key, Double.NaN) != null) {
            return;
        }
        tasks.execute("Could not read the previous close of " + symbol, () -> {
            try {
                previousCloses.put(key, dev.tapewatch.app.History.previousClose(current.store(), current.history(),
                        symbol, day, () -> session.get() != current));
            } catch (dev.tapewatch.feed.RestException | RuntimeException e) { // the change stays blank: say why
                org.slf4j.LoggerFactory.getLogger(WatchlistViewModel.class).info("No previous close of {} for {}: {}",
                        symbol, day, e.getMessage());
            }
        });
    }

    /** "SPY · RVol 1.8×" for a chart's header; the symbol alone until recent days are stored. */
    public String headline(String symbol) {
        if (symbol == null) {
            return "";
        }
        for (QuoteRow row : rows) {
            if (row.symbol().equals(symbol) && !Double.isNaN(row.relativeVolume.get())) {
                return String.format(Locale.ROOT, "%s · RVol %.1f×", symbol, row.relativeVolume.get());
            }
        }
        return symbol;
    }

    /**
     * A new session's watchlist; the symbol selected (else the one remembered from the last run) stays selected if
     * it is still watched.
     */
    public void attach(LiveSession started) {
        String shown = selected.get();
        rows.clear();
        profiles.clear();
        previousCloses.clear();
        started.watchlist().forEach(symbol -> {
            rows.add(new QuoteRow(symbol, tickers.name(symbol)));
            loadProfile(started, symbol);
        });
        String remembered = shown != null ? shown : config.get("ui.symbol").orElse(null);
        selected.set(remembered != null && started.watchlist().contains(remembered) ? remembered
                : started.watchlist().isEmpty() ? null : started.watchlist().get(0));
    }

    /** Tickers seen in the database join the search. */
    public void knownTickers(List<String> stored) {
        tickers.addAll(stored);
    }

    /** FX thread: quotes of changed symbols, and the ⚡ of a recent spike. */
    public void refresh(LiveSeries series, SpikesViewModel spikes, long marketNow) {
        LiveSession current = session.get();
        java.time.LocalDate today = dev.tapewatch.market.ExchangeTime.dayOf(marketNow);
        for (QuoteRow row : rows) {
            if (current != null) {
                loadPreviousClose(current, row.symbol(), today);
            }
            double previousClose = previousCloses.getOrDefault(row.symbol() + "@" + today, Double.NaN);
            LiveSeries.Quote quote = series.quote(row.symbol());
            if (quote != null && (quote.version() != row.version
                    || Double.compare(row.previousClose.get(), previousClose) != 0)) {
                row.version = quote.version();
                row.last.set(quote.last());
                row.previousClose.set(previousClose);
                row.changePercent.set(previousClose > 0 ? (quote.last() - previousClose) / previousClose * 100
                        : Double.NaN);
                row.volume.set(quote.dayVolume());
            }
            row.recentSpike.set(spikes.recent(row.symbol(), marketNow));
            row.relativeVolume.set(quote == null ? Double.NaN : dev.tapewatch.app.RelativeVolume.ratio(
                    profiles.get(row.symbol()), quote.dayVolume(), marketNow));
        }
    }

    /** Adds a ticker typed or picked by the user; returns an error to show, or empty when added. */
    public Optional<String> addSymbol(String text) {
        String symbol = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!Symbols.isValid(symbol)) {
            return Optional.of(InputProblem.of(FIELD, "'" + text + "' is not a US ticker",
                    "Type letters, digits, '.' and '-', e.g. SPY or BRK.B"));
        }
        LiveSession current = session.get();
        if (current == null) {
            return Optional.of(InputProblem.of(FIELD, "the window is still starting", "Try again in a moment"));
        }
        boolean watched = rows.stream().anyMatch(row -> row.symbol().equals(symbol));
        if (!watched && !tickers.known(symbol)) {
            if (current.provider().simulated()) {
                return Optional.of(InputProblem.of(FIELD, "the simulated market has no ticker " + symbol,
                        "Pick one of the " + tickers.bundledCount() + " tickers the search suggests (type a name or"
                                + " a letter)"));
            }
            if (!symbol.equals(unknownOnce)) {
                unknownOnce = symbol; // a real provider may know tickers our list does not: ask once
                return Optional.of(InputProblem.of(FIELD, symbol + " is not in the ticker list", "Press Enter again"
                        + " to watch it anyway; bars come only if " + current.provider().label() + " knows it"));
            }
        }
        unknownOnce = null;
        if (!watched) {
            rows.add(new QuoteRow(symbol, tickers.name(symbol)));
            current.watch(symbol);
            loadProfile(current, symbol);
            remember();
        }
        select(symbol);
        return Optional.empty();
    }

    /** Watches and selects a symbol the feed is known to trade (a mover picked from the list): no ticker check. */
    public void addTraded(String symbol) {
        LiveSession current = session.get();
        if (current != null && rows.stream().noneMatch(row -> row.symbol().equals(symbol))) {
            rows.add(new QuoteRow(symbol, tickers.name(symbol)));
            current.watch(symbol);
            loadProfile(current, symbol);
            remember();
        }
        select(symbol);
    }

    public void removeSymbol(String symbol) {
        LiveSession current = session.get();
        rows.removeIf(row -> row.symbol().equals(symbol));
        if (current != null) {
            current.unwatch(symbol);
        }
        if (symbol.equals(selected.get())) {
            selected.set(rows.isEmpty() ? null : rows.get(0).symbol());
        }
        remember();
    }

    public void select(String symbol) {
        if (symbol != null) {
            selected.set(symbol);
        }
    }

    public List<String> suggestions(String text) {
        return tickers.search(text, 12);
    }

    public String companyName(String symbol) {
        return tickers.name(symbol);
    }

    /** The table's remembered sort, "Volume:DESCENDING", or empty for the watchlist's own order. */
    String sort() {
        return config.get(SORT).orElse("");
    }

    void rememberSort(String sort) {
        config.set(SORT, sort);
    }

    private void remember() {
        config.set(SessionConfig.WATCHLIST, String.join(",", rows.stream().map(QuoteRow::symbol).toList()));
    }

    public ObservableList<QuoteRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
