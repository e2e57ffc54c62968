-- Which primary key makes a symbol-day read fast when bars arrive as a recorder stores them (every symbol's bar of
-- a second, second after second)? Run against a scratch database: psql -d scratch -f scripts/postgres-layout.sql
-- Plain: each symbol-day is scattered over the whole heap. Covering (INCLUDE every column): one index-only range scan.
\timing on
DROP TABLE IF EXISTS layout_plain, layout_covering;
CREATE TABLE layout_plain (symbol text, start_ms bigint, end_ms bigint, o float8, h float8, l float8, c float8,
    v float8, w float8, av float8, op float8, dw float8, z float8, otc bool, source varchar(8),
    PRIMARY KEY (symbol, start_ms));
CREATE TABLE layout_covering (symbol text, start_ms bigint, end_ms bigint, o float8, h float8, l float8, c float8,
    v float8, w float8, av float8, op float8, dw float8, z float8, otc bool, source varchar(8),
    PRIMARY KEY (symbol, start_ms) INCLUDE (end_ms, o, h, l, c, v, w, av, op, dw, z, otc, source));
-- one extended-hours day (57,600 seconds) of 20 symbols, in a recorder's order
INSERT INTO layout_plain SELECT 'S' || k, 1704171600000 + s * 1000, 1704171600000 + s * 1000 + 1000,
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, false, 'stream' FROM generate_series(0, 57599) s, generate_series(0, 19) k ORDER BY s, k;
INSERT INTO layout_covering SELECT 'S' || k, 1704171600000 + s * 1000, 1704171600000 + s * 1000 + 1000,
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, false, 'stream' FROM generate_series(0, 57599) s, generate_series(0, 19) k ORDER BY s, k;
VACUUM ANALYZE layout_plain;
VACUUM ANALYZE layout_covering;
SELECT pg_size_pretty(pg_total_relation_size('layout_plain')) AS plain,
       pg_size_pretty(pg_total_relation_size('layout_covering')) AS covering;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM layout_plain WHERE symbol = 'S7' AND start_ms >= 1704171600000
    AND start_ms < 1704258000000 ORDER BY start_ms;
EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM layout_covering WHERE symbol = 'S7' AND start_ms >= 1704171600000
    AND start_ms < 1704258000000 ORDER BY start_ms;
DROP TABLE layout_plain, layout_covering;
