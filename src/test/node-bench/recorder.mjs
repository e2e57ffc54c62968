// The recorder a user would write in an afternoon, as the ingest race's outside reference (scripts/bench.sh):
// Polygon's official JS client for the websocket, better-sqlite3 in WAL (synchronous=NORMAL: a commit survives
// the process being killed, as Tapewatch's does), one upsert transaction per burst of frames, one thread.
// node recorder.mjs URL BARS DIR: times from connecting until BARS are committed, then prints
// "RESULT seconds stored received peakRssBytes" like the Java contenders.
import { websocketClient } from "@polygon.io/client-js";
import Database from "better-sqlite3";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

const [url, wanted, dir] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const db = new Database(join(dir, "bars.sqlite"));
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.exec(`CREATE TABLE IF NOT EXISTS bars (symbol TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
  open REAL, high REAL, low REAL, close REAL, volume REAL, vwap REAL, accumulated_volume REAL, day_open REAL,
  day_vwap REAL, avg_trade_size REAL, otc INTEGER, PRIMARY KEY (symbol, start_ms))`);
const upsert = db.prepare(`INSERT INTO bars VALUES (@sym, @s, @e, @o, @h, @l, @c, @v, @vw, @av, @op, @a, @z, @otc)
  ON CONFLICT (symbol, start_ms) DO UPDATE SET end_ms = excluded.end_ms, open = excluded.open, high = excluded.high,
  low = excluded.low, close = excluded.close, volume = excluded.volume, vwap = excluded.vwap,
  accumulated_volume = excluded.accumulated_volume, day_open = excluded.day_open, day_vwap = excluded.day_vwap,
  avg_trade_size = excluded.avg_trade_size, otc = excluded.otc`);
const storeAll = db.transaction((rows) => {
  for (const row of rows) upsert.run(row);
});

let pending = [];
let received = 0;
let stored = 0;
const started = process.hrtime.bigint();

// frames that arrived together are stored in one transaction, after the socket's callbacks of this turn
function flush() {
  const rows = pending;
  pending = [];
  storeAll(rows);
  stored += rows.length;
  if (stored >= wanted) {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    console.log(`RESULT ${seconds.toFixed(6)} ${stored} ${received} ${peakRss}`);
    ws.close();
    db.close();
    process.exit(0);
  }
}

const ws = websocketClient("bench", url).stocks();
ws.onmessage = ({ data }) => {
  for (const event of JSON.parse(data)) {
    if (event.ev === "A") {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ sym: event.sym, s: event.s, e: event.e, o: event.o, h: event.h, l: event.l, c: event.c,
        v: event.v, vw: event.vw, av: event.av ?? null, op: event.op ?? null, a: event.a ?? null,
        z: event.z ?? null, otc: event.otc ? 1 : 0 });
      received++;
    } else if (event.ev === "status" && event.status === "auth_success") {
      ws.send(JSON.stringify({ action: "subscribe", params: "A.*" }));
    } else if (event.ev === "status" && event.status === "auth_failed") {
      throw new Error(`the feed refused the key: ${event.message}`);
    }
  }
};
ws.onerror = (error) => {
  console.error(`websocket error: ${error.message ?? error}`);
  process.exit(1);
};
