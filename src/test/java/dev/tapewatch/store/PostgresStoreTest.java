package dev.tapewatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapewatch.TestBars;
import dev.tapewatch.TestPostgres;
import dev.tapewatch.market.Bar;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store on PostgreSQL: the contract, and what only PostgreSQL does (day partitions, change notifications). */
class PostgresStoreTest extends StoreContract {

    @Override
    StoreLocation newLocation() {
        return TestPostgres.newDatabase();
    }

    private static Bar shifted(Bar bar, long millis) {
        return new Bar(bar.symbol(), bar.start() + millis, bar.end() + millis, bar.open(), bar.high(), bar.low(),
                bar.close(), bar.volume(), bar.vwap(), bar.accumulatedVolume(), bar.dayOpen(), bar.dayVwap(),
                bar.averageTradeSize(), bar.otc(), bar.source());
    }

    @Test
    void eachTradingDayIsAPartitionAndASymbolDayReadScansOnlyIt() throws Exception {
        List<Bar> day = TestBars.day("SPY", 100);
        List<Bar> nextDay = day.stream().map(bar -> shifted(bar, 86_400_000L)).toList();
        StoreLocation location;
        try (BarStore store = create()) {
            location = store.location();
            store.upsert(concat(day, nextDay));
            assertEquals(List.of(new DayCount("SPY", TestBars.DAY, 100),
                    new DayCount("SPY", TestBars.DAY.plusDays(1), 100)), store.days(null));
        }
        try (Connection connection = DriverManager.getConnection(location.jdbcUrl());
             Statement statement = connection.createStatement()) {
            List<String> partitions = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT c.relname FROM pg_inherits i"
                    + " JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent"
                    + " WHERE p.relname = 'bars' ORDER BY 1")) {
                while (rows.next()) {
                    partitions.add(rows.getString(1));
                }
            }
            assertEquals(List.of("bars_2024_01_02", "bars_2024_01_03"), partitions);
            // a hundred rows would as well be read whole: ask for the plan of a full-size day
            statement.execute("SET enable_seqscan = off");
            statement.execute("SET enable_bitmapscan = off");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT * FROM bars WHERE symbol = 'SPY'"
                    + " AND start_ms >= " + day.get(0).start() + " AND start_ms < " + (day.get(99).start() + 1)
                    + " ORDER BY start_ms")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().matches("(?s).*Index (Only )?Scan using bars_2024_01_02_pkey on bars_2024_01_02 .*"),
                    plan::toString);
            assertFalse(plan.toString().contains("bars_2024_01_03"), plan::toString);
        }
    }

    @Test
    void readersHearOfEachCommittedWrite() {
        List<Bar> day = TestBars.day("SPY", 30);
        try (BarStore store = create(); BarStore reader = reopen();
             BarChanges.Subscription changes = reader.subscribe()) {
            store.upsert(day.subList(0, 20));
            store.upsert(List.of(day.get(25), TestBars.day("AAPL", 3).get(2)));
            List<BarChanges.Change> heard = new ArrayList<>();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (heard.size() < 3 && System.nanoTime() < deadline) {
                heard.addAll(changes.await(500));
            }
            assertEquals(List.of(
                    new BarChanges.Change("SPY", day.get(0).start(), day.get(19).start() + 1),
                    new BarChanges.Change("SPY", day.get(25).start(), day.get(25).start() + 1),
                    new BarChanges.Change("AAPL", TestBars.day("AAPL", 3).get(2).start(),
                            TestBars.day("AAPL", 3).get(2).start() + 1)), heard);
            assertEquals(day.subList(0, 20), reader.bars("SPY", heard.get(0).from(), heard.get(0).to()));
        }
    }

    @Test
    void aLibpqUriWorksAndNoMessageShowsThePassword() {
        String jdbc = TestPostgres.newDatabase().jdbcUrl(); // jdbc:postgresql://host:port/db?user=postgres&password=…
        URI server = URI.create(jdbc.substring("jdbc:".length()));
        String password = jdbc.substring(jdbc.indexOf("password=") + "password=".length());
        String uri = "postgresql://postgres:" + password + "@" + server.getHost() + ":" + server.getPort()
                + server.getPath();
        Bar bar = TestBars.day("SPY", 1).get(0);
        try (BarStore store = BarStore.open(StoreLocation.parse(uri), BarStore.Mode.CREATE)) {
            store.upsert(List.of(bar));
            assertEquals(List.of(bar), store.bars("SPY", 0, Long.MAX_VALUE));
            assertFalse(store.location().toString().contains(password), store.location()::toString);
        }
        String wrong = "postgresql://postgres:not-the-s3cret@" + server.getHost() + ":" + server.getPort()
                + server.getPath();
        StoreException refused = assertThrows(StoreException.class,
                () -> BarStore.open(StoreLocation.parse(wrong), BarStore.Mode.CREATE));
        assertTrue(refused.getMessage().contains("refused the login"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PGPASSWORD"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-s3cret"), refused.getMessage());

        StoreException missing = assertThrows(StoreException.class, () -> BarStore.open(
                StoreLocation.parse(TestPostgres.withDatabase(jdbc, "no_such_tape")), BarStore.Mode.CREATE));
        assertTrue(missing.getMessage().startsWith("There is no database jdbc:postgresql://"
                + server.getHost() + ":" + server.getPort() + "/no_such_tape on that server"), missing.getMessage());
        assertFalse(missing.getMessage().contains(password), missing.getMessage());
    }
}
