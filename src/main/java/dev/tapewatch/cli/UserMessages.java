package dev.tapewatch.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** One line for a failure: our own exceptions already carry a user message; others get their kind named. */
final class UserMessages {
    private UserMessages() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException missing) {
            return "No such file or folder: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "Permission denied: " + denied.getFile();
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "Already exists: " + exists.getFile();
        }
        if (e instanceof FileSystemException fs) {
            return "Cannot use " + fs.getFile() + ": " + fs.getReason();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName() + " (run with --verbose for details)";
        }
        return message;
    }
}
