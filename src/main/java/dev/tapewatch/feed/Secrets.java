package dev.tapewatch.feed;

import java.util.regex.Pattern;

/** Keeps API keys out of anything a person may read: logs, errors, status lines. */
public final class Secrets {
    private static final Pattern KEY_IN_URL = Pattern.compile("(?i)(apikey|api_key|key|secret|token)=[^&\\s]+");
    /** A password in a URL's user info: {@code ws://user:password@host}. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/@\\s:]*):[^/@\\s]*@");

    private Secrets() {
    }

    /** Replaces the key wherever it appears, key-like query parameters of URLs, and passwords in their user info. */
    public static String redact(String text, String key) {
        if (text == null) {
            return null;
        }
        String result = text;
        if (key != null && key.length() >= 4) {
            result = result.replace(key, "***");
        }
        result = PASSWORD_IN_URL.matcher(result).replaceAll("$1:***@");
        return KEY_IN_URL.matcher(result).replaceAll("$1=***");
    }
}
