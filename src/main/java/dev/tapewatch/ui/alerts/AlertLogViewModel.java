package dev.tapewatch.ui.alerts;

import dev.tapewatch.alert.Alert;
import dev.tapewatch.alert.AlertJson;
import dev.tapewatch.app.Threads;
import dev.tapewatch.market.ExchangeTime;
import dev.tapewatch.store.BarStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert log, kept in the database: one market day per page, the newest alert first. A new alert is saved and
 * shows on its day's page (the page turns to it); the user pages through days and clears one. Reads and writes run
 * on a thread of their own, in order, so the FX thread never waits on the database.
 */
public final class AlertLogViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLogViewModel.class);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Threads.named("alert-log"));
    private final ObservableList<Alert> page = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<LocalDate> day = new ReadOnlyObjectWrapper<>();
    private final Consumer<String> problems;
    private volatile BarStore store;
    /** Alerts added to the page while its day is being read (FX thread): the read may predate them. */
    private final List<Alert> addedWhileReading = new ArrayList<>();
    private long reads;

    /** {@code problems} shows why the log could not be read or kept (FX thread). */
    AlertLogViewModel(Consumer<String> problems) {
        this.problems = problems;
    }

    /** A session's database keeps the log from now on; shows {@code today}'s page (FX thread). */
    void attach(BarStore database, LocalDate today) {
        store = database;
        show(today);
    }

    /** FX thread: keeps a new alert and shows it on its day's page. */
    void add(Alert alert) {
        BarStore database = store;
        if (database != null) {
            String body = AlertJson.text(alert);
            worker.execute(() -> keep(() -> database.logAlert(alert.time(), alert.symbol(), body), "keep an alert"));
        }
        LocalDate of = ExchangeTime.dayOf(alert.time());
        if (of.equals(day.get())) {
            page.add(0, alert);
            addedWhileReading.add(alert);
        } else {
            show(of);
        }
    }

    /** Shows the page of {@code date}: what the database holds of it (FX thread). */
    void show(LocalDate date) {
        day.set(date);
        page.clear();
        addedWhileReading.clear();
        BarStore database = store;
        if (database == null) {
            return;
        }
        long read = ++reads;
        long from = ExchangeTime.startOfDay(date);
        long to = ExchangeTime.endOfDay(date);
        worker.execute(() -> keep(() -> {
            List<Alert> alerts = new ArrayList<>();
            for (String body : database.alertLog(from, to)) {
                try {
                    alerts.add(AlertJson.parse(body));
                } catch (IllegalArgumentException e) {
                    LOG.warn("An alert in the log could not be read and is not shown: {}", e.getMessage());
                }
            }
            Platform.runLater(() -> {
                if (read == reads) {
                    List<Alert> newer = List.copyOf(addedWhileReading);
                    page.setAll(alerts);
                    newer.stream().filter(a -> !alerts.contains(a)).forEach(a -> page.add(0, a));
                    addedWhileReading.clear();
                }
            });
        }, "read the alert log"));
    }

    /** One day back (-1) or on (+1). */
    void step(int days) {
        if (day.get() != null) {
            show(day.get().plusDays(days));
        }
    }

    /** Forgets the shown day's alerts, in the database too. */
    void clearDay() {
        LocalDate date = day.get();
        BarStore database = store;
        page.clear();
        addedWhileReading.clear();
        if (date != null && database != null) {
            worker.execute(() -> keep(() -> database.clearAlertLog(ExchangeTime.startOfDay(date),
                    ExchangeTime.endOfDay(date)), "clear the alert log"));
        }
    }

    private void keep(Runnable work, String what) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not {}: {}", what, e.getMessage());
            Platform.runLater(() -> problems.accept("Could not " + what + ": " + e.getMessage()));
        }
    }

    ObservableList<Alert> page() {
        return page;
    }

    public ReadOnlyObjectProperty<LocalDate> dayProperty() {
        return day.getReadOnlyProperty();
    }

    /** Finishes what is queued (it may be in the database: never interrupted), then stops. */
    void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
