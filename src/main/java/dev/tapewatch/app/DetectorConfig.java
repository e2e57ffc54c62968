package dev.tapewatch.app;

import dev.tapewatch.detect.DetectorSettings;

/** Detector settings as kept in the settings file ({@code detector.*}); missing keys take the defaults. */
public final class DetectorConfig {
    private static final String PREFIX = "detector.";

    private DetectorConfig() {
    }

    public static DetectorSettings read(AppConfig config) {
        DetectorSettings d = DetectorSettings.DEFAULT;
        try {
            return new DetectorSettings(
                    (int) number(config, "windowSeconds", d.windowSeconds()),
                    number(config, "volumeThreshold", d.volumeThreshold()),
                    number(config, "minVolume", d.minVolume()),
                    number(config, "minMultiple", d.minMultiple()),
                    number(config, "priceThreshold", d.priceThreshold()),
                    number(config, "minReturn", d.minReturn()),
                    (int) number(config, "cooldownSeconds", d.cooldownSeconds()),
                    number(config, "minScore", d.minScore()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Detector settings in " + config.file() + " are invalid: " + e.getMessage()
                    + ". Fix or remove the detector.* lines.", e);
        }
    }

    public static void write(AppConfig config, DetectorSettings settings) {
        config.set(PREFIX + "windowSeconds", Integer.toString(settings.windowSeconds()));
        config.set(PREFIX + "volumeThreshold", Double.toString(settings.volumeThreshold()));
        config.set(PREFIX + "minVolume", Double.toString(settings.minVolume()));
        config.set(PREFIX + "minMultiple", Double.toString(settings.minMultiple()));
        config.set(PREFIX + "priceThreshold", Double.toString(settings.priceThreshold()));
        config.set(PREFIX + "minReturn", Double.toString(settings.minReturn()));
        config.set(PREFIX + "cooldownSeconds", Integer.toString(settings.cooldownSeconds()));
        config.set(PREFIX + "minScore", Double.toString(settings.minScore()));
    }

    private static double number(AppConfig config, String key, double fallback) {
        return config.get(PREFIX + key).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PREFIX + key + " = '" + value + "' is not a number");
            }
        }).orElse(fallback);
    }
}
