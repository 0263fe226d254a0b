package dev.mora.debt;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.springframework.stereotype.Component;

/**
 * Reads {@code debtId,debtorId,name,phone,amount,currency,dueDate[,segment]} rows. The header is required and its
 * columns may come in any order; a missing column is an error of the whole file.
 */
@Component
class DebtCsvReader {

	static final List<String> REQUIRED = List.of("debtId", "debtorId", "name", "phone", "amount", "currency", "dueDate");

	static final Set<String> OPTIONAL = Set.of("segment", "timezone", "language");

	/** The first data row's number, counting the header as row 1, as a spreadsheet shows it. */
	static final int FIRST_ROW = 2;

	private final CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
		.enable(CsvParser.Feature.SKIP_EMPTY_LINES)
		.build();

	List<DebtRequest> read(Reader csv) throws IOException {
		List<DebtRequest> rows = new ArrayList<>();
		try (MappingIterator<Map<String, String>> iterator = this.mapper.readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(csv)) {
			boolean more = iterator.hasNextValue();
			checkHeader((CsvSchema) iterator.getParser().getSchema());
			while (more) {
				Map<String, String> row = nextRow(iterator, FIRST_ROW + rows.size());
				rows.add(new DebtRequest(row.get("debtId"),
						new DebtRequest.DebtorRequest(row.get("debtorId"), row.get("name"), row.get("phone")),
						row.get("amount"), row.get("currency"), row.get("dueDate"), row.get("segment"),
						row.get("timezone"), row.get("language")));
				more = iterator.hasNextValue();
			}
		}
		return rows;
	}

	private static Map<String, String> nextRow(MappingIterator<Map<String, String>> iterator, int rowNumber) {
		try {
			return iterator.nextValue();
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidDebtException(
					List.of(FieldError.of("row", "is not a CSV row that matches the header").inRow(rowNumber)));
		}
	}

	private static void checkHeader(CsvSchema header) {
		if (header.size() == 0) {
			throw new InvalidDebtException(List.of(FieldError
				.of("header", "is missing; expected " + String.join(",", REQUIRED) + "[,segment]")
				.inRow(1)));
		}
		List<FieldError> errors = new ArrayList<>();
		for (String column : REQUIRED) {
			if (header.column(column) == null) {
				errors.add(FieldError.of("header", "misses the column " + column).inRow(1));
			}
		}
		for (CsvSchema.Column column : header) {
			if (!REQUIRED.contains(column.getName()) && !OPTIONAL.contains(column.getName())) {
				errors.add(FieldError.of("header", "has an unknown column " + column.getName()).inRow(1));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidDebtException(errors);
		}
	}

}
