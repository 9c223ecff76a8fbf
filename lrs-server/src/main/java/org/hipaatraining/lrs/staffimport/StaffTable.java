package org.hipaatraining.lrs.staffimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A staff list as a practice has it (an HR or payroll export): a header row and rows of text, read from CSV (any of
 * comma, semicolon or tab; UTF-8 with or without a byte order mark, else Windows-1252) or from the first sheet of an
 * Excel workbook (.xlsx; date cells become ISO dates). Blank rows are dropped; each row keeps its line in the file.
 */
public record StaffTable(String fileName, List<String> headers, List<Row> rows) {

    /** Rows a practice's list may have: a large practice has a few thousand people. */
    static final int MAX_ROWS = 20_000;

    /** A row, its cells lined up with the headers, and where it is in the file (line, or sheet row). */
    public record Row(long line, List<String> cells) {

        public String cell(int column) {
            return column < 0 || column >= cells.size() ? "" : cells.get(column);
        }
    }

    /** A file that cannot be read as a staff list, with what to do about it. */
    public static class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static StaffTable read(String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        if (content == null || content.length == 0) {
            throw new Unreadable("the file is empty");
        }
        if (ReadableWorkbook.isOOXMLZipHeader(Arrays.copyOf(content, Math.min(content.length, 8)))) {
            return xlsx(name, content);
        }
        if (ReadableWorkbook.isOLE2Header(Arrays.copyOf(content, Math.min(content.length, 8)))) {
            throw new Unreadable("this is an old Excel workbook (.xls): save it as .xlsx (Excel Workbook) or CSV and upload that");
        }
        return csv(name, text(content));
    }

    public int column(String header) {
        return header == null ? -1 : headers.indexOf(header);
    }

    private static String text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // Excel on Windows saves "CSV" in the system code page
            return new String(content, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    static StaffTable csv(String name, String text) {
        char delimiter = delimiter(text);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get().parse(new StringReader(text))) {
            List<String> headers = null;
            List<Row> rows = new ArrayList<>();
            int[] lineStarts = text.chars().filter(c -> c == '\n').count() > 0
                    ? java.util.stream.IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').toArray() : new int[0];
            for (CSVRecord record : parser) {
                List<String> cells = record.toList().stream().map(c -> c == null ? "" : c.trim()).toList();
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue; // a row of empty cells (",,,,") is a blank line too
                }
                if (headers == null) {
                    headers = headers(cells);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new Unreadable("more than " + MAX_ROWS + " rows: split the file");
                }
                rows.add(new Row(lineOf(lineStarts, record.getCharacterPosition()), pad(cells, headers.size())));
            }
            if (headers == null) {
                throw new Unreadable("the file has no header row");
            }
            return new StaffTable(name, headers, List.copyOf(rows));
        } catch (CSVException e) {
            throw unreadableCsv(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException syntax) {
                throw unreadableCsv(syntax);
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("not a CSV file this import can read: " + e.getMessage());
        }
    }

    /** The 1-based line of a character position, from the positions of the file's line breaks. */
    private static long lineOf(int[] lineBreaks, long position) {
        int index = Arrays.binarySearch(lineBreaks, (int) position);
        return (index >= 0 ? index : -index - 1) + 1;
    }

    private static Unreadable unreadableCsv(Exception e) {
        return new Unreadable("not a CSV file this import can read: " + e.getMessage()
                + " (a field with a comma, quote or line break must be in double quotes, and a quote inside it doubled)");
    }

    /** The delimiter the header line uses most: comma, semicolon (European Excel) or tab. */
    static char delimiter(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char best = ',';
        long most = -1;
        for (char c : new char[]{',', ';', '\t'}) {
            long count = outsideQuotes(first, c);
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }

    private static long outsideQuotes(String line, char c) {
        long count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    /** Headers as written, blank ones named by position and repeated ones numbered, so every column has a name. */
    private static List<String> headers(List<String> cells) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String h = cells.get(i).isBlank() ? "Column " + (i + 1) : cells.get(i);
            String unique = h;
            for (int n = 2; headers.contains(unique); n++) {
                unique = h + " (" + n + ")";
            }
            headers.add(unique);
        }
        return List.copyOf(headers);
    }

    private static List<String> pad(List<String> cells, int size) {
        if (cells.size() >= size) {
            return List.copyOf(cells.subList(0, Math.max(size, 0)));
        }
        List<String> padded = new ArrayList<>(cells);
        while (padded.size() < size) {
            padded.add("");
        }
        return List.copyOf(padded);
    }

    private static StaffTable xlsx(String name, byte[] content) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false))) {
            Sheet sheet = workbook.getFirstSheet();
            List<String> headers = null;
            List<Row> rows = new ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row row : sheet.read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (headers == null) {
                    headers = headers(cells);
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new Unreadable("more than " + MAX_ROWS + " rows: split the workbook");
                }
                rows.add(new Row(row.getRowNum(), pad(cells, headers.size())));
            }
            if (headers == null) {
                throw new Unreadable("the workbook's first sheet has no header row");
            }
            return new StaffTable(name, headers, List.copyOf(rows));
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            throw new Unreadable("not an Excel workbook this import can read (" + e.getClass().getSimpleName()
                    + "): save it again as .xlsx or CSV");
        }
    }

    /** A cell as text; a number formatted as a date becomes 2026-03-15, a whole number loses its ".0". */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && isDateFormat(format)) {
                LocalDateTime date = cell.asDate();
                return date.toLocalDate().toString();
            }
            BigDecimal number = cell.asNumber();
            return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text.trim();
    }

    /** Excel date formats have day, month or year letters outside quoted text and colour codes. */
    static boolean isDateFormat(String format) {
        String plain = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase(Locale.ROOT);
        return plain.contains("d") || plain.contains("y") || (plain.contains("m") && !plain.contains("h") && !plain.contains("s"));
    }
}
