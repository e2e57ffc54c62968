package dev.tapewatch.provider;

import java.nio.file.Path;
import java.util.Optional;

/** The user's settings file as providers read it. */
public interface SettingsFile {
    /** An entry's value; empty when it is absent or blank. */
    Optional<String> get(String entry);

    /** Where the file is, for messages that say which line to fix. */
    Path file();
}
