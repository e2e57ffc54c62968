package dev.tapewatch.provider;

import java.util.List;
import java.util.Map;

/**
 * What the Settings dialog offers for a provider: the settings entry its one "API key" field edits (null: it needs
 * no key), what to say when that key is required and missing, and a row of fields of its own under
 * {@code rowLabel}.
 */
public record SettingsForm(Field key, String missingKey, String rowLabel, List<Field> row) {
    public static final SettingsForm NONE = new SettingsForm(null, null, null, List.of());

    /**
     * One settings file entry as a field: {@code id} names its control; a field with {@code choices} is a choice
     * of them ({@code fallback} when the file has none), a {@code secret} one is masked (and the settings file is
     * warned about when others can read it); {@code environment}, when not null, is the variable that may stand in
     * for it.
     */
    public record Field(String entry, String id, String prompt, boolean secret, String environment,
                        List<String> choices, String fallback) {
        /** The entry the dialog's one key field edits while the provider is chosen. */
        public static Field key(String entry, String prompt, boolean secret, String environment) {
            return new Field(entry, null, prompt, secret, environment, List.of(), "");
        }

        /** A secret typed in (masked), which {@code environment} may give instead. */
        public static Field secret(String entry, String id, String prompt, String environment) {
            return new Field(entry, id, prompt, true, environment, List.of(), "");
        }

        public static Field choice(String entry, String id, List<String> choices, String fallback) {
            return new Field(entry, id, null, false, null, choices, fallback);
        }
    }

    /**
     * Refuses a blank key where the provider needs one and its environment variable gives none, in the dialog's
     * words.
     *
     * @throws IllegalArgumentException saying what is missing
     */
    public void checkKey(String typed, Map<String, String> environment) {
        if (missingKey == null || key == null || !blank(typed)) {
            return;
        }
        if (key.environment() == null || blank(environment.get(key.environment()))) {
            throw new IllegalArgumentException(missingKey);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
