package dev.stride.reports.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * A report's CSV stream (Apache Commons CSV): UTF-8 with a byte-order mark (spreadsheets then read the encoding
 * right), RFC 4180 quoting (only cells with a comma, quote, CR or LF are quoted), CRLF line ends, the header first.
 * Cells are written one by one, so a row never becomes a list and memory does not grow with the report.
 */
public final class ReportCsv implements Closeable {

    public static final char BOM = '\uFEFF';
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final OutputStream out;
    private final Writer writer;
    private final CSVPrinter printer;
    private final int columns;
    private int cell;
    private long rows;

    public ReportCsv(OutputStream out, List<String> header) throws IOException {
        this(out, header.size());
        writer.write(BOM);
        printer.printRecord(header);
    }

    private ReportCsv(OutputStream out, int columns) throws IOException {
        this.out = out;
        this.writer = new Utf8Writer(out);
        this.printer = new CSVPrinter(writer, FORMAT);
        this.columns = columns;
    }

    /**
     * A piece of a report without byte-order mark or header: rows formatted on another thread, appended in order to
     * the report with {@link #append(Chunk)}.
     */
    public static ReportCsv chunk(OutputStream out, int columns) throws IOException {
        return new ReportCsv(out, columns);
    }

    /** Formatted rows and how many. */
    public record Chunk(byte[] bytes, int rows) {
    }

    /** Appends rows formatted by a {@link #chunk} writer. */
    public void append(Chunk chunk) throws IOException {
        printer.flush();
        writer.flush();
        out.write(chunk.bytes());
        rows += chunk.rows();
    }

    /** The next cell of the current row (null is written as an empty cell). */
    public ReportCsv cell(String value) throws IOException {
        printer.print(value == null ? "" : value);
        cell++;
        return this;
    }

    /** Ends the current row; it must have exactly as many cells as the header. */
    public void endRow() throws IOException {
        if (cell != columns) {
            throw new IllegalStateException("row " + (rows + 1) + " has " + cell + " cells, the header " + columns);
        }
        printer.println();
        cell = 0;
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Writes everything to the underlying stream without closing it (the store publishes it). */
    public void finish() throws IOException {
        printer.flush();
        writer.close(); // encodes the rest, even half a surrogate pair; the output stream stays open
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
