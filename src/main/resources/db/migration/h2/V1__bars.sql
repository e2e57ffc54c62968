-- One row per (symbol, window start); a re-sent bar replaces the row (see MERGE in BarStore).
CREATE TABLE bars (
    symbol             VARCHAR(16)      NOT NULL,
    start_ms           BIGINT           NOT NULL,
    end_ms             BIGINT           NOT NULL,
    trade_date         DATE             NOT NULL,
    open_price         DOUBLE PRECISION NOT NULL,
    high_price         DOUBLE PRECISION NOT NULL,
    low_price          DOUBLE PRECISION NOT NULL,
    close_price        DOUBLE PRECISION NOT NULL,
    volume             DOUBLE PRECISION NOT NULL,
    vwap               DOUBLE PRECISION NOT NULL,
    accumulated_volume DOUBLE PRECISION NOT NULL,
    day_open           DOUBLE PRECISION NOT NULL,
    day_vwap           DOUBLE PRECISION NOT NULL,
    avg_trade_size     DOUBLE PRECISION NOT NULL,
    otc                BOOLEAN          NOT NULL,
    PRIMARY KEY (symbol, start_ms)
);
