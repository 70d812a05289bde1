package multistart.text;

/** Numbers as a person writes them, for messages and reports in any layer. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * A number {@code String.format} wrote ({@code %e} or {@code %g}) without its mantissa's
     * trailing zeros and its exponent's sign and padding: 1.0000e-06 as 1e-6, -1.2346e+299 as
     * -1.2346e299, 0.5000000 as 0.5; Infinity and NaN as they are.
     */
    public static String compact(String formatted) {
        int e = formatted.indexOf('e');
        String mantissa = e < 0 ? formatted : formatted.substring(0, e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(formatted.substring(e + 1));
    }
}
