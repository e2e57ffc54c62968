package dev.tapewatch.ui.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type of a ui feature package that other features may use besides its view models (a row of the watchlist, a
 * loaded day). Anything else in a feature is its own; {@code ArchitectureTest} holds the line.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeatureApi {
}
