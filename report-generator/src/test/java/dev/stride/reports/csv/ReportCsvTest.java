package dev.stride.reports.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportCsvTest {

    private static byte[] write(List<String> header, String[]... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReportCsv csv = new ReportCsv(out, header)) {
            for (String[] row : rows) {
                for (String cell : row) {
                    csv.cell(cell);
                }
                csv.endRow();
            }
        }
        return out.toByteArray();
    }

    @Test
    void startsWithUtf8ByteOrderMarkAndEndsLinesWithCrLf() throws IOException {
        byte[] bytes = write(List.of("A", "B"), new String[] {"1", "2"});
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFFA,B\r\n1,2\r\n");
    }

    @Test
    void emptyReportIsTheHeaderOnly() throws IOException {
        assertThat(new String(write(List.of("User Id", "Name")), StandardCharsets.UTF_8)).isEqualTo("\uFEFFUser Id,Name\r\n");
    }

    @Test
    void quotesCommasQuotesAndNewlinesAndKeepsNonAsciiAsUtf8() throws IOException {
        String[] row = {"García, Jr.", "\"Sunny\" Rao", "line1\nline2", "Zoë Østergaard Łukasz 李"};
        byte[] bytes = write(List.of("a", "b", "c", "d"), row);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"García, Jr.\",\"\"\"Sunny\"\" Rao\",\"line1\nline2\",Zoë Østergaard Łukasz 李\r\n");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).values()).containsExactly(row);
            assertThat(parser.getHeaderNames()).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void aRowMustHaveAsManyCellsAsTheHeader() throws IOException {
        ReportCsv csv = new ReportCsv(new ByteArrayOutputStream(), List.of("a", "b"));
        csv.cell("only one");
        assertThatThrownBy(csv::endRow).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 cells, the header 2");
    }

    @Test
    void cellsFormatDatesNumbersStatusesAndDefuseFormulas() {
        assertThat(Cells.instant(Instant.parse("2026-03-01T08:15:30.123Z"))).isEqualTo("2026-03-01T08:15:30Z");
        assertThat(Cells.instant(null)).isEmpty();
        assertThat(Cells.date(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-01");
        assertThat(Cells.number(100.0)).isEqualTo("100");
        assertThat(Cells.number(33.333333)).isEqualTo("33.33");
        assertThat(Cells.number((Double) null)).isEmpty();
        assertThat(Cells.status(0)).isEqualTo("Not Started");
        assertThat(Cells.status(1)).isEqualTo("In Progress");
        assertThat(Cells.status(2)).isEqualTo("Completed");
        assertThat(Cells.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(Cells.text("+1")).isEqualTo("'+1");
        assertThat(Cells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Cells.text("Anna")).isEqualTo("Anna");
        assertThat(Cells.id("-u1")).isEqualTo("-u1");
    }
}
