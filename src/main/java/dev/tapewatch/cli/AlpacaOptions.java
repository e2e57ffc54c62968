package dev.tapewatch.cli;

import picocli.CommandLine.Option;

/** Alpaca's secret and feed, for the commands that reach a provider ({@code --key} is the key id). */
final class AlpacaOptions {
    @Option(names = "--secret", description = "Alpaca secret (prefer the APCA_API_SECRET_KEY environment variable:"
            + " a flag shows in the process list).")
    String secret;

    @Option(names = "--feed", paramLabel = "iex|sip|delayed_sip|test",
            description = "Alpaca feed (default: the settings file's, else iex, the free plan's).")
    String feed;
}
