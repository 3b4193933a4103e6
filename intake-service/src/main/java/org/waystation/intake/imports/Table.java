package org.waystation.intake.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import org.waystation.support.problem.ProblemException;

/**
 * A spreadsheet as rows of text: the first row names the columns. CSV in UTF-8 (with or
 * without a byte-order mark) or, as Excel saves it on Chinese systems, GB18030; or the
 * first sheet of an XLSX workbook, where a date cell is read as the date it shows.
 *
 * @param format {@code CSV} or {@code XLSX}
 * @param header the first row's cells
 * @param rows every other row, numbered as the spreadsheet numbers them
 */
record Table(String format, List<String> header, List<Line> rows) {

	/**
	 * One row.
	 *
	 * @param number the row's number in the file (the header is row 1)
	 * @param cells the cells' text; a date cell of a workbook as an ISO date
	 */
	record Line(int number, List<String> cells) {

		String cell(int index) {
			return (index >= 0 && index < this.cells.size()) ? this.cells.get(index) : null;
		}

		boolean blank() {
			return this.cells.stream().allMatch((cell) -> cell == null || cell.isBlank());
		}

	}

	private static final Charset GB18030 = Charset.forName("GB18030");

	/**
	 * Reads the file, refusing one that is neither CSV nor XLSX, or that holds more than
	 * {@code maxRows} rows after the header.
	 */
	static Table read(byte[] data, int maxRows) {
		if (data.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(data)) {
			return workbook(data, maxRows);
		}
		if (data.length >= 8 && ReadableWorkbook.isOLE2Header(data)) {
			throw ProblemException.invalid("file", "is an old Excel (.xls) workbook; save it as .xlsx or CSV");
		}
		return csv(text(data), maxRows);
	}

	private static String text(byte[] data) {
		if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
			return new String(data, 3, data.length - 3, StandardCharsets.UTF_8);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(data))
				.toString();
		}
		catch (CharacterCodingException ex) {
			try {
				return GB18030.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(data))
					.toString();
			}
			catch (CharacterCodingException notChinese) {
				throw ProblemException.invalid("file", "is neither UTF-8 nor GB18030 text, nor an XLSX workbook");
			}
		}
	}

	private static Table csv(String text, int maxRows) {
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
		List<String> header = null;
		List<Line> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			while (records.hasNext()) {
				CSVRecord record = records.next();
				List<String> cells = record.toList();
				if (header == null) {
					header = cells;
					continue;
				}
				if (rows.size() == maxRows) {
					throw tooManyRows(maxRows);
				}
				rows.add(new Line((int) record.getRecordNumber(), cells));
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw ProblemException.invalid("file", "is not a readable CSV file: " + firstLine(ex.getMessage()));
		}
		if (header == null) {
			throw ProblemException.invalid("file", "is empty; its first row must name the columns");
		}
		return new Table("CSV", header, rows);
	}

	private static Table workbook(byte[] data, int maxRows) {
		List<String> header = null;
		List<Line> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(data),
				new ReadingOptions(true, false)); Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
			Iterator<Row> iterator = sheet.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(text(row.getCell(i)));
				}
				if (header == null) {
					header = cells;
					continue;
				}
				if (rows.size() == maxRows) {
					throw tooManyRows(maxRows);
				}
				rows.add(new Line(row.getRowNum(), cells));
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ProblemException problem) {
				throw problem;
			}
			throw ProblemException.invalid("file", "is not a readable XLSX workbook: " + firstLine(ex.getMessage()));
		}
		if (header == null) {
			throw ProblemException.invalid("file", "has an empty first sheet; its first row must name the columns");
		}
		return new Table("XLSX", header, rows);
	}

	/** A cell's text; a number as written (a phone stays a phone), a date as a date. */
	private static String text(Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return null;
		}
		if (cell.getType() == CellType.NUMBER) {
			if (isDate(cell)) {
				LocalDateTime date = cell.asDate();
				return date.toLocalDate().toString();
			}
			BigDecimal number = cell.asNumber();
			return number.stripTrailingZeros().toPlainString();
		}
		return cell.getText();
	}

	/**
	 * Whether a number cell shows a date: one of Excel's built-in date formats (14 to
	 * 22), or a format with year, month or day in it (colours, conditions and quoted text
	 * aside).
	 */
	private static boolean isDate(Cell cell) {
		Integer id = cell.getDataFormatId();
		if (id != null && id >= 14 && id <= 22) {
			return true;
		}
		String format = cell.getDataFormatString();
		return format != null && format.replaceAll("\\[[^]]*]|\"[^\"]*\"", "").matches("(?i).*[ymd].*");
	}

	private static ProblemException tooManyRows(int maxRows) {
		return ProblemException.invalid("file", "has more than " + maxRows + " rows after the header; split it");
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "it cannot be parsed";
		}
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 120) ? line.substring(0, 120) : line;
	}

}
