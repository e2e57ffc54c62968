// Alpaca's official SDK against our server: streams trades of the symbols until each has `count` of them, then
// prints one JSON line per symbol {symbol, trades, first, last} and exits 0; exits 1 on an error or after 60 s.
// Usage: node alpaca-trades.mjs ws://127.0.0.1:PORT/v2/iex KEY SECRET SPY,AAPL COUNT
import { Alpaca } from "@alpacahq/alpaca-trade-api";

const [url, keyId, secret, list, count] = process.argv.slice(2);
const symbols = list.split(",");
const wanted = Number(count);
const seen = new Map(symbols.map((symbol) => [symbol, []]));

const alpaca = new Alpaca({ keyId, secret });
const stream = alpaca.marketData.stockStream({ feed: "iex", url, reconnect: false });
const fail = (why) => {
  console.error(`alpaca-trades: ${why}`);
  process.exit(1);
};
setTimeout(() => fail("not every symbol streamed " + wanted + " trades within 60 s"), 60_000).unref();
stream.onError((message) => fail(String(message)));
stream.onConnect(() => stream.subscribeForTrades(symbols));
stream.onTrade((trade) => {
  const trades = seen.get(trade.symbol);
  if (!trades) {
    fail("a trade of a symbol not asked for: " + trade.symbol);
  }
  if (!(trade.timestamp instanceof Date) || Number.isNaN(trade.timestamp.getTime())) {
    fail("a trade without a time: " + JSON.stringify(trade));
  }
  trades.push(trade);
  if ([...seen.values()].every((list) => list.length >= wanted)) {
    for (const [symbol, list] of seen) {
      console.log(JSON.stringify({ symbol, trades: list.length, price: list[0].price, size: list[0].size,
        first: list[0].timestamp.toISOString(), last: list[list.length - 1].timestamp.toISOString() }));
    }
    stream.disconnect();
    process.exit(0);
  }
});
stream.connect();
