package org.waystation.intake.imports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.waystation.support.privacy.PhoneNumbers;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.text.ChannelText;

/**
 * The columns an import reads, by the names people give them in Chinese or English, and
 * the checks each row's values pass. Control characters in a row are stripped, not
 * refused: the slip cannot be sent back to the worker who wrote it.
 */
final class ImportColumns {

	static final String PHONE = "phone";

	static final String TEXT = "text";

	static final String DISTRICT = "district";

	static final String STATION = "stationId";

	static final String DATE = "date";

	private static final Map<String, String> NAMES = new HashMap<>();

	static {
		for (String name : List.of("phone", "mobile", "手机号", "手机", "手机号码", "电话", "联系电话")) {
			NAMES.put(name, PHONE);
		}
		for (String name : List.of("text", "appeal", "description", "诉求内容", "诉求", "内容", "问题描述", "心愿内容")) {
			NAMES.put(name, TEXT);
		}
		for (String name : List.of("district", "所在区", "区", "区县")) {
			NAMES.put(name, DISTRICT);
		}
		for (String name : List.of("stationid", "station", "grid", "驿站编号", "驿站", "站点编号", "网格", "网格编号")) {
			NAMES.put(name, STATION);
		}
		for (String name : List.of("date", "日期", "填写日期", "提交日期")) {
			NAMES.put(name, DATE);
		}
	}

	private static final List<DateTimeFormatter> DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu.M.d", "uuuu年M月d日")
		.stream()
		.map((pattern) -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final int MAX_TEXT = 2000;

	private final Map<String, Integer> index = new LinkedHashMap<>();

	private final List<String> ignored = new ArrayList<>();

	private final ZoneId zone;

	/** The header's columns; the phone and text columns must be there. */
	ImportColumns(List<String> header, ZoneId zone) {
		this.zone = zone;
		for (int i = 0; i < header.size(); i++) {
			String raw = (header.get(i) != null) ? ChannelText.clean(header.get(i)) : "";
			String column = NAMES.get(raw.replace(" ", "").toLowerCase(Locale.ROOT));
			if (column == null) {
				if (!raw.isEmpty()) {
					this.ignored.add(raw);
				}
			}
			else if (this.index.putIfAbsent(column, i) != null) {
				throw ProblemException.invalid("file", "names the " + column + " column twice (" + raw + ")");
			}
		}
		for (String required : List.of(PHONE, TEXT)) {
			if (!this.index.containsKey(required)) {
				throw ProblemException.invalid("file", "has no " + required + " column; the first row must name it ("
						+ (required.equals(PHONE) ? "手机号 or phone" : "诉求内容 or text") + ")");
			}
		}
	}

	List<String> ignored() {
		return List.copyOf(this.ignored);
	}

	/** The row checked: pending with its values, or refused with the column at fault. */
	ImportRow check(Table.Line line) {
		String rawPhone = value(line, PHONE);
		String masked = (rawPhone != null) ? PhoneNumbers.normalize(rawPhone).map(PhoneNumbers::mask).orElse(null)
				: null;
		if (rawPhone == null) {
			return ImportRow.rejected(line.number(), null, PHONE, "is required");
		}
		String phone = PhoneNumbers.normalize(rawPhone).orElse(null);
		if (phone == null) {
			return ImportRow.rejected(line.number(), null, PHONE,
					"must be a mainland mobile number such as 13812345678 or a landline with its area code");
		}
		String text = value(line, TEXT);
		if (text == null) {
			return ImportRow.rejected(line.number(), masked, TEXT, "is required");
		}
		if (text.codePointCount(0, text.length()) > MAX_TEXT) {
			return ImportRow.rejected(line.number(), masked, TEXT, "must be at most " + MAX_TEXT + " characters");
		}
		String district = value(line, DISTRICT);
		if (district != null && district.length() > 64) {
			return ImportRow.rejected(line.number(), masked, DISTRICT, "must be at most 64 characters");
		}
		String station = value(line, STATION);
		if (station != null && station.length() > 64) {
			return ImportRow.rejected(line.number(), masked, STATION, "must be at most 64 characters");
		}
		String written = value(line, DATE);
		LocalDate date = null;
		if (written != null) {
			date = date(written);
			if (date == null) {
				return ImportRow.rejected(line.number(), masked, DATE,
						"must be a date such as 2026-11-28 or 2026年11月28日");
			}
			if (date.isBefore(EARLIEST) || date.isAfter(LocalDate.now(this.zone).plusDays(1))) {
				return ImportRow.rejected(line.number(), masked, DATE, "must be between 2000-01-01 and today");
			}
		}
		return new ImportRow(line.number(), ImportRow.Outcome.PENDING, null, masked, phone, text, district, station,
				(date != null) ? date.toString() : null, null, null);
	}

	private String value(Table.Line line, String column) {
		Integer at = this.index.get(column);
		if (at == null) {
			return null;
		}
		String cell = line.cell(at);
		if (cell == null) {
			return null;
		}
		String cleaned = ChannelText.clean(cell);
		return cleaned.isEmpty() ? null : cleaned;
	}

	private static LocalDate date(String written) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(written.strip(), format);
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		return null;
	}

}
