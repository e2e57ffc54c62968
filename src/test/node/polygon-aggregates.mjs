// Polygon's official client against our server: streams per-second aggregates (A.*) of the symbols until each has
// `count`, then prints one JSON line per symbol {symbol, bars, first} and exits 0; exits 1 on an error or after 60 s.
// Usage: node polygon-aggregates.mjs ws://127.0.0.1:PORT KEY SPY,AAPL COUNT
import { websocketClient } from "@polygon.io/client-js";

const [base, key, list, count] = process.argv.slice(2);
const symbols = list.split(",");
const wanted = Number(count);
const seen = new Map(symbols.map((symbol) => [symbol, []]));
const fail = (why) => {
  console.error(`polygon-aggregates: ${why}`);
  process.exit(1);
};
setTimeout(() => fail("not every symbol streamed " + wanted + " bars within 60 s"), 60_000).unref();

const socket = websocketClient(key, base).stocks();
socket.onerror = (error) => fail("socket error: " + (error && error.message));
socket.onmessage = ({ data }) => {
  for (const event of JSON.parse(data)) {
    if (event.ev === "status") {
      if (event.status === "auth_success") {
        socket.send(JSON.stringify({ action: "subscribe", params: symbols.map((s) => "A." + s).join(",") }));
      } else if (event.status === "auth_failed" || event.status === "error") {
        fail(event.status + ": " + event.message);
      }
    } else if (event.ev === "A" && seen.has(event.sym)) {
      seen.get(event.sym).push(event);
    }
  }
  if ([...seen.values()].every((bars) => bars.length >= wanted)) {
    for (const [symbol, bars] of seen) {
      console.log(JSON.stringify({ symbol, bars: bars.length, first: bars[0].s, close: bars[0].c }));
    }
    socket.close();
    process.exit(0);
  }
};
