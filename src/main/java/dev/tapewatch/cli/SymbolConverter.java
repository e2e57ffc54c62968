package dev.tapewatch.cli;

import dev.tapewatch.market.Symbols;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts a ticker in any case and returns it upper-case, or says what a ticker looks like. */
final class SymbolConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        String symbol = value.trim().toUpperCase(Locale.ROOT);
        if (!Symbols.isValid(symbol)) {
            throw new TypeConversionException("'" + value + "' is not a US ticker symbol"
                    + " (letters, digits, '.' and '-', e.g. SPY or BRK.B)");
        }
        return symbol;
    }
}
