package dev.tapewatch.ui.status;

import dev.tapewatch.app.LiveSession;
import dev.tapewatch.feed.FeedStats;
import dev.tapewatch.feed.FeedStatus;
import dev.tapewatch.store.BarWriter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar and the banners: feed state, provider, rates, database, whether bars are being stored, and the
 * last error. Pulled from the session by {@link #refresh} on the FX thread, never pushed from other threads.
 */
public final class StatusViewModel {
    private final ReadOnlyStringWrapper feedState = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyStringWrapper provider = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rates = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sharing = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notRecording = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    /**
     * The error shown is a session's (its feed failed, or it could not start): it goes when the feed streams again
     * or another session is attached.
     */
    private boolean sessionError;
    private long lastBars;
    private long lastNanos;
    private double barsPerSecond;

    public void attach(LiveSession session) {
        provider.set(session.provider().label());
        database.set(session.store().location().describe());
        sharing.set(session.sharedAt() == null ? "" : "Sharing on " + session.sharedAt());
        lastNanos = 0;
        if (sessionError) {
            dismissError(); // the old session's failure is not this one's
        }
    }

    public void refresh(LiveSession session) {
        FeedStatus status = session.status();
        feedState.set(status.describe(System.currentTimeMillis()));
        FeedStats stats = session.stats();
        long now = System.nanoTime();
        if (lastNanos == 0 || now - lastNanos >= 2_000_000_000L) { // a rate over 2 s reads steadily
            barsPerSecond = lastNanos == 0 ? 0 : (stats.bars() - lastBars) / ((now - lastNanos) / 1e9);
            lastBars = stats.bars();
            lastNanos = now;
        }
        rates.set(String.format(Locale.ROOT, "%.0f bars/s · %s · stored %,d", barsPerSecond,
                stats.lag(session.marketClock().getAsLong()), session.barsStored()));
        BarWriter.Problem problem = session.storeProblem();
        notRecording.set(problem == null ? null : "Not recording: " + problem.message() + " Received bars are"
                + " held and stored when writing works again (" + session.barsPending() + " waiting).");
        if (status.state() == FeedStatus.State.FAILED && error.get() == null) {
            sessionFailed("Feed failed: " + status.detail(), null);
        } else if (status.state() == FeedStatus.State.STREAMING && sessionError) {
            dismissError(); // recovered: a banner about a past failure would now be wrong
        }
    }

    public void fail(String message, Throwable cause) {
        sessionError = false;
        error.set(message);
        errorDetail.set(cause == null ? message : stackTrace(cause));
    }

    /** A session could not start or its feed failed: said until its feed streams or another session is attached. */
    public void sessionFailed(String message, Throwable cause) {
        fail(message, cause);
        sessionError = true;
    }

    public void dismissError() {
        sessionError = false;
        error.set(null);
        errorDetail.set(null);
    }

    private static String stackTrace(Throwable cause) {
        java.io.StringWriter text = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

    public ReadOnlyStringProperty feedStateProperty() {
        return feedState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty providerProperty() {
        return provider.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    /** "Sharing on ws://127.0.0.1:PORT/stocks" while the live stream is shared, else empty. */
    public ReadOnlyStringProperty sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    /** Set while the recorder cannot store (disk full, folder gone), with where and why; null while it can. */
    public ReadOnlyStringProperty notRecordingProperty() {
        return notRecording.getReadOnlyProperty();
    }

    /** Something the user asked for is done ("Exported 300 bars to …"); FX thread. */
    public void tell(String message) {
        notice.set(null);
        notice.set(message);
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** The last completed action worth confirming, or null. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }
}
