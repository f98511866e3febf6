package id.rapor.engine.standalone;

import id.rapor.api.model.Assessment;
import java.math.BigDecimal;

/** An assessment with the index and band the regulation says it must get; line is its row in the table. */
public record GoldenCase(String name, int line, Assessment assessment, BigDecimal expectedIndex, String expectedBand) {
}
