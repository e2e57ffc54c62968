package dev.tapewatch.cli;

import dev.tapewatch.alert.Alert;
import dev.tapewatch.alert.AlertCommand;
import dev.tapewatch.alert.AlertRules;
import dev.tapewatch.alert.AlertSink;
import dev.tapewatch.alert.BodyTemplate;
import dev.tapewatch.alert.Webhook;
import dev.tapewatch.app.AlertConfig;
import dev.tapewatch.app.AppConfig;
import dev.tapewatch.app.HeadlessAlerts;
import dev.tapewatch.market.Spike;
import dev.tapewatch.store.BarStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Alerts for the headless commands ({@code record}, {@code movers}): where they go and which fire. The rules are
 * the window's (the settings file's), narrowed by {@code --alert-min-score} and {@code --alert-kinds}.
 */
final class AlertOptions {
    static final String ENV_WEBHOOK = "TAPEWATCH_ALERT_WEBHOOK";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--alert-webhook", paramLabel = "URL", description = "POST each alert as JSON to this URL (or"
            + " set " + ENV_WEBHOOK + ": a flag shows in the process list). Retried while the receiver is down or"
            + " answers 5xx; only its scheme, host and port are ever printed.")
    String webhook;

    @Option(names = "--alert-template", paramLabel = "PRESET|TEXT", description = "The webhook's body: json (default),"
            + " discord, slack, ntfy, or a template with placeholders such as {{symbol}} {{price}} {{message}}.")
    String template;

    @Option(names = "--alert-command", paramLabel = "CMD", description = "Run this shell command for each alert, the"
            + " alert's JSON on its standard input.")
    String command;

    @Option(names = "--alert-command-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "10s", description = "How long the alert command may run before it is stopped (default 10s).")
    Duration commandTimeout;

    @Option(names = "--alert-min-score", paramLabel = "SCORE", description = "Alert only on spikes scoring at least"
            + " this (default: the window's setting).")
    Double minScore;

    @Option(names = "--alert-kinds", paramLabel = "KIND,KIND", split = ",", description = "Alert only on these: alert"
            + " kinds (spike, price_level, ...) or spike kinds (volume, price, both). Default: all.")
    List<String> kinds;

    /** Whether any alert destination was asked for. */
    boolean wanted(Map<String, String> environment) {
        return webhook != null || command != null || environment.get(ENV_WEBHOOK) != null;
    }

    /**
     * The alerts asked for, or for {@code always} (a relay publishing them) with no destination; null when neither.
     * Call before the pipeline starts, then {@link HeadlessAlerts#watch} it.
     */
    HeadlessAlerts open(AppConfig config, BarStore store, Map<String, String> environment, boolean always) {
        if (!always && !wanted(environment)) {
            return null;
        }
        List<AlertSink> sinks = new ArrayList<>();
        String url = webhook != null ? webhook : environment.get(ENV_WEBHOOK);
        if (url != null) {
            sinks.add(webhookTo(url));
        }
        if (command != null) {
            try {
                sinks.add(new AlertCommand(command, commandTimeout));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--alert-command: " + e.getMessage());
            }
        }
        AlertRules rules = AlertConfig.rules(config);
        if (minScore != null) {
            if (!(minScore >= 0)) {
                throw new ParameterException(spec.commandLine(), "--alert-min-score must be a number >= 0, was "
                        + minScore);
            }
            rules.spikes(true, minScore);
        }
        List<dev.tapewatch.alert.MarketRule> marketRules;
        try {
            marketRules = AlertConfig.marketRules(config);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage(), ExitCodes.USAGE);
        }
        return new HeadlessAlerts(rules, marketRules, kinds(), sinks, store);
    }

    private Webhook webhookTo(String url) {
        URI parsed;
        try {
            parsed = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--alert-webhook is not a URL (at character "
                    + e.getIndex() + "); give e.g. https://ntfy.sh/your-topic");
        }
        try {
            return new Webhook(parsed, template == null ? BodyTemplate.json() : BodyTemplate.parse(template));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (template != null && e.getMessage().contains("template")
                    ? "--alert-template: " : "--alert-webhook: ") + e.getMessage());
        }
    }

    private Set<String> kinds() {
        if (kinds == null) {
            return Set.of();
        }
        List<String> known = Stream.concat(Arrays.stream(Alert.Kind.values()).map(Alert.Kind::id),
                Arrays.stream(Spike.Kind.values()).map(kind -> kind.name().toLowerCase(Locale.ROOT))).toList();
        Set<String> chosen = new LinkedHashSet<>();
        for (String kind : kinds) {
            String id = kind.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(id)) {
                throw new ParameterException(spec.commandLine(), "--alert-kinds: unknown kind '" + kind + "'; known: "
                        + String.join(", ", known));
            }
            chosen.add(id);
        }
        return chosen;
    }
}
