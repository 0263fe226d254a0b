package dev.mora.debt;

/** One bad field: {@code field} is a JSON path such as {@code debtor.phone}; {@code row} is set for CSV rows. */
public record FieldError(Integer row, String field, String message) {

	public static FieldError of(String field, String message) {
		return new FieldError(null, field, message);
	}

	public FieldError inRow(int row) {
		return new FieldError(row, this.field, this.message);
	}

}
