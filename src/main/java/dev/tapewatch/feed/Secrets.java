package dev.tapewatch.feed;

import java.util.regex.Pattern;

/** Keeps API keys out of anything a person may read: logs, errors, status lines. */
public final class Secrets {
    private static final Pattern KEY_IN_URL = Pattern.compile("(?i)(apikey|api_key|key|secret|token)=[^&\\s]+");

    private Secrets() {
    }

    /** Replaces the key wherever it appears, and key-like query parameters of URLs. */
    public static String redact(String text, String key) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (key != null && key.length() >= 4) {
            result = result.replace(key, "***");
        }
        return KEY_IN_URL.matcher(result).replaceAll("$1=***");
    }
}
