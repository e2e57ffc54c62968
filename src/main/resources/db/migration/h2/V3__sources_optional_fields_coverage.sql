-- REST aggregates carry no day fields (av, op, a, z): they are NULL where the provider did not send them.
ALTER TABLE bars ALTER COLUMN accumulated_volume SET NULL;
ALTER TABLE bars ALTER COLUMN day_open SET NULL;
ALTER TABLE bars ALTER COLUMN day_vwap SET NULL;
ALTER TABLE bars ALTER COLUMN avg_trade_size SET NULL;
-- Where each bar came from: stream, rest (backfill or audit fix) or import.
ALTER TABLE bars ADD COLUMN source VARCHAR(8) DEFAULT 'stream' NOT NULL;

-- A whole-market recording covers thousands of symbols: no length cap short of H2's own (1 M characters).
ALTER TABLE coverage ALTER COLUMN symbols SET DATA TYPE CHARACTER VARYING;
