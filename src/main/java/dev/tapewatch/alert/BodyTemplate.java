package dev.tapewatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body a webhook posts: the alert's JSON as it is, or a template with {@code {{field}}} placeholders for any
 * field of {@link AlertJson} ({@code {{symbol}}}, {@code {{price}}}, {@code {{message}}}, ...). A template that
 * starts with '{' (not a placeholder) or '[' is JSON: values go in JSON-escaped, inside the template's own
 * quotes; any other is sent as plain text. Presets cover the chat services that take a POST as it is.
 */
public final class BodyTemplate {
    /** Discord's and Slack's incoming webhooks take JSON; ntfy takes the message as a plain-text body. */
    private static final Map<String, String> PRESETS = Map.of(
            "discord", "{\"content\":\"{{message}}\"}",
            "slack", "{\"text\":\"{{message}}\"}",
            "ntfy", "{{message}}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private final String template;

    private BodyTemplate(String template) {
        this.template = template;
    }

    /** The alert's JSON, all fields. */
    public static BodyTemplate json() {
        return new BodyTemplate(null);
    }

    /**
     * A preset ({@code json}, {@code discord}, {@code slack}, {@code ntfy}) or a template text; a placeholder that
     * names no field is refused here, not sent as is.
     */
    public static BodyTemplate parse(String presetOrTemplate) {
        String name = presetOrTemplate.trim().toLowerCase(Locale.ROOT);
        if (name.equals("json")) {
            return json();
        }
        String template = PRESETS.getOrDefault(name, presetOrTemplate);
        if (!template.contains("{{")) {
            throw new IllegalArgumentException("'" + presetOrTemplate + "' is neither a preset (json, discord, slack,"
                    + " ntfy) nor a template with placeholders like {{message}}");
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        ObjectNode sample = AlertJson.fields(new Alert(0, "X", Alert.Kind.SPIKE, "", 0, 0, 1, 1, 1, 1, 0, 0,
                Double.NaN, Double.NaN, null));
        sample.put("spike_kind", "");
        while (matcher.find()) {
            if (!sample.has(matcher.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {{" + matcher.group(1) + "}} in the template;"
                        + " known: " + String.join(", ", (Iterable<String>) sample::fieldNames));
            }
        }
        return new BodyTemplate(template);
    }

    public String contentType() {
        return template == null || isJson() ? "application/json" : "text/plain; charset=utf-8";
    }

    public String body(Alert alert) {
        ObjectNode fields = AlertJson.fields(alert);
        if (template == null) {
            return fields.toString();
        }
        boolean json = isJson();
        return PLACEHOLDER.matcher(template).replaceAll(match -> {
            JsonNode value = fields.path(match.group(1));
            String text = value.isMissingNode() || value.isNull() ? "" : value.asText();
            if (json) {
                String quoted = fields.textNode(text).toString();
                text = quoted.substring(1, quoted.length() - 1);
            }
            return Matcher.quoteReplacement(text);
        });
    }

    private boolean isJson() {
        String start = template.stripLeading();
        return (start.startsWith("{") && !start.startsWith("{{")) || start.startsWith("[");
    }
}
