package dev.stride.groupprogress.dashboard;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The gradebook as CSV (Apache Commons CSV, RFC 4180): one row per learner, one column per assessment. */
public final class GradebookCsv {

    private GradebookCsv() {
    }

    public static String write(Gradebook g) {
        List<String> header = new ArrayList<>(List.of("User Id", "Name"));
        g.assessments().forEach(a -> header.add(a.contentId() + (a.maxScore() == null ? "" : " (max " + number(a.maxScore()) + ")")));
        header.addAll(List.of("Total", "Total Max", "Percentage"));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Gradebook.Learner l : g.learners()) {
                List<String> row = new ArrayList<>(List.of(text(l.userId()), text(l.name())));
                g.assessments().forEach(a -> row.add(number(l.scores().get(a.contentId()))));
                row.add(number(l.total()));
                row.add(number(g.totalMaxScore()));
                row.add(number(l.percentage()));
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v);
    }

    /** A cell a spreadsheet would run as a formula is prefixed with ' (CSV injection). */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
