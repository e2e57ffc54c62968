package dev.tapewatch.ui.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tapewatch.TestBars;
import dev.tapewatch.store.BarStore;
import dev.tapewatch.store.StoreLocation;
import dev.tapewatch.study.AveragePath;
import dev.tapewatch.study.SpikePath;
import dev.tapewatch.study.StudyTape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Study view's model without a window: its snapshot arrives whole, through the executor it was given. */
class StudyViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aRunDeliversThePathsPerKindAndTheSpikesInOneSnapshot() throws Exception {
        Path db = StudyTape.seed(dir);
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>(); // stands in for the FX thread
        try (BarStore store = BarStore.open(StoreLocation.ofFile(db), BarStore.Mode.EXISTING);
             StudyViewModel model = new StudyViewModel(() -> store, fx::add, TestBars.DAY)) {
            model.run();
            assertEquals(0, model.snapshotProperty().get().spikes().size(), "nothing changes off the FX executor");
            Runnable delivery = fx.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            delivery.run();
            StudyViewModel.Snapshot snapshot = model.snapshotProperty().get();
            assertEquals(3, snapshot.spikes().size());
            assertEquals(1, snapshot.withoutReference());
            assertEquals(List.of("both", "price", "volume"), snapshot.averages().stream().map(AveragePath::kind).toList());
            AveragePath volume = snapshot.averages().get(2);
            int end = SpikePath.PATH_BEFORE;
            assertEquals(0.0, volume.median()[end - 60], 1e-9, "a minute before: at the reference");
            assertEquals(1.0, volume.median()[end], 1e-9, "at the end: the move itself");
            assertEquals(2.0, volume.median()[end + 300], 1e-9, "5 min on: twice the move");
            AveragePath price = snapshot.averages().get(1);
            double reference = StudyTape.price(999);
            double move = StudyTape.price(1001) / reference - 1;
            // 300 s after the end falls in the gap: the last bar before it, 09:51:39, holds
            assertEquals((StudyTape.price(1299) / reference - 1) / move, price.median()[end + 300], 1e-9);
            assertEquals(Double.NaN, snapshot.averages().get(0).median()[end + 60], "past the day's last bar");
            assertEquals("3 spikes (1 with no bar before them that day left out); the line is the median path,"
                    + " the band its middle half.", model.statusProperty().get());

            model.show(snapshot.spikes().get(0));
            assertEquals("volume", model.shownProperty().get().kind());
            model.run(); // a new snapshot forgets the spike shown
            fx.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).run();
            assertNull(model.shownProperty().get());
        }
    }

    @Test
    void aRangeBackwardsIsRefusedWithoutReading() {
        StudyViewModel model = new StudyViewModel(() -> {
            throw new AssertionError("no database is read");
        }, Runnable::run, TestBars.DAY);
        model.fromProperty().set(TestBars.DAY);
        model.toProperty().set(TestBars.DAY.minusDays(1));
        model.run();
        assertEquals("Days: the first day, " + TestBars.DAY + ", is after the last, " + TestBars.DAY.minusDays(1)
                + ". Pick a first day on or before the last.", model.problemProperty().get());
        model.close();
    }
}
