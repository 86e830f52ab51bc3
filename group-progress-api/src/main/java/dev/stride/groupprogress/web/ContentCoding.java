package dev.stride.groupprogress.web;

import java.util.List;
import java.util.Locale;

/** Reads {@code Accept-Encoding} (RFC 9110 12.5.3): whether the client takes gzip. */
public final class ContentCoding {

    private ContentCoding() {
    }

    /** True when gzip (or x-gzip) is listed with q > 0, or only {@code *} is, with q > 0; absent header: false. */
    public static boolean acceptsGzip(List<String> acceptEncoding) {
        Double gzip = null;
        Double any = null;
        for (String header : acceptEncoding) {
            for (String item : header.split(",")) {
                String[] parts = item.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                double q = q(parts);
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = gzip == null ? q : Math.max(gzip, q);
                } else if (coding.equals("*")) {
                    any = q;
                }
            }
        }
        if (gzip != null) {
            return gzip > 0;
        }
        return any != null && any > 0;
    }

    private static double q(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    return Double.parseDouble(p.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0; // an unreadable weight: do not guess that the client takes it
                }
            }
        }
        return 1;
    }
}
