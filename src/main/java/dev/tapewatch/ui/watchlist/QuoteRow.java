package dev.tapewatch.ui.watchlist;

import dev.tapewatch.ui.common.FeatureApi;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One watchlist row; updated by the view model's pulse on the FX thread. */
@FeatureApi
public final class QuoteRow {
    final ReadOnlyStringWrapper symbol = new ReadOnlyStringWrapper();
    final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    final ReadOnlyDoubleWrapper last = new ReadOnlyDoubleWrapper(Double.NaN);
    /** The close of the session before: what the change is measured from (NaN while unknown). */
    final ReadOnlyDoubleWrapper previousClose = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper changePercent = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyDoubleWrapper volume = new ReadOnlyDoubleWrapper(Double.NaN);
    final ReadOnlyBooleanWrapper recentSpike = new ReadOnlyBooleanWrapper();
    /** Volume so far against the usual by this time of day (NaN until recent days are stored). */
    public final ReadOnlyDoubleWrapper relativeVolume = new ReadOnlyDoubleWrapper(Double.NaN);
    long version = -1;

    QuoteRow(String symbol, String name) {
        this.symbol.set(symbol);
        this.name.set(name);
    }

    public String symbol() {
        return symbol.get();
    }

    public javafx.beans.property.ReadOnlyStringProperty symbolProperty() {
        return symbol.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty lastProperty() {
        return last.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty changePercentProperty() {
        return changePercent.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty previousCloseProperty() {
        return previousClose.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty volumeProperty() {
        return volume.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyBooleanProperty recentSpikeProperty() {
        return recentSpike.getReadOnlyProperty();
    }
}
