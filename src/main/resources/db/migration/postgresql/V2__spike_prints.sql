-- How a volume spike's volume was traded: BURST (many trades) or BLOCK (a few large prints); NONE for price
-- alone. Spikes stored before were found by counting trades, so they were bursts.
ALTER TABLE spikes ADD COLUMN prints VARCHAR(8);
UPDATE spikes SET prints = CASE WHEN kind = 'PRICE' THEN 'NONE' ELSE 'BURST' END;
ALTER TABLE spikes ALTER COLUMN prints SET NOT NULL;
