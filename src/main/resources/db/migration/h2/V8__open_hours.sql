-- Version 8: a symbol's minutes lie together in bar_minutes. H2 keeps its rows in the order they were first
-- inserted (its key is composite), and a recorder inserts every symbol's minute, then the next minute, so a symbol's
-- day lay in ~960 pages, mostly of other symbols' rows. Now the last two hours are written into open tables, one per
-- hour (hour number mod 3), and each complete hour moves once into bar_minutes in key order (OpenHours). Existing
-- rows are written again in key order.
CREATE TABLE bar_minutes_by_symbol (
    symbol     VARCHAR(16) NOT NULL,
    minute_ms  BIGINT      NOT NULL,
    trade_date DATE        NOT NULL,
    bar_count  INT         NOT NULL,
    bars       VARBINARY   NOT NULL,
    PRIMARY KEY (symbol, minute_ms)
);
INSERT INTO bar_minutes_by_symbol (symbol, minute_ms, trade_date, bar_count, bars)
    SELECT symbol, minute_ms, trade_date, bar_count, bars FROM bar_minutes ORDER BY symbol, minute_ms;
DROP TABLE bar_minutes;
ALTER TABLE bar_minutes_by_symbol RENAME TO bar_minutes;

CREATE TABLE bar_minutes_open_0 (
    symbol     VARCHAR(16) NOT NULL,
    minute_ms  BIGINT      NOT NULL,
    trade_date DATE        NOT NULL,
    bar_count  INT         NOT NULL,
    bars       VARBINARY   NOT NULL,
    PRIMARY KEY (symbol, minute_ms)
);
CREATE TABLE bar_minutes_open_1 (
    symbol     VARCHAR(16) NOT NULL,
    minute_ms  BIGINT      NOT NULL,
    trade_date DATE        NOT NULL,
    bar_count  INT         NOT NULL,
    bars       VARBINARY   NOT NULL,
    PRIMARY KEY (symbol, minute_ms)
);
CREATE TABLE bar_minutes_open_2 (
    symbol     VARCHAR(16) NOT NULL,
    minute_ms  BIGINT      NOT NULL,
    trade_date DATE        NOT NULL,
    bar_count  INT         NOT NULL,
    bars       VARBINARY   NOT NULL,
    PRIMARY KEY (symbol, minute_ms)
);

-- Every minute before open_from_ms is in bar_minutes; one from it on is in its hour's open table. Existing rows are
-- all in bar_minutes: the boundary starts after the newest.
CREATE TABLE bar_open_hours (
    open_from_ms BIGINT NOT NULL
);
INSERT INTO bar_open_hours (open_from_ms) SELECT COALESCE(MAX(minute_ms) + 60000, 0) FROM bar_minutes;
